import type { HeadlineSearch } from '../content/index.js';
import { dialectOf, type Db } from '../db/database.js';
import { postgresEngine } from './postgres-fts.js';
import { rankedSearch, type Matcher } from './ranked-search.js';
import { visibleDocuments, type SearchDocument } from './search-documents.js';
import type { SearchIndex } from './search-index.js';
import { fts5Engine } from './sqlite-fts.js';

/**
 * What an engine does itself: store and remove documents, find candidates
 * (`Matcher`), look headlines up, and tidy itself. The rest of a
 * SearchIndex (which articles to index, rebuilding, ranking) is the same
 * for every engine: `searchIndex`.
 */
export interface SearchEngine {
  matcher: Matcher;
  /** Adds documents of visible articles, inside the caller's transaction. */
  insert(trx: Db, documents: SearchDocument[]): Promise<void>;
  /** Removes these articles' entries, or every entry. */
  remove(trx: Db, articleIds: number[] | 'all'): Promise<void>;
  bulk(on: boolean): Promise<void>;
  tidy(): Promise<void>;
  headlineIds: HeadlineSearch['headlineIds'];
}

const REBUILD_BATCH = 500;

/** The search index on `db`'s engine: FTS5 on SQLite, text search on PostgreSQL. */
export function createSearchIndex(db: Db, now: () => Date): SearchIndex {
  return searchIndex(db, now, dialectOf(db) === 'postgres' ? postgresEngine(db) : fts5Engine(db));
}

function searchIndex(db: Db, now: () => Date, engine: SearchEngine): SearchIndex {
  const indexArticles = async (trx: Db, articleIds: number[]) => {
    if (articleIds.length === 0) return;
    const docs = await visibleDocuments(trx, now().toISOString(), { ids: articleIds });
    await engine.remove(trx, articleIds);
    await engine.insert(trx, docs);
  };
  return {
    indexArticle: (articleId) => db.transaction().execute((trx) => indexArticles(trx, [articleId])),
    indexArticles,
    addDocuments: (trx, documents) => engine.insert(trx, documents),
    removeArticle: (articleId) => engine.remove(db, [articleId]),
    bulk: (on) => engine.bulk(on),
    tidy: () => engine.tidy(),
    // One transaction: readers keep searching the old index until the new one commits.
    async rebuild() {
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        await engine.remove(trx, 'all');
        let count = 0;
        for (let afterId = 0; ;) {
          const docs = await visibleDocuments(trx, at, { afterId, limit: REBUILD_BATCH });
          if (docs.length === 0) return count;
          await engine.insert(trx, docs);
          count += docs.length;
          afterId = docs[docs.length - 1].id;
        }
      });
    },
    search: (q, page) => rankedSearch(db, engine.matcher, now().toISOString(), q, page),
    headlineIds: (typed, page, where) => engine.headlineIds(typed, page, where),
  };
}
