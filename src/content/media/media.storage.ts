import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Names of stored files: `YYYY/MM/<16 hex>.<ext>` for originals and
 * `YYYY/MM/<16 hex>-<width>.<ext>` for sizes. Nothing the uploader chose
 * ever becomes part of a path, and nothing else is ever served.
 */
const STORED_NAME = /^\d{4}\/\d{2}\/[0-9a-f]{16}(?:-\d{1,5})?\.(?:jpg|png|webp|avif)$/;

/** The files of the media library under one folder, DATA_DIR/media. */
export class MediaStore {
  constructor(readonly root: string) {}

  /** A fresh random stem for a new image, in this month's folder, e.g. `2026/11/3f2a9c01de4b5a6c`. */
  newStem(now: Date): string {
    const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    return `${month}/${randomBytes(8).toString('hex')}`;
  }

  /**
   * Writes all files or none: each goes to a temporary name and is renamed
   * into place, so no reader ever sees half a file; on any failure every file
   * already written is removed before the error is thrown.
   */
  async writeAll(files: { name: string; data: Buffer }[]): Promise<void> {
    const written: string[] = [];
    try {
      for (const file of files) {
        const target = this.pathOf(file.name);
        if (!target) throw new Error(`not a stored file name: ${file.name}`);
        await fs.mkdir(path.dirname(target), { recursive: true });
        const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          await fs.writeFile(temp, file.data, { flag: 'wx' });
          await fs.rename(temp, target);
        } catch (error) {
          await fs.rm(temp, { force: true });
          throw error;
        }
        written.push(file.name);
      }
    } catch (error) {
      await this.remove(written);
      throw error;
    }
  }

  /** Removes stored files; files already gone are no error. */
  async remove(names: string[]): Promise<void> {
    for (const name of names) {
      const target = this.pathOf(name);
      if (target) await fs.rm(target, { force: true });
    }
  }

  /**
   * The absolute path of a stored file's name, or undefined for any other
   * name (`../newsdesk.db`, `2026/11/x.svg`, an encoded slash): readers can
   * reach the library's files and nothing else.
   */
  pathOf(name: string): string | undefined {
    if (!STORED_NAME.test(name)) return undefined;
    const target = path.resolve(this.root, name);
    return target.startsWith(path.resolve(this.root) + path.sep) ? target : undefined;
  }
}

/** Content types of stored files, by extension. */
export const STORED_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
