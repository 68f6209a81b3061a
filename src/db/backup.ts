import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config.js';
import { AppError } from '../lib/app-error.js';
import { databaseFile, MIGRATIONS } from './database.js';

/**
 * `newsdesk backup FILE` and `newsdesk restore FILE` on SQLite.
 *
 * A backup is `VACUUM INTO`: one read transaction, so the copy is the
 * database as it was at one instant, whole, while the site goes on writing
 * (in WAL mode a reader never blocks a writer); and compacted, with no WAL
 * beside it. SQLite's page-by-page backup API would start again each time
 * another process wrote, which a busy site does every second.
 *
 * A restore checks the file (a SQLite database, whole, made by this or an
 * older Newsdesk), copies it next to the site's database and renames it into
 * place, so the site is either untouched or restored, then brings its schema
 * up to date. It goes into an empty site only: nothing stored is ever
 * overwritten.
 *
 * Media files are not in the database: they live in DATA_DIR/media under
 * names that never change, and are copied as files.
 */
export interface BackupReport {
  file: string;
  bytes: number;
  articles: number;
  seconds: number;
}

export function backupDatabase(config: Pick<Config, 'dataDir'>, target: string): BackupReport {
  const started = performance.now();
  const source = databaseFile(config);
  if (!fs.existsSync(source))
    throw new AppError('INVALID_INPUT', `backup: there is no site database at ${source} (check DATA_DIR)`);
  const file = path.resolve(target);
  if (fs.existsSync(file))
    throw new AppError('INVALID_INPUT', `backup: ${file} already exists; give a new file name`);
  if (!fs.existsSync(path.dirname(file)))
    throw new AppError('INVALID_INPUT', `backup: the folder ${path.dirname(file)} does not exist`);
  const partial = `${file}.partial`;
  const db = new SQLite(source, { fileMustExist: true });
  try {
    // The site's writers hold the write lock for milliseconds; wait for them rather than fail.
    db.pragma('busy_timeout = 10000');
    fs.rmSync(partial, { force: true });
    db.prepare('vacuum into ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const articles = checkedCopy(partial, 'backup').articles;
    fs.renameSync(partial, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      articles,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreReport {
  file: string;
  articles: number;
  /** Migrations run on the restored database, for a backup from an older Newsdesk. */
  migrated: string[];
}

/**
 * Restores FILE into the site at config.dataDir, which must be empty (no
 * database, or one with no articles, sections or users). `migrate` brings
 * the restored database up to date (the caller's, so that it opens the
 * database the way the site does).
 */
export async function restoreDatabase(
  config: Pick<Config, 'dataDir'>,
  from: string,
  migrate: () => Promise<string[]>,
): Promise<RestoreReport> {
  const file = path.resolve(from);
  if (!fs.existsSync(file)) throw new AppError('INVALID_INPUT', `restore: ${file} does not exist`);
  const { articles } = checkedCopy(file, 'restore');
  const target = databaseFile(config);
  if (fs.existsSync(target)) refuseUnlessEmpty(target);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const partial = `${target}.restoring`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('vacuum into ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new AppError(
      'INVALID_INPUT',
      `restore: ${file} could not be read whole: ${(error as Error).message}`,
    );
  } finally {
    db.close();
  }
  // The empty site's files go, the restored one takes their place.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(partial, target);
  return { file, articles, migrated: await migrate() };
}

/**
 * Opens a copy read-only and checks it is a whole Newsdesk database that this
 * version can open; returns how many articles it holds.
 */
function checkedCopy(file: string, command: string): { articles: number } {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${command}: ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (error) {
      throw new AppError(
        'INVALID_INPUT',
        `${command}: ${file} is not a whole SQLite database (damaged, cut short or another kind of file): ${(error as Error).message}`,
      );
    }
    if (problems.join() !== 'ok')
      throw new AppError(
        'INVALID_INPUT',
        `${command}: ${file} is damaged: ${problems.slice(0, 3).join('; ')}`,
      );
    const tables = new Set(
      db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    );
    if (!tables.has('kysely_migration') || !tables.has('articles'))
      throw new AppError(
        'INVALID_INPUT',
        `${command}: ${file} is a SQLite database, but not a Newsdesk site`,
      );
    const known = new Set(MIGRATIONS);
    const unknown = (db.prepare('select name from kysely_migration').pluck().all() as string[]).filter(
      (name) => !known.has(name),
    );
    if (unknown.length)
      throw new AppError(
        'INVALID_INPUT',
        `${command}: ${file} was made by a newer Newsdesk (it has migration ${unknown.join(', ')}); upgrade first`,
      );
    return { articles: db.prepare('select count(*) from articles').pluck().get() as number };
  } finally {
    db.close();
  }
}

/** Refuses a site database that holds anything a restore would overwrite. */
function refuseUnlessEmpty(target: string): void {
  const db = new SQLite(target, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string) => {
      try {
        return db.prepare(`select 1 from ${table} limit 1`).get() !== undefined;
      } catch {
        return false; // A database created but never migrated has no such table.
      }
    };
    const held = ['articles', 'sections', 'users'].filter(has);
    if (held.length)
      throw new AppError(
        'INVALID_INPUT',
        `restore: the site at ${path.dirname(target)} already has ${held.join(', ')}; restore goes into an empty site (point DATA_DIR at a new folder)`,
      );
  } finally {
    db.close();
  }
}
