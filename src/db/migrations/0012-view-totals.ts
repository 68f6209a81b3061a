import { sql, type Kysely } from 'kysely';

/**
 * Each article's all-time views in a narrow table of their own, out of the
 * article's row (issue 7, measured in docs/PERFORMANCE.md). The view
 * counter adds to the count of every article read in the last second; on
 * the article's wide row (its body inline, a few articles to a 16 KB page),
 * a busy second's flush to 1,000 articles rewrote about 20 MB of pages in
 * SQLite's log, where these rows, hundreds to a page, take about 2 MB; on
 * PostgreSQL each flush made new versions of a thousand wide rows, and
 * entries in every index of theirs, the count being indexed. The all-time
 * most-read list walks `article_view_totals_top` from the most read down,
 * as the week's walks its own. An article never read has no row: its views
 * are 0. The same on both databases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_view_totals')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('views', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into article_view_totals (article_id, views)
    select id, view_count from articles where view_count > 0`.execute(db);
  await db.schema
    .createIndex('article_view_totals_top')
    .on('article_view_totals')
    .columns(['views', 'article_id'])
    .execute();
  await db.schema.dropIndex('articles_most_read').execute();
  await db.schema.alterTable('articles').dropColumn('view_count').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update articles set view_count = (select t.views from article_view_totals t where t.article_id = articles.id)
    where id in (select article_id from article_view_totals)`.execute(db);
  await db.schema
    .createIndex('articles_most_read')
    .on('articles')
    .columns(['status', 'view_count', 'published_at'])
    .execute();
  await db.schema.dropTable('article_view_totals').execute();
}
