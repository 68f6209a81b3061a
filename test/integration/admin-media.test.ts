/**
 * The media library through HTTP, as editors, integrations and readers meet
 * it: uploads (API and a plain form), refusals, permissions, the files
 * readers fetch, and library images on the reader's article page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { createArticle, insertSection, SYSTEM } from '../../src/content/index.js';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';
import { launchBrowser, loadAxe } from '../helpers/browser.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import {
  canEncodeAvif,
  multipartBody,
  phoneJpeg,
  PRIVATE_MARKERS,
  sceneJpeg,
  SCRIPT_SVG,
  solidImage,
} from '../helpers/images.js';

/** What a loaded <img> tells a script (the DOM types are not in this project's lib). */
type Loaded = { naturalWidth: number };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type MediaJson = {
  id: number;
  url: string;
  originalName: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  srcset: string;
  variants: { width: number; height: number; url: string; mime: string }[];
  uploader: { id: number; name: string } | null;
};

describe('the media library', () => {
  let app: FastifyInstance;
  let mediaDir: string;
  let contributor: AdminSession;
  let other: AdminSession;
  let editor: AdminSession;
  const cleanup = suiteCleanup();

  before(async () => {
    const built = await buildTestApp(cleanup);
    app = built.app;
    mediaDir = path.join(built.config.dataDir, 'media');
    await makeUser(app, 'contributor', 'cora@example.org');
    await makeUser(app, 'contributor', 'otto@example.org');
    await makeUser(app, 'editor', 'edna@example.org');
    contributor = await signIn(app, 'cora@example.org');
    other = await signIn(app, 'otto@example.org');
    editor = await signIn(app, 'edna@example.org');
  });

  /** POSTs a file to the API as `session` (its CSRF token in the header). */
  async function upload(
    session: AdminSession,
    file: { name: string; type: string; data: Buffer },
    fields: Record<string, string> = {},
  ) {
    const body = await multipartBody(fields, file);
    return session.inject({ method: 'POST', url: '/api/admin/media', ...body });
  }

  async function uploaded(session: AdminSession, file: { name: string; type: string; data: Buffer }) {
    const response = await upload(session, file);
    assert.equal(response.statusCode, 201, response.body);
    return response.json<MediaJson>();
  }

  const fileOnDisk = (url: string) => path.join(mediaDir, url.replace(/^\/media\//, ''));

  test('a phone photo is stored upright, without its GPS position, with sizes readers can fetch', async () => {
    const response = await upload(
      contributor,
      { name: 'IMG_0042.JPG', type: 'image/jpeg', data: await phoneJpeg(1800, 1200) },
      { alt: 'Fishing boats at dawn', credit: 'Cora' },
    );
    assert.equal(response.statusCode, 201, response.body);
    const media = response.json<MediaJson>();
    assert.equal(response.headers.location, `/api/admin/media/${media.id}`);
    assert.deepEqual(
      [media.width, media.height, media.mime, media.alt],
      [1200, 1800, 'image/jpeg', 'Fishing boats at dawn'],
    );
    assert.equal(media.uploader?.name, 'Contributor User');
    assert.match(media.url, /^\/media\/\d{4}\/\d{2}\/[0-9a-f]{16}\.jpg$/);
    assert.deepEqual(
      media.variants.map((v) => `${v.width} ${v.mime}`),
      ['320 image/webp', '640 image/webp', '1024 image/webp', '1024 image/jpeg', '1200 image/webp'],
    );

    for (const { url, width } of [{ url: media.url, width: 1200 }, ...media.variants]) {
      const stored = fs.readFileSync(fileOnDisk(url));
      const meta = await sharp(stored).metadata();
      assert.equal(meta.width, width, `${url} is ${width} wide`);
      assert.ok(meta.height! > meta.width!, `${url} is upright`);
      assert.equal(meta.exif, undefined, `${url} has no EXIF`);
      for (const marker of PRIVATE_MARKERS) assert.ok(!stored.includes(marker), `${marker} is not in ${url}`);

      const served = await app.inject(url);
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], url.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
      assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.ok(served.rawPayload.equals(stored), 'readers get the stored bytes');
    }
  });

  test('PNG, WebP and AVIF are stored in their own format', async (t) => {
    const png = await uploaded(contributor, {
      name: 'chart.png',
      type: 'image/png',
      data: await solidImage('png', 900, 500, { alpha: true }),
    });
    assert.equal(png.mime, 'image/png');
    assert.ok(png.url.endsWith('.png'));
    assert.deepEqual(
      png.variants.map((v) => `${v.width} ${v.mime}`),
      ['320 image/webp', '640 image/webp', '900 image/webp', '900 image/png'],
    );

    const webp = await uploaded(contributor, {
      name: 'street.webp',
      type: 'image/webp',
      data: await solidImage('webp', 2000, 1000),
    });
    assert.equal(webp.mime, 'image/webp');
    assert.equal(Math.max(...webp.variants.map((v) => v.width)), 1600, 'never wider than 1600');

    if (!(await canEncodeAvif()))
      return t.skip('this build of sharp cannot encode AVIF, so no test file can be made');
    const avif = await uploaded(contributor, {
      name: 'sky.avif',
      type: 'image/avif',
      data: await solidImage('avif', 640, 480),
    });
    assert.equal(avif.mime, 'image/avif');
    assert.equal((await app.inject(avif.url)).headers['content-type'], 'image/avif');
  });

  test('the type is checked by content: text named .jpg and an SVG are 415, naming what they are', async () => {
    const text = await upload(contributor, {
      name: 'photo.jpg',
      type: 'image/jpeg',
      data: Buffer.from('not a photo at all\n'),
    });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'UNSUPPORTED_MEDIA');
    assert.match(text.json().error.message, /"photo\.jpg" is text\/plain/);

    const svg = await upload(contributor, { name: 'logo.png', type: 'image/png', data: SCRIPT_SVG });
    assert.equal(svg.statusCode, 415);
    assert.equal(svg.json().error.code, 'UNSUPPORTED_MEDIA');
    assert.match(svg.json().error.message, /image\/svg\+xml/);
  });

  test('an upload over 15 MB is 413; a damaged image is 400; nothing is stored', async () => {
    const before = (await editor.inject('/api/admin/media')).json().total;
    const big = Buffer.alloc(16 * 1024 * 1024, 7);
    (await phoneJpeg(64, 32)).copy(big);
    const tooBig = await upload(contributor, { name: 'huge.jpg', type: 'image/jpeg', data: big });
    assert.equal(tooBig.statusCode, 413);
    assert.equal(tooBig.json().error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(tooBig.json().error.message, /huge\.jpg.*15 MB/);

    const photo = await phoneJpeg(600, 400);
    const cut = await upload(contributor, {
      name: 'cut.jpg',
      type: 'image/jpeg',
      data: photo.subarray(0, photo.length / 2),
    });
    assert.equal(cut.statusCode, 400);
    assert.equal(cut.json().error.code, 'INVALID_INPUT');
    assert.match(cut.json().error.message, /^file: "cut\.jpg" could not be read as an image/);

    const none = await contributor.inject({
      method: 'POST',
      url: '/api/admin/media',
      ...(await multipartBody({ alt: 'x' })),
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.json().error.message, /^file: /);
    // As a browser sends a form whose file was not chosen: the field, empty and nameless.
    const unchosen = await contributor.inject({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': 'multipart/form-data; boundary=form' },
      payload:
        '--form\r\nContent-Disposition: form-data; name="file"; filename=""\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n\r\n--form--\r\n',
    });
    assert.equal(unchosen.statusCode, 400);
    assert.equal(unchosen.json().error.message, 'file: choose an image to upload');
    assert.equal((await editor.inject('/api/admin/media')).json().total, before);
  });

  test('signed out, an upload is 401; with a session but no CSRF token, 403', async () => {
    const body = await multipartBody(
      {},
      { name: 'a.png', type: 'image/png', data: await solidImage('png', 10, 10) },
    );
    const anonymous = await app.inject({ method: 'POST', url: '/api/admin/media', ...body });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      payload: body.payload,
      headers: { ...body.headers, cookie: contributor.cookie },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, 'CSRF_INVALID');
  });

  test('a contributor edits and deletes only their own images; an editor any', async () => {
    const data = await solidImage('jpeg', 800, 600);
    const mine = await uploaded(contributor, { name: 'mine.jpg', type: 'image/jpeg', data });
    const theirs = await uploaded(other, { name: 'theirs.jpg', type: 'image/jpeg', data });

    const edit = await contributor.inject({
      method: 'PATCH',
      url: `/api/admin/media/${mine.id}`,
      payload: { alt: 'A quiet square', caption: 'Sofia, November', credit: 'Cora' },
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.deepEqual(
      [edit.json().alt, edit.json().caption, edit.json().credit],
      ['A quiet square', 'Sofia, November', 'Cora'],
    );
    const notHers = await contributor.inject({
      method: 'PATCH',
      url: `/api/admin/media/${theirs.id}`,
      payload: { alt: 'x' },
    });
    assert.equal(notHers.statusCode, 403);
    const byEditor = await editor.inject({
      method: 'PATCH',
      url: `/api/admin/media/${theirs.id}`,
      payload: { credit: 'Agency' },
    });
    assert.equal(byEditor.json().credit, 'Agency');

    const refused = await contributor.inject({ method: 'DELETE', url: `/api/admin/media/${theirs.id}` });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'FORBIDDEN');
    assert.equal((await app.inject(theirs.url)).statusCode, 200, 'still served');

    assert.equal(
      (await contributor.inject({ method: 'DELETE', url: `/api/admin/media/${mine.id}` })).statusCode,
      204,
    );
    assert.equal((await contributor.inject(`/api/admin/media/${mine.id}`)).statusCode, 404);
    for (const url of [mine.url, ...mine.variants.map((v) => v.url)]) {
      assert.equal((await app.inject(url)).statusCode, 404, `${url} is gone`);
      assert.ok(!fs.existsSync(fileOnDisk(url)));
    }
    assert.equal(
      (await editor.inject({ method: 'DELETE', url: `/api/admin/media/${theirs.id}` })).statusCode,
      204,
    );
  });

  test('the list is newest first and searchable', async () => {
    const data = await solidImage('png', 50, 50);
    await uploaded(other, { name: 'harbour-crane.png', type: 'image/png', data });
    const newest = await uploaded(other, { name: 'market-stall.png', type: 'image/png', data });
    const all = (await contributor.inject('/api/admin/media')).json<{ total: number; media: MediaJson[] }>();
    assert.equal(all.media[0].id, newest.id);
    const found = (await contributor.inject('/api/admin/media?q=crane')).json<{
      total: number;
      media: MediaJson[];
    }>();
    assert.deepEqual(
      found.media.map((m) => m.originalName),
      ['harbour-crane.png'],
    );
  });

  test('/media serves only the library’s files: traversal and unknown names are 404', async () => {
    fs.writeFileSync(path.join(mediaDir, 'secret.txt'), 'not for readers');
    for (const url of [
      '/media/../newsdesk.db',
      '/media/..%2Fnewsdesk.db',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/media/2026/11/..%2F..%2F..%2Fnewsdesk.db',
      '/media/secret.txt',
      '/media/2026/11/0123456789abcdef.jpg',
      '/media/',
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /not for readers|SQLite format/, url);
    }
  });

  test('an article whose body image comes from the library gets srcset, dimensions and the share image', async () => {
    const media = await uploaded(editor, {
      name: 'summit.jpg',
      type: 'image/jpeg',
      data: await solidImage('jpeg', 2400, 1600),
    });
    const section = await insertSection(app.services.db, {
      slug: 'world',
      name: 'World',
      description: '',
      position: 0,
    });
    assert.ok(section);
    const article = await createArticle(app.services.content, SYSTEM, {
      title: 'Leaders meet at the summit',
      lead: 'A lead.',
      section: 'world',
      status: 'published',
      publishedAt: new Date(Date.now() - 3600_000).toISOString(),
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Before the image.' }] },
          {
            type: 'image',
            attrs: {
              src: media.url,
              alt: 'The summit hall',
              caption: 'The hall',
              credit: '',
              mediaId: media.id,
            },
          },
        ],
      },
    });
    const page = await app.inject(article.path);
    assert.equal(page.statusCode, 200);
    const $ = cheerio.load(page.body);
    const img = $('.article-body figure img');
    const webp = media.variants.filter((v) => v.mime === 'image/webp');
    assert.equal(img.attr('srcset'), webp.map((v) => `${v.url} ${v.width}w`).join(', '));
    assert.ok(img.attr('sizes'));
    assert.equal(img.attr('src'), media.variants.find((v) => v.mime === 'image/jpeg')!.url);
    assert.deepEqual([img.attr('width'), img.attr('height')], ['1024', '683']);
    assert.equal(img.attr('alt'), 'The summit hall');
    const largest = `https://news.example.org${webp.at(-1)!.url}`;
    assert.ok(largest.endsWith('-1600.webp'));
    assert.equal($('meta[property="og:image"]').attr('content'), largest);
    assert.deepEqual(JSON.parse($('script[type="application/ld+json"]').text()).image, [largest]);
  });

  describe('the back-office page', () => {
    test('shows a grid with name, size, dimensions and uploader, and an upload form', async () => {
      await uploaded(other, {
        name: 'grid-check.jpg',
        type: 'image/jpeg',
        data: await solidImage('jpeg', 1000, 750),
      });
      const response = await contributor.inject('/admin/media');
      assert.equal(response.statusCode, 200);
      const $ = cheerio.load(response.body);
      const card = $('.media-card')
        .filter((_, el) => $(el).text().includes('grid-check.jpg'))
        .first();
      assert.ok(card.length, 'the image has a card');
      assert.match(card.text(), /1000 × 750/);
      assert.match(card.text(), /\d+ KB/);
      assert.match(card.text(), /Contributor User/);
      assert.match(card.find('img').attr('src') ?? '', /^\/media\/.+-320\.webp$/);
      const form = $('form[enctype="multipart/form-data"]');
      assert.equal(form.attr('action'), '/admin/media');
      assert.equal(form.find('input[name="_csrf"]').val(), contributor.csrf);
      assert.equal(form.find('input[type="file"]').attr('name'), 'file');
      assert.ok(form.find('label:has(input[name="alt"])').text().includes('Alt text'));
    });

    test('a plain form upload (no script) lands on the image with a notice', async () => {
      const body = await multipartBody(
        { _csrf: contributor.csrf, alt: 'Tram at night', caption: '', credit: 'Cora' },
        { name: 'tram.jpg', type: 'image/jpeg', data: await phoneJpeg(900, 600) },
      );
      const response = await app.inject({
        method: 'POST',
        url: '/admin/media',
        payload: body.payload,
        headers: { ...body.headers, cookie: contributor.cookie },
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      const location = String(response.headers.location);
      assert.match(location, /^\/admin\/media\/\d+$/);
      const flash = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('newsdesk_flash='));
      const page = await app.inject({
        url: location,
        headers: { cookie: `${contributor.cookie}; ${flash!.split(';')[0]}` },
      });
      const $ = cheerio.load(page.body);
      assert.match($('.notice').text(), /Uploaded tram\.jpg/);
      assert.equal($('h1').text(), 'tram.jpg');
      assert.equal($('textarea[name="alt"]').text(), 'Tram at night');
      assert.match($('.media-facts').text(), /600 × 900 pixels/);
    });

    test('a refused file comes back to the form with the reason, keeping what was typed', async () => {
      const body = await multipartBody(
        { _csrf: contributor.csrf, alt: 'My logo' },
        { name: 'logo.svg', type: 'image/svg+xml', data: SCRIPT_SVG },
      );
      const response = await app.inject({
        method: 'POST',
        url: '/admin/media',
        payload: body.payload,
        headers: { ...body.headers, cookie: contributor.cookie },
      });
      assert.equal(response.statusCode, 415);
      const $ = cheerio.load(response.body);
      assert.match($('.form-error').text(), /logo\.svg.*image\/svg\+xml/);
      assert.equal($('input[name="alt"]').val(), 'My logo');

      const huge = await multipartBody(
        { _csrf: contributor.csrf },
        { name: 'scan.jpg', type: 'image/jpeg', data: Buffer.alloc(16 * 1024 * 1024, 1) },
      );
      const tooBig = await app.inject({
        method: 'POST',
        url: '/admin/media',
        payload: huge.payload,
        headers: { ...huge.headers, cookie: contributor.cookie },
      });
      assert.equal(tooBig.statusCode, 413);
      assert.match(
        cheerio.load(tooBig.body)('.form-error').text(),
        /"scan\.jpg" is larger than 15 MB; an upload may be at most 15 MB/,
      );
    });

    test('alt text, caption and credit are edited on the image’s page; deleting needs a confirmation', async () => {
      const media = await uploaded(contributor, {
        name: 'edit-me.png',
        type: 'image/png',
        data: await solidImage('png', 300, 200),
      });
      const form = (fields: Record<string, string>) => ({
        payload: new URLSearchParams({ _csrf: contributor.csrf, ...fields }).toString(),
        headers: { cookie: contributor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      const save = await app.inject({
        method: 'POST',
        url: `/admin/media/${media.id}`,
        ...form({ alt: 'Edited', caption: 'Cap', credit: 'Cred' }),
      });
      assert.equal(save.statusCode, 303);
      const json = (await contributor.inject(`/api/admin/media/${media.id}`)).json<MediaJson>();
      assert.deepEqual([json.alt, json.caption, json.credit], ['Edited', 'Cap', 'Cred']);

      const tooLong = await app.inject({
        method: 'POST',
        url: `/admin/media/${media.id}`,
        ...form({ credit: 'x'.repeat(300) }),
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(cheerio.load(tooLong.body)('.form-error').text(), /^credit: /);

      const othersPage = cheerio.load((await other.inject(`/admin/media/${media.id}`)).body);
      assert.equal(
        othersPage('form[action$="/delete"]').length,
        0,
        'no delete button for someone else’s image',
      );

      const unconfirmed = await app.inject({
        method: 'POST',
        url: `/admin/media/${media.id}/delete`,
        ...form({}),
      });
      assert.equal(unconfirmed.statusCode, 400);
      const deleted = await app.inject({
        method: 'POST',
        url: `/admin/media/${media.id}/delete`,
        ...form({ confirm: 'yes' }),
      });
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, '/admin/media');
      assert.equal((await app.inject(media.url)).statusCode, 404);
    });
  });
});

test('in Chromium: an editor uploads through the form; the library is accessible (and pictured in the docs)', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  // A fixed clock and a fresh library, so the committed screenshot changes only when the design does.
  // Served to the browser over plain http, as a site on http: its cookies are not Secure.
  const { app, config } = await buildTestApp(t, {
    now: new Date('2026-11-05T09:30:00Z'),
    config: { siteUrl: 'http://127.0.0.1' },
  });
  await makeUser(app, 'editor', 'edna@example.org');
  await makeUser(app, 'contributor', 'cora@example.org');
  const edna = await signIn(app, 'edna@example.org');
  const cora = await signIn(app, 'cora@example.org');
  const library: [AdminSession, string, string, string, string][] = [
    [cora, 'harbour-at-dawn.jpg', '#f2b27c', '#2f5d73', 'Fishing boats in the harbour at dawn'],
    [edna, 'parliament-square.jpg', '#8fb8de', '#5b6b4a', 'Crowds in front of the parliament'],
    [cora, 'IMG_20261104_0912.jpg', '#c9d6e8', '#7a5c3e', ''],
    [edna, 'black-sea-coast.jpg', '#6fa8dc', '#1f4e5f', 'Cliffs above the Black Sea coast'],
    [cora, 'vineyard-melnik.jpg', '#f6d27a', '#6b7f2a', 'Vineyards on the hills near Melnik'],
    [edna, 'rila-winter.jpg', '#b7c9e2', '#e9eef5', 'Snow on the Rila mountains'],
  ];
  for (const [session, name, sky, land, alt] of library) {
    const body = await multipartBody(
      { alt },
      { name, type: 'image/jpeg', data: await sceneJpeg(1600, 1066, sky, land) },
    );
    const response = await session.inject({ method: 'POST', url: '/api/admin/media', ...body });
    assert.equal(response.statusCode, 201, response.body);
  }

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  t.after(() => context.close());
  const [name, value] = edna.cookie.split('=');
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/admin/media`);
  const photo = path.join(config.dataDir, 'Sofia tram at night.jpg');
  fs.writeFileSync(photo, await sceneJpeg(1200, 800, '#23314f', '#b8892f'));
  await page.getByLabel(/^Image JPEG/).setInputFiles(photo);
  await page.getByLabel(/^Alt text/).fill('A tram crossing the square at night');
  await page.getByLabel(/^Credit/).fill('Edna Editor');
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.waitForURL(/\/admin\/media\/\d+$/);
  assert.match(await page.getByRole('status').innerText(), /Uploaded Sofia tram at night\.jpg/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Sofia tram at night.jpg');
  assert.ok(
    await page
      .locator('.media-detail__preview img')
      .evaluate((img) => (img as unknown as Loaded).naturalWidth > 0),
  );
  assert.equal(
    await page.getByRole('textbox', { name: /^Alt text/ }).inputValue(),
    'A tram crossing the square at night',
  );

  await page.goto(`${base}/admin/media`);
  const cards = page.getByRole('list', { name: 'Images' }).getByRole('listitem');
  assert.equal(await cards.count(), 7);
  assert.match(await cards.first().innerText(), /Sofia tram at night\.jpg/);
  for (const img of await page.locator('.media-card img').all())
    assert.ok(
      await img.evaluate((el) => (el as unknown as Loaded).naturalWidth > 0),
      'every thumbnail loads',
    );
  await loadAxe(page);
  const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
  fs.mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/admin-media.png') });
});
