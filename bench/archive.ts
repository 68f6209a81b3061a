/**
 * `npm run bench -- --articles 10000,100000`: every reader and back-office
 * path on a generated archive of each size, over HTTP against a real
 * `newsdesk serve`, one request at a time, with no cache in front.
 *
 * Phases, per size:
 * 1. the archive: `generateArchive` into bench/.cache/archive-N (kept between
 *    runs; generation speed is measured when it is made);
 * 2. a working copy of it, with an editor and an API token;
 * 3. the server: spawned, timed to its first answer;
 * 4. each path, ITERATIONS requests (different articles, tags, words), p50/p95;
 * 5. publishing through the admin API, and how long the related lists take;
 * 6. resident memory, the database's size by table; the server stopped.
 *
 * With `--postgres`, the working copy is moved into a new database on the
 * PostgreSQL server TEST_DATABASE_URL names (`newsdesk export`, then
 * `newsdesk import`: timed too) and served from there; the targets are
 * chosen from the SQLite copy, which holds the same rows and ids.
 *
 * Writes bench/results/archive-N.json (archive-N-postgres.json) and prints a
 * table of every size and database that has results, side by side. Read ratios and growth, not absolute numbers:
 * the machine is shared.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { generateArchive } from '../src/cli/generate.js';
import { createApiToken, createUser, SYSTEM } from '../src/content/index.js';
import { sql } from 'kysely';
import { migrateToLatest, MIGRATIONS, openDatabase, type Db } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { createSearchIndex } from '../src/search/index.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
export const RESULTS = path.join(ROOT, 'bench', 'results');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const SEED = 1;

/** Words for search: common to rare, a prefix, a phrase; drawn from the generated archive's own vocabulary at run time too. */
export const FIXED_QUERIES = [
  'government',
  'said',
  'minister',
  'energy prices',
  'min*',
  '"the minister"',
  'police',
  'market',
];

interface PathResult {
  p50: number;
  p95: number;
  n: number;
  note?: string;
}

export interface ArchiveResult {
  articles: number;
  /** Absent in results from before PostgreSQL: SQLite. */
  engine?: Engine;
  /**
   * PostgreSQL: moving the archive in, seconds. With `reused` (`--reuse`), the
   * database an earlier run moved in, and that run's figures if it left any.
   */
  move?: { exportSeconds?: number; importSeconds?: number; reused?: string };
  /**
   * PostgreSQL: what the server was given to hold in memory before the paths
   * (warmDatabase); null with `--cold`, or when pg_prewarm was not there.
   */
  warm?: {
    mb: number;
    /** Of `mb`, read into PostgreSQL's shared buffers (the rest into the operating system's cache). */
    buffersMb?: number;
    seconds: number;
    leftOut: Record<string, number>;
    sharedBuffers?: string;
    hugePages?: string;
  } | null;
  date: string;
  node: string;
  cpus: number;
  generation: { seconds: number; perSecond: number } | null;
  startupMs: number;
  rssMb: number;
  dbMb: number;
  walMb: number;
  tables: Record<string, number>;
  paths: Record<string, PathResult>;
  relatedSeconds: number | null;
}

type Engine = 'sqlite' | 'postgres';

export async function benchArchives(
  sizes: number[],
  engine: Engine = 'sqlite',
  options: { reuse?: boolean; cold?: boolean } = {},
): Promise<void> {
  fs.mkdirSync(CACHE, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const size of sizes) {
    const result = await benchOne(size, engine, {
      reuse: options.reuse ?? false,
      cold: options.cold ?? false,
    });
    const name = `archive-${size}${engine === 'postgres' ? '-postgres' : ''}.json`;
    const earlier = path.join(RESULTS, name);
    if (result.move?.reused && fs.existsSync(earlier)) {
      const { move } = JSON.parse(fs.readFileSync(earlier, 'utf8')) as ArchiveResult;
      result.move = { ...move, reused: result.move.reused };
    }
    fs.writeFileSync(path.join(RESULTS, name), `${JSON.stringify(result, null, 2)}\n`);
  }
  console.log(table());
}

