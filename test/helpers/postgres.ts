import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestContext } from 'node:test';
import { migrateToLatest, type Db } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres.js';
import type { CleanUp } from './build-app.js';
import { tempDatabase } from './factories.js';

/**
 * The PostgreSQL server the suite's PostgreSQL half runs on: TEST_DATABASE_URL
 * (`bash scripts/test-postgres.sh start` starts a throwaway one and prints it;
 * `.ci/run` does so). Without it those tests are skipped with this reason,
 * except under CI=true, where they fail.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const POSTGRES_SKIPPED =
  POSTGRES_URL === undefined &&
  process.env.CI !== 'true' &&
  'PostgreSQL half skipped: no TEST_DATABASE_URL (eval "$(bash scripts/test-postgres.sh start)" first, or bash .ci/run)';

/**
 * A new, empty database on the test server for one test (UTF-8, so that
 * lower() and the text search parser know Cyrillic): its URL, and `open` for
 * Kysely on it. After the test every database opened is closed, then the
 * database is dropped.
 */
export async function freshPostgres(
  t: CleanUp,
): Promise<{ url: string; open: (connections?: number) => Db }> {
  const { url, drop } = await createTestDatabase();
  const opened: Db[] = [];
  t.after(async () => {
    for (const db of opened) await db.destroy();
    await drop();
  });
  return {
    url,
    open: (connections) => {
      const db = openPostgres(url, { connections });
      opened.push(db);
      return db;
    },
  };
}

/** A new, empty database on the test server: its URL, and how to drop it once nothing uses it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!POSTGRES_URL)
    throw new Error('no TEST_DATABASE_URL: start one with eval "$(bash scripts/test-postgres.sh start)"');
  const name = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The two databases a storage test runs on, each opened migrated and empty
 * for one test: a SQLite file, and a new database on the test server
 * (skipped, saying why, without one).
 */
export const ENGINES = [
  {
    name: 'SQLite',
    skip: false as const,
    open: async (t: TestContext): Promise<Db> => {
      const { db, close } = await tempDatabase();
      t.after(close);
      return db;
    },
  },
  {
    name: 'PostgreSQL',
    skip: POSTGRES_SKIPPED,
    open: async (t: TestContext): Promise<Db> => {
      const db = (await freshPostgres(t)).open();
      await migrateToLatest(db);
      return db;
    },
  },
];
