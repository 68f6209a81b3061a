import type sharpFunction from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { AppError, invalidInput } from '../../lib/app-error.js';
import { ACCEPTED_TYPES, detectType } from './media.detect.js';

/** The largest upload the library takes: 15 MB. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Larger images cost too much memory to resize: 50 megapixels, e.g. 8660 × 5773. */
export const MAX_PIXELS = 50_000_000;
/** The WebP widths for `srcset`; an image narrower than one gets its own width instead. */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600];
/** The JPEG or PNG size for clients without WebP (feed readers, mail). */
export const FALLBACK_WIDTH = 1024;

export interface EncodedImage {
  width: number;
  height: number;
  mime: string;
  ext: string;
  data: Buffer;
}

export interface ProcessedImage {
  /** The uploaded image, upright and without metadata, in its own format. */
  original: EncodedImage;
  /** Smallest first: WebP sizes, then the fallback. */
  variants: EncodedImage[];
}

/** What sharp calls each accepted type. */
const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'heif',
};

/**
 * Turns an upload into what the library stores:
 * 1. checks it by content: an accepted type by its bytes, readable by sharp,
 *    at most 50 megapixels;
 * 2. turns it upright by its EXIF orientation and re-encodes it without any
 *    metadata (camera, time, GPS position: nothing the photographer did not mean to publish);
 * 3. makes the WebP sizes (never wider than the image) and one JPEG or PNG fallback.
 *
 * Throws UNSUPPORTED_MEDIA (415) for other types and INVALID_INPUT (400) for
 * damaged or oversized images, naming the file.
 */
export async function processImage(data: Buffer, name: string): Promise<ProcessedImage> {
  const mime = checkType(data, name);
  const { width } = await checkImage(data, mime, name);
  const sharp = await loadSharp();
  const open = () => sharp(data, { autoOrient: true, limitInputPixels: MAX_PIXELS, failOn: 'warning' });
  try {
    const original = await encode(open(), mime, 'original');
    // One decode for every size: the largest size once, raw, then each size from it.
    const top = Math.min(width, VARIANT_WIDTHS.at(-1)!);
    const base = await open()
      .resize({ width: top })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const fromBase = () => sharp(base.data, { raw: base.info });
    const variants: EncodedImage[] = [];
    for (const w of variantWidths(width)) {
      variants.push(await encode(fromBase().resize({ width: w }), 'image/webp', 'size'));
    }
    variants.push(
      await encode(
        fromBase().resize({ width: Math.min(FALLBACK_WIDTH, width) }),
        fallbackType(mime, base.info.channels),
        'size',
      ),
    );
    return { original, variants };
  } catch (error) {
    throw unreadable(name, error);
  }
}

/** 320, 640, 1024 and 1600 where the image is wider; its own width when it is narrower than 1600. */
export function variantWidths(width: number): number[] {
  const widths = VARIANT_WIDTHS.filter((w) => w < width);
  if (width <= VARIANT_WIDTHS.at(-1)!) widths.push(width);
  return widths;
}

/** The fallback keeps a JPEG or PNG original's format; WebP and AVIF fall back to JPEG, or PNG when transparent. */
function fallbackType(mime: string, channels: number): string {
  if (mime === 'image/jpeg' || mime === 'image/png') return mime;
  return channels === 4 || channels === 2 ? 'image/png' : 'image/jpeg';
}

function checkType(data: Buffer, name: string): string {
  if (data.length === 0) throw invalidInput('file', `"${name}" is empty`);
  const detected = detectType(data);
  if (ACCEPTED_TYPES[detected]) return detected;
  const what = DESCRIPTIONS[detected] ?? 'not an image';
  throw new AppError(
    'UNSUPPORTED_MEDIA',
    `file: "${name}" is ${detected} (${what}); upload a JPEG, PNG, WebP or AVIF image`,
    { details: { detected } },
  );
}

async function checkImage(
  data: Buffer,
  mime: string,
  name: string,
): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await (await loadSharp())(data).metadata();
  } catch (error) {
    throw unreadable(name, error);
  }
  const avif = mime !== 'image/avif' || meta.compression === 'av1';
  if (meta.format !== SHARP_FORMAT[mime] || !avif || !meta.width || !meta.height)
    throw invalidInput(
      'file',
      `"${name}" starts like a ${ACCEPTED_TYPES[mime].label} image but is not a readable one`,
    );
  const pixels = meta.width * meta.height;
  if (pixels > MAX_PIXELS)
    throw invalidInput(
      'file',
      `"${name}" is ${meta.width} × ${meta.height} pixels (${Math.round(pixels / 1e6)} megapixels); the limit is ${MAX_PIXELS / 1e6} megapixels`,
    );
  return meta.autoOrient ?? { width: meta.width, height: meta.height };
}

/**
 * Sizes are small: they get the slower, tighter encoders (mozjpeg, PNG level 9).
 * Originals can be 50 megapixels: fast encoders at high quality keep an upload
 * to a second or two.
 */
async function encode(image: Sharp, mime: string, role: 'original' | 'size'): Promise<EncodedImage> {
  const { ext } = ACCEPTED_TYPES[mime];
  const size = role === 'size';
  const format =
    mime === 'image/jpeg'
      ? image.jpeg(size ? { quality: 82, mozjpeg: true } : { quality: 88, optimiseCoding: true })
      : mime === 'image/png'
        ? image.png({ compressionLevel: size ? 9 : 6 })
        : mime === 'image/webp'
          ? image.webp({ quality: size ? 80 : 88, effort: size ? 4 : 2 })
          : image.avif({ quality: 60, effort: 2 });
  const { data, info } = await format.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, mime, ext, data };
}

function unreadable(name: string, cause: unknown): AppError {
  return new AppError(
    'INVALID_INPUT',
    `file: "${name}" could not be read as an image: it is damaged or incomplete`,
    {
      cause,
    },
  );
}

/** What refused types are, in words, so the message helps the person uploading. */
const DESCRIPTIONS: Record<string, string> = {
  'image/svg+xml': 'an SVG drawing, which can carry scripts',
  'image/gif': 'a GIF image',
  'image/heic': 'a HEIC photo: export it as JPEG, or set the camera to "Most Compatible"',
  'image/tiff': 'a TIFF image',
  'image/bmp': 'a BMP image',
  'image/x-icon': 'an icon file',
  'image/vnd.adobe.photoshop': 'a Photoshop document',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive or office document',
  'video/mp4': 'a video',
  'video/quicktime': 'a video',
  'text/html': 'a web page',
  'application/xml': 'an XML document',
  'application/json': 'a JSON document',
  'text/plain': 'plain text',
  'application/octet-stream': 'not a file type the library knows',
};

/**
 * sharp, loaded with the first image: libvips and its codecs (about 16 MB
 * resident) stay out of the workers that only serve readers.
 */
export async function loadSharp(): Promise<typeof sharpFunction> {
  return (await import('sharp')).default;
}
