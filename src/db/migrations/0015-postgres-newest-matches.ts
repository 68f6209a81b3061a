import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Search's newest matches on PostgreSQL without reading every entry of a
 * common word (issue 8, measured in docs/PERFORMANCE.md); on SQLite, whose
 * FTS5 index is read from the newest id down, there is nothing to do.
 *
 * Search ranks a word's newest 500 matches, which the GIN indexes of
 * `article_search` found a span of ids at a time (`spans` in
 * src/search/postgres-fts.ts): each span read all the word's entries into
 * a bitmap, then kept those in the span's ids. For `"the minister"` at
 * 1,000,000 articles that was 55 ms, whatever the span. The documents' and
 * the pairs' entries now stand in one index beside each row's id, so that a
 * span is one more condition of the same index, and the word's entries are
 * read only where the span's rows are (GIN steps through a long list by its
 * tree). The id is indexed as `article_id::bigint` (through the `btree_gin`
 * extension, shipped with PostgreSQL and trusted: a database's owner may
 * create it), an expression nothing else holds: given `article_id`, the
 * planner would rather take the span from the primary key and check every
 * document in it, each fetched from TOAST.
 *
 * The index is built beside the old ones, which serve searches meanwhile;
 * writes to the search table wait for the build (docs/DEPLOY.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create extension if not exists btree_gin`.execute(db);
  await replace(db, { article_search_entries: ENTRIES }, ['article_search_document', 'article_search_pairs']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await replace(db, { article_search_document: 'document', article_search_pairs: 'pairs' }, [
    'article_search_entries',
  ]);
}

/** What article_search_entries holds: each document's words, its pairs, and its id. */
export const ENTRIES = 'document, pairs, (article_id::bigint)';

async function replace(db: Kysely<unknown>, built: Record<string, string>, dropped: string[]): Promise<void> {
  // Room to sort each build's entries, for this migration's transaction only.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  for (const [name, columns] of Object.entries(built))
    await sql.raw(`create index if not exists ${name} on article_search using gin (${columns})`).execute(db);
  for (const name of dropped) await sql.raw(`drop index if exists ${name}`).execute(db);
}
