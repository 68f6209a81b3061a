/**
 * What a file is, from its first bytes: the name and the type a browser
 * declares are the uploader's to choose, so neither is ever trusted.
 *
 * @example detectType(fs.readFileSync('photo.jpg')) // 'image/jpeg'
 */
export function detectType(data: Buffer): string {
  const ascii = (start: number, end: number) => data.subarray(start, end).toString('latin1');
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp') return isoMediaType(data);
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'image/tiff';
  if (ascii(0, 2) === 'BM') return 'image/bmp';
  if (ascii(0, 4) === '\0\0\x01\0') return 'image/x-icon';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(0, 4) === 'PK\x03\x04') return 'application/zip';
  if (ascii(0, 4) === '8BPS') return 'image/vnd.adobe.photoshop';
  return textType(data);
}

/** ISO base media files (AVIF, HEIC, MP4, QuickTime) say what they are in their `ftyp` box's brands. */
function isoMediaType(data: Buffer): string {
  const size = Math.min(data.readUInt32BE(0), data.length, 256);
  const brands: string[] = [];
  for (let at = 8; at + 4 <= size; at += 4) {
    if (at === 12) continue; // the minor version, not a brand
    brands.push(data.subarray(at, at + 4).toString('latin1'));
  }
  if (brands.includes('avif') || brands.includes('avis')) return 'image/avif';
  if (brands.some((b) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(b)))
    return 'image/heic';
  if (brands.includes('qt  ')) return 'video/quicktime';
  return 'video/mp4';
}

/** SVG, HTML and plain text, told apart by their opening; anything else is unknown binary. */
function textType(data: Buffer): string {
  let head = data
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  // The cut at 2048 bytes may fall inside a character.
  if (data.length > 2048) head = head.replace(/\uFFFD+$/, '');
  // A NUL or a replacement character (bytes that are not UTF-8) means binary.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000\uFFFD]/.test(head)) return 'application/octet-stream';
  const start = head.trimStart().toLowerCase();
  const html = start.startsWith('<!doctype html') || start.startsWith('<html');
  if (!html && /<svg[\s>]/.test(start)) return 'image/svg+xml';
  if (html) return 'text/html';
  if (start.startsWith('<?xml')) return 'application/xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json';
  return 'text/plain';
}

/** The types the library stores, with their file extensions and names for people. */
export const ACCEPTED_TYPES: Record<string, { ext: string; label: string }> = {
  'image/jpeg': { ext: 'jpg', label: 'JPEG' },
  'image/png': { ext: 'png', label: 'PNG' },
  'image/webp': { ext: 'webp', label: 'WebP' },
  'image/avif': { ext: 'avif', label: 'AVIF' },
};
