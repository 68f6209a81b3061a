import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import {
  articleIdBySlug,
  buildDemoApp,
  buildTestApp,
  NATO_SLUG,
  suiteCleanup,
} from '../helpers/build-app.js';
import { createArticle, insertSection, SYSTEM } from '../../src/content/index.js';
import { paragraphs } from '../helpers/factories.js';

describe('reader pages on the demo site', () => {
  let app: FastifyInstance;
  const cleanup = suiteCleanup();
  before(async () => {
    ({ app } = await buildDemoApp(cleanup));
  });

  const page = async (url: string) => {
    const response = await app.inject(url);
    return {
      status: response.statusCode,
      headers: response.headers,
      $: cheerio.load(response.body),
      body: response.body,
    };
  };

  test('home: top story, latest, most read and a block per section', async () => {
    const { status, $ } = await page('/');
    assert.equal(status, 200);
    assert.match($('.top-story__title').text(), /NATO has rejected/);
    assert.equal($('.home__latest .article-list__item').length, 10);
    assert.ok($('.home__side').length);
    const blocks = $('.section-block h2')
      .map((_, h) => $(h).text())
      .get();
    assert.deepEqual(blocks, ['Politics', 'Business', 'Society', 'Defense', 'World', 'Culture']);
    assert.equal($('nav[aria-label="Sections"] a[href="/sections/defense"]').text(), 'Defense');
    // Each block: its section's newest four, newest first, the top story left out.
    const top = $('.top-story__title a').attr('href');
    for (const block of $('.section-block').get()) {
      const slug = $(block).find('h2 a').attr('href')!;
      const shown = $(block)
        .find('.article-list__title a')
        .map((_, a) => $(a).attr('href'))
        .get();
      const section = await page(slug);
      const newest = section
        .$('.article-list__title a')
        .map((_, a) => section.$(a).attr('href'))
        .get()
        .filter((href) => href !== top)
        .slice(0, 4);
      assert.ok(shown.length > 0, slug);
      assert.deepEqual(shown, newest, slug);
    }
  });

  test('section page lists only its articles, newest first, with feeds', async () => {
    const { status, $ } = await page('/sections/defense');
    assert.equal(status, 200);
    assert.equal($('h1').text(), 'Defense');
    const kickers = new Set(
      $('.article-list .kicker')
        .map((_, k) => $(k).text())
        .get(),
    );
    assert.deepEqual([...kickers], ['Defense']);
    const times = $('.article-list time')
      .map((_, t) => $(t).attr('datetime'))
      .get();
    assert.deepEqual(times, [...times].sort().reverse());
    assert.equal($('link[type="application/rss+xml"][href="/sections/defense/feed.xml"]').length, 1);
  });

  test('tag, source and author pages', async () => {
    const tag = await page('/tags/nato');
    assert.equal(tag.status, 200);
    assert.equal(tag.$('h1').text(), 'NATO');
    assert.ok(tag.$('.article-list__item').length >= 5);
    const source = await page('/sources/clubz');
    assert.equal(source.status, 200);
    assert.ok(source.$(`a[href$="/${NATO_SLUG}"]`).length);
    const author = await page('/authors/maria-petrova');
    assert.equal(author.status, 200);
    assert.match(author.$('.list-header__intro').text(), /security/);
  });

  test('lists paginate: 20 a page, prev/next links, a page past the end is 404', async () => {
    const first = await page('/archive/2022/01');
    assert.equal(first.$('.pagination__where').text(), 'Page 1');
    assert.equal(first.$('.article-list__item').length, 20);
    assert.equal(first.$('a[rel="next"]').attr('href'), '/archive/2022/01?page=2');
    const second = await page('/archive/2022/01?page=2');
    assert.equal(second.status, 200);
    assert.equal(second.$('a[rel="prev"]').attr('href'), '/archive/2022/01');
    const firstIds = first
      .$('.article-list__title a')
      .map((_, a) => first.$(a).attr('href'))
      .get();
    const secondIds = second
      .$('.article-list__title a')
      .map((_, a) => second.$(a).attr('href'))
      .get();
    assert.ok(secondIds.every((id) => !firstIds.includes(id)));
    // Follow "Older" to the end: the last page has no next link, and the one after it is a 404.
    let last = 2;
    while ((await page(`/archive/2022/01?page=${last}`)).$('a[rel="next"]').length) last++;
    assert.ok(last >= 2, 'January 2022 has more than one page of demo articles');
    assert.equal((await page(`/archive/2022/01?page=${last + 1}`)).status, 404);
    assert.equal((await page('/archive/2022/01?page=abc')).status, 400);
  });

  test('the date archive lists a Sofia-time day', async () => {
    const { status, $ } = await page('/archive/2022/01/22');
    assert.equal(status, 200);
    assert.equal($('h1').text(), 'January 22, 2022');
    assert.ok($(`a[href$="/${NATO_SLUG}"]`).length);
    for (const t of $('.article-list time').toArray()) assert.match($(t).text(), /^January 22, 2022/);
    assert.equal($('.day-nav a').first().attr('href'), '/archive/2022/01/21');
    assert.equal((await page('/archive/2022/01')).status, 200);
    assert.equal((await page('/archive/2022/02/30')).status, 404);
    assert.equal((await page('/archive/20x2/01/01')).status, 404);
  });

  test('search results are ranked with highlighted snippets', async () => {
    const { status, $ } = await page('/search?q=Lungescu');
    assert.equal(status, 200);
    assert.match($('.search-summary').text(), /^\d+ articles? match(es)? “Lungescu”\.$/);
    assert.match($('.search-results .article-list__title').first().text(), /NATO has rejected/);
    // A phrase keeps its own quotes, curled, inside none of the summary's.
    const phrase = await page(`/search?q=${encodeURIComponent('"Oana Lungescu" NATO')}`);
    assert.match(phrase.$('.search-summary').text(), / match(es)? “Oana Lungescu” NATO\.$/);
    assert.equal($('.search-results mark').first().text().toLowerCase(), 'lungescu');
    for (const q of ['"unbalanced', 'NATO AND', '🔥🚀', 'x'.repeat(10_000), '<script>alert(1)</script>']) {
      const r = await app.inject(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 200, `query ${q.slice(0, 20)}`);
      assert.ok(!r.body.includes('<script>alert(1)'), 'the query is escaped');
    }
  });

  test('most read, support page', async () => {
    for (const period of ['today', 'week', 'all'])
      assert.equal((await page(`/most-read?period=${period}`)).status, 200);
    assert.equal((await page('/most-read?period=year')).status, 400);
    const support = await page('/support');
    assert.equal(support.status, 200);
    assert.match(support.$('h1').text(), /Support/);
  });

  test('unknown ids and slugs are 404 in the site design; a right id with an old slug redirects', async () => {
    const id = await articleIdBySlug(app, NATO_SLUG);
    for (const url of [
      '/articles/999999/whatever',
      '/articles/abc/x',
      '/sections/nope',
      '/tags/nope',
      '/authors/nope',
      '/sources/nope',
      '/nope',
    ]) {
      const r = await page(url);
      assert.equal(r.status, 404, url);
      assert.match(r.$('h1').text(), /Page not found/);
      assert.equal(r.$('a.masthead__name').text(), 'The Sofia Ledger');
    }
    const old = await app.inject(`/articles/${id}/an-old-slug`);
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, `/articles/${id}/${NATO_SLUG}`);
    const bare = await app.inject(`/articles/${id}`);
    assert.equal(bare.statusCode, 301);
    assert.equal((await app.inject('/api/articles/999999')).statusCode, 404);
    assert.equal((await app.inject('/api/articles/999999')).json().error.code, 'ARTICLE_NOT_FOUND');
  });

  test('assets are served with long-lived caching', async () => {
    const { $ } = await page('/');
    const css = $('link[rel="stylesheet"]').attr('href') ?? '';
    const r = await app.inject(css);
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['cache-control']), /immutable/);
  });
});

