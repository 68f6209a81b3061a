import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Duplex, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { dialectOf, type Db } from './database.js';
import type { Database } from './schema.js';

/**
 * A whole site in one file, for moving house (`newsdesk export`, `newsdesk
 * import`): a tar archive, compressed with gzip (`.tar.gz`, `.tgz`) or
 * Zstandard (`.tar.zst`), holding
 *
 * - `newsdesk-site.json` first: what it is (`format`, `version`), so that
 *   any other archive is refused at its first entry;
 * - `tables/<table>.ndjson`: every row of each table below, one JSON object
 *   a line, in key order;
 * - `media/<name>`: every stored file of the media library;
 * - `manifest.json` last: each entry's size and SHA-256, the rows of each
 *   table, and where the site came from.
 *
 * Rows keep their ids, so links between them, and addresses with ids in
 * them, stay as they were. Values are what both databases hold (text,
 * integers, floating point, null), so an archive made on SQLite reads into
 * PostgreSQL and back unchanged.
 */
export const ARCHIVE_FORMAT = 'newsdesk-site';
export const ARCHIVE_VERSION = 1;

export interface ArchiveTable {
  name: keyof Database;
  /** The primary key: rows are written in its order, and read back in batches by it. */
  key: string[];
  /** Kept by triggers and never written: they come out right from the rows themselves. */
  kept?: string[];
  /** Columns pointing at a table read later (a cycle): written as null, then set once every row is in. */
  later?: string[];
  /** Kept by triggers, with history the rows cannot tell (a deleted article's sitemap page): replaced after. */
  replace?: true;
  /** Its `id` is an identity column, whose sequence PostgreSQL must be told about after explicit ids. */
  identity?: true;
}

/**
 * What a site archive holds, parents before children: written back in this
 * order. Left out, and started afresh in the new home: sign-in sessions and
 * challenges (everyone signs in again), the search and related queues, and
 * the search index (rebuilt from the articles).
 */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  { name: 'settings', key: ['key'] },
  { name: 'system_state', key: ['key'] },
  { name: 'users', key: ['id'], later: ['author_id'], identity: true },
  { name: 'recovery_codes', key: ['user_id', 'code_hash'] },
  { name: 'api_tokens', key: ['id'], identity: true },
  { name: 'media', key: ['id'], identity: true },
  { name: 'authors', key: ['id'], kept: ['article_count'], identity: true },
  { name: 'sections', key: ['id'], kept: ['article_count'], identity: true },
  { name: 'sources', key: ['id'], kept: ['article_count'], identity: true },
  { name: 'tags', key: ['id'], kept: ['article_count'], identity: true },
  { name: 'tag_redirects', key: ['old_slug'] },
  { name: 'articles', key: ['id'], identity: true },
  { name: 'article_view_totals', key: ['article_id'] },
  { name: 'article_tags', key: ['article_id', 'tag_id'] },
  { name: 'article_authors', key: ['article_id', 'author_id'] },
  { name: 'article_corrections', key: ['id'], identity: true },
  { name: 'article_related_picks', key: ['article_id', 'related_id'] },
  { name: 'article_related', key: ['article_id', 'related_id'] },
  { name: 'article_revisions', key: ['id'], identity: true },
  { name: 'article_views_daily', key: ['article_id', 'day'] },
  { name: 'article_views_week', key: ['article_id'] },
  { name: 'site_views_daily', key: ['day'] },
  { name: 'article_counts', key: ['status'], replace: true },
  { name: 'sitemap_pages', key: ['page'], replace: true },
  { name: 'audit_log', key: ['id'], identity: true },
  { name: 'redirects', key: ['path'] },
  { name: 'partner_feeds', key: ['id'], identity: true },
  { name: 'incoming_items', key: ['id'], later: ['duplicate_of'], identity: true },
  { name: 'import_records', key: ['origin', 'key'] },
];

/**
 * Tables an archive leaves out, and why: sign-in state (everyone signs in
 * again), work queues, and what is built from the articles (the search
 * index, SQLite's and PostgreSQL's, SQLite's headline and tag-name indexes,
 * and PostgreSQL's headline words), besides the migrator's own.
 */
export const LEFT_OUT_TABLES: readonly string[] = [
  'sessions',
  'sign_in_challenges',
  'sign_in_failures',
  'search_queue',
  'related_queue',
  'article_search',
  'article_titles',
  'headline_words',
  'tag_names',
  'kysely_migration',
  'kysely_migration_lock',
];

/** The first entry. */
export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
}

/** The last entry. */
export interface ArchiveManifest extends ArchiveHeader {
  createdAt: string;
  /** The Newsdesk version, and the database, it came from. */
  newsdesk: string;
  database: 'sqlite' | 'postgres';
  /** The schema's latest migration there: an archive from a newer schema is refused. */
  schema: string;
  site: { name: string; url: string };
  /** Every entry but the header and the manifest, by name. */
  entries: Record<string, { bytes: number; sha256: string; rows?: number }>;
}

