/**
 * Search on PostgreSQL finds what search on SQLite finds: the demo site on
 * each engine, and a fixed set of queries a reader might type, each giving
 * the same best result, and SQLite's best results in the same order. On
 * PostgreSQL a word also finds its English forms (`elections`, `election`),
 * so more may come between them there. On a real server
 * (TEST_DATABASE_URL; skipped without one).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../helpers/build-app.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';

const NOW = new Date('2026-02-01T12:00:00.000Z');
/** Words, a phrase, a prefix, a name, two words, a Bulgarian place name, accents and case. */
const QUERIES = [
  'NATO',
  '"foreign ministers"',
  'vacc*',
  'Sofia',
  'snow roads',
  'Пловдив',
  'SOFIA',
  'elections',
];
const TOP = 5;

describe('search on PostgreSQL and on SQLite', { skip: POSTGRES_SKIPPED }, () => {
  test('the demo site: the same best result, and the same results in the same order, for a fixed set of queries', async (t) => {
    const sqlite = await buildTestApp(t, { demo: true, now: NOW, config: { databaseUrl: undefined } });
    const { url } = await freshPostgres(t);
    const postgres = await buildTestApp(t, { demo: true, now: NOW, config: { databaseUrl: url } });
    let found = 0;
    const top = async (app: typeof sqlite.app, q: string, limit: number) =>
      (await app.services.search.search(q, { limit, offset: 0 })).hits.map((h) => h.article.slug);
    for (const q of QUERIES) {
      const expected = await top(sqlite.app, q, TOP);
      const actual = await top(postgres.app, q, 50);
      found += expected.length;
      assert.equal(actual[0], expected[0], `"${q}": the best result`);
      // SQLite's results, in their order, among PostgreSQL's.
      assert.deepEqual(
        actual.filter((slug) => expected.includes(slug)),
        expected,
        `"${q}": ${actual.join(', ')}`,
      );
    }
    assert.ok(found >= QUERIES.length * 2, `the queries find something (${found} results in all)`);
  });
});
