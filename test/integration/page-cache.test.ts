/**
 * The reader site's page cache, through HTTP as readers and editors use it:
 * every change made in the back office shows on the next request of every
 * page that showed the changed thing, while pages that did not show it stay
 * cached (X-Cache: hit); a cold page under 100 concurrent requests renders
 * once; ETags answer 304; every encoding carries the same page.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import type { FastifyInstance } from 'fastify';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';
import { saveSettings } from '../../src/content/index.js';
import { paragraphs } from '../helpers/factories.js';
import { buildTestApp } from '../helpers/build-app.js';
import { newsroom } from '../helpers/newsroom.js';

const NOW = new Date('2026-03-10T12:00:00Z');

/** An article as the admin API answers: the fields a save sends back, and more. */
interface Story {
  id: number;
  path: string;
  title: string;
  section: string;
  tags: string[];
  version: number;
  [field: string]: unknown;
}
const HOUR = 3600_000;

interface Site {
  app: FastifyInstance;
  editor: AdminSession;
  admin: AdminSession;
  clock: { now: Date };
  /** In news, tagged Floods and Weather, by Jane Doe, from the agency. */
  floods: Story;
  /** In sport, tagged Football. */
  football: Story;
  /** In news, tagged Budget. */
  budget: Story;
}

async function site(t: { after: (fn: () => Promise<void>) => unknown }): Promise<Site> {
  const room = await newsroom(t, NOW);
  await makeUser(room.app, 'admin', 'boss@example.org');
  const admin = await signIn(room.app, 'boss@example.org');
  const editor = room.as.editor;
  const make = async (input: Record<string, unknown>, hoursAgo: number) => {
    const response = await editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        lead: 'A standfirst.',
        body: paragraphs('A paragraph of the story.'),
        status: 'published',
        publishedAt: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
        ...input,
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Story;
  };
  const stories = {
    floods: await make(
      {
        title: 'River floods the lower town',
        section: 'news',
        tags: ['Floods', 'Weather'],
        authors: ['jane-doe'],
        source: 'agency',
      },
      3,
    ),
    football: await make({ title: 'Cup final goes to penalties', section: 'sport', tags: ['Football'] }, 2),
    budget: await make({ title: 'Council passes the budget', section: 'news', tags: ['Budget'] }, 1),
  };
  // Their related lists are computed in the background; a list that changes drops its page.
  await room.app.services.related.idle();
  return {
    ...stories,
    app: room.app,
    editor,
    admin,
    clock: room.clock,
  };
}

async function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ url, headers });
  return {
    status: response.statusCode,
    cache: String(response.headers['x-cache'] ?? ''),
    body: response.body,
    headers: response.headers,
  };
}

/** Requests each page once, so that each is cached; every one must be a 200. */
async function warm(app: FastifyInstance, urls: string[]): Promise<void> {
  for (const url of urls) {
    const page = await get(app, url);
    assert.equal(page.status, 200, `${url}: ${page.status}`);
  }
  for (const url of urls) assert.equal((await get(app, url)).cache, 'hit', `${url} should be cached`);
}

/** The next request of each page: rendered anew (`miss`) or still cached (`hit`), with its body. */
async function after(app: FastifyInstance, urls: string[]) {
  return Object.fromEntries(await Promise.all(urls.map(async (url) => [url, await get(app, url)] as const)));
}

