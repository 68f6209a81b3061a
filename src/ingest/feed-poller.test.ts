import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { insertSource } from '../content/index.js';
import { buildTestApp } from '../../test/helpers/build-app.js';
import { FeedPoller, jaccard, wordPairs } from './feed-poller.js';
import { DEFAULT_OUTBOUND } from './outbound.js';
import { listenLocally } from '../../test/helpers/ports.js';

/** The same wire story, as two partners send it: their own GUIDs, links and a word changed. */
const STORY =
  'The port of Varna will open a second passenger ferry line in June, its harbour authority said on Friday, after three years of requests from the island councils.';
const rss = (items: string) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire A</title><link>https://a.example/</link>${items}</channel></rss>`;
const item = (guid: string, title: string, text: string) =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://a.example/${guid}</link><description>${text}</description><pubDate>Fri, 14 Mar 2025 09:30:00 +0200</pubDate></item>`;

test('partner feeds: each item once, duplicates across partners merged, broken feeds marked while others arrive, a clean stop', async (t) => {
  let wireA = rss(
    item('a-1', 'Second ferry line approved', STORY) +
      item('a-2', 'Bus fares rise', 'Fares on buses will rise by a tenth from May, the city said.'),
  );
  let etagA = '"a1"';
  const server = http.createServer((request, response) => {
    switch (request.url) {
      case '/wire-a.xml':
        if (request.headers['if-none-match'] === etagA) return response.writeHead(304).end();
        return response.writeHead(200, { 'content-type': 'application/rss+xml', etag: etagA }).end(wireA);
      case '/moved.xml':
        return response.writeHead(301, { location: '/wire-a.xml' }).end();
      case '/wire-b.json':
        return response.writeHead(200, { 'content-type': 'application/feed+json' }).end(
          JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            title: 'Partner B',
            items: [
              {
                id: 'b-77',
                url: 'https://b.example/ferry',
                title: 'Ferry line approved',
                content_text: STORY.replace('Friday', 'Friday morning'),
              },
            ],
          }),
        );
      case '/broken.xml':
        return response.writeHead(500).end('oops');
      case '/page.html':
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body><p>Hello</p></body></html>');
      case '/slow.xml':
        return; // never answers
      default:
        return response.writeHead(404).end();
    }
  });
  const base = await listenLocally(server);
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });

  const { app, clock } = await buildTestApp(t, { now: new Date('2025-03-14T08:00:00Z') });
  const db = app.services.db;
  const sourceA = await insertSource(db, { slug: 'wire-a', name: 'Wire A', url: null });
  const sourceB = await insertSource(db, { slug: 'partner-b', name: 'Partner B', url: null });
  const feeds: Record<string, number> = {};
  for (const [path, source] of [
    ['/wire-a.xml', sourceA.id],
    ['/wire-b.json', sourceB.id],
    ['/broken.xml', sourceB.id],
    ['/page.html', sourceB.id],
  ] as const) {
    const row = await db
      .insertInto('partner_feeds')
      .values({
        source_id: source,
        url: base + path,
        next_fetch_at: clock.now.toISOString(),
        created_at: clock.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    feeds[path] = row.id;
  }
  const policy = { ...DEFAULT_OUTBOUND, allow: ['127.0.0.1/32'], timeoutMs: 10_000 };
  const poller = new FeedPoller(db, { policy, now: () => clock.now, everyMs: 60_000 });

  // The first poll: A's two items, B's copy of A's story kept as its duplicate; two feeds fail, in words.
  assert.deepEqual(await poller.pollDue(), { fetched: 2, unchanged: 0, failed: 2, added: 3 });
  const items = await db
    .selectFrom('incoming_items')
    .select(['id', 'guid', 'source_id', 'duplicate_of'])
    .orderBy('id')
    .execute();
  // The two feeds are read side by side: the copy filed first is the original, whichever it is.
  const byGuid = new Map(items.map((i) => [i.guid, i]));
  assert.deepEqual([...byGuid].map(([guid, i]) => [guid, i.source_id]).sort(), [
    ['a-1', sourceA.id],
    ['a-2', sourceA.id],
    ['b-77', sourceB.id],
  ]);
  const [a1, b77] = [byGuid.get('a-1')!, byGuid.get('b-77')!];
  assert.equal(byGuid.get('a-2')!.duplicate_of, null);
  assert.deepEqual(
    [a1.duplicate_of, b77.duplicate_of],
    a1.id < b77.id ? [null, a1.id] : [b77.id, null],
    "B's copy of A's story and A's own: one names the other as what it duplicates",
  );
  const health = async (path: string) =>
    db.selectFrom('partner_feeds').selectAll().where('id', '=', feeds[path]).executeTakeFirstOrThrow();
  const broken = await health('/broken.xml');
  assert.equal(broken.last_error, `${base}/broken.xml answered 500`);
  assert.equal(broken.failures, 1);
  assert.equal(broken.next_fetch_at, '2025-03-14T08:20:00.000Z', 'tried again after twice its interval');
  assert.match((await health('/page.html')).last_error ?? '', /page\.html is not a feed Newsdesk can read/);
  const a = await health('/wire-a.xml');
  assert.equal(a.last_error, null);
  assert.equal(a.etag, '"a1"');
  assert.equal(a.last_success_at, '2025-03-14T08:00:00.000Z');

  // Ten minutes on: A answers 304 to its conditional GET, B brings nothing new, the broken ones wait.
  clock.now = new Date('2025-03-14T08:11:00Z');
  assert.deepEqual(await poller.pollDue(), { fetched: 1, unchanged: 1, failed: 0, added: 0 });

  // A changes: only the new item arrives; a second subscription to the same feed by another address adds nothing.
  wireA = rss(
    item('a-3', 'Night trains return', 'Sleeper carriages will run three nights a week from April.') +
      wireA.slice(wireA.indexOf('<item>'), wireA.lastIndexOf('</channel>')),
  );
  etagA = '"a2"';
  await db
    .insertInto('partner_feeds')
    .values({
      source_id: sourceA.id,
      url: `${base}/moved.xml`,
      next_fetch_at: '2025-03-14T08:20:00.000Z',
      created_at: clock.now.toISOString(),
    })
    .execute();
  clock.now = new Date('2025-03-14T08:22:00Z');
  const third = await poller.pollDue();
  assert.equal(third.added, 1);
  assert.equal(third.failed, 2, 'the broken feeds, tried again, fail again');
  assert.equal((await health('/broken.xml')).failures, 2);
  assert.equal(
    (await health('/broken.xml')).next_fetch_at,
    '2025-03-14T09:02:00.000Z',
    'four times the interval after two failures',
  );
  assert.equal((await db.selectFrom('incoming_items').select('id').execute()).length, 4);

  // Stopping while a feed hangs ends the poll at once, and is not held against the feed.
  const slow = await db
    .insertInto('partner_feeds')
    .values({
      source_id: sourceB.id,
      url: `${base}/slow.xml`,
      next_fetch_at: clock.now.toISOString(),
      created_at: clock.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  poller.start();
  await sleep(300);
  const stopped = await Promise.race([
    poller.stop().then(() => 'stopped'),
    sleep(8000).then(() => 'still waiting'),
  ]);
  assert.equal(stopped, 'stopped');
  const after = await db
    .selectFrom('partner_feeds')
    .selectAll()
    .where('id', '=', slow.id)
    .executeTakeFirstOrThrow();
  assert.equal(after.failures, 0);
  assert.equal(after.last_error, null);
});

test('near-identical text: the same story in other words shares most word pairs; another story almost none', () => {
  const same = jaccard(wordPairs(STORY), wordPairs(STORY.replace('Friday', 'Friday morning')));
  assert.ok(same >= 0.8, `${same}`);
  const other = jaccard(
    wordPairs(STORY),
    wordPairs('Fares on buses and trams will rise by a tenth from May, the city council said on Friday.'),
  );
  assert.ok(other < 0.1, `${other}`);
});
