import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { insertSource } from '../../src/content/index.js';
import { FeedPoller } from '../../src/ingest/feed-poller.js';
import { DEFAULT_OUTBOUND } from '../../src/ingest/outbound.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { listenLocally } from '../helpers/ports.js';

const STORY =
  'Shipments of wheat and maize through the Black Sea ports of Varna and Burgas rose by a fifth in the season to June, port data showed on Monday.';

test('editors subscribe sources to feeds and work the Incoming queue through the admin API', async (t) => {
  const server = http.createServer((request, response) => {
    if (request.url === '/a.xml')
      return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<rss version="2.0"><channel><title>A</title>
          <item><guid>a-1</guid><title>Grain exports at a five-year high</title><link>https://a.example/grain</link><description>${STORY}</description></item>
          <item><guid>a-2</guid><title>Ferry line approved</title><link>https://a.example/ferry</link><description>A second line will run from June, with 50% more crossings.</description></item>
        </channel></rss>`,
      );
    if (request.url === '/b.json')
      return response.writeHead(200, { 'content-type': 'application/feed+json' }).end(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'B',
          items: [
            {
              id: 'b-1',
              url: 'https://b.example/grain',
              title: 'Grain exports rise',
              content_text: STORY.replace('Monday', 'Monday morning'),
            },
          ],
        }),
      );
    response.writeHead(404).end();
  });
  const base = await listenLocally(server);
  t.after(() => server.close());

  const { app } = await buildTestApp(t);
  await insertSource(app.services.db, { slug: 'wire-a', name: 'Wire A', url: null });
  await insertSource(app.services.db, { slug: 'partner-b', name: 'Partner B', url: null });
  await makeUser(app, 'editor');
  await makeUser(app, 'author');
  const editor = await signIn(app, 'editor@example.org');
  const author = await signIn(app, 'author@example.org');
  const subscribe = (payload: Record<string, unknown>, who = editor) =>
    who.inject({ method: 'POST', url: '/api/admin/feeds', payload });

  // Refusals, each in words.
  for (const [payload, status, message] of [
    [{ source: 'wire-a', url: 'ftp://a.example/feed' }, 400, 'url: must start with http:// or https://'],
    [
      { source: 'wire-a', url: 'not a url' },
      400,
      'url: "not a url" is not a web address (it should start with https://)',
    ],
    [{ source: 'nobody', url: `${base}/a.xml` }, 400, 'source: there is no source "nobody"'],
    [
      { source: 'wire-a', url: `${base}/a.xml`, intervalMinutes: 1 },
      400,
      'body.intervalMinutes: must be >= 5',
    ],
  ] as const) {
    const response = await subscribe(payload);
    assert.equal(response.statusCode, status, JSON.stringify(payload));
    assert.equal(response.json().error.message, message);
  }
  assert.equal((await subscribe({ source: 'wire-a', url: `${base}/a.xml` }, author)).statusCode, 403);

  const a = await subscribe({ source: 'wire-a', url: `${base}/a.xml`, intervalMinutes: 15 });
  assert.equal(a.statusCode, 201, a.body);
  assert.deepEqual(
    {
      source: a.json().source,
      intervalMinutes: a.json().intervalMinutes,
      lastSuccessAt: a.json().lastSuccessAt,
    },
    { source: { slug: 'wire-a', name: 'Wire A' }, intervalMinutes: 15, lastSuccessAt: null },
  );
  const poller = new FeedPoller(app.services.db, {
    policy: { ...DEFAULT_OUTBOUND, allow: ['127.0.0.1/32'] },
    now: () => new Date(),
    everyMs: 60_000,
  });
  // A's grain story comes in first; B's copy of it, read in a later round, joins it. (Read in one
  // round, the two feeds are fetched at once and either may be first.)
  await poller.pollDue();
  assert.equal((await subscribe({ source: 'partner-b', url: `${base}/b.json` })).statusCode, 201);
  assert.equal((await subscribe({ source: 'partner-b', url: `${base}/missing.xml` })).statusCode, 201);
  const again = await subscribe({ source: 'partner-b', url: `${base}/a.xml` });
  assert.equal(again.statusCode, 409);
  assert.deepEqual(
    await poller.pollDue(),
    { fetched: 1, unchanged: 0, failed: 1, added: 1 },
    'A is not due again',
  );

  const feeds = (await editor.inject('/api/admin/feeds')).json().feeds;
  assert.deepEqual(
    feeds.map((f: { url: string; items: number; lastError: string | null; failures: number }) => [
      f.url.slice(base.length),
      f.items,
      f.lastError,
      f.failures,
    ]),
    [
      ['/b.json', 1, null, 0],
      ['/missing.xml', 0, `${base}/missing.xml answered 404`, 1],
      ['/a.xml', 2, null, 0],
    ],
  );

  const queue = (await editor.inject('/api/admin/incoming')).json();
  assert.equal(queue.total, 2, 'the grain story once, the ferry story once');
  const grain = queue.items.find((i: { title: string }) => i.title === 'Grain exports at a five-year high');
  assert.deepEqual(grain.alsoFrom, [
    { slug: 'partner-b', name: 'Partner B', link: 'https://b.example/grain' },
  ]);
  assert.equal(grain.source.slug, 'wire-a');
  assert.equal(grain.summary, STORY);

  assert.equal((await editor.inject('/api/admin/incoming?q=ferry')).json().total, 1);
  // What is typed is looked for as typed: % and _ are characters, not patterns.
  assert.equal((await editor.inject('/api/admin/incoming?q=50%25')).json().total, 1);
  assert.equal((await editor.inject('/api/admin/incoming?q=5_%25')).json().total, 0);
  assert.equal(
    (await editor.inject('/api/admin/incoming?source=partner-b')).json().total,
    0,
    'its only story is filed under A',
  );
  assert.equal((await author.inject('/api/admin/incoming')).statusCode, 403);

  const dismissed = await editor.inject({ method: 'POST', url: `/api/admin/incoming/${grain.id}/dismiss` });
  assert.equal(dismissed.statusCode, 204);
  assert.deepEqual(
    (await editor.inject('/api/admin/incoming')).json().items.map((i: { title: string }) => i.title),
    ['Ferry line approved'],
  );
  assert.equal((await editor.inject('/api/admin/incoming?status=dismissed')).json().total, 1);

  const removed = await editor.inject({ method: 'DELETE', url: `/api/admin/feeds/${a.json().id}` });
  assert.equal(removed.statusCode, 204);
  assert.equal((await editor.inject('/api/admin/incoming')).json().total, 0, 'its items went with it');
});
