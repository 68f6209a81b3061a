/**
 * Two Newsdesk instances on one PostgreSQL database, as behind a load
 * balancer: an edit made through one reaches a page the other had cached,
 * through PostgreSQL's LISTEN/NOTIFY (cache/instances.ts); its pages that
 * did not show the article stay cached; one of them leads, and when it
 * stops the other takes over. On a real server (TEST_DATABASE_URL;
 * skipped without one), each instance its own process.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { serveProcess } from '../helpers/server-process.js';
import { newsdesk } from '../helpers/site-on-disk.js';

describe('two instances on one PostgreSQL database', { skip: POSTGRES_SKIPPED }, () => {
  test('an edit through one is served fresh by the other, whose page was cached; its other pages stay cached', async (t) => {
    const { url, open } = await freshPostgres(t);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pg-two-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATABASE_URL: url, DATA_DIR: dataDir };
    // One fills the site with the demo; the other starts on it afterwards.
    const one = await serveProcess(t, env, ['--workers', '1', '--demo']);
    const two = await serveProcess(t, env, ['--workers', '1']);
    assert.equal(
      newsdesk(dataDir, ['user', 'add', '--role', 'editor', '--email', 'e@example.org', '--name', 'E'], {
        env,
        input: 'a long enough secret\n',
      }).code,
      0,
    );
    const token = newsdesk(dataDir, ['token', 'create', '--email', 'e@example.org', '--name', 'test'], {
      env,
    });
    assert.equal(token.code, 0, token.stderr);
    const auth = { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' };

    // The other instance has the article page, and an unrelated one, cached.
    const home = await (await fetch(`${two.base}/`)).text();
    const [articlePath, id] = /href="(\/articles\/(\d+)\/[^"]+)"/.exec(home)!.slice(1);
    const cached = async (page: string) => {
      const response = await fetch(two.base + page);
      return { cache: response.headers.get('x-cache'), body: await response.text() };
    };
    const unrelated = '/support';
    for (const page of [articlePath, unrelated]) await cached(page);
    assert.equal((await cached(articlePath)).cache, 'hit');
    assert.equal((await cached(unrelated)).cache, 'hit');

    // The edit, through the first.
    const story = await (await fetch(`${one.base}/api/admin/articles/${id}`, { headers: auth })).json();
    const saved = await fetch(`${one.base}/api/admin/articles/${id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ ...savableFields(story), title: 'A headline changed on the other instance' }),
    });
    assert.equal(saved.status, 200, await saved.text());

    // The second serves it fresh (a few milliseconds, as a rule; up to five seconds allowed here).
    const started = Date.now();
    let page = await cached(articlePath);
    while (!page.body.includes('A headline changed on the other instance') && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      page = await cached(articlePath);
    }
    assert.match(page.body, /A headline changed on the other instance/);
    assert.equal(page.cache, 'miss');
    assert.equal((await cached(unrelated)).cache, 'hit', 'a page that did not show it stays cached');

    // One of them leads (runs the scheduler and the background work); when it stops, the other takes over.
    const db = open(1);
    const leaders = async () =>
      (
        await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and granted
          and database = (select oid from pg_database where datname = current_database())
          and objsubid = 1 and objid = ((hashtext('newsdesk.lead')::bigint) & 4294967295)::oid`.execute(db)
      ).rows[0].n;
    assert.equal(await leaders(), 1);
    assert.equal(await one.stop(), 0, one.log());
    const stopped = Date.now();
    while ((await leaders()) === 0 && Date.now() - stopped < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await leaders(), 1, 'the other instance leads now');
    assert.equal(await two.stop(), 0, two.log());
  });
});
