import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import tar from 'tar-stream';
import { isStoredName, type MediaStore } from '../content/media/media.storage.js';
import { countRows, dialectOf, MIGRATIONS, type Db } from './database.js';
import { FILL as FILL_HEADLINE_WORDS } from './migrations/0014-postgres-headline-words.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_TABLES,
  ARCHIVE_VERSION,
  compressionOf,
  decompressor,
  readsSchema,
  removedOnExit,
  schemaOf,
  tap,
  type ArchiveHeader,
  type ArchiveManifest,
  type ArchiveTable,
  type Progress,
} from './site-archive.js';

/** Bind parameters per insert: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS = 30_000;
/** The tables whose triggers keep counts (db/README.md), and the listing columns the archive gives. */
const COUNTED = ['articles', 'article_tags', 'article_authors'];
/** Pictures written to the store at a time, and their bytes at most. */
const FILES_AT_ONCE = 50;
const BATCH_BYTES = 64 * 1024 * 1024;
/** The largest header or manifest, and the largest picture, an archive may hold. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
const MAX_PICTURE_BYTES = 64 * 1024 * 1024;
/** Room left free in the temporary folder while an archive is unpacked there. */
const SPARE_BYTES = 256 * 1024 * 1024;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export interface ImportSiteReport {
  file: string;
  from: { database: string; createdAt: string; site: string };
  rows: number;
  articles: number;
  mediaFiles: number;
  seconds: number;
}

/**
 * Reads a site archive (site-archive.ts) into an empty site, on either
 * database and either media store. Nothing is written until the whole
 * archive has been read and every entry checked against the manifest: a
 * damaged, truncated or foreign archive is refused with what was wrong, and
 * the site stays as it was. Then the pictures go to the store, and every
 * row goes in, in one transaction; if that fails, the pictures this import
 * added are removed again. The search index is the caller's to rebuild.
 */
