import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { addCorrection, createArticle, insertSection, type ArticleInput } from '../../src/content/index.js';
import { registerErrorHandling } from '../../src/plugins/errors.js';
import { sitemapRoutes } from '../../src/site/routes/sitemaps.js';
import { buildTestApp, suiteCleanup, type TestApp } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const SITE = 'https://news.example.org';
const NOW = new Date('2024-05-10T12:00:00.000Z');
const HOSTILE = '<script>alert(1)</script> & "quotes"';
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3600_000).toISOString();

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap'].includes(name),
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

function urls(body: string): UrlEntry[] {
  const doc = xml.parse(body) as { urlset?: { url?: UrlEntry[] } };
  assert.ok(doc.urlset, 'a <urlset>');
  return doc.urlset.url ?? [];
}

/** A site with three visible articles and three a reader may not see yet. */
async function newsroom(cleanup: Parameters<typeof buildTestApp>[0]) {
  const built = await buildTestApp(cleanup, { now: NOW });
  const { db } = built.app.services;
  await insertSection(db, { slug: 'news', name: 'News', description: '', position: 0 });
  await insertSection(db, { slug: 'sport', name: 'Sport', description: '', position: 1 });
  const paths: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const add = async (key: string, input: Partial<ArticleInput>) => {
    const article = await createArticle(built.app.services.content, {
      title: key,
      lead: 'A lead.',
      body: paragraphs('A body.'),
      section: 'news',
      status: 'published',
      ...input,
    });
    paths[key] = article.path;
    ids[key] = article.id;
  };
  await add('Old story', { publishedAt: hoursFromNow(-72), tags: ['Budget'] });
  await add('Hostile story', { title: HOSTILE, publishedAt: hoursFromNow(-2), section: 'sport' });
  await add('Recent story', { publishedAt: hoursFromNow(-1), tags: ['Elections'] });
  await add('Draft story', { status: 'draft', tags: ['Secret'] });
  await add('Scheduled story', { status: 'scheduled', publishedAt: hoursFromNow(1), tags: ['Secret'] });
  await add('Future story', { publishedAt: hoursFromNow(48), tags: ['Secret'] });
  return { ...built, paths, ids };
}

const VISIBLE = ['Old story', 'Hostile story', 'Recent story'];
const HIDDEN = ['Draft story', 'Scheduled story', 'Future story'];

