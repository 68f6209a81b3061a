import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import {
  type ArticleInput,
  createArticle,
  insertAuthor,
  insertSection,
  SYSTEM,
} from '../../src/content/index.js';
import {
  articleIdBySlug,
  buildDemoApp,
  buildTestApp,
  NATO_SLUG,
  suiteCleanup,
} from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const SITE = 'https://news.example.org';
const NOW = new Date('2024-05-10T12:00:00.000Z');
const HOSTILE = '<script>alert(1)</script> & "quotes"';
/** HOSTILE where readers may render plain text as HTML (RSS and JSON Feed titles): nothing opens a tag. */
const INERT = '\u2039script>alert(1)\u2039/script> & "quotes"';
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3600_000).toISOString();

const parser = new Parser();

/** What `type="html"` text in Atom means to a reader: the HTML decoded once. */
function htmlToText(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The two ways a careless feed writer breaks XML that lenient parsers (rss-parser's
 * included) let through: a `]]>` outside a CDATA section, and a `<` in an attribute value.
 */
function assertNoXmlBreakage(xml: string, label: string): void {
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  assert.ok(!outsideCdata.includes(']]>'), `${label}: a stray ]]>`);
  assert.ok(!/="[^"]*</.test(outsideCdata), `${label}: a < in an attribute value`);
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html: string;
  date_published: string;
  tags?: string[];
  authors?: { name: string; url?: string }[];
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: JsonFeedItem[];
}

