/**
 * A read replica (DATABASE_READ_URL) on a real PostgreSQL primary and its
 * streaming replica, each a server of its own made for the test: reader
 * pages, search and the public API read the replica; the back office reads
 * the primary; and a change's pages are dropped once the replica has it,
 * not before (a page rendered from a replica that is behind would stay
 * cached, showing what was there before). Skipped without PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { replicatedPostgres, REPLICA_SKIPPED } from '../helpers/postgres-replica.js';

describe('a read replica', { skip: REPLICA_SKIPPED }, () => {
  // Last in, first out: the app closes before its servers stop.
  const cleanup = suiteCleanup();

  test('readers read the replica and the back office the primary; a change’s pages are dropped once the replica has it', async () => {
    const pair = await replicatedPostgres(cleanup);
    const { app } = await buildTestApp(cleanup, {
      demo: true,
      config: { databaseUrl: pair.primary, databaseReadUrl: pair.replica },
    });
    const get = async (url: string) => {
      const response = await app.inject(url);
      return { status: response.statusCode, cache: response.headers['x-cache'], body: response.body };
    };
    /** Asks for `url` until `done` holds or `ms` pass; the last answer, and how long it took. */
    const until = async (url: string, done: (body: string) => boolean, ms: number) => {
      const started = Date.now();
      let answer = await get(url);
      while (!done(answer.body) && Date.now() - started < ms) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        answer = await get(url);
      }
      return { ...answer, ms: Date.now() - started };
    };

    // The demo was written to the primary; the home page shows it once the replica has it.
    const home = await until('/', (body) => /href="\/articles\/\d+\//.test(body), 10_000);
    const [articlePath, id] = /href="(\/articles\/(\d+)\/[^"]+)"/.exec(home.body)!.slice(1);
    const before = await get(articlePath);
    assert.equal(before.status, 200);
    assert.equal((await get(articlePath)).cache, 'hit');

    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    const story = (await editor.inject(`/api/admin/articles/${id}`)).json();
    const headline = 'Night ferries run again after the harbour reopens';

    // The replica stops replaying the primary's log: it is behind, as a replica may be.
    await pair.replay(false);
    const saved = await editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${id}`,
      payload: { ...savableFields(story), title: headline },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    // The back office reads the primary: the editor sees the change at once.
    assert.equal((await editor.inject(`/api/admin/articles/${id}`)).json().title, headline);
    // Readers read the replica, which has not got it: not from the public API, nor search, nor the page.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await get(`/api/articles/${id}`)).body.includes(headline), false, 'the public API');
    assert.doesNotMatch((await get('/search?q=harbour+reopens')).body, /Night ferries run again/);
    const behind = await get(articlePath);
    assert.doesNotMatch(behind.body, /Night ferries run again/);
    assert.equal(behind.cache, 'hit', 'its page is kept until the replica has the change');

    // Once the replica replays again, the page is dropped and rendered from what it now has.
    await pair.replay(true);
    const fresh = await until(articlePath, (body) => body.includes(headline), 5000);
    assert.match(fresh.body, /Night ferries run again after the harbour reopens/);
    assert.equal(fresh.cache, 'miss');
    assert.ok(fresh.ms < 2000, `served fresh ${fresh.ms} ms after the replica caught up`);
    assert.match((await get(`/api/articles/${id}`)).body, /Night ferries run again/);
    assert.match((await get('/search?q=harbour+reopens')).body, /Night ferries run again/);
  });
});
