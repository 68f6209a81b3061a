import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Statement } from 'better-sqlite3';
import { sqliteHandle, type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Matcher } from './ranked-search.js';
import type { SearchEngine } from './search-engines.js';
import { headlineExpression } from './search-query.js';

/**
 * Search on SQLite's FTS5 table `article_search(title, lead, body, tags)`
 * (unicode61, diacritics removed, rowid = article id; contentless since
 * migration 0004: the index keeps no second copy of the text, and snippets
 * are made from the article's own, see snippet.ts).
 */

/** The FTS5 table; schema.ts leaves virtual tables out, so queries here add it. */
interface ArticleSearchTable {
  rowid: number;
  title: string;
  lead: string;
  body: string;
  tags: string;
}

type SearchDb = Kysely<Database & { article_search: ArticleSearchTable }>;

/** FTS5 under a SearchIndex (search-engines.ts). */
export function fts5Engine(db: Db): SearchEngine {
  let insert: Statement | undefined;
  return {
    // One writer at a time is all SQLite takes.
    writers: 1,
    matcher: fts5(db),
    // A prepared statement, run on the connection the caller's transaction holds (every caller
    // is inside one).
    async insert(_trx, documents) {
      insert ??= sqliteHandle(db).prepare(
        // The body may come as UTF-8 bytes (LongText): the cast makes them the text they spell.
        'insert into article_search (rowid, title, lead, body, tags) values (?, ?, ?, cast(? as text), ?)',
      );
      for (const d of documents) insert.run(d.id, d.title, d.lead, d.body, d.tags);
    },
    async remove(trx, articleIds) {
      let query = withSearchTable(trx).deleteFrom('article_search');
      if (articleIds !== 'all') query = query.where('rowid', 'in', articleIds);
      await query.execute();
    },

    // FTS5 merges its segments inside the writes that fill a level (automerge, 4 a level): 90 to
    // 330 ms now and then while a tag's 46,000 articles were written again, against 50 to 77 ms
    // at most with automerge off and 200 pages of merging after each batch.
    async bulk(on) {
      await sql`insert into article_search (article_search, rank) values ('automerge', ${sql.lit(on ? 0 : 4)})`.execute(
        db,
      );
    },
    // FTS5's index is its table: nothing to take down.
    async indexes() {},
    async tidy() {
      await sql`insert into article_search (article_search, rank) values ('merge', ${sql.lit(TIDY_PAGES)})`.execute(
        db,
      );
    },

    // article_titles: an FTS5 index of every article's headline and standfirst, whatever its
    // status, kept by triggers on articles (migration 0004). Its rowids, newest first, lead;
    // the caller's checks go by primary key on what it yields, so a page costs its rows.
    async headlineIds(typed, page, where) {
      const expression = headlineExpression(typed);
      if (expression === null) return null;
      const rows = await db
        .withTables<{ article_titles: { rowid: number } }>()
        .selectFrom('article_titles')
        .select('article_titles.rowid as id')
        .where(sql<SqlBool>`article_titles match ${expression}`)
        .where((eb) => eb.and(where?.(sql.ref('article_titles.rowid')) ?? []))
        .orderBy('article_titles.rowid', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

/** Pages of segment merging a tidy() does: about 6 ms typically, under 80 ms at most here. */
const TIDY_PAGES = 200;

function withSearchTable(db: Db): SearchDb {
  return db.withTables<{ article_search: ArticleSearchTable }>();
}

/**
 * FTS5's candidates for rankedSearch: `article_search` for the whole text,
 * `article_titles` for headlines and standfirsts (its prefix index keeps the
 * beginnings of words), `tag_names` for tags. Each a bounded statement:
 *
 *   select rowid from article_search where article_search match :expression
 *   order by rowid desc limit 500
 *   select rowid from tag_names where tag_names match '"energy prices"'
 */
function fts5(db: Db): Matcher {
  return {
    text: (expression, _terms, limit, beforeId) =>
      newestMatches(db, 'article_search', expression, limit, beforeId),
    headlines: (expression, _terms, limit, beforeId) =>
      newestMatches(db, 'article_titles', expression, limit, beforeId),
    async tagsWith(term) {
      const rows = await sql<{
        id: number;
      }>`select rowid as id from tag_names where tag_names match ${term.fts}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}

/** The ids of the newest `limit` matches of `expression` in an FTS5 table (below `beforeId`). */
async function newestMatches(
  db: Db,
  table: 'article_search' | 'article_titles',
  expression: string,
  limit: number,
  beforeId?: number,
): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${expression}
    ${beforeId === undefined ? sql`` : sql`and rowid < ${beforeId}`}
    order by rowid desc limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}