describe('site, section and tag feeds', () => {
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  const cleanup = suiteCleanup();

  before(async () => {
    ({ app } = await buildTestApp(cleanup, { now: NOW }));
    const { db } = app.services;
    await insertSection(db, { slug: 'news', name: 'News', description: 'What happened today.', position: 0 });
    await insertSection(db, { slug: 'sport', name: 'Sport', description: '', position: 1 });
    await insertAuthor(db, { slug: 'jane-doe', name: 'Jane Doe', bio: '' });
    await insertAuthor(db, { slug: 'john-roe', name: 'John Roe', bio: '' });
    const add = async (key: string, input: Partial<ArticleInput>) => {
      const article = await createArticle(app.services.content, SYSTEM, {
        title: key,
        lead: `Lead of ${key}.`,
        body: paragraphs(`Body of ${key}.`),
        section: 'news',
        status: 'published',
        ...input,
      });
      ids[key] = article.id;
    };
    await add('Oldest story', { publishedAt: hoursFromNow(-3), tags: ['Elections'], authors: ['jane-doe'] });
    await add('Sport story', { section: 'sport', publishedAt: hoursFromNow(-2), tags: ['Football'] });
    await add('Draft story', { status: 'draft', tags: ['Elections'] });
    await add('Scheduled story', { status: 'scheduled', publishedAt: hoursFromNow(1), tags: ['Elections'] });
    await add('Future story', { publishedAt: hoursFromNow(48), tags: ['Elections'] });
    await add('Newest story', {
      title: HOSTILE,
      lead: 'A lead with <b>markup</b> & an ampersand.',
      publishedAt: hoursFromNow(-1),
      tags: ['Elections', 'Security'],
      authors: ['jane-doe', 'john-roe'],
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'See ' },
              {
                type: 'text',
                text: 'the news section',
                marks: [{ type: 'link', attrs: { href: '/sections/news' } }],
              },
              { type: 'text', text: ' and ' },
              {
                type: 'text',
                text: 'elsewhere',
                marks: [{ type: 'link', attrs: { href: 'https://other.example/x' } }],
              },
            ],
          },
          { type: 'image', attrs: { src: '/media/photo.jpg', alt: 'A photo', caption: '', credit: '' } },
          { type: 'relatedArticle', attrs: { articleId: ids['Oldest story'] } },
          { type: 'relatedArticle', attrs: { articleId: ids['Draft story'] } },
        ],
      },
    });
    // The related lists computed in the background drop the pages showing them when they land: a
    // feed rendered meanwhile is answered but not kept, and has no s-maxage for a cache in front.
    await app.services.related.idle();
    await app.services.searchQueue.idle();
  });

  const get = (url: string) => app.inject(url);
  const path = (key: string) => `/articles/${ids[key]}/`;
  const hidden = ['Draft story', 'Scheduled story', 'Future story'];

  test('the RSS feed lists visible articles newest first with absolute links', async () => {
    const response = await get('/feed.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(String(response.headers['cache-control']), /^public, max-age=300, s-maxage=\d+/);
    const feed = await parser.parseString(response.body);
    assert.equal(feed.title, 'Newsdesk');
    assert.equal(feed.link, `${SITE}/`);
    assert.equal(feed.feedUrl, `${SITE}/feed.xml`);
    assert.deepEqual(
      feed.items.map((i) => i.title),
      [INERT, 'Sport story', 'Oldest story'],
    );
    for (const item of feed.items) assert.ok(item.link?.startsWith(`${SITE}/articles/`), item.link);
    const newest = feed.items[0];
    assert.ok(newest.link?.startsWith(SITE + path('Newest story')));
    assert.equal(newest.guid, `${SITE}/articles/${ids['Newest story']}`);
    assert.equal(newest.isoDate, hoursFromNow(-1));
    assert.equal(newest.creator, 'Jane Doe, John Roe');
    assert.deepEqual(newest.categories, ['News', 'Elections', 'Security']);
    assert.match(response.body, /<language>en<\/language>/);
  });

  test('the Atom feed lists the same items, with a self link and authors', async () => {
    const response = await get('/feed.atom');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.match(String(response.headers['cache-control']), /^public, max-age=300, s-maxage=\d+/);
    const feed = await parser.parseString(response.body);
    assert.equal(feed.feedUrl, `${SITE}/feed.atom`);
    assert.equal(feed.link, `${SITE}/`);
    const titles = feed.items.map((i) => htmlToText(i.title ?? ''));
    assert.deepEqual(titles, [HOSTILE, 'Sport story', 'Oldest story']);
    assert.ok(feed.items.every((i) => i.link?.startsWith(`${SITE}/articles/`)));
    assert.equal(feed.items[0].id, `${SITE}/articles/${ids['Newest story']}`);
    assert.equal(feed.items[0].author, 'Jane Doe');
    // The feed is as new as its newest item, not as the request.
    assert.equal((feed as { lastBuildDate?: string }).lastBuildDate, hoursFromNow(-1));
  });

  test('the JSON Feed is version 1.1 with the same items', async () => {
    const response = await get('/feed.json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/feed+json; charset=utf-8');
    assert.match(String(response.headers['cache-control']), /^public, max-age=300, s-maxage=\d+/);
    const feed = JSON.parse(response.body) as JsonFeed;
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.home_page_url, `${SITE}/`);
    assert.equal(feed.feed_url, `${SITE}/feed.json`);
    assert.equal(feed.language, 'en');
    assert.deepEqual(
      feed.items.map((i) => i.title),
      [INERT, 'Sport story', 'Oldest story'],
    );
    const [newest] = feed.items;
    assert.ok(newest.url.startsWith(SITE + path('Newest story')));
    assert.equal(newest.id, `${SITE}/articles/${ids['Newest story']}`);
    assert.equal(
      newest.summary,
      'A lead with \u2039b>markup\u2039/b> & an ampersand.',
      'plain text, inert as HTML',
    );
    assert.equal(newest.date_published, hoursFromNow(-1));
    assert.deepEqual(newest.tags, ['News', 'Elections', 'Security']);
    assert.deepEqual(
      newest.authors?.map((a) => a.name),
      ['Jane Doe', 'John Roe'],
    );
  });

  test('item content is the rendered body with absolute links and only visible related articles', async () => {
    const feed = JSON.parse((await get('/feed.json')).body) as JsonFeed;
    const html = feed.items[0].content_html;
    assert.match(html, /href="https:\/\/news\.example\.org\/sections\/news"/);
    assert.match(html, /href="https:\/\/other\.example\/x"/);
    assert.match(html, /src="https:\/\/news\.example\.org\/media\/photo\.jpg"/);
    assert.ok(html.includes(`href="${SITE}${path('Oldest story')}`), 'the visible related article is linked');
    assert.ok(!html.includes('Draft story'), 'the draft related article is not');
    assert.ok(!/(href|src)="\//.test(html), 'no relative URL is left');

    const rss = await parser.parseString((await get('/feed.xml')).body);
    assert.equal((rss.items[0] as { 'content:encoded'?: string })['content:encoded'], html);
  });

  test('a hostile title is escaped in every format, and inert even for a reader that renders text as HTML', async () => {
    const rssXml = (await get('/feed.xml')).body;
    const atomXml = (await get('/feed.atom')).body;
    const rssTitle = (await parser.parseString(rssXml)).items[0].title ?? '';
    assert.equal(rssTitle, INERT);
    // A careless reader that puts the title into its page as HTML gets text, no element.
    for (const text of [rssTitle, (JSON.parse((await get('/feed.json')).body) as JsonFeed).items[0].title]) {
      const $ = cheerio.load(text);
      assert.equal($('body *').length, 0, `markup in ${text}`);
      assert.equal($('body').text(), text);
    }
    // Atom titles are type="html": the markup must arrive escaped, never as a tag.
    const atomTitle = (await parser.parseString(atomXml)).items[0].title ?? '';
    assert.ok(!atomTitle.includes('<script>'), atomTitle);
    assert.equal(htmlToText(atomTitle), HOSTILE);
    assert.equal((JSON.parse((await get('/feed.json')).body) as JsonFeed).items[0].title, INERT);
    // RSS descriptions are HTML too: the lead's markup is text.
    const rssLead = (await parser.parseString(rssXml)).items[0].content ?? '';
    assert.equal(htmlToText(rssLead), 'A lead with <b>markup</b> & an ampersand.');
  });

  test('drafts, scheduled and future-dated articles appear in no feed', async () => {
    const urls = [
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/sections/news/feed.xml',
      '/tags/elections/feed.json',
    ];
    for (const url of urls) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      for (const title of hidden) assert.ok(!response.body.includes(title), `${title} in ${url}`);
      for (const title of hidden)
        assert.ok(!response.body.includes(`/articles/${ids[title]}/`), `${title} in ${url}`);
    }
  });

  test('section and tag feeds hold only their articles and name themselves', async () => {
    const news = await parser.parseString((await get('/sections/news/feed.xml')).body);
    assert.equal(news.title, 'Newsdesk: News');
    assert.equal(news.description, 'What happened today.');
    assert.equal(news.link, `${SITE}/sections/news`);
    assert.equal(news.feedUrl, `${SITE}/sections/news/feed.xml`);
    assert.deepEqual(
      news.items.map((i) => i.title),
      [INERT, 'Oldest story'],
    );

    const sport = await parser.parseString((await get('/sections/sport/feed.atom')).body);
    assert.equal(sport.feedUrl, `${SITE}/sections/sport/feed.atom`);
    assert.deepEqual(
      sport.items.map((i) => i.title),
      ['Sport story'],
    );

    const tag = JSON.parse((await get('/tags/security/feed.json')).body) as JsonFeed;
    assert.equal(tag.title, 'Newsdesk: Security');
    assert.equal(tag.feed_url, `${SITE}/tags/security/feed.json`);
    assert.deepEqual(
      tag.items.map((i) => i.title),
      [INERT],
    );
  });

  test('an unknown section or tag has no feed', async () => {
    for (const url of ['/sections/nope/feed.xml', '/sections/nope/feed.atom', '/tags/nope/feed.json']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });
});

