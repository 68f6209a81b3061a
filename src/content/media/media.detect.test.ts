import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCRIPT_SVG, phoneJpeg, solidImage } from '../../../test/helpers/images.js';
import { detectType } from './media.detect.js';

test('images are recognised by their bytes', async () => {
  assert.equal(detectType(await phoneJpeg(40, 20)), 'image/jpeg');
  assert.equal(detectType(await solidImage('png', 8, 8)), 'image/png');
  assert.equal(detectType(await solidImage('webp', 8, 8)), 'image/webp');
  const avif = Buffer.concat([
    Buffer.from([0, 0, 0, 0x1c]),
    Buffer.from('ftypavif\0\0\0\0avifmif1miaf', 'latin1'),
  ]);
  assert.equal(detectType(avif), 'image/avif');
  assert.equal(detectType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'image/gif');
});

test('what is not an accepted image is named, whatever its file name would say', () => {
  assert.equal(detectType(SCRIPT_SVG), 'image/svg+xml');
  assert.equal(detectType(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"></svg>')), 'image/svg+xml');
  assert.equal(detectType(Buffer.from('Dear editor, here is my photo.\n')), 'text/plain');
  assert.equal(detectType(Buffer.from('<!DOCTYPE html><html><svg></svg></html>')), 'text/html');
  assert.equal(detectType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
  assert.equal(detectType(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff])), 'application/octet-stream');
  const heic = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
  ]);
  assert.equal(detectType(heic), 'image/heic');
});

test('long text cut inside a character is still text', () => {
  assert.equal(detectType(Buffer.from('é'.repeat(3000))), 'text/plain');
});
