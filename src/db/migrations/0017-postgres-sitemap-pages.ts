import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * A sitemap page's rows from an index alone on PostgreSQL (issue 8,
 * measured in docs/PERFORMANCE.md); on SQLite, whose articles are stored in
 * id order, a page's 1,000 ids are already a few neighbouring pages of the
 * table.
 *
 * A sitemap page lists the visible articles of 1,000 ids, by the primary
 * key. PostgreSQL's rows lie eight or nine to a page of the table, so a
 * page read 120-150 pages of it, which at 1,000,000 articles are seldom in
 * shared buffers: a crawler's walk through the pages read a tenth of the
 * table. The primary key's ids with the columns a page shows (slug, status,
 * times) in one index give the same rows from about 20 of its pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create index if not exists articles_sitemap on articles (id) include (slug, status, published_at, updated_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`drop index if exists articles_sitemap`.execute(db);
}
