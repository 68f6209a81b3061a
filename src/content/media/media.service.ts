import path from 'node:path';
import type { Db } from '../../db/database.js';
import { AppError, forbidden, invalidInput, notFound } from '../../lib/app-error.js';
import type { ServiceContext } from '../articles/articles.service.js';
import { recordAudit } from '../audit/audit.repository.js';
import { oneLine, stripControl } from '../../lib/text.js';
import { can, type Actor } from '../users/permissions.js';
import { MAX_UPLOAD_BYTES, processImage } from './media.images.js';
import { deleteMediaRow, findMedia, insertMedia, listMedia, updateMediaText } from './media.repository.js';
import type { MediaStore } from './media.storage.js';
import type { Media, MediaVariant } from './media.table.js';

export interface MediaUpload {
  data: Buffer;
  /** The name on the uploader's disk: kept for people, never used as a path. */
  filename: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface MediaText {
  alt?: string;
  caption?: string;
  credit?: string;
}

const LIMITS = { alt: 500, caption: 1000, credit: 200 } as const;
export const MEDIA_PAGE_SIZE = 48;

/**
 * Adds an image to the library as `actor` (any signed-in role may):
 * 1. checks and processes it (see processImage: type by content, upright, no metadata, sizes);
 * 2. writes every file under a random name, all or none;
 * 3. inserts the row and an audit entry in one transaction, removing the files if that fails.
 */
export async function uploadMedia(
  ctx: ServiceContext,
  store: MediaStore,
  actor: Actor,
  upload: MediaUpload,
): Promise<Media> {
  const originalName = cleanName(upload.filename);
  if (upload.data.length > MAX_UPLOAD_BYTES) throw tooLarge(originalName, upload.data.length);
  const text = cleanText(upload);
  const image = await processImage(upload.data, originalName);

  const now = ctx.now();
  const stem = store.newStem(now);
  const file = `${stem}.${image.original.ext}`;
  const variants: MediaVariant[] = image.variants.map((v) => ({
    width: v.width,
    height: v.height,
    file: `${stem}-${v.width}.${v.ext}`,
    mime: v.mime,
    bytes: v.data.length,
  }));
  const files = [
    { name: file, data: image.original.data },
    ...image.variants.map((v, i) => ({ name: variants[i].file, data: v.data })),
  ];
  await store.writeAll(files);

  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertMedia(trx, {
        file,
        original_name: originalName,
        mime: image.original.mime,
        width: image.original.width,
        height: image.original.height,
        bytes: image.original.data.length,
        alt: text.alt ?? '',
        caption: text.caption ?? '',
        credit: text.credit ?? '',
        variants: JSON.stringify(variants),
        user_id: actor.id,
        created_at: now.toISOString(),
      });
      await recordAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'media.upload',
        subject: originalName,
        details: { mediaId: id, file },
      });
      return id;
    });
    return (await findMedia(ctx.db, id))!;
  } catch (error) {
    await store.remove(files.map((f) => f.name));
    throw error;
  }
}

/** Changes alt text, caption or credit: the uploader on their own images, editors on all. */
export async function updateMedia(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: MediaText,
): Promise<Media> {
  const media = await getMedia(ctx.db, id);
  if (!mayChange(actor, media)) throw forbidden('edit images other people uploaded: ask an editor');
  const text = cleanText(input);
  const next = {
    alt: text.alt ?? media.alt,
    caption: text.caption ?? media.caption,
    credit: text.credit ?? media.credit,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateMediaText(trx, id, next);
    await recordAudit(trx, {
      at: ctx.now().toISOString(),
      actor,
      action: 'media.update',
      subject: media.originalName,
      details: { mediaId: id },
    });
  });
  await ctx.events.emit('media.changed', { mediaId: id });
  return { ...media, ...next };
}

/**
 * Removes an image: the uploader their own, editors any. The row goes first,
 * in one transaction with the audit entry; then the files. Articles that
 * showed it keep their `src` and lose only the extra sizes.
 */
export async function deleteMedia(
  ctx: ServiceContext,
  store: MediaStore,
  actor: Actor,
  id: number,
): Promise<void> {
  const media = await getMedia(ctx.db, id);
  if (!mayChange(actor, media)) throw forbidden('delete images other people uploaded: ask an editor');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteMediaRow(trx, id);
    await recordAudit(trx, {
      at: ctx.now().toISOString(),
      actor,
      action: 'media.delete',
      subject: media.originalName,
      details: { mediaId: id, file: media.file },
    });
  });
  await ctx.events.emit('media.changed', { mediaId: id });
  await store.remove([media.file, ...media.variants.map((v) => v.file)]);
}

export async function getMedia(db: Db, id: number): Promise<Media> {
  const media = await findMedia(db, id);
  if (!media) throw notFound(`image ${id}`);
  return media;
}

/** One page of the library, newest first. */
export async function browseMedia(
  db: Db,
  query: { q?: string; page?: number },
): Promise<{ total: number; page: number; pages: number; media: Media[] }> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const { total, rows } = await listMedia(
    db,
    { q: query.q?.trim() || undefined },
    { limit: MEDIA_PAGE_SIZE, offset: (page - 1) * MEDIA_PAGE_SIZE },
  );
  return { total, page, pages: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)), media: rows };
}

/** Whether `actor` may edit or delete this image: editors any, everyone their own. */
export function mayChange(actor: Actor, media: Pick<Media, 'userId'>): boolean {
  return can.manageMedia(actor) || (actor.id !== null && media.userId === actor.id);
}

export function tooLarge(name: string, bytes?: number): AppError {
  const size = bytes === undefined ? 'larger than 15 MB' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `file: "${name}" is ${size}; an upload may be at most 15 MB: export it smaller and try again`,
  );
}

/** The base name as the uploader's system gave it, without folders (`C:\fakepath\x.jpg`) or control characters. */
function cleanName(filename: string): string {
  const base = path.win32.basename(path.posix.basename(stripControl(filename ?? '')));
  return base.trim().slice(0, 200) || 'image';
}

function cleanText(input: MediaText): MediaText {
  const out: MediaText = {};
  for (const field of ['alt', 'caption', 'credit'] as const) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw invalidInput(field, 'must be text');
    const clean = oneLine(value);
    if (clean.length > LIMITS[field])
      throw invalidInput(field, `must be at most ${LIMITS[field]} characters`);
    out[field] = clean;
  }
  return out;
}
