import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type Driver,
  Kysely,
  Migrator,
  PostgresAdapter,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteStatement,
  sql,
} from 'kysely';
import type { Config } from '../config.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-back-office.js';
import * as m0003 from './migrations/0003-taxonomy-admin.js';
import * as m0004 from './migrations/0004-archive-scale.js';
import * as m0005 from './migrations/0005-search-queue.js';
import * as m0006 from './migrations/0006-two-factor.js';
import * as m0007 from './migrations/0007-partner-feeds.js';
import * as m0008 from './migrations/0008-imports.js';
import * as m0009 from './migrations/0009-sign-in-failures.js';
import * as m0010 from './migrations/0010-postgres-listings.js';
import * as m0011 from './migrations/0011-postgres-headline-search.js';
import * as m0012 from './migrations/0012-view-totals.js';
import * as m0013 from './migrations/0013-postgres-phrase-pairs.js';
import * as m0014 from './migrations/0014-postgres-headline-words.js';
import * as m0015 from './migrations/0015-postgres-newest-matches.js';
import * as m0016 from './migrations/0016-postgres-headline-pairs.js';
import * as m0017 from './migrations/0017-postgres-sitemap-pages.js';
import * as m0018 from './migrations/0018-postgres-narrow-search-rows.js';
import * as pg0008 from './migrations-pg/0008-schema.js';

export type Db = Kysely<Database>;

/** How many rows `table` holds. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * After a whole site was loaded (`newsdesk import`): PostgreSQL's planner
 * statistics and visibility map made at once, not whenever autovacuum comes
 * round. Without statistics a common word's search took the slow plan (3 s
 * at 100,000 articles, docs/PERFORMANCE.md); without the visibility map a
 * deep page reads rows its index already holds. SQLite's plans are steered by
 * the queries themselves: nothing to do there.
 */
export async function settleAfterLoad(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`vacuum (analyze)`.execute(db);
}

/** Each SQLite database's connection and its kept statements (`sqliteHandle`, `readAtOnce`). */
const connections = new WeakMap<Db, { sqlite: SQLite.Database; statements: KeptStatements }>();
const observers = new WeakMap<SQLite.Database, (query: ObservedQuery) => void>();

/** A statement Kysely ran: its SQL and parameters. */
export interface ObservedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Calls `observer` with every statement run through `db` until the returned
 * function is called: how the scale tests see which queries a request runs,
 * to read their plans (EXPLAIN QUERY PLAN).
 */
export function observeQueries(db: Db, observer: (query: ObservedQuery) => void): () => void {
  const handle = sqliteHandle(db);
  observers.set(handle, observer);
  return () => observers.delete(handle);
}

/**
 * The SQLite connection under `db`, for the bulk path's prepared statements
 * (content/bulk, search's addDocuments): many rows at a fraction of what
 * building a Kysely query per batch costs. Use it only inside a Kysely
 * transaction on `db`, which holds the one connection for its duration, so
 * the statements are part of that transaction.
 */
export function sqliteHandle(db: Db): SQLite.Database {
  const connection = connections.get(db);
  if (!connection) throw new Error('sqliteHandle: not a database opened by openDatabase');
  return connection.sqlite;
}

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-back-office': m0002,
  '0003-taxonomy-admin': m0003,
  '0004-archive-scale': m0004,
  '0005-search-queue': m0005,
  '0006-two-factor': m0006,
  '0007-partner-feeds': m0007,
  '0008-imports': m0008,
  '0009-sign-in-failures': m0009,
  // PostgreSQL's indexes and headline words; on SQLite it does nothing.
  '0010-postgres-listings': m0010,
  // PostgreSQL's headline words beside search's documents; on SQLite it does nothing.
  '0011-postgres-headline-search': m0011,
  // All-time views out of the articles' rows, on both databases.
  '0012-view-totals': m0012,
  // PostgreSQL's word pairs for phrases; on SQLite it does nothing.
  '0013-postgres-phrase-pairs': m0013,
  // PostgreSQL's headline words in a B-tree, for the back office; on SQLite it does nothing.
  '0014-postgres-headline-words': m0014,
  // PostgreSQL's search indexes with each row's id, for the newest matches; on SQLite it does nothing.
  '0015-postgres-newest-matches': m0015,
  // PostgreSQL's headline word pairs, for phrases in older headlines; on SQLite it does nothing.
  '0016-postgres-headline-pairs': m0016,
  // PostgreSQL's sitemap pages from an index alone; on SQLite it does nothing.
  '0017-postgres-sitemap-pages': m0017,
  // PostgreSQL's search rows narrow, their headline words kept apart; on SQLite it does nothing.
  '0018-postgres-narrow-search-rows': m0018,
};

