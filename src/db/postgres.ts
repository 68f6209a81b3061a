import pg from 'pg';
import { Kysely, PostgresDialect, type KyselyConfig } from 'kysely';
import type { Database } from './schema.js';

/**
 * Values as SQLite hands them to the code: a count or a sum (PostgreSQL's
 * bigint) is a number, not a string. Every such value here is far below
 * 2^53.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connections in the pool (10). */
  connections?: number;
  /** An idle connection failed (the server restarted, a failover): it is dropped, and the pool opens another when needed. */
  onError?: (error: Error) => void;
  /** Kysely's log of statements (with their times), for tools such as bench/search-words.ts. */
  log?: KyselyConfig['log'];
}

/**
 * Opens the PostgreSQL database at `url` (`postgres://user:password@host:port/name`)
 * through a pool of connections. The schema is brought up to date by
 * `migrateToLatest`, as SQLite's is.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.connections ?? 10,
    types,
    // A connection is kept five minutes after its last statement, not pg's ten seconds: a new one
    // costs the server a process and cold caches, and a page asks several at once (half the
    // connections opened over an archive benchmark run; its p95s moved within the noise,
    // docs/PERFORMANCE.md). Idle connections do not keep the process from exiting.
    idleTimeoutMillis: 5 * 60_000,
    allowExitOnIdle: true,
  });
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', options.onError ?? (() => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
}
