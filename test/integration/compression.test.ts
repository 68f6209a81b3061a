import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { buildTestApp } from '../helpers/build-app.js';

test('text answers are compressed for clients that ask, and assets are compressed once', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await app.inject({ url: '/search?q=nothing', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(page.headers['content-encoding'], 'gzip');
  assert.match(zlib.gunzipSync(page.rawPayload).toString(), /<!doctype html>/);
  const plain = await app.inject('/search?q=nothing');
  assert.equal(plain.headers['content-encoding'], undefined, 'no encoding unless asked');

  const bundle = app.services.adminAssets.editorJs;
  const original = (await app.inject(bundle)).rawPayload;
  const br = await app.inject({ url: bundle, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.ok(
    br.rawPayload.length < original.length / 3,
    `${br.rawPayload.length} bytes of ${original.length}`,
  );
  assert.deepEqual(zlib.brotliDecompressSync(br.rawPayload), original);
  const again = await app.inject({ url: bundle, headers: { 'accept-encoding': 'br' } });
  assert.deepEqual(again.rawPayload, br.rawPayload, 'the same bytes, compressed once');
});
