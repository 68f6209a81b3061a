import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Settings } from './media.s3.js';

/**
 * Names of stored files: `YYYY/MM/<16 hex>.<ext>` for originals and
 * `YYYY/MM/<16 hex>-<width>.<ext>` for sizes. Nothing the uploader chose
 * ever becomes part of a path, and nothing else is ever served.
 */
const STORED_NAME = /^\d{4}\/\d{2}\/[0-9a-f]{16}(?:-\d{1,5})?\.(?:jpg|png|webp|avif)$/;

/** Whether `name` is one the library gives out (`../newsdesk.db`, `x.svg` and encoded slashes are not). */
export function isStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

/** A stored file opened for reading. */
export interface StoredFile {
  body: Readable;
  bytes: number;
  modified: Date;
  /** From the extension (STORED_TYPES), never from what the store says. */
  type: string;
}

/**
 * Where the media library's files live: a folder on this server
 * (DiskMediaStore, the default) or an S3-compatible bucket shared by every
 * instance (S3MediaStore in media.s3.ts, `MEDIA_STORE=s3://…`). A file, once
 * written, never changes: a new upload is a new random name.
 */
export interface MediaStore {
  /** Where the files are, for people: a folder, or `s3://bucket/prefix`. */
  readonly location: string;
  /** A fresh random stem for a new image, in this month's folder, e.g. `2026/11/3f2a9c01de4b5a6c`. */
  newStem(now: Date): string;
  /** Writes all files or none: on any failure, every file already written is removed before the error is thrown. */
  writeAll(files: { name: string; data: Buffer }[]): Promise<void>;
  /** Removes stored files; files already gone, and names the library never gives out, are no error. */
  remove(names: string[]): Promise<void>;
  /** A stored file, or undefined when there is none by that name (or the name is not one the library gives out). */
  open(name: string): Promise<StoredFile | undefined>;
  /** Whether a file by that name is stored. */
  has(name: string): Promise<boolean>;
  /** Lets go of connections, if it holds any. */
  close(): void;
}

/** How long browsers and CDNs may keep a stored file: a year, since it never changes. */
export const STORED_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * What every store does alike: new names, and an upload's files written all
 * or none (one at a time by `writeOne`; on any failure every file already
 * written is removed before the error is thrown).
 */
export abstract class StoreOfFiles implements MediaStore {
  abstract readonly location: string;

  newStem(now: Date): string {
    const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    return `${month}/${randomBytes(8).toString('hex')}`;
  }

  async writeAll(files: { name: string; data: Buffer }[]): Promise<void> {
    const written: string[] = [];
    try {
      for (const file of files) {
        if (!isStoredName(file.name)) throw new Error(`not a stored file name: ${file.name}`);
        await this.writeOne(file.name, file.data);
        written.push(file.name);
      }
    } catch (error) {
      await this.remove(written).catch(() => undefined);
      throw error;
    }
  }

  /** Stores one file whose name is checked, whole or not at all. */
  protected abstract writeOne(name: string, data: Buffer): Promise<void>;
  abstract remove(names: string[]): Promise<void>;
  abstract open(name: string): Promise<StoredFile | undefined>;
  abstract has(name: string): Promise<boolean>;
  abstract close(): void;
}

/** The files of the media library under one folder, DATA_DIR/media. */
export class DiskMediaStore extends StoreOfFiles {
  constructor(readonly root: string) {
    super();
  }

  get location(): string {
    return this.root;
  }

  /** To a temporary name, renamed into place: no reader ever sees half a file. */
  protected async writeOne(name: string, data: Buffer): Promise<void> {
    const target = this.pathOf(name);
    if (!target) throw new Error(`not a stored file name: ${name}`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.promises.writeFile(temp, data, { flag: 'wx' });
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
  }

  async remove(names: string[]): Promise<void> {
    for (const name of names) {
      const target = this.pathOf(name);
      if (target) await fs.promises.rm(target, { force: true });
    }
  }

  /** Opened before it is measured, so a file removed in between is either whole or not found. */
  async open(name: string): Promise<StoredFile | undefined> {
    const file = this.pathOf(name);
    const handle = file ? await fs.promises.open(file, 'r').catch(() => undefined) : undefined;
    if (!file || !handle) return undefined;
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return undefined;
    }
    return {
      body: handle.createReadStream(),
      bytes: stat.size,
      modified: stat.mtime,
      type: STORED_TYPES[path.extname(file)],
    };
  }

  async has(name: string): Promise<boolean> {
    const file = this.pathOf(name);
    return file !== undefined && (await fs.promises.stat(file).catch(() => undefined))?.isFile() === true;
  }

  close(): void {}

  /**
   * The absolute path of a stored file's name, or undefined for any other
   * name (`../newsdesk.db`, `2026/11/x.svg`, an encoded slash): readers can
   * reach the library's files and nothing else.
   */
  pathOf(name: string): string | undefined {
    if (!isStoredName(name)) return undefined;
    const target = path.resolve(this.root, name);
    return target.startsWith(path.resolve(this.root) + path.sep) ? target : undefined;
  }
}

/** The store a site's settings name: S3 with MEDIA_STORE=s3://…, else the folder DATA_DIR/media. */
export async function openMediaStore(
  settings: { s3: S3Settings | undefined },
  dataDir: string,
): Promise<MediaStore> {
  if (!settings.s3) return new DiskMediaStore(path.join(dataDir, 'media'));
  const { S3MediaStore } = await import('./media.s3.js');
  return S3MediaStore.open(settings.s3);
}

/** Content types of stored files, by extension. */
export const STORED_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