export async function importSite(options: {
  db: Db;
  media: MediaStore;
  file: string;
  onProgress?: (progress: Progress) => void;
}): Promise<ImportSiteReport> {
  const { db, media, file, onProgress } = options;
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-import-'));
  const interrupted = removedOnExit(work);
  try {
    const manifest = await unpack(file, work, onProgress);
    await checkEmpty(db);

    const pictures = Object.keys(manifest.entries)
      .filter((name) => name.startsWith('media/'))
      .map((name) => name.slice('media/'.length));
    // Only the files this import adds are its to take back: a picture by the same (random) name
    // already in the store (the same DATA_DIR or bucket, moving databases) is that picture, and stays.
    const created: string[] = [];
    let committed = false;
    let rows: number;
    try {
      let batch: { name: string; data: Buffer }[] = [];
      let bytes = 0;
      const flush = async () => {
        await media.writeAll(batch);
        created.push(...batch.map((file) => file.name));
        batch = [];
        bytes = 0;
      };
      for (const [i, name] of pictures.entries()) {
        if (!(await media.has(name))) {
          const data = fs.readFileSync(path.join(work, 'media', name));
          batch.push({ name, data });
          bytes += data.length;
          if (batch.length >= FILES_AT_ONCE || bytes >= BATCH_BYTES) await flush();
        }
        onProgress?.({ phase: 'pictures', done: i + 1, total: pictures.length });
      }
      await flush();
      rows = await db.transaction().execute((trx) => writeRows(trx, work, manifest, onProgress));
      committed = true;
    } catch (error) {
      if (!committed) await media.remove(created).catch(() => undefined);
      throw error;
    }
    return {
      file,
      from: { database: manifest.database, createdAt: manifest.createdAt, site: manifest.site.url },
      rows,
      articles: manifest.entries['tables/articles.ndjson'].rows ?? 0,
      mediaFiles: pictures.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    interrupted.done();
  }
}

/**
 * Reads the archive into `work` (tables/, media/), checking as it goes that
 * it is a Newsdesk site archive, and at the end that every entry is the
 * manifest's, whole. Returns the manifest.
 */
async function unpack(
  file: string,
  work: string,
  onProgress?: (progress: Progress) => void,
): Promise<ArchiveManifest> {
  const fail = (what: string) => new ArchiveError(`${file}: ${what}`);
  let head: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    await handle.close();
  } catch (error) {
    throw fail(`cannot be read (${(error as Error).message})`);
  }
  const compression = compressionOf(head);
  if (!compression) throw fail('is not a Newsdesk site archive: it is neither gzip nor Zstandard');
  const total = fs.statSync(file).size;

  const seen = new Map<string, { bytes: number; sha256: string }>();
  let header: ArchiveHeader | undefined;
  let manifest: ArchiveManifest | undefined;
  const tables = new Set<string>(ARCHIVE_TABLES.map((t) => t.name));
  fs.mkdirSync(path.join(work, 'tables'));
  fs.mkdirSync(path.join(work, 'media'));

  const extract = tar.extract();
  // Room to unpack into: an archive that would fill the disk is refused before it does.
  const { bavail, bsize } = fs.statfsSync(work);
  const room = bavail * bsize - SPARE_BYTES;
  let unpacked = 0;
  extract.on('entry', (entry, stream, next) => {
    void (async () => {
      const name = entry.name;
      const size = entry.size ?? 0;
      unpacked += size;
      if (unpacked > room)
        throw fail(
          `needs more room than the temporary folder ${os.tmpdir()} has free (${Math.round(room / 1e6)} MB, keeping ${SPARE_BYTES / 1024 / 1024} MB spare): set TMPDIR to a larger one`,
        );
      if (
        (name.endsWith('.json') && size > MAX_JSON_BYTES) ||
        (name.startsWith('media/') && size > MAX_PICTURE_BYTES)
      )
        throw fail(
          `"${name}" is ${size.toLocaleString('en-GB')} bytes, more than any Newsdesk archive holds`,
        );
      if (!header) {
        if (name !== 'newsdesk-site.json')
          throw fail(`is not a Newsdesk site archive: it begins with "${name}"`);
        header = parseJson<ArchiveHeader>(await readAll(stream), name, fail);
        if (header.format !== ARCHIVE_FORMAT)
          throw fail(`is not a Newsdesk site archive ("${header.format}")`);
        if (header.version !== ARCHIVE_VERSION)
          throw fail(
            `is a version ${header.version} site archive; this Newsdesk reads version ${ARCHIVE_VERSION}`,
          );
        return;
      }
      if (manifest) throw fail(`has "${name}" after its manifest`);
      if (name === 'manifest.json') {
        manifest = parseJson<ArchiveManifest>(await readAll(stream), name, fail);
        return;
      }
      const table = /^tables\/([a-z_]+)\.ndjson$/.exec(name)?.[1];
      const picture = name.startsWith('media/') ? name.slice('media/'.length) : undefined;
      let target: string;
      if (table !== undefined && tables.has(table)) target = path.join(work, 'tables', `${table}.ndjson`);
      else if (picture !== undefined && isStoredName(picture)) {
        target = path.join(work, 'media', picture);
        fs.mkdirSync(path.dirname(target), { recursive: true });
      } else throw fail(`has an entry this Newsdesk does not know: "${name}"`);
      if (seen.has(name)) throw fail(`has "${name}" twice`);
      const hash = createHash('sha256');
      let bytes = 0;
      await pipeline(
        stream,
        tap((chunk) => {
          hash.update(chunk);
          bytes += chunk.length;
        }),
        fs.createWriteStream(target),
      );
      seen.set(name, { bytes, sha256: hash.digest('hex') });
    })().then(
      () => next(),
      (error: unknown) => extract.destroy(error as Error),
    );
  });
  let read = 0;
  try {
    await pipeline(
      fs.createReadStream(file),
      tap((chunk) => {
        read += chunk.length;
        onProgress?.({ phase: 'reading', done: read, total });
      }),
      decompressor(compression),
      extract,
    );
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw fail(`is damaged or cut short (${(error as Error).message})`);
  }
  if (!header) throw fail('is empty');
  if (!manifest) throw fail('ends before its manifest: it was cut short');
  if (!readableManifest(manifest)) throw fail('has a manifest this Newsdesk cannot read');
  const schema = schemaOf(MIGRATIONS);
  if (!readsSchema(manifest.schema, MIGRATIONS))
    throw fail(
      `was made with schema ${manifest.schema}, and this Newsdesk has schema ${schema}: import it with the same version of Newsdesk that made it`,
    );
  for (const [name, expected] of Object.entries(manifest.entries)) {
    const got = seen.get(name);
    if (!got) throw fail(`lacks "${name}", which its manifest lists`);
    if (got.bytes !== expected.bytes || got.sha256 !== expected.sha256)
      throw fail(
        `"${name}" is not what the manifest says (${got.bytes} bytes against ${expected.bytes}): damaged`,
      );
  }
  for (const name of seen.keys())
    if (!(name in manifest.entries)) throw fail(`has "${name}", which its manifest does not list`);
  for (const table of ARCHIVE_TABLES)
    if (!(`tables/${table.name}.ndjson` in manifest.entries)) throw fail(`lacks the table ${table.name}`);
  return manifest;
}

/** Every field the import reads, of the type it reads. */
function readableManifest(manifest: ArchiveManifest): boolean {
  const m = manifest as unknown as Record<string, unknown>;
  const site = m.site as Record<string, unknown> | null | undefined;
  const entries = m.entries as Record<string, Record<string, unknown> | null> | null | undefined;
  return (
    m.format === ARCHIVE_FORMAT &&
    typeof m.createdAt === 'string' &&
    (m.database === 'sqlite' || m.database === 'postgres') &&
    typeof m.schema === 'string' &&
    typeof site?.url === 'string' &&
    typeof site.name === 'string' &&
    typeof entries === 'object' &&
    entries !== null &&
    Object.values(entries).every(
      (e) =>
        typeof e?.bytes === 'number' &&
        typeof e.sha256 === 'string' &&
        (e.rows === undefined || typeof e.rows === 'number'),
    )
  );
}

