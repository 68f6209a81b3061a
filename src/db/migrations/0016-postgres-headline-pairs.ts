import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Phrases in headlines on PostgreSQL by their pairs of words (issue 8,
 * measured in docs/PERFORMANCE.md); on SQLite, whose FTS5 index of
 * headlines keeps every word's positions, there is nothing to do.
 *
 * Past its newest 500 matches, search looks for a phrase in older headlines
 * and standfirsts. Their GIN index keeps no positions: `"the minister"`,
 * whose two words share 7% of the headlines and stand together in 0.24%,
 * was either walked for from the newest (82,000 rows read for 200 matches,
 * 100 ms at 100,000 articles) or found by its words and checked in 7,000
 * rows. Each headline's and standfirst's own pairs of neighbouring words
 * (search's pairKey, as migration 0013 keeps the documents') now stand in
 * `article_search.headline_pairs`, with a GIN index of their own, so that a
 * phrase of two words is one entry of it.
 *
 * The articles indexed before have none (null) until the search queue writes
 * their entries again, a hundred at a time, in the process that runs the
 * queues; until none is left, phrases are looked for in headlines as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `alter table article_search add column headline_pairs bigint[];
create index article_search_headline_pairs on article_search using gin (headline_pairs);
create index article_search_headline_pairs_missing on article_search (article_id) where headline_pairs is null;
insert into search_queue (article_id, queued_at)
  select article_id, to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  from article_search where headline_pairs is null
  on conflict (article_id) do nothing;`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw(`alter table article_search drop column headline_pairs;`).execute(db);
}
