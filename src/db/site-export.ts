import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import tar from 'tar-stream';
import type { MediaStore } from '../content/media/media.storage.js';
import { countRows, dialectOf, MIGRATIONS, type Db } from './database.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_TABLES,
  ARCHIVE_VERSION,
  compressionFor,
  compressor,
  derivedColumns,
  removedOnExit,
  schemaOf,
  tap,
  type ArchiveManifest,
  type ArchiveTable,
  type Progress,
} from './site-archive.js';

/** Rows read at a time, by key. */
const BATCH = 2000;

export interface ExportReport {
  file: string;
  bytes: number;
  rows: number;
  articles: number;
  mediaFiles: number;
  seconds: number;
}

/**
 * Whether an archive can be written at `file`: a name that says how to
 * compress it, a folder that exists, and no file there yet. Returns the
 * compression; throws what is wrong. The CLI asks before opening the site.
 */
export function checkExportTarget(file: string) {
  const compression = compressionFor(file);
  if (fs.existsSync(file)) throw new Error(`${file} exists already: name a new file`);
  const folder = path.dirname(path.resolve(file));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`${file}: there is no folder ${folder} to write it in`);
  return compression;
}

/**
 * Writes the whole site to `file` (see site-archive.ts), which must not
 * exist: every table's rows, then every stored file of the media library.
 * The rows and the list of pictures are read in one transaction, so the
 * archive is one moment's site even while others write. The archive is
 * written under a temporary name beside it and renamed into place once
 * whole, so a failed export leaves nothing that looks finished.
 */
export async function exportSite(options: {
  db: Db;
  media: MediaStore;
  file: string;
  site: { name: string; url: string };
  version: string;
  onProgress?: (progress: Progress) => void;
}): Promise<ExportReport> {
  const { db, media, file, onProgress } = options;
  const started = Date.now();
  const compression = checkExportTarget(file);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-export-'));
  const temp = `${file}.${randomBytes(4).toString('hex')}.partial`;
  const interrupted = removedOnExit(work, temp);
  let pack: tar.Pack | undefined;
  let written: Promise<void> | undefined;
  try {
    // The tables, each to a file of its own first (a tar entry's size comes before its bytes), and
    // the list of pictures, all read in one transaction: one moment's site, whatever is written
    // meanwhile (the scheduler, partner feeds, view counts).
    const entries: ArchiveManifest['entries'] = {};
    const snapshot = db.transaction();
    const { totalRows, files } = await (
      dialectOf(db) === 'postgres' ? snapshot.setIsolationLevel('repeatable read') : snapshot
    ).execute(async (trx) => {
      let totalRows = 0;
      for (const table of ARCHIVE_TABLES) totalRows += await countRows(trx, table.name);
      let rowsDone = 0;
      const derived = await derivedColumns(trx);
      for (const table of ARCHIVE_TABLES) {
        const target = path.join(work, `${table.name}.ndjson`);
        const leftOut = derived.get(table.name);
        entries[`tables/${table.name}.ndjson`] = await writeTable(trx, table, leftOut, target, (n) => {
          rowsDone += n;
          onProgress?.({ phase: 'rows', done: rowsDone, total: totalRows });
        });
      }
      const files = (
        await trx.selectFrom('media').select(['file', 'variants']).orderBy('id').execute()
      ).flatMap((row) => [row.file, ...(JSON.parse(row.variants) as { file: string }[]).map((v) => v.file)]);
      return { totalRows, files };
    });

    pack = tar.pack();
    written = pipeline(pack, compressor(compression), fs.createWriteStream(temp, { flags: 'wx' }));
    const into = pack;
    const add = (name: string, data: Buffer) =>
      new Promise<void>((resolve, reject) =>
        into.entry({ name, mtime: new Date(started) }, data, (e) => (e ? reject(e) : resolve())),
      );
    await add(
      'newsdesk-site.json',
      Buffer.from(JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION })),
    );
    for (const table of ARCHIVE_TABLES) {
      const name = `tables/${table.name}.ndjson`;
      await addFile(into, name, path.join(work, `${table.name}.ndjson`), entries[name].bytes, started);
    }
    let filesDone = 0;
    for (const name of files) {
      const stored = await media.open(name);
      if (!stored) throw new Error(`the media library lists ${name}, but ${media.location} has no such file`);
      const hash = createHash('sha256');
      const entry = into.entry({ name: `media/${name}`, size: stored.bytes, mtime: stored.modified });
      await pipeline(
        stored.body,
        tap((chunk) => hash.update(chunk)),
        entry,
      );
      entries[`media/${name}`] = { bytes: stored.bytes, sha256: hash.digest('hex') };
      onProgress?.({ phase: 'pictures', done: ++filesDone, total: files.length });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date(started).toISOString(),
      newsdesk: options.version,
      database: dialectOf(db),
      schema: schemaOf(MIGRATIONS),
      site: options.site,
      entries,
    };
    await add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    into.finalize();
    await written;
    fs.renameSync(temp, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      rows: totalRows,
      articles: entries['tables/articles.ndjson'].rows ?? 0,
      mediaFiles: files.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (error) {
    // Close the archive's streams (and the zstd command behind them) before removing what they wrote.
    pack?.destroy(error as Error);
    await written?.catch(() => undefined);
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    interrupted.done();
  }
}

/** One table's rows as NDJSON in key order, read a batch at a time (keyset: no offsets), without `leftOut`'s columns. */
async function writeTable(
  db: Db,
  table: ArchiveTable,
  leftOut: Set<string> | undefined,
  target: string,
  onRows: (n: number) => void,
): Promise<{ bytes: number; sha256: string; rows: number }> {
  const out = fs.createWriteStream(target);
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  const keys = sql.join(table.key.map((k) => sql.ref(k)));
  let after: unknown[] | undefined;
  try {
    for (;;) {
      let query = db
        .selectFrom(table.name as 'settings')
        .selectAll()
        .$if(after !== undefined, (q) =>
          q.where(({ eb }) => eb(sql`(${keys})`, '>', sql`(${sql.join(after!.map((v) => sql.val(v)))})`)),
        )
        .limit(BATCH);
      for (const key of table.key) query = query.orderBy(sql.ref(key));
      const batch = await query.execute();
      if (batch.length === 0) break;
      let text = '';
      for (const row of batch) {
        for (const column of leftOut ?? []) delete (row as Record<string, unknown>)[column];
        text += JSON.stringify(row) + '\n';
      }
      const chunk = Buffer.from(text);
      hash.update(chunk);
      bytes += chunk.length;
      rows += batch.length;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      onRows(batch.length);
      const last = batch.at(-1) as Record<string, unknown>;
      after = table.key.map((k) => last[k]);
      if (batch.length < BATCH) break;
    }
  } finally {
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
  return { bytes, sha256: hash.digest('hex'), rows };
}

function addFile(pack: tar.Pack, name: string, file: string, size: number, mtime: number): Promise<void> {
  const entry = pack.entry({ name, size, mtime: new Date(mtime) });
  return pipeline(fs.createReadStream(file), entry);
}
