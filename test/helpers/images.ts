import type { FastifyInstance } from 'fastify';
import { SYSTEM, uploadMedia, type Media } from '../../src/content/index.js';
import sharp from 'sharp';

/** Strings written into test photos' EXIF (camera description and GPS datum): none may survive an upload. */
export const PRIVATE_MARKERS = ['SECRET-CAMERA-NOTE', 'SECRET-GPS-DATUM'];

/**
 * A photo as a phone stores it: the sensor's pixels sideways (`width` ×
 * `height`, the left half red, the right half blue) with EXIF orientation 6
 * ("turn 90° clockwise to show"), a GPS position and a camera note. Shown
 * upright it is `height` × `width`, red on top.
 */
export async function phoneJpeg(width = 1800, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: '#ff0000' } },
        left: 0,
        top: 0,
      },
    ])
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { ImageDescription: PRIVATE_MARKERS[0], Make: 'TestCam' },
      IFD3: {
        GPSMapDatum: PRIVATE_MARKERS[1],
        GPSLatitudeRef: 'N',
        GPSLatitude: '42/1 41/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '23/1 19/1 0/1',
      },
    })
    .toBuffer();
}

/** A flat-coloured image in one of the accepted formats. */
export async function solidImage(
  format: 'jpeg' | 'png' | 'webp' | 'avif',
  width: number,
  height: number,
  options: { alpha?: boolean } = {},
): Promise<Buffer> {
  const image = sharp({
    create: {
      width,
      height,
      channels: options.alpha ? 4 : 3,
      background: options.alpha ? { r: 20, g: 120, b: 60, alpha: 0.5 } : '#147a3c',
    },
  });
  return image.toFormat(format).toBuffer();
}

/** Whether this build of sharp can write AVIF (it reads it through libheif with an AV1 codec). */
export async function canEncodeAvif(): Promise<boolean> {
  try {
    await solidImage('avif', 8, 8);
    return true;
  } catch {
    return false;
  }
}

/** An SVG that would run script if a browser showed it as a page. */
export const SCRIPT_SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
);

/**
 * A multipart/form-data request body, as a browser's form would send it:
 * the fields in order, then the file.
 */
export async function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

/**
 * A small landscape, drawn as SVG and encoded as JPEG: sky, sun and hills in
 * the given hues. Looks like a photo in a thumbnail, for screenshots.
 */
export async function sceneJpeg(width: number, height: number, sky: string, land: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 120 80">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#fdf3e1"/></linearGradient></defs>
    <rect width="120" height="80" fill="url(#s)"/>
    <circle cx="84" cy="30" r="9" fill="#fff6d5" opacity="0.9"/>
    <path d="M0 58 Q25 40 50 54 T120 48 V80 H0Z" fill="${land}" opacity="0.75"/>
    <path d="M0 66 Q35 54 70 64 T120 62 V80 H0Z" fill="${land}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** A library picture (a drawn coast at dawn, 1600 x 1000) uploaded as the system, for tests that need one. */
export async function uploadCoastPicture(app: FastifyInstance): Promise<Media> {
  return uploadMedia(app.services.content, app.services.media, SYSTEM, {
    data: await sceneJpeg(1600, 1000, '#6d8fb0', '#2f4a3a'),
    filename: 'coast.jpg',
    alt: 'The coast at dawn',
    caption: 'Dawn over the coast.',
    credit: 'Photo: Desk',
  });
}