describe('sitemaps, robots.txt and OpenSearch', () => {
  let site: TestApp & { paths: Record<string, string>; ids: Record<string, number> };
  const cleanup = suiteCleanup();
  before(async () => {
    site = await newsroom(cleanup);
  });
  const get = (url: string) => site.app.inject(url);

  test('sitemap.xml lists home, sections, tags and every visible article, absolute', async () => {
    const response = await get('/sitemap.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    const locs = urls(response.body).map((u) => u.loc);
    for (const loc of [
      `${SITE}/`,
      `${SITE}/sections/news`,
      `${SITE}/sections/sport`,
      `${SITE}/tags/elections`,
    ]) {
      assert.ok(locs.includes(loc), loc);
    }
    for (const key of VISIBLE) assert.ok(locs.includes(SITE + site.paths[key]), key);
    for (const key of HIDDEN) assert.ok(!locs.includes(SITE + site.paths[key]), key);
    assert.ok(!locs.includes(`${SITE}/tags/secret`), 'a tag with no visible article is left out');
    assert.ok(locs.every((loc) => loc.startsWith(`${SITE}/`)));
    const home = urls(response.body).find((u) => u.loc === `${SITE}/`);
    assert.equal(home?.lastmod, hoursFromNow(-1), 'home is as new as its newest article');
  });

  test("an article's lastmod moves when a correction is added", async (t) => {
    const own = await newsroom(t);
    const at = new Date(NOW.getTime() - 30 * 60_000);
    await addCorrection(own.app.services.content, own.ids['Old story'], 'A name was misspelt.', { at });
    const entry = urls((await own.app.inject('/sitemap.xml')).body).find(
      (u) => u.loc === SITE + own.paths['Old story'],
    );
    assert.equal(entry?.lastmod, at.toISOString());
  });

  test('news-sitemap.xml has the last two days of articles with Google News fields', async () => {
    const response = await get('/news-sitemap.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    assert.match(response.body, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
    const entries = urls(response.body);
    const locs = entries.map((u) => u.loc);
    assert.ok(locs.includes(SITE + site.paths['Recent story']), 'published an hour ago');
    assert.ok(!locs.includes(SITE + site.paths['Old story']), 'published three days ago');
    for (const key of HIDDEN) assert.ok(!locs.includes(SITE + site.paths[key]), key);
    const recent = entries.find((u) => u.loc === SITE + site.paths['Recent story'])?.['news:news'];
    assert.deepEqual(recent, {
      'news:publication': { 'news:name': 'Newsdesk', 'news:language': 'en' },
      'news:publication_date': hoursFromNow(-1),
      'news:title': 'Recent story',
    });
  });

  test('a hostile headline is escaped in the news sitemap and reads back as typed', async () => {
    const body = (await get('/news-sitemap.xml')).body;
    assert.ok(!body.includes('<script>'));
    const hostile = urls(body).find((u) => u.loc === SITE + site.paths['Hostile story']);
    assert.equal(hostile?.['news:news']?.['news:title'], HOSTILE);
  });

  test('robots.txt keeps crawlers out of admin, API and search, and names both sitemaps', async () => {
    const response = await get('/robots.txt');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    for (const line of ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /search']) {
      assert.ok(lines.includes(line), line);
    }
    assert.ok(lines.includes(`Sitemap: ${SITE}/sitemap.xml`));
    assert.ok(lines.includes(`Sitemap: ${SITE}/news-sitemap.xml`));
  });

  test('opensearch.xml points browsers at the search page', async () => {
    const response = await get('/opensearch.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/opensearchdescription+xml; charset=utf-8');
    const doc = xml.parse(response.body) as {
      OpenSearchDescription: { ShortName: string; Url: Record<string, string> };
    };
    assert.equal(doc.OpenSearchDescription.ShortName, 'Newsdesk');
    assert.equal(doc.OpenSearchDescription.Url['@_template'], `${SITE}/search?q={searchTerms}`);
    assert.equal(doc.OpenSearchDescription.Url['@_type'], 'text/html');
  });
});

describe('a site with more articles than one sitemap page', () => {
  let site: TestApp & { paths: Record<string, string> };
  let small: FastifyInstance;
  const cleanup = suiteCleanup();
  before(async () => {
    site = await newsroom(cleanup);
    // The same routes over the same services, with pages of two articles.
    small = Fastify();
    registerErrorHandling(small, site.app.services);
    sitemapRoutes(small, site.app.services, { pageSize: 2 });
    cleanup.after(() => small.close());
  });

  test('sitemap.xml becomes an index of article pages, oldest first, that together list every visible article', async () => {
    const index = xml.parse((await small.inject('/sitemap.xml')).body) as {
      sitemapindex: { sitemap: { loc: string; lastmod?: string }[] };
    };
    const locs = index.sitemapindex.sitemap.map((s) => s.loc);
    assert.deepEqual(locs, [
      `${SITE}/sitemaps/pages.xml`,
      `${SITE}/sitemaps/articles-1.xml`,
      `${SITE}/sitemaps/articles-2.xml`,
    ]);
    const first = urls((await small.inject('/sitemaps/articles-1.xml')).body);
    const second = urls((await small.inject('/sitemaps/articles-2.xml')).body);
    assert.deepEqual(
      [...first, ...second].map((u) => u.loc),
      VISIBLE.map((key) => SITE + site.paths[key]),
    );
    // Each page is as new as the latest change among its articles.
    const newest = (page: UrlEntry[]) =>
      page
        .map((u) => u.lastmod ?? '')
        .sort()
        .at(-1);
    assert.equal(index.sitemapindex.sitemap[1].lastmod, newest(first));
    assert.equal(index.sitemapindex.sitemap[2].lastmod, newest(second));

    const pages = urls((await small.inject('/sitemaps/pages.xml')).body).map((u) => u.loc);
    assert.ok(pages.includes(`${SITE}/sections/news`));
    assert.ok(pages.every((loc) => !loc.includes('/articles/')));
  });

  test('a sitemap page past the end, or not a page, is 404', async () => {
    for (const url of [
      '/sitemaps/articles-3.xml',
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-x.xml',
      '/sitemaps/other.xml',
    ]) {
      assert.equal((await small.inject(url)).statusCode, 404, url);
    }
  });
});