async function benchOne(
  size: number,
  engine: Engine,
  { reuse, cold }: { reuse: boolean; cold: boolean },
): Promise<ArchiveResult> {
  const generation = await ensureArchive(size);
  // Served from a database an earlier run moved in, the archive is only read, for the paths'
  // targets: no working copy (9 GB at 1,000,000 articles, written back to disk beside the paths).
  const borrowed = engine === 'postgres' && reuse;
  const copy = borrowed ? { dataDir: archiveOf(size), token: '' } : await workingCopy(size);
  const { dataDir } = copy;
  const postgres = engine === 'postgres' ? await moveToPostgres(size, dataDir, reuse) : undefined;
  const sqliteDirs = [...new Set([dataDir, archiveOf(size)])];
  const warm = postgres && !cold ? await warmDatabase(postgres.db, sqliteDirs) : null;
  const token = postgres?.token ?? copy.token;
  // Uncached, as the archive's targets are: the page cache would answer repeated paths from memory.
  // One process, as these figures have always been measured.
  const { server, base, startupMs } = await startServer(postgres?.dataDir ?? dataDir, {
    PAGE_CACHE_MB: '0',
    WORKERS: '1',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  try {
    const paths = await measurePaths(base, dataDir, token);
    const relatedSeconds = await measurePublish(base, dataDir, token, paths, postgres?.db);
    const rssMb = rss(server);
    const sizes = postgres ? await postgresSize(postgres.db) : databaseSize(dataDir);
    return {
      articles: size,
      engine,
      ...(postgres ? { move: postgres.move, warm } : {}),
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      generation,
      startupMs,
      rssMb,
      ...sizes,
      paths,
      relatedSeconds,
    };
  } finally {
    await stop(server);
    await postgres?.db.destroy();
    if (postgres) fs.rmSync(postgres.dataDir, { recursive: true, force: true });
    if (!borrowed) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The working copy moved into a new database `newsdesk_bench_N` on the
 * server TEST_DATABASE_URL names, as a newsroom would move: `newsdesk
 * export`, then `newsdesk import` (which builds the search index). The
 * database is left there; with `reuse`, one left by an earlier run of the
 * same size is served again (with an editor of this run's own), and the move
 * (an hour at 1,000,000 articles) is not repeated.
 */
async function moveToPostgres(size: number, sqliteDir: string, reuse: boolean) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server)
    throw new Error(
      '--postgres needs TEST_DATABASE_URL: eval "$(bash scripts/test-postgres.sh start)" first',
    );
  const name = `newsdesk_bench_${size}`;
  const admin = openPostgres(server);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-bench-pg-${size}-`));
  const kept = reuse
    ? (
        await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(
          admin,
        )
      ).rows[0].n > 0
    : false;
  if (kept) {
    await admin.destroy();
    const db = openPostgres(url.href);
    const editor = await createUser(
      db,
      SYSTEM,
      {
        email: `bench-${Date.now()}@example.org`,
        name: 'Bench Editor',
        role: 'editor',
        password: 'a long bench password',
      },
      new Date(),
    );
    const token = await createApiToken(db, editor.id, 'bench', new Date());
    console.error(`serving ${name}, moved in by an earlier run (--reuse) …`);
    return { url: url.href, dataDir, db, token, move: { reused: name } };
  }
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  await sql`create database ${sql.id(name)} template template0 encoding 'UTF8' locale 'C.UTF-8'`.execute(
    admin,
  );
  await admin.destroy();
  const file = path.join(dataDir, 'site.tar.gz');
  const cli = (args: string[], env: Record<string, string>) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsdesk.js'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`newsdesk ${args.join(' ')} failed`);
    return Math.round((performance.now() - started) / 100) / 10;
  };
  console.error(`moving ${size} articles into PostgreSQL (${name}) …`);
  const exportSeconds = cli(['export', file], { DATA_DIR: sqliteDir });
  const importSeconds = cli(['import', file], { DATA_DIR: dataDir, DATABASE_URL: url.href });
  fs.rmSync(file);
  return {
    url: url.href,
    dataDir,
    db: openPostgres(url.href),
    token: undefined,
    move: { exportSeconds, importSeconds },
  };
}

/**
 * The machine made to hold what a database server would: the SQLite files
 * (the working copy and the archive it came from, which a PostgreSQL
 * server never has) dropped from the operating system's cache, and the
 * database read into memory by pg_prewarm, as a server that has been serving
 * for a while holds the pages its readers and editors use: into
 * PostgreSQL's shared buffers, the largest relations first, each that fits
 * in nine tenths of them, and the rest into the operating system's cache.
 * Every table and index but the search documents' TOAST (every article's
 * whole text and pairs of words, read only to check a phrase of three or
 * more words). A move leaves in memory whatever it wrote last, and the
 * SQLite copy beside it: on this machine, 30 GB in 23 at 1,000,000
 * articles, so a path's figures came from which of its pages the move
 * happened to leave. `--cold` serves it as the move left it. Null when the
 * extension is not there (it ships with Debian's postgresql).
 *
 * The server is the one TEST_DATABASE_URL names, as it was started: the
 * figures in docs/PERFORMANCE.md from 2026-12-03 on come from
 * `PGTEST_HUGE_PAGES=1 PGTEST_SHARED_BUFFERS=6GB bash
 * scripts/test-postgres.sh start`, as docs/DEPLOY.md advises a database
 * server be set up (a quarter of the memory, on huge pages).
 */
async function warmDatabase(db: Db, sqliteDirs: string[]): Promise<ArchiveResult['warm']> {
  for (const dir of sqliteDirs)
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const file = path.join(dir, name);
      if (!fs.statSync(file).isFile()) continue;
      // Written to disk first: the cache keeps what is not. Then GNU dd's way to
      // posix_fadvise(DONTNEED) a whole file, which Node cannot ask for.
      spawnSync('sync', [file], { stdio: 'ignore' });
      spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'], { stdio: 'ignore' });
    }
  try {
    await sql`create extension if not exists pg_prewarm`.execute(db);
  } catch (error) {
    console.error(`  not warmed: ${(error as Error).message}`);
    return null;
  }
  const { rows } = await sql<{ oid: number; name: string; bytes: string; left_out: boolean }>`
    select c.oid::int as oid, c.oid::regclass::text as name, pg_relation_size(c.oid) as bytes,
      c.oid = (select reltoastrelid from pg_class where oid = 'article_search'::regclass) as left_out
    from pg_class c
    where c.relkind in ('r', 't', 'i', 'm') and pg_relation_size(c.oid) > 0
      and c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    order by pg_relation_size(c.oid) desc`.execute(db);
  // The server's own memory, as it was started (scripts/test-postgres.sh: PGTEST_SHARED_BUFFERS,
  // PGTEST_HUGE_PAGES; PostgreSQL's defaults without them, 128 MB and `try`).
  const { rows: settings } = await sql<{ buffers: string; bytes: string; huge: string }>`select
    current_setting('shared_buffers') as buffers, pg_size_bytes(current_setting('shared_buffers')) as bytes,
    current_setting('huge_pages') as huge`.execute(db);
  const server = { sharedBuffers: settings[0]?.buffers ?? '?', hugePages: settings[0]?.huge ?? '?' };
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const started = performance.now();
  let warmed = 0;
  let buffered = 0;
  const room = 0.9 * Number(settings[0]?.bytes ?? 0);
  const leftOut: Record<string, number> = {};
  for (const row of rows) {
    if (row.left_out) {
      leftOut[row.name] = mb(Number(row.bytes));
      continue;
    }
    const fits = buffered + Number(row.bytes) <= room;
    await sql`select pg_prewarm(${row.oid}::regclass, ${fits ? 'buffer' : 'read'})`.execute(db);
    warmed += Number(row.bytes);
    if (fits) buffered += Number(row.bytes);
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.error(
    `  warmed ${mb(warmed)} MB in ${seconds} s, ${mb(buffered)} of them into shared buffers (pg_prewarm; shared_buffers ${server.sharedBuffers}, huge_pages ${server.hugePages}); left out ${JSON.stringify(leftOut)} MB`,
  );
  return { mb: mb(warmed), buffersMb: mb(buffered), seconds, leftOut, ...server };
}

/** PostgreSQL's size of the database, and of its tables over a megabyte (with their indexes). */
async function postgresSize(db: Db) {
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const total = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(
    db,
  );
  const tables = await sql<{ name: string; bytes: number }>`
    select relname as name, pg_total_relation_size(oid) as bytes from pg_class
    where relkind = 'r' and relnamespace = 'public'::regnamespace order by bytes desc`.execute(db);
  return {
    dbMb: mb(Number(total.rows[0].bytes)),
    walMb: 0,
    tables: Object.fromEntries(
      tables.rows.filter((r) => Number(r.bytes) > 1e6).map((r) => [r.name, mb(Number(r.bytes))]),
    ),
  };
}

/** Where the archive of this size is kept. */
function archiveOf(size: number): string {
  return path.join(CACHE, `archive-${size}-seed-${SEED}`);
}

/** The archive of this size, generated once per size and seed into bench/.cache; how fast it was made. */
export async function ensureArchive(size: number): Promise<ArchiveResult['generation']> {
  const archiveDir = archiveOf(size);
  const marker = path.join(archiveDir, 'generated.json');
  let generation: ArchiveResult['generation'] = null;
  // An archive made by an older schema is made again (a migration may have changed what generation
  // writes); one whose tables and indexes are today's is kept, whatever migrations it lacks that
  // change nothing on SQLite (such as PostgreSQL's own).
  const stale =
    !fs.existsSync(marker) ||
    (JSON.stringify((JSON.parse(fs.readFileSync(marker, 'utf8')) as { schema?: string[] }).schema) !==
      JSON.stringify(MIGRATIONS) &&
      sqliteSchema(path.join(archiveDir, 'newsdesk.db')) !== (await todaysSchema()));
  if (stale) {
    fs.rmSync(archiveDir, { recursive: true, force: true });
    console.error(`generating ${size} articles into ${path.relative(ROOT, archiveDir)} …`);
    const db = openDatabase({ dataDir: archiveDir });
    await migrateToLatest(db);
    const report = await generateArchive(
      db,
      createSearchIndex(db, () => new Date()),
      {
        articles: size,
        seed: SEED,
        onProgress: (p) => {
          if (p.done === p.total || p.done % 50_000 === 0) console.error(`  ${p.phase} ${p.done}/${p.total}`);
        },
      },
    );
    await db.destroy();
    generation = { seconds: report.seconds.total, perSecond: report.perSecond };
    fs.writeFileSync(marker, JSON.stringify({ ...report, schema: MIGRATIONS, at: new Date().toISOString() }));
  } else {
    const saved = JSON.parse(fs.readFileSync(marker, 'utf8')) as {
      seconds: { total: number };
      perSecond: number;
    };
    generation = { seconds: saved.seconds.total, perSecond: saved.perSecond };
  }
  return generation;
}

/** A SQLite file's tables, indexes, triggers and views, as the statements that made them. */
function sqliteSchema(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `select type, name, sql from sqlite_master
         where name not like 'sqlite_%' and name not like 'kysely_migration%' order by type, name`,
      )
      .all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}

/** The schema every migration gives a new SQLite database. */
async function todaysSchema(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-schema-'));
  try {
    const db = openDatabase({ dataDir });
    await migrateToLatest(db);
    await db.destroy();
    return sqliteSchema(path.join(dataDir, 'newsdesk.db'));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A working copy of the archive in a temporary folder, with an editor and an API token. */
export async function workingCopy(size: number): Promise<{ dataDir: string; token: string }> {
  const archiveDir = archiveOf(size);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-bench-${size}-`));
  fs.copyFileSync(path.join(archiveDir, 'newsdesk.db'), path.join(dataDir, 'newsdesk.db'));
  const setup = openDatabase({ dataDir });
  await migrateToLatest(setup);
  const editor = await createUser(
    setup,
    SYSTEM,
    { email: 'bench@example.org', name: 'Bench Editor', role: 'editor', password: 'a long bench password' },
    new Date(),
  );
  const token = await createApiToken(setup, editor.id, 'bench', new Date());
  await setup.destroy();
  return { dataDir, token };
}

/**
 * `newsdesk serve` on a free port over dataDir, from this checkout or the
 * one in `root`; resolves when it answers, with how long that took. The
 * sources' bundle (bin/newsdesk.js) is made first, untimed: it is made once
 * for each version of the sources, not at every start, and a change to the
 * sources while a long run moved an archive in had put a second of bundling
 * into the start-up measured after it.
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  args: string[] = [],
  root = ROOT,
): Promise<{ server: ChildProcess; base: string; startupMs: number }> {
  const bundled = spawnSync(process.execPath, [path.join(root, 'bin', 'newsdesk.js'), '--help'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (bundled.status !== 0) throw new Error(`newsdesk --help failed (exit ${bundled.status}) in ${root}`);
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [path.join(root, 'bin', 'newsdesk.js'), 'serve', ...args], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SITE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      NEWSDESK_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(base);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return { server, base, startupMs: Math.round(performance.now() - started) };
}

/** Targets chosen from the archive itself: articles, the busiest section and tag, a month and a day. */
function targets(dataDir: string) {
  const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    const ids = db
      .prepare(
        `select id, slug from articles where status = 'published' and published_at <= ? order by random() limit ?`,
      )
      .all(new Date().toISOString(), ITERATIONS) as { id: number; slug: string }[];
    const section = db
      .prepare(`select slug, article_count from sections order by article_count desc limit 1`)
      .get() as {
      slug: string;
      article_count: number;
    };
    const tags = db
      .prepare(`select slug, article_count from tags order by article_count desc limit 20`)
      .all() as {
      slug: string;
      article_count: number;
    }[];
    const rareTag = db
      .prepare(`select slug from tags where article_count between 3 and 50 order by id limit 1`)
      .get() as { slug: string } | undefined;
    const recent = db
      .prepare(
        `select published_at from articles where status = 'published' order by published_at desc limit 1 offset 100`,
      )
      .get() as { published_at: string };
    const pages = db.prepare(`select max(page) as n from sitemap_pages`).get() as { n: number };
    const total = (db.prepare(`select sum(n) as n from article_counts`).get() as { n: number }).n;
    const words = db
      .prepare(`select title from articles where id in (select id from articles order by random() limit 20)`)
      .all() as { title: string }[];
    return { ids, section, tags, rareTag, recent: recent.published_at, sitemapPages: pages.n, words, total };
  } finally {
    db.close();
  }
}