describe('feeds stay well-formed whatever editors type', () => {
  test('CDATA terminators, markup and ampersands in titles, leads, bodies and tags', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, {
      slug: 'news',
      name: 'News & <Views>',
      description: '',
      position: 0,
    });
    const title = 'Ends ]]> twice ]]> & <i>';
    await createArticle(app.services.content, SYSTEM, {
      title,
      lead: 'Lead ]]> ]]> <b>',
      body: paragraphs('Body ]]> ]]> <script>x</script>'),
      section: 'news',
      tags: ['<b>Bold</b> & "quoted"'],
      status: 'published',
      publishedAt: hoursFromNow(-1),
    });
    for (const url of ['/feed.xml', '/feed.atom', '/sections/news/feed.atom']) {
      const xml = (await app.inject(url)).body;
      assertNoXmlBreakage(xml, url);
      const feed = await parser.parseString(xml);
      const parsed = url.endsWith('.atom') ? htmlToText(feed.items[0].title ?? '') : feed.items[0].title;
      // Atom's title is HTML, typed as such: it reads back as typed. RSS's `<i>` opens no tag.
      const expected = url.endsWith('.atom') ? title : title.replace('<i>', '\u2039i>');
      assert.equal(parsed?.replaceAll('\u200B', ''), expected, url);
    }
    const json = JSON.parse((await app.inject('/feed.json')).body) as JsonFeed;
    assert.equal(json.items[0].title, title.replace('<i>', '\u2039i>'));
    assert.ok(json.items[0].content_html.includes('&lt;script>'));
  });
});

describe('feeds of the demo newsroom', () => {
  let app: FastifyInstance;
  const cleanup = suiteCleanup();
  before(async () => {
    ({ app } = await buildDemoApp(cleanup));
  });

  test('the Defense section and NATO tag feeds carry the NATO story; Culture does not', async () => {
    const id = await articleIdBySlug(app, NATO_SLUG);
    const link = `${SITE}/articles/${id}/${NATO_SLUG}`;
    const defense = await parser.parseString((await app.inject('/sections/defense/feed.xml')).body);
    assert.ok(defense.items.some((i) => i.link === link));
    const nato = JSON.parse((await app.inject('/tags/nato/feed.json')).body) as JsonFeed;
    assert.ok(nato.items.some((i) => i.url === link));
    const culture = await parser.parseString((await app.inject('/sections/culture/feed.atom')).body);
    assert.ok(culture.items.length > 0);
    assert.ok(culture.items.every((i) => i.link !== link));
  });

  test('the site feed holds the newest 30 articles, newest first', async () => {
    const feed = JSON.parse((await app.inject('/feed.json')).body) as JsonFeed;
    assert.equal(feed.items.length, 30);
    const dates = feed.items.map((i) => i.date_published);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });
});