describe('page cache: every change reaches every page that showed it, and no other', () => {
  test('publishing a new article: the home page, its section, tag and feed show it; other lists stay cached', async (t) => {
    const s = await site(t);
    const shows = ['/', '/sections/news', '/tags/floods', '/feed.xml', '/news-sitemap.xml'];
    const others = ['/sections/sport', '/tags/football', s.football.path, `/api/articles/${s.budget.id}`];
    await warm(s.app, [...shows, ...others]);
    const created = await s.editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: 'Second wave of floods expected',
        lead: 'More rain.',
        body: paragraphs('Rain.'),
        section: 'news',
        tags: ['Floods'],
        status: 'published',
      },
    });
    assert.equal(created.statusCode, 201);
    const pages = await after(s.app, [...shows, ...others]);
    for (const url of shows) {
      assert.equal(pages[url].cache, 'miss', `${url} was dropped`);
      assert.match(pages[url].body, /Second wave of floods expected/, `${url} shows the new article`);
    }
    for (const url of others) assert.equal(pages[url].cache, 'hit', `${url} stayed cached`);
  });

  test('editing an article: its page, its lists and its API answer show the new headline', async (t) => {
    const s = await site(t);
    const shows = [
      s.floods.path,
      '/',
      '/sections/news',
      '/tags/weather',
      '/authors/jane-doe',
      '/sources/agency',
      `/api/articles/${s.floods.id}`,
    ];
    const others = ['/sections/sport', '/tags/budget', s.football.path];
    await warm(s.app, [...shows, ...others]);
    const saved = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${s.floods.id}`,
      payload: { ...savableFields(s.floods), title: 'River floods the lower town and the port' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const pages = await after(s.app, [...shows, ...others]);
    for (const url of shows) {
      assert.equal(pages[url].cache, 'miss', url);
      assert.match(pages[url].body, /and the port/, `${url} shows the new headline`);
    }
    for (const url of others) assert.equal(pages[url].cache, 'hit', url);
  });

  test('moving an article to another section and tag: the lists it left drop it, the ones it joined list it', async (t) => {
    const s = await site(t);
    await warm(s.app, ['/sections/news', '/sections/sport', '/tags/budget', '/tags/football']);
    const saved = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${s.budget.id}`,
      payload: { ...savableFields(s.budget), section: 'sport', tags: ['Football'] },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const pages = await after(s.app, ['/sections/news', '/sections/sport', '/tags/budget', '/tags/football']);
    assert.doesNotMatch(pages['/sections/news'].body, /Council passes the budget/);
    assert.match(pages['/sections/sport'].body, /Council passes the budget/);
    assert.match(pages['/tags/football'].body, /Council passes the budget/);
    for (const page of Object.values(pages)) assert.equal(page.cache, 'miss');
  });

  test('unpublishing, rescheduling and deleting: the article leaves every page, its own answers 404', async (t) => {
    const s = await site(t);
    const cases: [string, (a: Story) => Promise<number>][] = [
      [
        'unpublish',
        async (a) =>
          (
            await s.editor.inject({
              method: 'PUT',
              url: `/api/admin/articles/${a.id}`,
              payload: { ...savableFields(a), status: 'draft' },
            })
          ).statusCode,
      ],
      [
        'reschedule',
        async (a) =>
          (
            await s.editor.inject({
              method: 'PUT',
              url: `/api/admin/articles/${a.id}`,
              payload: {
                ...savableFields(a),
                status: 'scheduled',
                publishedAt: new Date(NOW.getTime() + 24 * HOUR).toISOString(),
              },
            })
          ).statusCode,
      ],
      [
        'delete',
        async (a) =>
          (await s.editor.inject({ method: 'DELETE', url: `/api/admin/articles/${a.id}` })).statusCode,
      ],
    ];
    const articles = [s.floods, s.budget, s.football];
    for (const [i, [name, change]] of cases.entries()) {
      const article = articles[i];
      const headline = article.title;
      const lists = [
        '/',
        `/sections/${article.section}`,
        `/tags/${article.tags[0].toLowerCase()}`,
        '/feed.xml',
      ];
      await warm(s.app, [article.path, ...lists]);
      assert.ok([200, 204].includes(await change(article)), name);
      const pages = await after(s.app, [article.path, ...lists]);
      assert.equal(pages[article.path].status, 404, `${name}: the article's page is gone`);
      for (const url of lists) {
        assert.equal(pages[url].cache, 'miss', `${name}: ${url}`);
        assert.ok(!pages[url].body.includes(headline), `${name}: ${url} no longer lists it`);
      }
    }
  });

  test('a scheduled article coming due appears without anyone saving', async (t) => {
    const s = await site(t);
    const due = new Date(NOW.getTime() + 10 * 60_000);
    const created = await s.editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: 'Embargoed report on river levels',
        lead: 'Out at noon.',
        body: paragraphs('Levels.'),
        section: 'news',
        status: 'scheduled',
        publishedAt: due.toISOString(),
      },
    });
    assert.equal(created.statusCode, 201);
    await warm(s.app, ['/', '/sections/news']);
    s.clock.now = new Date(due.getTime() + 1000);
    await publishDueNow(s.app);
    const pages = await after(s.app, ['/', '/sections/news']);
    for (const page of Object.values(pages)) assert.match(page.body, /Embargoed report on river levels/);
  });

  test('renaming a section changes every page with the menu; an API answer about another section stays cached', async (t) => {
    const s = await site(t);
    const sport = await sectionId(s.app, 'sport');
    const shows = ['/', '/sections/sport', s.football.path, '/tags/floods'];
    const other = `/api/articles/${s.budget.id}`;
    await warm(s.app, [...shows, other]);
    const saved = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/sections/${sport}`,
      payload: { name: 'Sports and games', slug: 'sport', description: '' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const pages = await after(s.app, [...shows, other]);
    for (const url of shows) assert.match(pages[url].body, /Sports and games/, url);
    assert.equal(pages[other].cache, 'hit');
  });

  test('merging a tag: the merged articles and the tag they joined show it; an unrelated tag page stays cached', async (t) => {
    const s = await site(t);
    const [weather, floods] = [await tagIdOf(s.app, 'weather'), await tagIdOf(s.app, 'floods')];
    const shows = [s.floods.path, '/tags/floods'];
    const others = ['/tags/football', s.football.path];
    await warm(s.app, [...shows, ...others]);
    const merged = await s.editor.inject({
      method: 'POST',
      url: `/api/admin/tags/${weather}/merge`,
      payload: { into: floods },
    });
    assert.equal(merged.statusCode, 200, merged.body);
    const pages = await after(s.app, [...shows, ...others]);
    assert.doesNotMatch(pages[s.floods.path].body, /href="\/tags\/weather"/);
    for (const url of shows) assert.equal(pages[url].cache, 'miss', url);
    for (const url of others) assert.equal(pages[url].cache, 'hit', url);
    assert.equal((await get(s.app, '/tags/weather')).status, 301);
  });

  test('editing an author or a source: their bylines and credits change; an article without them stays cached', async (t) => {
    const s = await site(t);
    const [author, source] = [
      await idOf(s.app, 'authors', 'jane-doe'),
      await idOf(s.app, 'sources', 'agency'),
    ];
    const shows = [s.floods.path, '/authors/jane-doe', '/sources/agency', `/api/articles/${s.floods.id}`];
    const others = [s.football.path, '/tags/football'];
    await warm(s.app, [...shows, ...others]);
    const renamed = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/authors/${author}`,
      payload: { name: 'Jane Doe-Ivanova', slug: 'jane-doe', bio: '' },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    let pages = await after(s.app, [...shows, ...others]);
    for (const url of shows.filter((u) => u !== '/sources/agency'))
      assert.match(pages[url].body, /Jane Doe-Ivanova/, url);
    for (const url of others) assert.equal(pages[url].cache, 'hit', url);

    await warm(s.app, shows);
    const credited = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/sources/${source}`,
      payload: { name: 'Danube Wire', slug: 'agency', url: 'https://agency.example' },
    });
    assert.equal(credited.statusCode, 200, credited.body);
    pages = await after(s.app, [...shows, ...others]);
    for (const url of [s.floods.path, '/sources/agency', `/api/articles/${s.floods.id}`])
      assert.match(pages[url].body, /Danube Wire/, url);
    assert.equal(pages['/authors/jane-doe'].cache, 'hit', 'the author page does not show sources');
    for (const url of others) assert.equal(pages[url].cache, 'hit', url);
  });

  test('changing a setting changes every page; the JSON API, which shows none, stays cached', async (t) => {
    const s = await site(t);
    const shows = ['/', s.floods.path, '/sections/sport', '/feed.xml'];
    const other = `/api/articles/${s.floods.id}`;
    await warm(s.app, [...shows, other]);
    const saved = await s.admin.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { name: 'The Lower Town Courier' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const pages = await after(s.app, [...shows, other]);
    for (const url of shows) assert.match(pages[url].body, /The Lower Town Courier/, url);
    assert.equal(pages[other].cache, 'hit');
  });

  test('the settings are read once for every page; written by another program, they show once pages are no longer fresh', async (t) => {
    const s = await site(t);
    await warm(s.app, ['/']);
    // As the CLI or another program on the database would: no content event reaches this process.
    await saveSettings(s.app.services.db, { name: 'The Upper Town Herald' });
    const before = await get(s.app, '/tags/football');
    assert.equal(before.cache, 'miss');
    assert.doesNotMatch(before.body, /The Upper Town Herald/, 'a page rendered now uses the settings kept');
    s.clock.now = new Date(s.clock.now.getTime() + 61_000);
    const later = await get(s.app, '/sections/sport');
    assert.equal(later.cache, 'miss');
    assert.match(later.body, /The Upper Town Herald/, 'past PAGE_CACHE_FRESH the settings are read again');
  });

  test('a new related list reaches the article page that shows it', async (t) => {
    const s = await site(t);
    await s.app.services.related.idle();
    await warm(s.app, [s.floods.path]);
    const created = await s.editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: 'Weather service warns of more floods',
        lead: 'Rain.',
        body: paragraphs('Rain again.'),
        section: 'news',
        tags: ['Floods', 'Weather'],
        status: 'published',
      },
    });
    assert.equal(created.statusCode, 201);
    s.app.services.related.wake();
    await s.app.services.related.idle();
    const page = await get(s.app, s.floods.path);
    assert.equal(page.cache, 'miss');
    assert.match(page.body, /Weather service warns of more floods/);
  });
});

describe('page cache: HTTP', () => {
  test('100 concurrent requests for a cold page cause one render, and all get the same page', async (t) => {
    const s = await site(t);
    const before = s.app.services.pages.stats.renders;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        s.app.inject({ url: s.floods.path, headers: { 'accept-encoding': 'identity' } }),
      ),
    );
    assert.equal(s.app.services.pages.stats.renders - before, 1);
    assert.ok(answers.every((a) => a.statusCode === 200 && a.body === answers[0].body));
    assert.equal(answers.filter((a) => a.headers['x-cache'] === 'miss').length, 100);
  });

  test('ETag and 304, Cache-Control for shared caches, Surrogate-Key naming what the page shows', async (t) => {
    const s = await site(t);
    const first = await get(s.app, s.floods.path);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.match(
      String(first.headers['cache-control']),
      /public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/,
    );
    assert.equal(first.headers.vary, 'accept-encoding');
    const keys = String(first.headers['surrogate-key']).split(' ');
    for (const key of [`article-${s.floods.id}`, 'settings', 'sections', `related-${s.floods.id}`])
      assert.ok(keys.includes(key), `${key} in ${keys.join(' ')}`);
    const again = await s.app.inject({ url: s.floods.path, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const changed = await s.app.inject({
      url: s.floods.path,
      headers: { 'if-none-match': 'W/"something-else"' },
    });
    assert.equal(changed.statusCode, 200);
  });

  test('a page in any script is kept as its UTF-8 bytes, the same on the miss and on the hit', async (t) => {
    const s = await site(t);
    const title = '“Quotes”, café, Zürich — 東京の洪水 📰 and 𝒳';
    const created = await s.editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title,
        lead: 'Élan.',
        body: paragraphs('Ça va. Ελληνικά. 🚒'),
        section: 'news',
        status: 'published',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { path } = created.json() as Story;
    const miss = await s.app.inject({ url: path, headers: { 'accept-encoding': 'identity' } });
    const hit = await s.app.inject({ url: path, headers: { 'accept-encoding': 'identity' } });
    assert.deepEqual([miss.headers['x-cache'], hit.headers['x-cache']], ['miss', 'hit']);
    for (const answer of [miss, hit]) {
      assert.equal(Number(answer.headers['content-length']), answer.rawPayload.length);
      assert.ok(answer.rawPayload.equals(Buffer.from(answer.body, 'utf8')), 'valid UTF-8, nothing replaced');
      for (const text of [title, 'Ça va. Ελληνικά. 🚒']) assert.ok(answer.body.includes(text), text);
    }
    assert.ok(hit.rawPayload.equals(miss.rawPayload));
  });

  test('brotli, gzip and plain answers carry the same page', async (t) => {
    const s = await site(t);
    const plain = await s.app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } });
    const br = await s.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    const gz = await s.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body);
  });

  test('a stale page is served once more while it is rendered anew', async (t) => {
    const s = await site(t);
    await warm(s.app, ['/most-read']);
    s.clock.now = new Date(s.clock.now.getTime() + 61_000);
    const stale = await get(s.app, '/most-read');
    assert.equal(stale.cache, 'stale');
    await waitFor(async () => (await get(s.app, '/most-read')).cache === 'hit');
  });

  test('errors and redirects are not kept; the back office is never cached', async (t) => {
    const s = await site(t);
    for (let i = 0; i < 2; i++) assert.equal((await get(s.app, '/articles/999999/nothing')).status, 404);
    assert.equal(s.app.services.pages.stats.pages, 0);
    const redirect = await get(s.app, `/articles/${s.floods.id}`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.cache, 'pass');
    const admin = await s.editor.inject('/admin/articles');
    assert.equal(admin.headers['x-cache'], undefined);
  });
});

describe('page cache: the front door of a listening server', () => {
  test('a fresh hit is answered before routing, as the routed answer would be: encodings, 304, HEAD, and the next change', async (t) => {
    const s = await site(t);
    const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${base}${s.floods.path}`;
    const stats = () => s.app.services.pages.stats;
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(first.headers.get('x-cache'), 'miss');
    const page = await first.text();
    const early = stats().early;
    const hit = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(stats().early, early + 1, 'answered before routing');
    assert.equal(hit.status, 200);
    assert.equal(hit.headers.get('x-cache'), 'hit');
    assert.equal(await hit.text(), page);
    // Every header the routed miss gave, the early hit gives too, with the same value.
    first.headers.forEach((value, name) => {
      if (!['x-cache', 'age', 'date'].includes(name)) assert.equal(hit.headers.get(name), value, name);
    });
    assert.match(String(hit.headers.get('content-security-policy')), /default-src 'self'/);

    const br = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(await br.text(), page, 'fetch decodes brotli to the same page');
    const etag = String(hit.headers.get('etag'));
    const notModified = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.get('content-type'), null);
    assert.equal(await notModified.text(), '');
    const head = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(page));
    assert.equal(await head.text(), '');
    assert.equal(stats().early, early + 4);

    // An edit drops the page: the next request is routed, rendered anew, and shows the change.
    const saved = await s.editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${s.floods.id}`,
      payload: { ...savableFields(s.floods), title: 'River floods the whole town' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const changed = await fetch(url);
    assert.equal(changed.headers.get('x-cache'), 'miss');
    assert.match(await changed.text(), /River floods the whole town/);
    assert.equal(stats().early, early + 4);
  });

  test('readers who go away while their page renders hold up no other page', async (t) => {
    const s = await site(t);
    const base = new URL(await s.app.listen({ port: 0, host: '127.0.0.1' }));
    const urls = [
      s.floods.path,
      s.football.path,
      s.budget.path,
      '/',
      '/sections/news',
      '/tags/floods',
      '/most-read',
      `/api/articles/${s.floods.id}`,
      `/api/articles/${s.football.id}`,
    ];
    // Each asked for and dropped at once, or a moment later: before its render's turn, during it, after.
    await Promise.all(
      urls.flatMap((url, i) =>
        [0, 1, 3].map(
          (wait) =>
            new Promise<void>((resolve) => {
              const socket = net.connect(Number(base.port), base.hostname, () => {
                socket.write(`GET ${url}?gone=${i}-${wait} HTTP/1.1\r\nHost: ${base.host}\r\n\r\n`);
                setTimeout(() => socket.destroy(), wait);
              });
              socket.on('close', () => resolve());
              socket.on('error', () => resolve());
            }),
        ),
      ),
    );
    for (const url of urls) {
      const page = await fetch(`${base.origin}${url}`, { signal: AbortSignal.timeout(10_000) });
      assert.equal(page.status, 200, url);
      assert.equal((await fetch(`${base.origin}${url}`)).headers.get('x-cache'), 'hit', url);
    }
  });

  test('a cached page whose route spends an address budget is still routed, and the budget holds', async (t) => {
    const built = await buildTestApp(t, { config: { trustProxy: 1, searchPerMinute: 30 } });
    const base = await built.app.listen({ port: 0, host: '127.0.0.1' });
    const search = () => fetch(`${base}/search?q=floods`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await search()).status);
    // A burst of ten (a third of thirty, at least ten), every one after it a hit of the cache.
    assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429]);
    assert.equal(built.app.services.pages.stats.early, 0);
  });
});

async function idOf(app: FastifyInstance, table: 'authors' | 'sources' | 'sections' | 'tags', slug: string) {
  const row = await app.services.db
    .selectFrom(table as 'tags')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}
const sectionId = (app: FastifyInstance, slug: string) => idOf(app, 'sections', slug);
const tagIdOf = (app: FastifyInstance, slug: string) => idOf(app, 'tags', slug);

async function publishDueNow(app: FastifyInstance): Promise<void> {
  const { publishDue } = await import('../../src/content/index.js');
  await publishDue(app.services.content, null);
}

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
