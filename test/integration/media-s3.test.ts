/**
 * The media library in an S3-compatible bucket (MEDIA_STORE=s3://…), against
 * a local S3-compatible server (s3rver on 127.0.0.1): the demo's pictures and
 * an editor's upload go to the bucket and nowhere on disk, readers fetch them
 * through /media as from the disk store, a deletion removes them from the
 * bucket; and with MEDIA_BASE_URL, pages link pictures at the CDN in front
 * of the bucket instead.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { multipartBody, sceneJpeg } from '../helpers/images.js';
import { startS3 } from '../helpers/s3.js';

type MediaJson = { id: number; url: string; variants: { url: string; mime: string }[] };

describe('media in an S3-compatible bucket', () => {
  const cleanup = suiteCleanup();

  test('the demo’s pictures and an upload live in the bucket; readers fetch them through /media; a deletion removes them', async () => {
    const s3 = await startS3(cleanup);
    const { app, config } = await buildTestApp(cleanup, {
      demo: true,
      config: { media: { s3: s3.settings, baseUrl: undefined } },
    });
    assert.equal(app.services.media.location, 's3://newsdesk-media/site/');
    assert.equal(fs.existsSync(path.join(config.dataDir, 'media')), false, 'nothing is stored on disk');

    // The demo's pictures: every file the library lists is in the bucket.
    const demoRows = await app.services.db.selectFrom('media').select(['file', 'variants']).execute();
    assert.ok(demoRows.length > 0, 'the demo has pictures');
    const listed = demoRows.flatMap((row) => [
      row.file,
      ...(JSON.parse(row.variants) as { file: string }[]).map((v) => v.file),
    ]);
    assert.deepEqual(await s3.names(), listed.sort());

    // An editor's upload.
    await makeUser(app, 'editor', 'edna@example.org');
    const editor = await signIn(app, 'edna@example.org');
    const data = await sceneJpeg(1400, 900, '#8aa7c4', '#3b5a44');
    const response = await editor.inject({
      method: 'POST',
      url: '/api/admin/media',
      ...(await multipartBody({ alt: 'A harbour' }, { name: 'harbour.jpg', type: 'image/jpeg', data })),
    });
    assert.equal(response.statusCode, 201, response.body);
    const media = response.json<MediaJson>();
    const files = [media.url, ...media.variants.map((v) => v.url)].map((url) =>
      url.replace(/^\/media\//, ''),
    );
    for (const file of files) assert.ok(await s3.has(file), `${file} is in the bucket`);
    assert.equal(fs.existsSync(path.join(config.dataDir, 'media')), false, 'still nothing on disk');

    // Readers get the stored bytes, as from the disk store.
    for (const [i, file] of files.entries()) {
      const served = await app.inject(`/media/${file}`);
      assert.equal(served.statusCode, 200, file);
      assert.equal(served.headers['content-type'], file.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
      assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(Number(served.headers['content-length']), served.rawPayload.length);
      assert.ok(served.rawPayload.equals((await s3.object(file)).data), `${file}: the bucket's bytes`);
      if (i === 0) assert.ok(served.headers['last-modified']);
    }
    assert.equal((await app.inject('/media/2026/11/0123456789abcdef.jpg')).statusCode, 404);
    assert.equal((await app.inject('/media/..%2Fnewsdesk.db')).statusCode, 404);

    // Deleting it removes every size from the bucket.
    const deleted = await editor.inject({ method: 'DELETE', url: `/api/admin/media/${media.id}` });
    assert.equal(deleted.statusCode, 204, deleted.body);
    for (const file of files) assert.equal(await s3.has(file), false, `${file} is gone from the bucket`);
    assert.equal((await app.inject(media.url)).statusCode, 404);
    assert.deepEqual(await s3.names(), listed.sort(), 'the demo’s pictures stay');
  });

  test('with MEDIA_BASE_URL, pages link pictures there; /media still serves them', async () => {
    const s3 = await startS3(cleanup);
    const base = 'https://media.example.net/newsdesk';
    const { app } = await buildTestApp(cleanup, {
      demo: true,
      config: { media: { s3: s3.settings, baseUrl: base } },
    });
    const home = cheerio.load((await app.inject('/')).body);
    const top = home('main a[href^="/articles/"]').first().attr('href')!;
    const page = cheerio.load((await app.inject(top)).body);
    const pictures = page('main img')
      .map((_, img) => page(img).attr('src'))
      .get();
    assert.ok(pictures.length > 0, `${top} shows a picture`);
    for (const src of pictures) assert.ok(src.startsWith(`${base}/`), `${src} is at the CDN`);
    for (const entry of (page('main img').first().attr('srcset') ?? '').split(', '))
      assert.ok(entry.startsWith(`${base}/`), entry);
    assert.ok(page('meta[property="og:image"]').attr('content')!.startsWith(`${base}/`));

    // The address the store's files have under the base is their name: the one /media serves too.
    const file = pictures[0].slice(base.length + 1);
    assert.ok(await s3.has(file));
    const served = await app.inject(`/media/${file}`);
    assert.equal(served.statusCode, 200);
    assert.ok(served.rawPayload.equals((await s3.object(file)).data));
  });
});
