import { dialectOf, type Db } from '../db/database.js';
import { createPostgresSearchIndex } from './postgres-fts.js';
import type { SearchIndex } from './search-index.js';
import { createSqliteSearchIndex } from './sqlite-fts.js';

/** The search index on `db`'s engine: FTS5 on SQLite, text search on PostgreSQL. */
export function createSearchIndex(db: Db, now: () => Date): SearchIndex {
  return dialectOf(db) === 'postgres' ? createPostgresSearchIndex(db, now) : createSqliteSearchIndex(db, now);
}
