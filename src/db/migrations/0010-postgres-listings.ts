import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * PostgreSQL's listings and headline words made as fast as SQLite's (issue 8,
 * measured in docs/PERFORMANCE.md); on SQLite there is nothing to do.
 *
 * - A list is ordered by its time, then by id. SQLite's indexes end in the
 *   rowid, so a page deep in a list walks only index entries; PostgreSQL's
 *   stopped at the time, so the same page read every row of the list and
 *   sorted it (a section's page 1,000: 90 ms at 100,000 articles). Each
 *   listing index now ends in `id`.
 * - The back office's words, and search's older headline matches, are looked
 *   for in headlines and standfirsts. Walking the newest articles, the
 *   planner's cheapest way for a common word, made the words of each row
 *   again (40 µs an article: 300 ms for one search); they are now a stored
 *   column, made when the row is written, and indexed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw(LISTINGS).execute(db);
}

const LISTINGS = `
drop index articles_title_words;
alter table articles add column title_words tsvector
  generated always as (to_tsvector('simple', newsdesk_unaccent(title || ' ' || lead))) stored;
create index articles_title_words on articles using gin (title_words);

drop index articles_section_published;
create index articles_section_published on articles (section_id, status, published_at, id);
drop index articles_source_published;
create index articles_source_published on articles (source_id, status, published_at, id);
drop index articles_status_published;
create index articles_status_published on articles (status, published_at, id);
drop index articles_featured;
create index articles_featured on articles (featured, status, published_at, id);
drop index articles_section_updated;
create index articles_section_updated on articles (section_id, updated_at, id);
drop index articles_status_updated;
create index articles_status_updated on articles (status, updated_at, id);
drop index articles_updated_at;
create index articles_updated_at on articles (updated_at, id);
drop index articles_created_by_updated;
create index articles_created_by_updated on articles (created_by, updated_at, id);
`;

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `alter table articles drop column title_words;
create index articles_title_words on articles
  using gin (to_tsvector('simple', newsdesk_unaccent(title || ' ' || lead)));`,
    )
    .execute(db);
}
