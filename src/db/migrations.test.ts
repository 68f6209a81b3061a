import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Migrator, type Migration } from 'kysely';
import { migrateToLatest, openDatabase } from './database.js';
import * as m0001 from './migrations/0001-initial.js';

test('a database from the first release upgrades with its articles, links and counts intact', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-migrate-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const db = openDatabase({ dataDir });
  // 1. The schema as the first release left it, with content.
  const first = new Migrator({
    db,
    provider: { getMigrations: async () => ({ '0001-initial': m0001 as Migration }) },
  });
  assert.equal((await first.migrateToLatest()).error, undefined);
  await db
    .insertInto('sections')
    .values({ slug: 'news', name: 'News', description: '', position: 0 })
    .execute();
  await db.insertInto('tags').values({ slug: 'nato', name: 'NATO' }).execute();
  const at = '2022-01-22T10:06:00.000Z';
  for (const id of [1, 2]) {
    await db
      .insertInto('articles')
      .values({
        id,
        slug: `a-${id}`,
        title: `A ${id}`,
        lead: '',
        body: '{"type":"doc","content":[]}',
        section_id: 1,
        source_id: null,
        status: 'published',
        published_at: at,
        created_at: at,
        updated_at: at,
        revised_at: null,
        seo_title: null,
        seo_description: null,
        view_count: 7 * id,
      } as never)
      .execute();
    await db.insertInto('article_tags').values({ article_id: id, tag_id: 1, position: 0 }).execute();
  }
  await db
    .insertInto('article_related')
    .values({ article_id: 1, related_id: 2, position: 0, score: 1 })
    .execute();

  // 2. Upgrade.
  const ran = await migrateToLatest(db);
  assert.ok(ran.includes('0002-back-office'));
  const articles = await db
    .selectFrom('articles')
    .innerJoin('article_view_totals', 'article_view_totals.article_id', 'articles.id')
    .select(['id', 'title', 'views', 'version', 'status'])
    .orderBy('id')
    .execute();
  // The views the rows had, moved to their own table by 0012.
  assert.deepEqual(articles, [
    { id: 1, title: 'A 1', views: 7, version: 1, status: 'published' },
    { id: 2, title: 'A 2', views: 14, version: 1, status: 'published' },
  ]);
  assert.equal(
    (await db.selectFrom('article_tags').selectAll().execute()).length,
    2,
    'the rebuild did not cascade',
  );
  assert.equal((await db.selectFrom('article_related').selectAll().execute()).length, 1);

  // 3. The new statuses are allowed; foreign keys still hold and cascade.
  await db.updateTable('articles').set({ status: 'review' }).where('id', '=', 2).execute();
  await db.deleteFrom('articles').where('id', '=', 2).execute();
  assert.equal((await db.selectFrom('article_tags').selectAll().execute()).length, 1);
  assert.equal((await db.selectFrom('article_related').selectAll().execute()).length, 0);
  const fk = await db.selectFrom('articles').select('id').execute();
  assert.deepEqual(fk, [{ id: 1 }]);
  await db.destroy();
});
