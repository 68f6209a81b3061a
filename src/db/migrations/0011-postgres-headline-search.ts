import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Search's older headline matches on PostgreSQL, from the search table's
 * narrow rows rather than the articles' wide ones (issue 8, measured in
 * docs/PERFORMANCE.md); on SQLite there is nothing to do.
 *
 * A search for a word in more than 500 articles' text also looks for it in
 * older headlines and standfirsts: the newest 200 with it, below the 500th
 * text match. In `articles.title_words` that meant, for a word common in
 * text and rare in headlines, walking hundreds of thousands of articles'
 * rows (each with its body inline, a few to a page) or fetching every
 * headline match from them: 0.6 to 4.6 s at 1,000,000 articles. The same
 * words now stand beside each visible article's document in
 * `article_search` (its document lives in TOAST, so a row is a few hundred
 * bytes), written with it, indexed by their own GIN index. `title_words`
 * stays for the back office, which looks in every article of any status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `alter table article_search add column headline tsvector not null default ''::tsvector;
update article_search s set headline = a.title_words from articles a where a.id = s.article_id;
create index article_search_headline on article_search using gin (headline);`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql.raw(`alter table article_search drop column headline;`).execute(db);
}
