import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Narrow rows for PostgreSQL's search table (issue 8, measured in
 * docs/PERFORMANCE.md); on SQLite, whose FTS5 index is contentless, there
 * is nothing to do.
 *
 * Every search ends in `article_search`'s rows: a GIN index says where a
 * match's row is, not its id, so each match costs a read of its row. The
 * documents and their pairs were already kept apart (TOAST), but each row
 * still held its headline's words and pairs, about 790 bytes: ten rows to a
 * page, 75 MB at 100,000 articles, 750 MB at 1,000,000, more than the
 * database server keeps in memory by default, so a word's matches were read
 * page by page from the operating system (a place name in 864 of 100,000
 * documents: 820 pages). With every value but the id kept apart
 * (`toast_tuple_target` at its least, 128 bytes), a row is about 110 bytes
 * and the table a seventh of the size (10 MB at 100,000), which stays in
 * memory: the newest 500 matches of 39 place names, 14.8 ms each on their
 * first search before, 4.0 after (6.3 and 2.2 on their second). Reading the headline
 * words of a row now costs a fetch from TOAST (about 14 µs against 2 for a
 * walk of the newest rows), which search weighs when it chooses between
 * walking and the index (`headlineFrequencies`).
 *
 * The rows already written are written again in id order (`CLUSTER`, which
 * also builds the table's indexes again), holding the table meanwhile:
 * searches and saves wait for it (docs/DEPLOY.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table article_search set (toast_tuple_target = 128)`.execute(db);
  // Room to sort the indexes' entries as they are built again, for this migration's transaction only.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`cluster article_search using article_search_pkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table article_search reset (toast_tuple_target)`.execute(db);
}