/** A new home has no content yet: migrations and defaults only. */
async function checkEmpty(db: Db): Promise<void> {
  const held: string[] = [];
  for (const table of ['articles', 'sections', 'users', 'media'] as const) {
    const n = await countRows(db, table);
    if (n > 0) held.push(`${n.toLocaleString('en-GB')} ${table}`);
  }
  if (held.length)
    throw new ArchiveError(
      `this site is not empty (it has ${held.join(', ')}): import into a new DATA_DIR or an empty database`,
    );
}

/** Every table's rows, in order, in the transaction `trx`; returns how many. */
async function writeRows(
  trx: Db,
  work: string,
  manifest: ArchiveManifest,
  onProgress?: (progress: Progress) => void,
): Promise<number> {
  // What the migrations put in (default settings and the like) gives way to the archive's.
  for (const table of [...ARCHIVE_TABLES].reverse()) await trx.deleteFrom(table.name as 'settings').execute();
  // On PostgreSQL, a trigger that counts into a few rows (a section's article_count) leaves a new
  // version of such a row for every article written in one transaction, each found through the
  // last: 100,000 articles would take hours. The triggers rest for this transaction (the tables
  // are Newsdesk's own, and the site is empty), and the counts are made once, at the end.
  const postgres = dialectOf(trx) === 'postgres';
  if (postgres)
    for (const table of COUNTED) await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
  const total = ARCHIVE_TABLES.reduce(
    (n, t) => n + (manifest.entries[`tables/${t.name}.ndjson`].rows ?? 0),
    0,
  );
  let done = 0;
  const later: { table: ArchiveTable; row: Record<string, unknown> }[] = [];
  for (const table of ARCHIVE_TABLES) {
    // Written by triggers as the rows before went in: the archive's history replaces it.
    if (table.replace) await trx.deleteFrom(table.name as 'settings').execute();
    const entry = `tables/${table.name}.ndjson`;
    let batch: Record<string, unknown>[] = [];
    let line = 0;
    let firstLine = 1;
    const flush = async () => {
      if (!batch.length) return;
      try {
        await trx
          .insertInto(table.name as 'settings')
          .values(batch as never)
          .execute();
      } catch (error) {
        throw new ArchiveError(`${entry}, rows ${firstLine} to ${line}: ${(error as Error).message}`);
      }
      done += batch.length;
      onProgress?.({ phase: 'rows', done, total });
      batch = [];
      firstLine = line + 1;
    };
    const lines = readline.createInterface({
      input: fs.createReadStream(path.join(work, entry)),
      crlfDelay: Infinity,
    });
    for await (const text of lines) {
      line++;
      const row = parseJson<Record<string, unknown>>(
        text,
        `${entry}, line ${line}`,
        (what) => new ArchiveError(what),
      );
      for (const column of table.kept ?? []) delete row[column];
      if (table.later?.some((column) => row[column] !== null && row[column] !== undefined)) {
        later.push({ table, row: { ...row } });
        for (const column of table.later) row[column] = null;
      }
      batch.push(row);
      if (batch.length * Object.keys(row).length >= PARAMETERS) await flush();
    }
    await flush();
  }
  // The links that pointed ahead.
  for (const { table, row } of later) {
    const set = Object.fromEntries(table.later!.map((column) => [column, row[column]]));
    await trx
      .updateTable(table.name as 'users')
      .set(set as never)
      .where('id', '=', row.id as number)
      .execute();
  }
  if (postgres) {
    await sql`update sections s set article_count = (select count(*) from articles a where a.section_id = s.id)`.execute(
      trx,
    );
    await sql`update sources s set article_count = (select count(*) from articles a where a.source_id = s.id)`.execute(
      trx,
    );
    await sql`update tags t set article_count = (select count(*) from article_tags l where l.tag_id = t.id)`.execute(
      trx,
    );
    await sql`update authors t set article_count = (select count(*) from article_authors l where l.author_id = t.id)`.execute(
      trx,
    );
    // The back office's headline words, which a trigger on articles keeps (migration 0014), at once.
    await sql.raw(FILL_HEADLINE_WORDS).execute(trx);
    for (const table of COUNTED) await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
  }
  // PostgreSQL's identity columns go on from the largest id, not from 1.
  if (postgres)
    for (const table of ARCHIVE_TABLES.filter((t) => t.identity))
      await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(table.name)}`.execute(
        trx,
      );
  return done;
}

async function readAll(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson<T>(text: string, where: string, fail: (what: string) => Error): T {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as T;
  } catch (error) {
    throw fail(`${where} is not a JSON object (${(error as Error).message})`);
  }
}
