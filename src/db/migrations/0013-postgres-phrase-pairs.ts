import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Phrases on PostgreSQL by word pairs (issue 8, measured in
 * docs/PERFORMANCE.md); on SQLite, whose FTS5 index keeps every word's
 * positions, there is nothing to do.
 *
 * PostgreSQL's GIN index keeps no positions, so a phrase was checked in
 * each candidate's document, fetched from TOAST: `"the minister"` read
 * 4,000 documents at 100,000 articles, and two common words seldom side by
 * side read hundreds of thousands at 1,000,000. Each visible article's
 * pairs of neighbouring words now stand beside its document in
 * `article_search.pairs` (each pair as a number: search's pairKey), with a
 * GIN index of their own, so that a phrase of two words is one entry of it,
 * and a longer one a few, checked in the documents that hold them all.
 *
 * The pairs are made by search (wordPairs, src/search/snippet.ts), from
 * words as a phrase matches them on both databases (FTS5's unicode61: runs
 * of letters and numbers, folded): `"covid 19"` in `COVID-19`.
 *
 * The articles indexed before have none (null) until the search queue writes
 * their entries again, a hundred at a time, in the process that runs the
 * queues; until none is left, phrases are found as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `alter table article_search add column pairs bigint[];
create index article_search_pairs on article_search using gin (pairs);
create index article_search_pairs_missing on article_search (article_id) where pairs is null;
insert into search_queue (article_id, queued_at)
  select article_id, to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  from article_search where pairs is null
  on conflict (article_id) do nothing;`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw(`alter table article_search drop column pairs;`).execute(db);
}
