import { sql, type Kysely, type SqlBool } from 'kysely';
import { summariesByIds, stillVisibleTo } from '../content/index.js';
import type { Statement } from 'better-sqlite3';
import { sqliteHandle, type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { dependsOn } from '../lib/dependencies.js';
import { visibleDocuments, type SearchDocument } from './search-documents.js';
import type { SearchHit, SearchIndex, SearchResults, SnippetPart } from './search-index.js';
import { headlineExpression, toMatchExpression, typedQuery } from './search-query.js';
import { makeSnippet, termsIn, termsOf, type Term } from './snippet.js';
import { bodyText, type BodyDoc } from '../content/index.js';
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

const REBUILD_BATCH = 500;
const MAX_PAGE_SIZE = 100;

/**
 * Ranking, bounded whatever the word: the candidates are the newest WINDOW
 * articles that match (FTS5 walks its index from the newest id and stops
 * there) and, when more match, the newest HEADLINE_WINDOW older ones with the
 * words in their headline or standfirst (article_titles, whose index holds
 * only those). Each candidate scores, per search term, by where the term is:
 *
 *   10 in the headline + 6 in a tag + 4 in the standfirst + 1 (it is in the text somewhere)
 *
 * summed over the terms, times a recency boost 1 + 1 / (1 + age_days / 30):
 * 2x today, 1.5x at 30 days, about 1.08x at a year; enough to put the newer
 * of two similar matches first, too little to lift a passing mention over a
 * headline. Where a term is comes from the candidates' own headline,
 * standfirst and tag names (a few hundred short texts), never from counting
 * the term across the archive as bm25() does, so a word in every article
 * costs what a word in a thousand does. Below WINDOW matches every match is
 * ranked and the total is exact.
 */
export const WINDOW = 500;
export const HEADLINE_WINDOW = 200;
const WEIGHTS = { title: 10, tags: 6, lead: 4, anywhere: 1 };

function recencyBoost(publishedAt: string, now: number): number {
  const ageDays = Math.max(0, now - Date.parse(publishedAt)) / 86_400_000;
  return 1 + 1 / (1 + ageDays / 30);
}

/**
 * A candidate's relevance: per term, the weights of the fields it is in; and
 * which terms its headline, standfirst or tags hold.
 */
function relevance(
  article: { title: string; lead: string },
  inTags: Set<number>,
  terms: Term[],
): { score: number; held: Set<number> } {
  const inTitle = termsIn(article.title, terms);
  const inLead = termsIn(article.lead, terms);
  let score = 0;
  terms.forEach((_, t) => {
    score += WEIGHTS.anywhere;
    if (inTitle.has(t)) score += WEIGHTS.title;
    if (inTags.has(t)) score += WEIGHTS.tags;
    if (inLead.has(t)) score += WEIGHTS.lead;
  });
  return { score, held: new Set([...inTitle, ...inLead, ...inTags]) };
}

export function createSearchIndex(db: Db, now: () => Date): SearchIndex {
  let insert: Statement | undefined;
  /**
   * The one way documents go in: a prepared statement, run on the connection the caller's
   * transaction holds (every caller is inside one).
   */
  const insertDocuments = async (_trx: Db, documents: SearchDocument[]) => {
    insert ??= sqliteHandle(db).prepare(
      // The body may come as UTF-8 bytes (LongText): the cast makes them the text they spell.
      'insert into article_search (rowid, title, lead, body, tags) values (?, ?, ?, cast(? as text), ?)',
    );
    for (const d of documents) insert.run(d.id, d.title, d.lead, d.body, d.tags);
  };
  const indexArticles = async (trx: Db, articleIds: number[]) => {
    if (articleIds.length === 0) return;
    const docs = await visibleDocuments(trx, now().toISOString(), { ids: articleIds });
    await withSearchTable(trx).deleteFrom('article_search').where('rowid', 'in', articleIds).execute();
    await insertDocuments(trx, docs);
  };
  return {
    indexArticle: (articleId) => db.transaction().execute((trx) => indexArticles(trx, [articleId])),
    indexArticles,
    addDocuments: insertDocuments,

    async removeArticle(articleId) {
      await withSearchTable(db).deleteFrom('article_search').where('rowid', '=', articleId).execute();
    },

    // FTS5 merges its segments inside the writes that fill a level (automerge, 4 a level): 90 to
    // 330 ms now and then while a tag's 46,000 articles were written again, against 50 to 77 ms
    // at most with automerge off and 200 pages of merging after each batch.
    async bulk(on) {
      await sql`insert into article_search (article_search, rank) values ('automerge', ${sql.lit(on ? 0 : 4)})`.execute(
        db,
      );
    },
    async tidy() {
      await sql`insert into article_search (article_search, rank) values ('merge', ${sql.lit(TIDY_PAGES)})`.execute(
        db,
      );
    },

    // One transaction: readers keep searching the old index until the new one commits.
    async rebuild() {
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        await withSearchTable(trx).deleteFrom('article_search').execute();
        let count = 0;
        for (let afterId = 0; ;) {
          const docs = await visibleDocuments(trx, at, { afterId, limit: REBUILD_BATCH });
          if (docs.length === 0) return count;
          await insertDocuments(trx, docs);
          count += docs.length;
          afterId = docs[docs.length - 1].id;
        }
      });
    },

    search: (q, page) => search(db, now().toISOString(), q, page),

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
 * Small statements, each bounded (see WINDOW):
 *
 *   select rowid from article_search where article_search match :expression
 *   order by rowid desc limit 500                            -- the newest matches
 *   select rowid from article_titles where article_titles match :expression
 *     and rowid < :oldest order by rowid desc limit 200      -- older headline matches
 *   select id, title, lead, published_at from articles where id in (…) and <visible>
 *   select article_id, tag_id from article_tags where article_id in (…)   -- primary key
 *   select rowid from tag_names where tag_names match :term  -- tags holding each term
 *   select id, lead, body from articles where id in (<the page's ids>)    -- for snippets
 *
 * then the page's summaries by primary key.
 */
async function search(
  db: Db,
  now: string,
  q: string,
  page: { limit: number; offset: number },
): Promise<SearchResults> {
  // Any article published or changed may match.
  dependsOn('list-all');
  const query = typedQuery(q);
  const expression = toMatchExpression(q);
  if (expression === null) return { total: 0, more: false, hits: [], query };
  const terms = termsOf(expression);

  // 1. Candidates: the newest matches, then older headline matches. A word's beginning (`bulg*`)
  //    is looked for in headlines and standfirsts, whose index keeps the beginnings of words
  //    (article_titles, prefix = 3): in the whole text FTS5 would gather every word that starts so,
  //    a cost that grows with the archive (0.13 s for `min*` at 1,000,000 articles).
  const prefixes = terms.filter((t) => t.prefix);
  let candidates: number[];
  let complete: boolean;
  if (prefixes.length === 0) {
    const recent = await newestMatches(db, 'article_search', expression, WINDOW);
    complete = recent.length < WINDOW;
    const older = complete
      ? []
      : await newestMatches(db, 'article_titles', expression, HEADLINE_WINDOW, recent[recent.length - 1]);
    candidates = [...recent, ...older];
  } else {
    const words = terms.filter((t) => !t.prefix).map((t) => t.fts);
    const recent = words.length ? await newestMatches(db, 'article_search', words.join(' AND '), WINDOW) : [];
    const headlines = await newestMatches(db, 'article_titles', expression, WINDOW);
    complete = recent.length < WINDOW && headlines.length < WINDOW;
    candidates = [...new Set([...recent, ...headlines])];
  }
  // 2. Only what readers may see now, scored by where the terms are, with the recency boost.
  const [visible, tags] = candidates.length
    ? await Promise.all([
        db
          .selectFrom('articles')
          .select(['id', 'title', 'lead', 'published_at'])
          .where('id', 'in', candidates)
          .where(stillVisibleTo(db, now))
          .execute(),
        db
          .selectFrom('article_tags')
          .select(['article_id', 'tag_id'])
          .where('article_id', 'in', candidates)
          .execute(),
      ])
    : [[], []];
  // Which terms each candidate's tags hold, through the tags that hold any term at all.
  const termsOfTag = await tagsHolding(db, terms);
  const inTags = new Map<number, Set<number>>();
  for (const t of tags) {
    const found = termsOfTag.get(t.tag_id);
    if (!found) continue;
    const mine = inTags.get(t.article_id) ?? new Set<number>();
    for (const term of found) mine.add(term);
    inTags.set(t.article_id, mine);
  }
  const at = Date.parse(now);
  const none = new Set<number>();
  const ranked = visible
    .map((r) => {
      const { score, held } = relevance(r, inTags.get(r.id) ?? none, terms);
      return {
        id: r.id,
        publishedAt: r.published_at!,
        score: score * recencyBoost(r.published_at!, at),
        held,
      };
    })
    // A word's beginning counts where it was looked for: the headline or standfirst (or a tag).
    .filter((r) => prefixes.every((term) => r.held.has(terms.indexOf(term))))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) ||
        b.id - a.id,
    );

  // 3. The page, with snippets.
  const offset = clamp(page.offset, 0, Number.MAX_SAFE_INTEGER);
  const ids = ranked.slice(offset, offset + clamp(page.limit, 0, MAX_PAGE_SIZE)).map((r) => r.id);
  const snippets = new Map<number, SnippetPart[]>();
  if (ids.length) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'lead', 'body'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows)
      snippets.set(r.id, makeSnippet(bodyText(JSON.parse(r.body) as BodyDoc), r.lead, terms));
  }
  const articles = await summariesByIds(db, now, ids);
  const hits: SearchHit[] = articles.map((article) => ({ article, snippet: snippets.get(article.id) ?? [] }));
  return { total: ranked.length, more: !complete, hits, query };
}

/**
 * Tag id -> the terms (by index) its name holds, for the tags that hold any:
 * one query of the tag_names index per term.
 *
 * `select rowid from tag_names where tag_names match '"energy prices"'`
 */
async function tagsHolding(db: Db, terms: Term[]): Promise<Map<number, Set<number>>> {
  const found = new Map<number, Set<number>>();
  for (const [t, term] of terms.entries()) {
    const rows = await sql<{
      id: number;
    }>`select rowid as id from tag_names where tag_names match ${term.fts}`.execute(db);
    for (const { id } of rows.rows) found.set(id, (found.get(id) ?? new Set<number>()).add(t));
  }
  return found;
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

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