/** A long step's progress, as export and import report it (a bar on a terminal: cli/progress.ts). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Migrations that change nothing an archive carries (tables it leaves out,
 * PostgreSQL's own indexes, derived columns and search tables): archives
 * made on either side of one hold the same rows.
 */
const CARRYING_NOTHING = new Set([
  '0009-sign-in-failures',
  '0010-postgres-listings',
  '0011-postgres-headline-search',
  '0013-postgres-phrase-pairs',
  '0014-postgres-headline-words',
  '0015-postgres-newest-matches',
  '0016-postgres-headline-pairs',
  '0017-postgres-sitemap-pages',
  '0018-postgres-narrow-search-rows',
]);

/**
 * The schema an archive's rows are in, the same on both databases: the
 * number of the latest migration that changed what an archive carries (`0012`).
 */
export function schemaOf(migrations: readonly string[]): string {
  return migrations
    .filter((name) => !CARRYING_NOTHING.has(name))
    .at(-1)!
    .slice(0, 4);
}

/**
 * Whether an archive made at `schema` holds rows in the schema `migrations`
 * reach: made by a Newsdesk whose schema differed from this one's only by
 * migrations carrying nothing (up to 0011, an archive of 0010 reads as one of
 * 0008; 0012 carries the view counts, so neither reads under it).
 */
export function readsSchema(schema: string, migrations: readonly string[]): boolean {
  const at = migrations.findIndex((name) => name.slice(0, 4) === schema);
  return at >= 0 && schemaOf(migrations.slice(0, at + 1)) === schemaOf(migrations);
}

/** A stream that passes its bytes on unchanged, showing each chunk to `see` (to hash or count them). */
export function tap(see: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      see(chunk);
      done(null, chunk);
    },
  });
}

export type Compression = 'gzip' | 'zstd';

/** The compression a file's name asks for, or a clear error. */
export function compressionFor(file: string): Compression {
  if (/\.(tar\.gz|tgz)$/i.test(file)) return 'gzip';
  if (/\.(tar\.zst|tzst)$/i.test(file)) return 'zstd';
  throw new Error(
    `${file}: a site archive's name ends in .tar.gz (or .tgz) or .tar.zst, which say how it is compressed`,
  );
}

/** The compression an archive's first bytes show, or undefined for anything else. */
export function compressionOf(head: Buffer): Compression | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return undefined;
}

type ZstdZlib = { createZstdCompress?: () => Duplex; createZstdDecompress?: () => Duplex };

/**
 * A compressing stream: gzip from node:zlib; Zstandard from node:zlib where
 * Node has it (22.15 and later), else from the `zstd` command (Debian's
 * `zstd` package), on all cores.
 */
export function compressor(compression: Compression): Duplex {
  if (compression === 'gzip') return zlib.createGzip({ level: 6 });
  const native = (zlib as unknown as ZstdZlib).createZstdCompress;
  return native ? native() : zstdCommand(['-q', '-c', '-3', '-T0']);
}

export function decompressor(compression: Compression): Duplex {
  if (compression === 'gzip') return zlib.createGunzip();
  const native = (zlib as unknown as ZstdZlib).createZstdDecompress;
  return native ? native() : zstdCommand(['-q', '-d', '-c']);
}

function zstdCommand(args: string[]): Duplex {
  const child = spawn('zstd', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const duplex = Duplex.from({ writable: child.stdin, readable: child.stdout });
  child.on('error', (error: NodeJS.ErrnoException) =>
    duplex.destroy(
      error.code === 'ENOENT'
        ? new Error(
            'a .tar.zst archive needs the zstd command on this Node.js (apt-get install zstd), or Node.js 22.15 or later; or use .tar.gz',
          )
        : error,
    ),
  );
  child.on('exit', (code) => {
    if (code) duplex.destroy(new Error(`zstd: ${stderr.trim() || `exit ${code}`}`));
  });
  // Whoever gives up on the stream gives up on the command too.
  duplex.on('close', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });
  return duplex;
}

/**
 * The columns PostgreSQL makes itself from a row's others (`generated always`,
 * such as `articles.title_words`), by table: an archive carries what SQLite
 * has too, and the database makes them again as the rows go in.
 */
export async function derivedColumns(db: Db): Promise<Map<string, Set<string>>> {
  const derived = new Map<string, Set<string>>();
  if (dialectOf(db) !== 'postgres') return derived;
  const { rows } = await sql<{
    table: string;
    column: string;
  }>`select table_name as table, column_name as column
    from information_schema.columns where table_schema = current_schema() and is_generated = 'ALWAYS'`.execute(
    db,
  );
  for (const { table, column } of rows) derived.set(table, (derived.get(table) ?? new Set()).add(column));
  return derived;
}

/**
 * Removes `paths` should the process exit before `done()` is called: an
 * export or import stopped with Ctrl-C or SIGTERM (on which the commands
 * exit) leaves no partial archive and no unpacked copy in TMPDIR behind.
 */
export function removedOnExit(...paths: string[]): { done: () => void } {
  const remove = () => {
    for (const target of paths) fs.rmSync(target, { recursive: true, force: true });
  };
  process.once('exit', remove);
  return { done: () => void process.off('exit', remove) };
}