describe('articles written in Bulgarian', () => {
  test('get a readable transliterated slug and a working URL', async (t) => {
    const { app } = await buildTestApp(t);
    await insertSection(app.services.db, { slug: 'culture', name: 'Culture', description: '', position: 0 });
    const article = await createArticle(app.services.content, SYSTEM, {
      title: 'Пътят на щъркелите',
      body: paragraphs('Текст.'),
      section: 'culture',
      status: 'published',
    });
    assert.equal(article.slug, 'patyat-na-shtarkelite');
    const again = await createArticle(app.services.content, SYSTEM, {
      title: 'Пътят на щъркелите',
      body: paragraphs('Друг текст.'),
      section: 'culture',
      status: 'published',
    });
    assert.equal(again.slug, 'patyat-na-shtarkelite-2', 'slugs stay unique');
    const r = await app.inject(`/articles/${article.id}/patyat-na-shtarkelite`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Пътят на щъркелите/);
  });
});

describe('the error page for an unexpected failure', () => {
  test('is a 500 in the site design that does not leak the error', async (t) => {
    const { app } = await buildTestApp(t);
    app.get('/boom', async () => {
      throw new Error('secret database detail');
    });
    const r = await app.inject('/boom');
    assert.equal(r.statusCode, 500);
    assert.match(r.body, /Something went wrong/);
    assert.ok(!r.body.includes('secret database detail'));
  });
});
