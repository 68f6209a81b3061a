import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { createArticle, insertSection, saveSettings, SYSTEM } from '../../src/content/index.js';
import { buildTestApp } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

test('an article without pictures shares the site card, and the publisher logo exists at the size JSON-LD states', async (t) => {
  const { app } = await buildTestApp(t);
  await saveSettings(app.services.db, { name: 'The Test Gazette', tagline: 'All the news' });
  await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
  const article = await createArticle(app.services.content, SYSTEM, {
    title: 'Words only',
    body: paragraphs('No pictures.'),
    section: 'news',
    status: 'published',
  });
  const $ = cheerio.load((await app.inject(article.path)).body);
  const ld = JSON.parse($('script[type="application/ld+json"]').text());
  const share = $('meta[property="og:image"]').attr('content')!;
  assert.equal(share, 'https://news.example.org/assets/share.png');
  assert.equal($('meta[property="og:image:alt"]').attr('content'), 'The Test Gazette');
  assert.equal(ld.image[0], share);
  for (const [url, width, height] of [
    ['/assets/share.png', 1200, 630],
    [new URL(ld.publisher.logo.url).pathname, ld.publisher.logo.width, ld.publisher.logo.height],
  ] as const) {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.equal(response.headers['content-type'], 'image/png');
    const meta = await sharp(response.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [width, height], url);
  }
});