/**
 * PostgreSQL's: the schema SQLite's eight migrations reach, in one, under the
 * last one's name; every later migration comes in both dialects under one name.
 */
const postgresMigrations: Record<string, Migration> = {
  '0008-schema': pg0008,
  // Written with Kysely's schema builder, which both dialects read alike.
  '0009-sign-in-failures': m0009,
  '0010-postgres-listings': m0010,
  '0011-postgres-headline-search': m0011,
  // All-time views out of the articles' rows, on both databases.
  '0012-view-totals': m0012,
  // PostgreSQL's word pairs for phrases; on SQLite it does nothing.
  '0013-postgres-phrase-pairs': m0013,
  // PostgreSQL's headline words in a B-tree, for the back office; on SQLite it does nothing.
  '0014-postgres-headline-words': m0014,
  // PostgreSQL's search indexes with each row's id, for the newest matches; on SQLite it does nothing.
  '0015-postgres-newest-matches': m0015,
  // PostgreSQL's headline word pairs, for phrases in older headlines; on SQLite it does nothing.
  '0016-postgres-headline-pairs': m0016,
  // PostgreSQL's sitemap pages from an index alone; on SQLite it does nothing.
  '0017-postgres-sitemap-pages': m0017,
  // PostgreSQL's search rows narrow, their headline words kept apart; on SQLite it does nothing.
  '0018-postgres-narrow-search-rows': m0018,
};

/** Which database engine is under `db` (or a transaction on it). */
export function dialectOf<T>(db: Kysely<T>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The site's database: PostgreSQL when the configuration names one
 * (DATABASE_URL), else the SQLite file in DATA_DIR. `onError`: an idle
 * PostgreSQL connection failed (postgres.ts).
 */
export function openSiteDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  onError?: (error: Error) => void,
): Db {
  return config.databaseUrl ? openPostgres(config.databaseUrl, { onError }) : openDatabase(config);
}

/** Where the embedded database of the site at `config.dataDir` lives. */
export function databaseFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'newsdesk.db');
}

/** Opens the embedded database in `config.dataDir`, in WAL mode. */
export function openDatabase(config: Pick<Config, 'dataDir'>): Db {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sqlite = new SQLite(databaseFile(config));
  // A new file gets 16 KiB pages (an existing one keeps its own): an article with its body is
  // about 4 KB, which on 4 KiB pages spills into overflow pages; measured in docs/PERFORMANCE.md.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  // 8 MB of page cache a connection: the operating system's file cache already holds the hot
  // pages once for every worker, and a bigger cache here copied them into each (64 MB measured no
  // faster on article pages of a 100,000-article site than 16, nor 16 than 8, on article pages,
  // lists or search: docs/PERFORMANCE.md). The WAL is cut back to 64 MB after each checkpoint.
  sqlite.pragma('cache_size = -8000');
  sqlite.pragma('journal_size_limit = 67108864');
  // NORMAL is durable in WAL mode except against power loss on the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: statements }),
    log: (event) => {
      if (event.level === 'query') observers.get(sqlite)?.(event.query);
    },
  });
  connections.set(db, { sqlite, statements });
  return db;
}

/**
 * Runs a read at once on the SQLite connection under `db`, without waiting
 * for Kysely's turn: the rows, or undefined when it cannot, and the caller
 * goes through Kysely. It cannot when `db` is not an SQLite database opened
 * here (PostgreSQL, a transaction object), when a transaction holds the
 * connection (its writes, not yet committed, must not show in a page), or
 * when the statement writes. better-sqlite3 runs each statement to its end
 * before returning, except a stream of rows, beside which it lets other
 * reads run (not writes). The same statements and rows as through Kysely,
 * seen by `observeQueries` alike; for reader pages' prepared queries
 * (`prepared`). Kysely's turn (a lock, and half a dozen awaits a statement)
 * was about 12% of an article page's CPU on a miss: `bench/misses.ts
 * --against` the version before gave 0.882 and 0.868 of its CPU a miss
 * (docs/PERFORMANCE.md).
 */
export function readAtOnce<R>(db: Db, sql: string, parameters: readonly unknown[]): R[] | undefined {
  const connection = connections.get(db);
  if (!connection || connection.sqlite.inTransaction) return undefined;
  const statement = connection.statements.prepare(sql);
  if (!statement.readonly) return undefined;
  observers.get(connection.sqlite)?.({ sql, parameters });
  return statement.all(parameters) as R[];
}

