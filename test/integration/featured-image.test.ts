import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { insertSection } from '../../src/content/index.js';
import { buildTestApp } from '../helpers/build-app.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { paragraphs } from '../helpers/factories.js';
import { uploadCoastPicture } from '../helpers/images.js';

test('a featured image leads the article page, the home page and the share cards', async (t) => {
  const { app } = await buildTestApp(t);
  await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  const picture = await uploadCoastPicture(app);

  const refused = await editor.inject({
    method: 'POST',
    url: '/api/admin/articles',
    payload: { title: 'x', section: 'news', body: paragraphs('x'), featuredImage: 999 },
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error.message, /^featuredImage: there is no image 999/);

  const created = await editor.inject({
    method: 'POST',
    url: '/api/admin/articles',
    payload: {
      title: 'Coast story',
      section: 'news',
      body: paragraphs('Text.'),
      featuredImage: picture.id,
      status: 'published',
      featured: true,
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const article = created.json();
  assert.equal(article.featuredImage, picture.id);

  const $ = cheerio.load((await app.inject(article.path)).body);
  const figure = $('figure.figure--featured');
  assert.equal(figure.length, 1);
  assert.equal(figure.find('img').attr('alt'), 'The coast at dawn');
  assert.match(figure.find('img').attr('srcset') ?? '', /-1600\.webp 1600w/);
  assert.equal(figure.find('img').attr('loading'), 'eager');
  assert.match(figure.find('figcaption').text(), /Dawn over the coast\. Photo: Desk/);
  const og = $('meta[property="og:image"]').attr('content') ?? '';
  assert.match(og, /^https:\/\/news\.example\.org\/media\/.+-1600\.webp$/);
  assert.equal(
    $('meta[property="og:image:alt"]').attr('content'),
    'The coast at dawn',
    'the share card says what it shows',
  );
  assert.equal($('meta[name="twitter:image:alt"]').attr('content'), 'The coast at dawn');
  assert.equal(JSON.parse($('script[type="application/ld+json"]').text()).image[0], og);

  const home = cheerio.load((await app.inject('/')).body);
  assert.match(home('.top-story__image img').attr('srcset') ?? '', /\.webp/);

  // Removing it takes it off the page; the revision remembers it.
  const cleared = await editor.inject({
    method: 'PUT',
    url: `/api/admin/articles/${article.id}`,
    payload: {
      title: 'Coast story',
      section: 'news',
      body: paragraphs('Text.'),
      featuredImage: null,
      version: article.version,
    },
  });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.equal(cheerio.load((await app.inject(article.path)).body)('figure.figure--featured').length, 0);
  const first = (await editor.inject(`/api/admin/articles/${article.id}/revisions/1`)).json();
  assert.equal(first.snapshot.featuredImage, picture.id);
});
