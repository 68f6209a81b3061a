import type { Selectable } from 'kysely';
import type { MediaTable } from '../../db/schema.js';

export type MediaRow = Selectable<MediaTable>;

/** One stored size of an image, as kept in `media.variants` (JSON). */
export interface MediaVariant {
  width: number;
  height: number;
  /** Name in the media store, e.g. `2026/11/3f2a9c01de4b5a6c-640.webp`. */
  file: string;
  mime: string;
  bytes: number;
}

/** An image in the library, as pages and the API show it. */
export interface Media {
  id: number;
  /** Where readers fetch the stored original, e.g. `/media/2026/11/3f2a9c01de4b5a6c.jpg` (see mediaUrl). */
  url: string;
  file: string;
  originalName: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** Smallest first. WebP sizes for `srcset`, and one JPEG or PNG for clients without WebP. */
  variants: (MediaVariant & { url: string })[];
  userId: number | null;
  /** The uploader's name; null once their account is gone. */
  uploader: string | null;
  createdAt: string;
}

/**
 * Where readers fetch stored files: `/media` on this site (routes/media.ts
 * serves them from whichever store holds them), or the address of the store
 * itself behind a CDN (MEDIA_BASE_URL), set once at start by createServices.
 */
let publicBase = '/media';

/** Sets where stored files are fetched: MEDIA_BASE_URL without its trailing slash, or undefined for `/media` on this site. */
export function setMediaBaseUrl(base: string | undefined): void {
  publicBase = base ?? '/media';
}

/** The public URL of a stored file: `/media/2026/11/x.jpg`, or `https://cdn.example/2026/11/x.jpg` with MEDIA_BASE_URL. */
export function mediaUrl(file: string): string {
  return `${publicBase}/${file}`;
}

export function toMedia(row: MediaRow & { uploader?: string | null }): Media {
  const variants = (JSON.parse(row.variants) as MediaVariant[])
    .map((v) => ({ ...v, url: mediaUrl(v.file) }))
    // Smallest first; at equal widths the WebP first, so the last is the most widely readable.
    .sort((a, b) => a.width - b.width || Number(b.mime === 'image/webp') - Number(a.mime === 'image/webp'));
  return {
    id: row.id,
    url: mediaUrl(row.file),
    file: row.file,
    originalName: row.original_name,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants,
    userId: row.user_id,
    uploader: row.uploader ?? null,
    createdAt: row.created_at,
  };
}

/** The WebP sizes for `srcset`, e.g. `/media/2026/11/x-320.webp 320w, /media/2026/11/x-640.webp 640w`. */
export function mediaSrcset(media: Media): string {
  return media.variants
    .filter((v) => v.mime === 'image/webp')
    .map((v) => `${v.url} ${v.width}w`)
    .join(', ');
}

/** The size every client can show (JPEG or PNG), else the original. */
export function mediaFallback(media: Media): { url: string; width: number; height: number } {
  const fallback = media.variants.find((v) => v.mime === 'image/jpeg' || v.mime === 'image/png');
  return fallback ?? { url: media.url, width: media.width, height: media.height };
}

/** The largest stored size: for share cards and structured data. */
export function mediaLargest(media: Media): { url: string; width: number; height: number } {
  return media.variants.at(-1) ?? { url: media.url, width: media.width, height: media.height };
}
