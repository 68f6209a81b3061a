import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createTestDatabase } from './postgres.js';

/** A test (`t`) or a suite's `{ after }` from node:test: whoever owns the clean-up. */
export interface CleanUp {
  after: (fn: () => Promise<void>) => unknown;
}

/**
 * Clean-up for an app shared by a suite: call it in the `describe` body (not
 * in a hook), so the app closes after the suite's last test.
 */
export function suiteCleanup(): CleanUp {
  const fns: (() => Promise<void>)[] = [];
  after(async () => {
    for (const fn of fns.reverse()) await fn();
  });
  return { after: (fn) => fns.push(fn) };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** The clock the app reads; move it to test time-dependent behaviour. */
  clock: { now: Date };
}

/**
 * Builds the app on a fresh SQLite file in a temporary folder, closed and
 * removed after the test. `demo: true` fills it with the demo newsroom.
 */
export async function buildTestApp(
  t: CleanUp,
  options: { demo?: boolean; now?: Date; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-app-'));
  // NEWSDESK_TEST_DATABASE=postgres: the app on a new PostgreSQL database (the suite's PostgreSQL
  // half), or on the one of the data folder it is given again (a server started anew).
  let postgres: { url: string; apps: FastifyInstance[] } | undefined;
  if (process.env.NEWSDESK_TEST_DATABASE === 'postgres') {
    postgres = postgresOf.get(options.config?.dataDir ?? dataDir);
    if (!postgres) {
      const created = await createTestDatabase();
      const database = { url: created.url, apps: [] as FastifyInstance[] };
      postgres = database;
      postgresOf.set(options.config?.dataDir ?? dataDir, database);
      // Once, after every app on it has closed.
      t.after(async () => {
        for (const app of database.apps) await app.close();
        await created.drop();
      });
    }
  }
  const config = loadConfig(
    { DATA_DIR: dataDir, SITE_URL: 'https://news.example.org', LOG_LEVEL: 'silent' },
    { demo: options.demo ?? false, databaseUrl: postgres?.url, ...options.config },
  );
  const clock = { now: options.now ?? new Date() };
  const app = await buildApp(config, { now: () => clock.now });
  postgres?.apps.push(app);
  t.after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, config, clock };
}

/** The PostgreSQL database of each data folder, under NEWSDESK_TEST_DATABASE=postgres. */
const postgresOf = new Map<string, { url: string; apps: FastifyInstance[] }>();

/** The demo build is slow-ish (about a second and a half): share one per test file where tests only read. */
export async function buildDemoApp(t: CleanUp, now?: Date): Promise<TestApp> {
  return buildTestApp(t, { demo: true, now });
}

/** The id of the article with this slug (demo articles get ids in date order). */
export async function articleIdBySlug(app: FastifyInstance, slug: string): Promise<number> {
  const row = await app.services.db
    .selectFrom('articles')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The demo's NATO article: the seed page's story. */
export const NATO_SLUG = 'nato-has-rejected-russias-request-to-withdraw-troops-from-bulgaria-and-romania';