async function measurePaths(
  base: string,
  dataDir: string,
  token: string,
): Promise<Record<string, PathResult>> {
  const t = targets(dataDir);
  const top = t.tags[0];
  const lastPage = (n: number) => Math.max(1, Math.min(1000, Math.floor((n - 1) / 20)));
  const sectionPage = lastPage(t.section.article_count);
  const tagPage = lastPage(top.article_count);
  const month = t.recent.slice(0, 7).replace('-', '/');
  const day = t.recent.slice(0, 10).replaceAll('-', '/');
  // Words from real headlines: a different, rarer word each time.
  const titleWords = t.words.flatMap((w) => w.title.split(/\s+/).filter((x) => x.length > 6)).slice(0, 20);
  const admin = { authorization: `Bearer ${token}` };
  const results: Record<string, PathResult> = {};
  const run = async (
    name: string,
    urls: (i: number) => string,
    headers: Record<string, string> = {},
    note?: string,
  ) => {
    results[name] = { ...(await timeRequests(base, urls, headers)), ...(note ? { note } : {}) };
    console.error(`  ${name}: p50 ${results[name].p50} ms, p95 ${results[name].p95} ms`);
  };
  await run('home', () => '/');
  await run('article', (i) => `/articles/${t.ids[i % t.ids.length].id}/${t.ids[i % t.ids.length].slug}`);
  await run('most read: today', () => '/most-read?period=today');
  await run('most read: week', () => '/most-read?period=week');
  await run('most read: all', () => '/most-read?period=all');
  await run('section, page 1', () => `/sections/${t.section.slug}`);
  await run(
    'section, deep page',
    () => `/sections/${t.section.slug}?page=${sectionPage}`,
    {},
    `page ${sectionPage}`,
  );
  await run('tag (most used), page 1', () => `/tags/${top.slug}`);
  await run('tag (most used), deep page', () => `/tags/${top.slug}?page=${tagPage}`, {}, `page ${tagPage}`);
  await run('tags (top 20), page 1', (i) => `/tags/${t.tags[i % t.tags.length].slug}`);
  await run('archive: a month', () => `/archive/${month}`);
  await run('archive: a day', () => `/archive/${day}`);
  await run('sitemap index', () => '/sitemap.xml');
  await run('sitemap page', (i) => `/sitemaps/articles-${1 + (i % Math.max(1, t.sitemapPages))}.xml`);
  await run('news sitemap', () => '/news-sitemap.xml');
  await run('feed.xml', () => '/feed.xml');
  await run('tag feed', () => `/tags/${top.slug}/feed.xml`);
  await run(
    'search: fixed words',
    (i) => `/search?q=${encodeURIComponent(FIXED_QUERIES[i % FIXED_QUERIES.length])}`,
  );
  await run(
    'search: headline words',
    (i) => `/search?q=${encodeURIComponent(titleWords[i % titleWords.length] ?? 'news')}`,
  );
  await run('admin list', () => '/api/admin/articles', admin);
  await run(
    'admin list: words',
    (i) => `/api/admin/articles?q=${encodeURIComponent(titleWords[i % titleWords.length] ?? 'news')}`,
    admin,
  );
  await run('admin list: top tag', () => `/api/admin/articles?tag=${top.slug}`, admin);
  if (t.rareTag) await run('admin list: rare tag', () => `/api/admin/articles?tag=${t.rareTag!.slug}`, admin);
  await run('admin list: drafts', () => '/api/admin/articles?status=draft', admin);
  const adminPage = Math.max(1, Math.min(1000, Math.floor((t.total - 1) / 50)));
  await run(
    'admin list: deep page',
    () => `/api/admin/articles?page=${adminPage}`,
    admin,
    `page ${adminPage}`,
  );
  return results;
}

