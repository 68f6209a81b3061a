import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { BulkWriter, type BulkArticle } from '../../src/content/bulk/bulk-writer.js';
import {
  addCorrection,
  type ArticleInput,
  createArticle,
  ensureTags,
  insertSection,
  SYSTEM,
} from '../../src/content/index.js';
import { buildTestApp, suiteCleanup, type TestApp } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';
import { sitemapProblems } from '../helpers/sitemap-schema.js';

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
    const article = await createArticle(built.app.services.content, SYSTEM, {
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
    await addCorrection(own.app.services.content, SYSTEM, own.ids['Old story'], 'A name was misspelt.', {
      at,
    });
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

  test('every sitemap is valid by the sitemap and news-sitemap schemas', async () => {
    for (const url of ['/sitemap.xml', '/news-sitemap.xml']) {
      assert.deepEqual(await sitemapProblems((await get(url)).body), [], url);
    }
  });

  test('with nothing published in the last two days, the news sitemap is still valid: it names the front page', async (t) => {
    const quiet = await newsroom(t);
    quiet.clock.now = new Date(NOW.getTime() + 72 * 3600_000);
    const body = (await quiet.app.inject('/news-sitemap.xml')).body;
    assert.deepEqual(await sitemapProblems(body), []);
    assert.deepEqual(urls(body), [{ loc: `${SITE}/` }]);
  });

  test('a site with no articles at all has valid sitemaps', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    for (const url of ['/sitemap.xml', '/news-sitemap.xml', '/sitemaps/pages.xml']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.deepEqual(await sitemapProblems(response.body), [], url);
    }
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
  // 2,500 articles through the bulk path: every tenth a draft, the rest published an hour apart.
  let site: TestApp;
  let visible: { id: number; path: string; modifiedAt: string }[];
  const cleanup = suiteCleanup();
  before(async () => {
    site = await buildTestApp(cleanup, { now: NOW });
    const { db } = site.app.services;
    const section = await insertSection(db, { slug: 'news', name: 'News', description: '', position: 0 });
    const [tag] = await ensureTags(db, ['Budget']);
    const writer = await BulkWriter.open(db);
    const articles: BulkArticle[] = Array.from({ length: 2500 }, (_, i) => {
      const at = hoursFromNow(-2600 + i);
      const draft = i % 10 === 9;
      return {
        title: `Story ${i + 1}`,
        lead: '',
        body: paragraphs('A body.'),
        sectionId: section.id,
        sourceId: null,
        tagIds: [tag.id],
        authorIds: [],
        status: draft ? 'draft' : 'published',
        publishedAt: draft ? null : at,
        createdAt: at,
        // Every seventh was edited a day later.
        updatedAt: i % 7 === 0 ? hoursFromNow(-2600 + i + 24) : at,
      };
    });
    const ids = await db.transaction().execute((trx) => writer.write(trx, articles));
    visible = ids.flatMap((id, i) =>
      articles[i].status === 'published'
        ? [{ id, path: `/articles/${id}/story-${i + 1}`, modifiedAt: articles[i].updatedAt }]
        : [],
    );
  });

  test('sitemap.xml becomes an index of article pages by id, that together list every visible article', async () => {
    const index = xml.parse((await site.app.inject('/sitemap.xml')).body) as {
      sitemapindex: { sitemap: { loc: string; lastmod?: string }[] };
    };
    const locs = index.sitemapindex.sitemap.map((s) => s.loc);
    assert.deepEqual(locs, [
      `${SITE}/sitemaps/pages.xml`,
      `${SITE}/sitemaps/tags-1.xml`,
      `${SITE}/sitemaps/articles-1.xml`,
      `${SITE}/sitemaps/articles-2.xml`,
      `${SITE}/sitemaps/articles-3.xml`,
    ]);
    const pages = await Promise.all(
      [1, 2, 3].map(async (n) => urls((await site.app.inject(`/sitemaps/articles-${n}.xml`)).body)),
    );
    assert.deepEqual(
      pages.flat().map((u) => u.loc),
      visible.map((a) => SITE + a.path),
    );
    // Page n holds ids 1000(n-1)+1 to 1000n, and is as new as the latest change among them.
    for (const [n, page] of pages.entries()) {
      const inRange = visible.filter((a) => a.id > n * 1000 && a.id <= (n + 1) * 1000);
      assert.equal(page.length, inRange.length);
      const newest = inRange
        .map((a) => a.modifiedAt)
        .sort()
        .at(-1);
      assert.equal(index.sitemapindex.sitemap[n + 2].lastmod, newest, `articles-${n + 1}.xml`);
    }
    for (const url of [
      '/sitemap.xml',
      '/sitemaps/pages.xml',
      '/sitemaps/tags-1.xml',
      '/sitemaps/articles-2.xml',
    ])
      assert.deepEqual(await sitemapProblems((await site.app.inject(url)).body), [], url);
    const tags = urls((await site.app.inject('/sitemaps/tags-1.xml')).body).map((u) => u.loc);
    assert.deepEqual(tags, [`${SITE}/tags/budget`]);
    const home = urls((await site.app.inject('/sitemaps/pages.xml')).body).map((u) => u.loc);
    assert.deepEqual(home, [`${SITE}/`, `${SITE}/sections/news`]);
  });

  test("unpublishing an article moves its page's lastmod, and only its page's", async () => {
    const before = xml.parse((await site.app.inject('/sitemap.xml')).body).sitemapindex.sitemap as {
      lastmod: string;
    }[];
    const target = visible.find((a) => a.id > 1000 && a.id <= 2000)!;
    const later = new Date(NOW.getTime() + 60_000).toISOString();
    await site.app.services.db
      .updateTable('articles')
      .set({ status: 'unpublished', updated_at: later })
      .where('id', '=', target.id)
      .execute();
    // What the article service announces after such a change (the cached sitemaps go with it).
    await site.app.services.events.emit('article.unpublished', { articleId: target.id });
    site.clock.now = new Date(NOW.getTime() + 120_000);
    const after = xml.parse((await site.app.inject('/sitemap.xml')).body).sitemapindex.sitemap as {
      lastmod: string;
    }[];
    assert.equal(after[3].lastmod, later);
    assert.equal(after[2].lastmod, before[2].lastmod);
    assert.equal(after[4].lastmod, before[4].lastmod);
    const page = urls((await site.app.inject('/sitemaps/articles-2.xml')).body).map((u) => u.loc);
    assert.ok(!page.includes(SITE + target.path));
  });

  test('a sitemap page past the end, or not a page, is 404', async () => {
    for (const url of [
      '/sitemaps/articles-4.xml',
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-x.xml',
      '/sitemaps/tags-2.xml',
      '/sitemaps/other.xml',
    ]) {
      assert.equal((await site.app.inject(url)).statusCode, 404, url);
    }
  });
});
