import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { createArticle, insertSection, SYSTEM } from '../../src/content/index.js';
import { buildTestApp } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const XSS = `<script>alert(1)</script><img src=x onerror=alert(2)>"'</script><!--`;

test('hostile text in title, lead, body and tags is shown as text, never run', async (t) => {
  const { app } = await buildTestApp(t);
  await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
  const article = await createArticle(app.services.content, SYSTEM, {
    title: `Title ${XSS}`,
    lead: `Lead ${XSS}`,
    body: paragraphs(`Body ${XSS}`),
    tags: [`<b onmouseover=alert(3)>x`],
    section: 'news',
    status: 'published',
  });
  const response = await app.inject(article.path);
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.ok(!html.includes('<script>alert(1)'), 'no script element from input');
  assert.ok(!html.includes('<img src=x'), 'no img element from input');
  assert.ok(!html.includes('<b onmouseover'), 'no element from a tag name');
  const $ = cheerio.load(html);
  assert.equal($('h1').text(), `Title ${XSS}`, 'the reader sees exactly what was typed');
  assert.equal($('.story__lead').text(), `Lead ${XSS}`);
  assert.match($('.article-body').text(), /Body <script>/);
  // JSON-LD stays one script element whose JSON parses back to the same headline.
  const ld = $('script[type="application/ld+json"]');
  assert.equal(ld.length, 1);
  assert.equal(JSON.parse(ld.text()).headline.startsWith('Title <script>'), true);
  assert.ok(!ld.html()!.includes('</script'), 'the JSON cannot close its element');
  const api = await app.inject(`/api/articles/${article.id}`);
  assert.equal(api.json().title, `Title ${XSS}`, 'the API returns the text, for clients to escape');
  assert.match(String(api.headers['content-type']), /application\/json/);
});
