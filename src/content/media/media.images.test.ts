import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../../lib/app-error.js';
import {
  canEncodeAvif,
  phoneJpeg,
  PRIVATE_MARKERS,
  SCRIPT_SVG,
  solidImage,
} from '../../../test/helpers/images.js';
import { processImage, variantWidths } from './media.images.js';

/** Asserts that `promise` fails with this code and a message matching `message`. */
async function refused(promise: Promise<unknown>, code: string, status: number, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    assert.match(error.message, message);
    return true;
  });
}

describe('a phone photo', () => {
  test('is turned upright by its EXIF orientation', async () => {
    const { original, variants } = await processImage(await phoneJpeg(1800, 1200), 'IMG_0001.JPG');
    assert.deepEqual([original.width, original.height, original.mime], [1200, 1800, 'image/jpeg']);
    // Stored sideways with red on the left; upright, red is on top.
    const { data, info } = await sharp(original.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [topR, , topB] = pixel(600, 100);
    const [bottomR, , bottomB] = pixel(600, 1700);
    assert.ok(topR > 200 && topB < 60, `top is red, got ${pixel(600, 100)}`);
    assert.ok(bottomB > 200 && bottomR < 60, `bottom is blue, got ${pixel(600, 1700)}`);
    for (const v of variants) assert.ok(v.height > v.width, `${v.width}×${v.height} is upright`);
  });

  test('loses its metadata: no EXIF, GPS position or orientation in any stored file', async () => {
    const input = await phoneJpeg(1800, 1200);
    for (const marker of PRIVATE_MARKERS)
      assert.ok(input.includes(marker), 'the test photo carries the marker');
    assert.ok((await sharp(input).metadata()).exif, 'the test photo has EXIF');
    const { original, variants } = await processImage(input, 'IMG_0001.JPG');
    for (const file of [original, ...variants]) {
      const meta = await sharp(file.data).metadata();
      assert.equal(meta.exif, undefined, `${file.width}px ${file.mime} has no EXIF`);
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
      assert.equal(meta.orientation, undefined);
      for (const marker of PRIVATE_MARKERS) assert.ok(!file.data.includes(marker), `${marker} is gone`);
    }
  });

  test('gets WebP sizes up to its own width and a JPEG fallback at 1024', async () => {
    const { variants } = await processImage(await phoneJpeg(1800, 1200), 'IMG_0001.JPG');
    assert.deepEqual(
      variants.map((v) => `${v.width} ${v.mime}`),
      ['320 image/webp', '640 image/webp', '1024 image/webp', '1200 image/webp', '1024 image/jpeg'],
    );
    for (const v of variants) {
      const meta = await sharp(v.data).metadata();
      assert.equal(meta.width, v.width, 'the recorded width is the file’s');
      assert.equal(meta.format, v.mime === 'image/webp' ? 'webp' : 'jpeg');
    }
  });
});

test('a large WebP gets every size up to 1600 and a JPEG fallback', async () => {
  const { original, variants } = await processImage(await solidImage('webp', 2400, 1600), 'wide.webp');
  assert.deepEqual([original.width, original.height, original.mime], [2400, 1600, 'image/webp']);
  assert.deepEqual(
    variants.map((v) => `${v.width}x${v.height} ${v.mime}`),
    [
      '320x213 image/webp',
      '640x427 image/webp',
      '1024x683 image/webp',
      '1600x1067 image/webp',
      '1024x683 image/jpeg',
    ],
  );
});

test('a small image is never enlarged', async () => {
  const { original, variants } = await processImage(
    await solidImage('png', 500, 300, { alpha: true }),
    'logo.png',
  );
  assert.deepEqual([original.width, original.mime], [500, 'image/png']);
  assert.deepEqual(
    variants.map((v) => `${v.width} ${v.mime}`),
    ['320 image/webp', '500 image/webp', '500 image/png'],
  );
  for (const v of variants) assert.ok((await sharp(v.data).metadata()).width! <= 500);
  assert.deepEqual(variantWidths(200), [200]);
  assert.deepEqual(variantWidths(1600), [320, 640, 1024, 1600]);
  assert.deepEqual(variantWidths(5000), [320, 640, 1024, 1600]);
});

test('an AVIF is stored as AVIF with WebP sizes and a JPEG fallback', async (t) => {
  if (!(await canEncodeAvif()))
    return t.skip('this build of sharp cannot encode AVIF, so no test file can be made');
  const { original, variants } = await processImage(await solidImage('avif', 800, 600), 'photo.avif');
  assert.deepEqual(
    [original.width, original.height, original.mime, original.ext],
    [800, 600, 'image/avif', 'avif'],
  );
  const meta = await sharp(original.data).metadata();
  assert.equal(meta.compression, 'av1');
  assert.deepEqual(
    variants.map((v) => `${v.width} ${v.mime}`),
    ['320 image/webp', '640 image/webp', '800 image/webp', '800 image/jpeg'],
  );
});

test('anything but JPEG, PNG, WebP and AVIF is refused with 415 naming what it is', async () => {
  await refused(
    processImage(Buffer.from('just some notes\n'), 'photo.jpg'),
    'UNSUPPORTED_MEDIA',
    415,
    /"photo\.jpg" is text\/plain/,
  );
  await refused(processImage(SCRIPT_SVG, 'logo.png'), 'UNSUPPORTED_MEDIA', 415, /image\/svg\+xml.*scripts/);
  const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
    .gif()
    .toBuffer();
  await refused(processImage(gif, 'anim.gif'), 'UNSUPPORTED_MEDIA', 415, /image\/gif/);
});

test('a damaged image is a clear 400', async () => {
  const photo = await phoneJpeg(600, 400);
  await refused(
    processImage(photo.subarray(0, Math.floor(photo.length / 2)), 'cut.jpg'),
    'INVALID_INPUT',
    400,
    /^file: "cut\.jpg" could not be read as an image/,
  );
  await refused(processImage(Buffer.alloc(0), 'empty.jpg'), 'INVALID_INPUT', 400, /"empty\.jpg" is empty/);
});

test('an image over 50 megapixels is refused before it is decoded', async () => {
  const huge = await sharp({ create: { width: 10_000, height: 5_100, channels: 3, background: '#888' } })
    .jpeg({ quality: 30 })
    .toBuffer();
  await refused(
    processImage(huge, 'panorama.jpg'),
    'INVALID_INPUT',
    400,
    /10000 × 5100 pixels \(51 megapixels\); the limit is 50/,
  );
});
