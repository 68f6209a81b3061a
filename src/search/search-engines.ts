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
  /** How many connections may write entries side by side (rebuild's `alone`). */
  writers: number;
  /** Adds documents of visible articles, inside the caller's transaction. */
  insert(trx: Db, documents: SearchDocument[]): Promise<void>;
  /** Removes these articles' entries, or every entry. */
  remove(trx: Db, articleIds: number[] | 'all'): Promise<void>;
  bulk(on: boolean): Promise<void>;
  tidy(): Promise<void>;
  /**
   * Around a rebuild nothing else reads (`rebuild({ alone })`): an engine may
   * take its indexes down before the entries are written (`down`), and build
   * each once over all of them after (`up`, which also makes any that a
   * rebuild stopped halfway left missing, and does nothing to those there).
   */
  indexes(state: 'down' | 'up'): Promise<void>;
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
    async rebuild({ alone = false, onProgress = () => {} } = {}) {
      const at = now().toISOString();
      const total = await publishedCount(db);
      if (alone && engine.writers > 1) return rebuildSideBySide(db, engine, at, total, onProgress);
      await engine.indexes('up');
      return db.transaction().execute(async (trx) => {
        await engine.remove(trx, 'all');
        let count = 0;
        for (let afterId = 0; ;) {
          onProgress({ phase: 'search index', done: count, total });
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

/** Published articles, by the kept counts: about how many a rebuild indexes (less any not yet due). */
async function publishedCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('article_counts')
    .select('n')
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The rebuild of a site nothing else uses: `engine.writers` connections, each
 * taking the next span of ids (a fiftieth of a writer's share) and writing
 * their entries a batch a statement, so that the database turns text into entries on all its cores
 * (on PostgreSQL that is most of the work: about 1.4 ms an article, where
 * reading the articles is 0.1). The engine's indexes are built after the
 * entries, once, rather than kept up entry by entry.
 */
async function rebuildSideBySide(
  db: Db,
  engine: SearchEngine,
  at: string,
  total: number,
  onProgress: (progress: { phase: string; done: number; total: number }) => void,
): Promise<number> {
  await engine.remove(db, 'all');
  await engine.indexes('down');
  const range = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.min<number>('id').as('first'), eb.fn.max<number>('id').as('last')])
    .executeTakeFirstOrThrow();
  let next = Number(range.first ?? 1);
  const last = Number(range.last ?? 0);
  const span = Math.max(1, Math.ceil((last - next + 1) / (engine.writers * 50)));
  let count = 0;
  const writer = async () => {
    while (next <= last) {
      const from = next;
      next += span;
      for (let afterId = from - 1; ;) {
        const docs = await visibleDocuments(db, at, {
          afterId,
          beforeId: from + span,
          limit: REBUILD_BATCH,
        });
        if (docs.length === 0) break;
        await engine.insert(db, docs);
        count += docs.length;
        onProgress({ phase: 'search index', done: count, total });
        afterId = docs[docs.length - 1].id;
      }
    }
  };
  await Promise.all(Array.from({ length: engine.writers }, writer));
  onProgress({ phase: 'search index: building its indexes', done: count, total });
  await engine.indexes('up');
  return count;
}
