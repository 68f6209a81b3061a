/**
 * Two Newsdesk instances on one PostgreSQL database and one S3-compatible
 * media store, as behind a load balancer, each its own process: an edit made
 * through one reaches a page the other had cached, within a second, through
 * PostgreSQL's LISTEN/NOTIFY (cache/instances.ts), and its pages that did not
 * show the article stay cached; a picture uploaded through one is served by
 * the other; beacons spread over both add up exactly; a scheduled article
 * goes live once, and the cache in front is purged once, not once per
 * instance; one of them leads, and when it stops the other takes over. On a
 * real server (TEST_DATABASE_URL; skipped without one) and a local S3
 * server (s3rver).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import type { Db } from '../../src/db/database.js';
import { suiteCleanup } from '../helpers/build-app.js';
import { multipartBody, sceneJpeg } from '../helpers/images.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { serveProcess, type ServerProcess } from '../helpers/server-process.js';
import { newsdesk } from '../helpers/site-on-disk.js';
import { ALL_TIME_VIEWS } from '../../src/content/articles/articles.repository.js';

describe('two instances on one PostgreSQL database and one S3 store', { skip: POSTGRES_SKIPPED }, () => {
  const cleanup = suiteCleanup();
  let one: ServerProcess;
  let two: ServerProcess;
  let db: Db;
  let s3: TestS3;
  let auth: Record<string, string>;
  /** The keys of every purge the instances sent to the cache in front (a recording stand-in for Varnish). */
  const purges: string[][] = [];

  before(async () => {
    const postgres = await freshPostgres(cleanup);
    db = postgres.open(1);
    s3 = await startS3(cleanup);
    const front = http.createServer((request, response) => {
      if (request.method === 'PURGE') purges.push(String(request.headers['xkey-purge']).split(' '));
      response.end();
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    cleanup.after(() => new Promise((resolve) => front.close(() => resolve())));

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pg-two-'));
    cleanup.after(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      DATABASE_URL: postgres.url,
      DATA_DIR: dataDir,
      ...s3.env,
      PURGE_STYLE: 'varnish-xkey',
      PURGE_URL: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
      // Readers' addresses come from X-Forwarded-For, as behind a load balancer.
      TRUST_PROXY: '1',
      // At info, an instance says when it leads.
      LOG_LEVEL: 'info',
    };
    // One fills the site with the demo; the other starts on it afterwards.
    one = await serveProcess(cleanup, env, ['--workers', '1', '--demo']);
    two = await serveProcess(cleanup, env, ['--workers', '1']);
    const user = newsdesk(
      dataDir,
      ['user', 'add', '--role', 'editor', '--email', 'e@example.org', '--name', 'E'],
      {
        env,
        input: 'a long enough secret\n',
      },
    );
    assert.equal(user.code, 0, user.stderr);
    const token = newsdesk(dataDir, ['token', 'create', '--email', 'e@example.org', '--name', 'test'], {
      env,
    });
    assert.equal(token.code, 0, token.stderr);
    auth = { authorization: `Bearer ${token.stdout.trim()}` };
  });

  const page = async (server: ServerProcess, url: string) => {
    const response = await fetch(server.base + url);
    return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() };
  };
  /** Asks `server` for `url` until `done` holds or `ms` pass; the last answer, and how long it took. */
  const until = async (server: ServerProcess, url: string, done: (body: string) => boolean, ms: number) => {
    const started = Date.now();
    let answer = await page(server, url);
    while (!done(answer.body) && Date.now() - started < ms) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await page(server, url);
    }
    return { ...answer, ms: Date.now() - started };
  };

  test('an edit through one is served fresh by the other within a second, whose page was cached; its other pages stay cached', async () => {
    const home = await (await fetch(`${two.base}/`)).text();
    const [articlePath, id] = /href="(\/articles\/(\d+)\/[^"]+)"/.exec(home)!.slice(1);
    const unrelated = '/support';
    for (const url of [articlePath, unrelated]) await page(two, url);
    assert.equal((await page(two, articlePath)).cache, 'hit');
    assert.equal((await page(two, unrelated)).cache, 'hit');

    const story = await (await fetch(`${one.base}/api/admin/articles/${id}`, { headers: auth })).json();
    const saved = await fetch(`${one.base}/api/admin/articles/${id}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...savableFields(story), title: 'A headline changed on the other instance' }),
    });
    assert.equal(saved.status, 200, await saved.text());

    const fresh = await until(
      two,
      articlePath,
      (body) => body.includes('A headline changed on the other'),
      5000,
    );
    assert.match(fresh.body, /A headline changed on the other instance/);
    assert.equal(fresh.cache, 'miss');
    assert.ok(fresh.ms < 1000, `served fresh after ${fresh.ms} ms`);
    assert.equal((await page(two, unrelated)).cache, 'hit', 'a page that did not show it stays cached');
  });

  test('a picture uploaded through one is served by the other, from the shared bucket', async () => {
    const data = await sceneJpeg(1200, 800, '#9ab3cc', '#44603f');
    const form = await multipartBody({ alt: 'A quay' }, { name: 'quay.jpg', type: 'image/jpeg', data });
    const uploaded = await fetch(`${one.base}/api/admin/media`, {
      method: 'POST',
      headers: { ...auth, ...form.headers },
      body: new Uint8Array(form.payload),
    });
    assert.equal(uploaded.status, 201, await uploaded.clone().text());
    const media = (await uploaded.json()) as { url: string; variants: { url: string }[] };
    for (const url of [media.url, ...media.variants.map((v) => v.url)]) {
      const served = await fetch(two.base + url);
      assert.equal(served.status, 200, url);
      const bytes = Buffer.from(await served.arrayBuffer());
      assert.ok(
        bytes.equals((await s3.object(url.replace(/^\/media\//, ''))).data),
        `${url}: the bucket's bytes`,
      );
    }
  });

  test('10,000 beacons from distinct readers spread over both give exactly 10,000 views', async () => {
    const home = await (await fetch(`${one.base}/`)).text();
    const id = Number(/href="\/articles\/(\d+)\//.exec(home)![1]);
    const views = async () =>
      (
        await db
          .selectFrom('articles')
          .select(ALL_TIME_VIEWS.as('view_count'))
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).view_count;
    const daily = async () =>
      Number(
        (
          await db
            .selectFrom('article_views_daily')
            .select((eb) => eb.fn.sum<number>('views').as('n'))
            .where('article_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n ?? 0,
      );
    const beforeDaily = await daily();
    const before = await views();
    const READERS = 10_000;
    let next = 0;
    let counted = 0;
    // Fifty readers at a time; reader n comes from 10.(n >> 16).(n >> 8 & 255).(n & 255), odd ones to the second instance.
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < READERS) {
          const n = next++;
          const server = n % 2 ? two : one;
          const response = await fetch(`${server.base}/api/articles/${id}/views`, {
            method: 'POST',
            headers: {
              'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`,
              'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
            },
          });
          assert.equal(response.status, 202);
          if (((await response.json()) as { counted: boolean }).counted) counted++;
        }
      }),
    );
    assert.equal(counted, READERS, 'every beacon was counted by the instance that took it');
    // Each instance writes its views within a second.
    const started = Date.now();
    while ((await views()) < before + READERS && Date.now() - started < 10_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await views(), before + READERS);
    assert.equal(await daily(), beforeDaily + READERS, 'and in the day’s count');
  });

  test('a scheduled article goes live once, on both, and the cache in front is purged once', async () => {
    const section = (await db.selectFrom('sections').select('slug').executeTakeFirstOrThrow()).slug;
    const at = new Date(Date.now() + 3000).toISOString();
    // Scheduled through the instance that does not lead; the one that does runs the scheduler, and hears of it.
    const leads = (server: ServerProcess) => server.log().includes('this instance leads');
    assert.equal([one, two].filter(leads).length, 1, 'one of them leads');
    const follower = leads(one) ? two : one;
    const created = await fetch(`${follower.base}/api/admin/articles`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Harbour reopens after the storm',
        section,
        status: 'scheduled',
        publishedAt: at,
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'The harbour opened again at noon.' }] },
          ],
        },
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id, path: articlePath } = (await created.json()) as { id: number; path: string };
    assert.equal((await page(one, articlePath)).status, 404, 'not before its time');

    const live = await until(two, articlePath, (body) => body.includes('Harbour reopens'), 20_000);
    assert.equal(live.status, 200, 'live on the second');
    // On time, not at the scheduler's next ten-second round: the lead instance was told (a few ms, as a rule).
    const late = Date.now() - Date.parse(at);
    assert.ok(late < 2500, `live ${late} ms after its time`);
    assert.equal((await page(one, articlePath)).status, 200, 'and on the first');
    const row = await db
      .selectFrom('articles')
      .select(['status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'published', published_at: at });

    // Purges go out within a second or so of the change.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const purged = purges.filter((keys) => keys.includes(`article-${id}`));
    assert.equal(purged.length, 1, `purged once: ${JSON.stringify(purged)}`);
  });

  test('one instance leads; when it stops, the other takes over', async () => {
    const leaders = async () =>
      (
        await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and granted
          and database = (select oid from pg_database where datname = current_database())
          and objsubid = 1 and objid = ((hashtext('newsdesk.lead')::bigint) & 4294967295)::oid`.execute(db)
      ).rows[0].n;
    assert.equal(await leaders(), 1);
    assert.ok(one.log().includes('this instance leads'), 'the first to start leads');
    assert.equal(await one.stop(), 0, one.log());
    const stopped = Date.now();
    while ((await leaders()) === 0 && Date.now() - stopped < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await leaders(), 1, 'the other instance leads now');
    assert.ok(two.log().includes('this instance leads'), 'the other says so');
    assert.equal(await two.stop(), 0, two.log());
  });
});