/**
 * Transactions that take the write lock when they begin (`begin immediate`).
 * With several processes on one file (`serve --workers N`), a deferred
 * transaction that read first and then writes fails at once with "database
 * is locked" when another process wrote meanwhile: SQLite cannot wait for it,
 * since its snapshot is already stale. An immediate one waits its turn
 * (busy_timeout) instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** A statement as Kysely runs it, and whether it only reads. */
interface KeptStatement extends SqliteStatement {
  readonly readonly: boolean;
}

interface KeptStatements extends SqliteDatabase {
  prepare(sql: string): KeptStatement;
}

/** Prepared statements kept for reuse: a page's queries are the same SQL request after request. */
const STATEMENT_CACHE = 1000;

/**
 * The connection as Kysely sees it, with its statements prepared once and
 * kept (least recently used go first): preparing, which parses and plans the
 * SQL, costs as much as running most of our queries. Safe because every
 * statement runs to completion before the next starts (Kysely calls all() or
 * run(), or iterate() for a stream, during which it holds its turn).
 */
function withStatementCache(sqlite: SQLite.Database): KeptStatements {
  const cache = new Map<string, KeptStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else {
        statement = withRowsBuiltHere(sqlite.prepare(sql));
        // After a change to the schema, the statements kept may give other columns (a renamed one).
        if (SCHEMA_CHANGE.test(sql)) statement = afterwards(statement, () => cache.clear());
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\b/i;

/** The statement, calling `then` after each run. */
function afterwards(statement: KeptStatement, then: () => void): KeptStatement {
  return {
    reader: statement.reader,
    readonly: statement.readonly,
    all: (parameters) => {
      const rows = statement.all(parameters);
      then();
      return rows;
    },
    run: (parameters) => {
      const result = statement.run(parameters);
      then();
      return result;
    },
    iterate: (parameters) => statement.iterate(parameters),
  };
}

/**
 * A statement whose rows come from SQLite as arrays and are made into objects
 * here. better-sqlite3 makes each row's object in C++, looking every column's
 * name up in V8's string table again for every row: a page's eight sections
 * took 37 µs that way and 22 µs this way, an article page's statements about
 * a third less in all (docs/PERFORMANCE.md). Same objects: the columns in
 * order, a later column of the same name over an earlier one.
 */
function withRowsBuiltHere(statement: SQLite.Statement): KeptStatement {
  if (!statement.reader) return statement;
  statement.raw(true);
  let names: string[] = [];
  let make: (values: unknown[]) => Record<string, unknown> = () => ({});
  const toObject = (values: unknown[]) => {
    // A statement is planned again when the schema changes, and `select *` may then have more columns.
    if (values.length !== names.length) {
      names = statement.columns().map((column) => column.name);
      make = rowMaker(names);
    }
    return make(values);
  };
  return {
    reader: true,
    readonly: statement.readonly,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as Iterable<unknown[]>) yield toObject(values);
    },
  };
}

/**
 * A function making a row's object from its values, written for these
 * columns: `(v) => ({ "id": v[0], "slug": v[1] })`. Each statement's rows
 * are then made by a site of their own, all of one shape, with the fields
 * in the object; one loop for every statement saw dozens of shapes and went
 * megamorphic (1.7 µs for six rows of a dozen statements in turn, against
 * 0.2). Names are written as JSON strings; a `__proto__` column, which a
 * literal would take for the prototype, is defined as a field one by one.
 */
function rowMaker(names: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) =>
        Object.defineProperty(row, name, {
          value: values[i],
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      );
      return row;
    };
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as (values: unknown[]) => Record<string, unknown>;
}

/** Folds the write-ahead log into the database file and empties it: after a large write, before copying the file. */
export async function checkpoint(db: Db): Promise<void> {
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}

/** The migrations this version has, in order: a database made by it has run exactly these. */
export const MIGRATIONS = Object.keys(migrations);
/** The same, on PostgreSQL. */
export const POSTGRES_MIGRATIONS = Object.keys(postgresMigrations);

/**
 * Brings the schema up to date; returns the names of the migrations it ran.
 * Several processes starting at once on one database take turns: SQLite's
 * write lock, PostgreSQL's advisory lock (Kysely's migration lock).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const all = dialectOf(db) === 'postgres' ? postgresMigrations : migrations;
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('Database migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
