import { sql, type Kysely } from 'kysely';
import { summariesByIds, visibleTo } from '../content/index.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { visibleDocuments, type SearchDocument } from './search-documents.js';
import type { SearchHit, SearchIndex, SearchResults } from './search-index.js';
import { toMatchExpression, typedQuery } from './search-query.js';
import { hasMatch, MATCH_CLOSE, MATCH_OPEN, snippetParts } from './snippet.js';

/**
 * Search on SQLite's FTS5 table `article_search(title, lead, body, tags)`
 * (migration 0001: unicode61, diacritics removed, rowid = article id).
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
const SNIPPET_TOKENS = 24;
/** Column numbers in article_search, for snippet(). */
const LEAD = 1;
const BODY = 2;

/**
 * Relevance with a recency boost, smaller is better (bm25() is negative):
 *
 *   bm25(article_search, 10.0, 4.0, 1.0, 6.0)           -- title, lead, body, tags
 *     * (1 + 1 / (1 + age_days / 30.0))                 -- 2x today, 1.5x at 30 days, ~1.08x at a year
 *
 * where age_days = max(0, julianday(:now) - julianday(articles.published_at)).
 * The boost is at most 2x: enough to put the newer of two similar matches first,
 * too little to lift a passing mention in the body over a headline (weights 1 vs 10).
 */
function rank(now: string) {
  return sql<number>`bm25(article_search, 10.0, 4.0, 1.0, 6.0)
    * (1 + 1 / (1 + max(0, julianday(${now}) - julianday(articles.published_at)) / 30.0))`;
}

export function createSearchIndex(db: Db, now: () => Date): SearchIndex {
  return {
    async indexArticle(articleId) {
      await db.transaction().execute(async (trx) => {
        const docs = await visibleDocuments(trx, now().toISOString(), { ids: [articleId] });
        await withSearchTable(trx).deleteFrom('article_search').where('rowid', '=', articleId).execute();
        await insertDocuments(trx, docs);
      });
    },

    async removeArticle(articleId) {
      await withSearchTable(db).deleteFrom('article_search').where('rowid', '=', articleId).execute();
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
  };
}

function withSearchTable(db: Db): SearchDb {
  return db.withTables<{ article_search: ArticleSearchTable }>();
}

async function insertDocuments(db: Db, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  await withSearchTable(db)
    .insertInto('article_search')
    .values(docs.map((d) => ({ rowid: d.id, title: d.title, lead: d.lead, body: d.body, tags: d.tags })))
    .execute();
}

/**
 * Two statements over the same match, both joined to articles so only what is
 * visible now counts, whatever the index still holds:
 *
 *   select articles.id, snippet(article_search, 2, …) as body_snippet, snippet(article_search, 1, …) as lead_snippet
 *   from article_search cross join articles
 *   where article_search match :expression and articles.id = article_search.rowid
 *     and articles.status = 'published' and articles.published_at <= :now
 *   order by <rank>, articles.published_at desc, articles.id desc
 *   limit :limit offset :offset
 *
 * and `select count(*)` over the same from/where. The plan: SCAN article_search
 * (MATCH), then SEARCH articles USING INTEGER PRIMARY KEY. With a plain join
 * SQLite prefers to walk every visible article by articles_status_published and
 * probe the index once per article; CROSS JOIN fixes the loop order.
 */
async function search(
  db: Db,
  now: string,
  q: string,
  page: { limit: number; offset: number },
): Promise<SearchResults> {
  const query = typedQuery(q);
  const expression = toMatchExpression(q);
  if (expression === null) return { total: 0, hits: [], query };

  const matches = withSearchTable(db)
    .selectFrom('article_search')
    // CROSS JOIN keeps article_search the outer loop in SQLite (see above).
    .crossJoin('articles')
    .whereRef('articles.id', '=', 'article_search.rowid')
    .where(sql<boolean>`article_search match ${expression}`)
    .where(visibleTo(now));
  const [count, rows] = await Promise.all([
    matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    matches
      .select(['articles.id', snippet(BODY).as('body_snippet'), snippet(LEAD).as('lead_snippet')])
      .orderBy(rank(now))
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(clamp(page.limit, 0, MAX_PAGE_SIZE))
      .offset(clamp(page.offset, 0, Number.MAX_SAFE_INTEGER))
      .execute(),
  ]);

  const snippets = new Map(rows.map((r) => [r.id, snippetParts(chooseSnippet(r))]));
  const articles = await summariesByIds(db, now, [...snippets.keys()]);
  const hits: SearchHit[] = articles.map((article) => ({ article, snippet: snippets.get(article.id) ?? [] }));
  return { total: Number(count.n), hits, query };
}

/**
 * The body around the match, else the lead: around its match, or its start when
 * only the title or tags matched (snippet() then returns the opening tokens).
 */
function chooseSnippet(row: { body_snippet: string; lead_snippet: string }): string {
  return hasMatch(row.body_snippet) ? row.body_snippet : row.lead_snippet;
}

function snippet(column: number) {
  return sql<string>`snippet(article_search, ${column}, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', ${SNIPPET_TOKENS})`;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
