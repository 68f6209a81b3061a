/**
 * View counts from several instances on one database add up exactly: two
 * processes' counters (two connections here), each counting its own share of
 * 10,000 readers and flushing at the same moments, leave every total right,
 * all-time, per day, per week and for the site. On SQLite (two connections to
 * one file, as `serve --workers 2`) and on PostgreSQL (two pools, as two
 * instances; TEST_DATABASE_URL, else skipped).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { visibleViews } from '../../src/content/index.js';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/database.js';
import { ViewCounter } from '../../src/views/index.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { ALL_TIME_VIEWS } from '../../src/content/articles/articles.repository.js';

const NOW = new Date('2026-05-04T09:00:00.000Z');
const ARTICLES = 40;
const READERS = 10_000;
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Two handles on one new database, migrated: what two processes would hold. */
async function sqliteTwice(t: TestContext): Promise<[Db, Db]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-views-'));
  const [one, two] = [openDatabase({ dataDir }), openDatabase({ dataDir })];
  t.after(async () => {
    await one.destroy();
    await two.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await migrateToLatest(one);
  return [one, two];
}

async function postgresTwice(t: TestContext): Promise<[Db, Db]> {
  const database = await freshPostgres(t);
  const [one, two] = [database.open(4), database.open(4)];
  await migrateToLatest(one);
  return [one, two];
}

// Both flush at once on PostgreSQL. On SQLite the flushes take turns: two connections in one
// process would wait on each other's write lock with the one thread blocked (workers, each a
// process, flush at once: test/integration/workers.test.ts).
for (const [name, open, together, skip] of [
  ['SQLite', sqliteTwice, false, false],
  ['PostgreSQL', postgresTwice, true, POSTGRES_SKIPPED],
] as const) {
  describe(`view counts from two instances on one ${name} database`, { skip }, () => {
    test('10,000 readers split between them count exactly 10,000, however their flushes meet', async (t) => {
      const [one, two] = await open(t);
      const ids = await articles(one);
      const counters = [one, two].map(
        (db) => new ViewCounter({ db, flushMs: 60_000, timeZone: async () => 'UTC', now: () => NOW }),
      );
      const expected = new Map<number, number>();
      // Four rounds: each instance counts its share, then both flush.
      for (let round = 0; round < 4; round++) {
        for (let n = round * 2500; n < (round + 1) * 2500; n++) {
          const articleId = ids[n % ids.length];
          const counter = counters[n % 2];
          const reader = { articleId, ip: `198.51.${n >> 8}.${n & 255}`, userAgent: BROWSER };
          assert.equal(counter.record(reader), 'counted');
          assert.equal(counter.record(reader), 'repeat', 'the same reader again');
          expected.set(articleId, (expected.get(articleId) ?? 0) + 1);
        }
        counters[0].record({ articleId: ids[0], ip: '203.0.113.1', userAgent: 'Googlebot/2.1' });
        if (together) await Promise.all(counters.map((counter) => counter.flush()));
        else for (const counter of counters) await counter.flush();
      }
      const all = await one
        .selectFrom('articles')
        .select(['id', ALL_TIME_VIEWS.as('view_count')])
        .where('status', '=', 'published')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        all.map((a) => [a.id, a.view_count]),
        ids.map((id) => [id, expected.get(id)]),
      );
      const total = async (table: 'article_views_daily' | 'article_views_week' | 'site_views_daily') =>
        (await sql<{ n: number }>`select sum(views) as n from ${sql.table(table)}`.execute(one)).rows[0].n;
      assert.equal(await total('article_views_daily'), READERS);
      assert.equal(await total('article_views_week'), READERS);
      assert.equal(await total('site_views_daily'), READERS);
      // What a beacon answers: the stored count, read the way the dialect reads (a promise on PostgreSQL).
      assert.equal(await visibleViews(two, ids[0], NOW.toISOString()), expected.get(ids[0]));
      assert.equal(await visibleViews(two, 999_999, NOW.toISOString()), undefined);
    });
  });
}

/** A section and ARTICLES published articles, plus a draft; their ids. */
async function articles(db: Db): Promise<number[]> {
  await db
    .insertInto('sections')
    .values({ slug: 'news', name: 'News', description: '', position: 0 })
    .execute();
  const at = '2026-05-01T08:00:00.000Z';
  const rows = await db
    .insertInto('articles')
    .values(
      Array.from({ length: ARTICLES + 1 }, (_, i) => ({
        slug: `story-${i}`,
        title: `Story ${i}`,
        lead: '',
        body: '{"type":"doc","content":[]}',
        section_id: 1,
        status: i === ARTICLES ? ('draft' as const) : ('published' as const),
        published_at: i === ARTICLES ? null : at,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  return rows.slice(0, ARTICLES).map((r) => r.id);
}
