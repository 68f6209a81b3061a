import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * The back office's words on PostgreSQL from a B-tree of headline words
 * (issue 8, measured in docs/PERFORMANCE.md); on SQLite, whose FTS5 index
 * of headlines (article_titles) answers from the index alone, there is
 * nothing to do.
 *
 * The back office lists the newest articles whose headline or standfirst
 * holds words typed as the start of theirs, counted up to a thousand. A GIN
 * index gives no ids, only where the rows are, so each match cost a read of
 * its article's row (a few to a page): 2,656 pages for `housing*` at
 * 100,000 articles, and at 1,000,000 a cold search read a thousand pages
 * from disk, 243 ms at the 95th percentile. Each article's headline and
 * standfirst words (`title_words`, migration 0010) now stand one to a row
 * beside its id, the primary key in word order, so that a word's beginning
 * is a range of the index and its articles are read from the index alone.
 *
 * Kept by a trigger as articles are written, as SQLite keeps article_titles;
 * an import, whose triggers rest, fills it at the end (FILL).
 * In word order ("C"): a beginning's words are one range, byte for byte.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `create table headline_words (
  word text collate "C" not null,
  article_id integer not null,
  primary key (word, article_id)
);
create function articles_headline_words() returns trigger language plpgsql as $$
declare
  old_words text[] := case when tg_op <> 'INSERT' then tsvector_to_array(old.title_words) else '{}' end;
  new_words text[] := case when tg_op <> 'DELETE' then tsvector_to_array(new.title_words) else '{}' end;
begin
  if tg_op <> 'INSERT' then
    delete from headline_words
    where article_id = old.id and word = any (array(select unnest(old_words) except select unnest(new_words)));
  end if;
  if tg_op <> 'DELETE' then
    insert into headline_words (word, article_id)
    select w, new.id from (select unnest(new_words) except select unnest(old_words)) as n (w);
  end if;
  return null;
end $$;
create trigger articles_headline_words after insert or delete on articles
  for each row execute function articles_headline_words();
-- Only when the words change: a save that keeps the headline and standfirst writes none.
create trigger articles_headline_words_changed after update of title, lead on articles
  for each row when (old.title_words is distinct from new.title_words)
  execute function articles_headline_words();
${FILL};
analyze headline_words;`,
    )
    .execute(db);
}

/**
 * Every article's words, in the index's order: a site migrated, or one moved
 * in (whose import has its statistics made with the rest, settleAfterLoad).
 */
export const FILL = `insert into headline_words (word, article_id)
  select w, a.id from articles a cross join lateral unnest(tsvector_to_array(a.title_words)) as w
  order by 1, 2`;

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `drop trigger articles_headline_words_changed on articles;
drop trigger articles_headline_words on articles;
drop function articles_headline_words();
drop table headline_words;`,
    )
    .execute(db);
}