/** Publishing: create and edit published articles; then how long until their related lists exist. */
async function measurePublish(
  base: string,
  dataDir: string,
  token: string,
  results: Record<string, PathResult>,
  postgres?: Db,
): Promise<number | null> {
  const t = targets(dataDir);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = (i: number) => ({
    title: `Bench story ${i} on ${t.tags[i % t.tags.length].slug.replaceAll('-', ' ')}`,
    lead: 'A story written by the benchmark.',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Benchmark text.' }] }],
    },
    section: t.section.slug,
    tags: [t.tags[i % t.tags.length].slug, t.tags[(i + 3) % t.tags.length].slug],
    status: 'published',
  });
  const created: number[] = [];
  const createTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    const response = await request(base, '/api/admin/articles', {
      method: 'POST',
      headers,
      body: JSON.stringify(body(i)),
    });
    createTimes.push(performance.now() - start);
    if (response.status !== 201)
      throw new Error(`publish: ${response.status} ${response.body.slice(0, 200)}`);
    created.push((JSON.parse(response.body) as { id: number }).id);
  }
  results['publish: create'] = summary(createTimes);
  const editTimes: number[] = [];
  for (const [i, id] of created.entries()) {
    const current = JSON.parse((await request(base, `/api/admin/articles/${id}`, { headers })).body) as {
      version: number;
    };
    const start = performance.now();
    const response = await request(base, `/api/admin/articles/${id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...body(i), title: `Bench story ${i}, edited`, version: current.version }),
    });
    editTimes.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`edit: ${response.status} ${response.body.slice(0, 200)}`);
  }
  results['publish: edit'] = summary(editTimes);
  console.error(
    `  publish: create p95 ${results['publish: create'].p95} ms, edit p95 ${results['publish: edit'].p95} ms`,
  );
  // The related queue drained: every new article has its list.
  const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  const queued = async () =>
    postgres
      ? Number(
          (await sql<{ n: number }>`select count(*) as n from related_queue`.execute(postgres)).rows[0].n,
        )
      : (db.prepare('select count(*) as n from related_queue').get() as { n: number }).n;
  const start = performance.now();
  try {
    for (;;) {
      const n = await queued();
      if (n === 0) return Math.round((performance.now() - start) / 100) / 10;
      if (performance.now() - start > 120_000) return null;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    db.close();
  }
}

async function timeRequests(
  base: string,
  url: (i: number) => string,
  headers: Record<string, string>,
): Promise<PathResult> {
  for (let i = 0; i < 5; i++) await request(base, url(i), { headers });
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const response = await request(base, url(i), { headers });
    samples.push(performance.now() - start);
    if (response.status !== 200)
      throw new Error(`${url(i)}: ${response.status} ${response.body.slice(0, 200)}`);
  }
  return summary(samples);
}

export function summary(samples: number[]): PathResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(pick(0.5)), p95: round(pick(0.95)), n: samples.length };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** One keep-alive connection unless given (the benchmark times one request at a time). */
  agent?: http.Agent;
  /** An answer slower than this fails; 120 s unless given. */
  timeoutMs?: number;
}

export function request(
  base: string,
  url: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${url}`,
      { agent: options.agent ?? agent, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url}: no answer in ${timeoutMs / 1000} s`)));
    req.end(options.body);
  });
}

export async function waitFor(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await request(base, '/')).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not answer within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A process's resident memory in MB (VmRSS; `part` 'RssAnon' for what is not a mapped file or shared memory). */
export function rss(child: ChildProcess | number, part: 'VmRSS' | 'RssAnon' = 'VmRSS'): number {
  const pid = typeof child === 'number' ? child : child.pid;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${part}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The resident memory of each Node child of a process (the workers of `serve --workers N`, not esbuild's), in MB. */
export function childrenRss(child: ChildProcess, part: 'VmRSS' | 'RssAnon' = 'VmRSS'): number[] {
  const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
  return children
    .split(/\s+/)
    .filter((pid) => pid && fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node')
    .map((pid) => rss(Number(pid), part));
}

function databaseSize(dataDir: string) {
  const file = path.join(dataDir, 'newsdesk.db');
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const wal = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc`)
      .all() as { name: string; bytes: number }[];
    return {
      dbMb: mb(fs.statSync(file).size),
      walMb: mb(wal),
      tables: Object.fromEntries(rows.filter((r) => r.bytes > 1e6).map((r) => [r.name, mb(r.bytes)])),
    };
  } finally {
    db.close();
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Every size with results, side by side: p50 / p95 in ms. */
export function table(): string {
  const results = fs
    .readdirSync(RESULTS)
    .filter((f) => /^archive-\d+(-postgres)?\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS, f), 'utf8')) as ArchiveResult)
    .sort((a, b) => a.articles - b.articles || (a.engine ?? 'sqlite').localeCompare(b.engine ?? 'sqlite'));
  if (results.length === 0) return 'no archive results yet';
  const names = [...new Set(results.flatMap((r) => Object.keys(r.paths)))];
  const header = `| path (p50 / p95 ms) | ${results
    .map((r) => `${r.articles.toLocaleString('en-GB')}${r.engine === 'postgres' ? ', PostgreSQL' : ''}`)
    .join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const row = (label: string, cell: (r: ArchiveResult) => string) =>
    `| ${label} | ${results.map(cell).join(' | ')} |`;
  const lines = [
    header,
    rule,
    ...names.map((name) =>
      row(name, (r) => {
        const p = r.paths[name];
        return p ? `${p.p50} / ${p.p95}${p.note ? ` (${p.note})` : ''}` : '–';
      }),
    ),
    row('related lists refreshed after 30 publishes (s)', (r) => String(r.relatedSeconds ?? 'over 120')),
    row('start-up to the first page (ms)', (r) => String(r.startupMs)),
    row('resident memory after the run (MB)', (r) => String(r.rssMb)),
    row('database on disk (MB, + WAL)', (r) => `${r.dbMb} + ${r.walMb}`),
    row('generation (articles a second)', (r) => (r.generation ? String(r.generation.perSecond) : '–')),
    row('moved in: export + import (s)', (r) =>
      r.move?.exportSeconds ? `${r.move.exportSeconds} + ${r.move.importSeconds}` : '–',
    ),
    row('held in memory before the paths (MB, pg_prewarm)', (r) =>
      r.warm ? String(r.warm.mb) : r.engine === 'postgres' ? 'none' : '–',
    ),
  ];
  return lines.join('\n');
}
