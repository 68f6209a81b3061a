/**
 * Hostile input in every field, every output opened in Chromium: nothing runs.
 *
 * Our own vectors, one per classic family, each calling `__xss(n)`: event
 * handlers, `javascript:`, `vbscript:` and `data:` URLs, SVG, `srcdoc`,
 * mutation XSS, encoded and broken markup, tags that close the element
 * around them (`</script>` in JSON, `</title>`, `</textarea>`, `</style>`,
 * `]]>`), template syntax and style or base injection. They go into every
 * text field the back office has (articles and their bodies, tags, sections,
 * sources, authors, media, accounts, settings, partner feeds and the items
 * they bring) and every echoed URL parameter; then the reader pages, feeds,
 * sitemaps, JSON answers and back-office pages, the editor among them, are
 * opened in Chromium.
 *
 * The browser ignores the pages' Content-Security-Policy (`bypassCSP`), so
 * this tests the escaping alone: the policy is the second layer, tested in
 * security-headers.test.ts and by every other browser test. A vector counts
 * as run if it called `__xss` (in the page or a frame), opened a dialog, or
 * made the page ask another site for anything; and a page fails if it holds
 * an element that could run one with a click (an `on…` attribute, a
 * `javascript:` link, a `srcdoc` frame, a `<base>`, a refresh).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { cookieNames } from '../../src/admin/auth.js';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';
import { launchBrowser } from '../helpers/browser.js';
import { multipartBody, solidImage } from '../helpers/images.js';

const VECTORS = [
  // Event handlers, in and out of attributes.
  `<img src=x onerror=__xss(1)>`,
  `<body onload=__xss(2)>`,
  `<details open ontoggle=__xss(3)>`,
  `" autofocus onfocus="__xss(4)`,
  `' onmouseover='__xss(5)`,
  `<input autofocus onfocus=__xss(6)>`,
  // Script URLs in every spelling.
  `<a href="javascript:__xss(7)">link</a>`,
  `<a href="JaVaScRiPt:__xss(8)">link</a>`,
  `<a href="java&#x09;script:__xss(9)">link</a>`,
  `<a href="&#106;avascript:__xss(10)">link</a>`,
  `<a href="vbscript:__xss(11)">link</a>`,
  `<a href="data:text/html,<script>__xss(12)</script>">link</a>`,
  // SVG and frames.
  `<svg onload=__xss(13)>`,
  `<svg><script>__xss(14)</script></svg>`,
  `<svg><animate onbegin=__xss(15) attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:__xss(16)"><text y=20>x</text></a></svg>`,
  `<iframe srcdoc="<script>parent.__xss(17)</script>">`,
  `<object data="data:text/html,<script>__xss(18)</script>">`,
  // Mutation XSS: markup that changes meaning when parsed twice.
  `<noscript><p title="</noscript><img src=x onerror=__xss(19)>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(20)>`,
  `<svg></p><style><a id="</style><img src=x onerror=__xss(21)>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(22)>`,
  // Encoded and broken markup.
  `&lt;script&gt;__xss(23)&lt;/script&gt;`,
  `<scr<script>ipt>__xss(24)</scr</script>ipt>`,
  `%3Cscript%3E__xss(25)%3C/script%3E`,
  `\\u003cscript\\u003e__xss(26)\\u003c/script\\u003e`,
  `<img src="x" onerror="__xss(27)"`,
  // Closing the element around it.
  `</script><script>__xss(28)</script>`,
  `</title><script>__xss(29)</script>`,
  `</textarea><script>__xss(30)</script>`,
  `</style><script>__xss(31)</script>`,
  `]]><script>__xss(32)</script>`,
  `--><script>__xss(33)</script><!--`,
  // Templates, styles and the page's own setup.
  `{{constructor.constructor('__xss(34)')()}}`,
  `<style>@import'//evil.example/x.css';</style>`,
  `<link rel=stylesheet href=//evil.example/x.css>`,
  `<meta http-equiv="refresh" content="0;url=javascript:__xss(35)">`,
  `<base href="//evil.example/">`,
];

/** Script URLs every URL field must refuse. */
const SCRIPT_URLS = [
  'javascript:__xss(40)',
  ' JavaScript:__xss(41)',
  'java\tscript:__xss(42)',
  'vbscript:__xss(43)',
  'data:text/html,<script>__xss(44)</script>',
  '/\\evil.example/x',
];

/** A URL that is allowed, with markup in its path and query, to be escaped. */
const LOUD_URL = `https://wire.example/"><script>__xss(45)</script>?q='><img/src=x/onerror=__xss(46)>`;

const short = (v: string, max: number) => v.slice(0, max);

/** The vectors joined by spaces, in runs of at most `max` characters. */
function chunks(vectors: string[], max: number): string[] {
  const runs: string[] = [];
  for (const v of vectors) {
    if (runs.length && runs.at(-1)!.length + 1 + v.length <= max) runs[runs.length - 1] += ` ${v}`;
    else runs.push(v);
  }
  return runs;
}

test('hostile input in every field runs nowhere, in Chromium', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hostile-'));
  const config = loadConfig(
    { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', SITE_URL: 'http://127.0.0.1' },
    { searchPerMinute: 0, beaconsPerMinute: 0 },
  );
  const app: FastifyInstance = await buildApp(config);
  t.after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await makeUser(app, 'admin');
  const admin = await signIn(app, 'admin@example.org');
  const readerPages = new Set<string>([
    '/',
    '/most-read?period=all',
    '/feed.xml',
    '/feed.atom',
    '/feed.json',
  ]);
  const officePages = new Set<string>([
    '/admin',
    '/admin/articles',
    '/admin/tags',
    '/admin/sections',
    '/admin/sources',
    '/admin/authors',
    '/admin/media',
    '/admin/users',
    '/admin/settings',
    '/admin/audit',
    '/admin/account',
  ]);

  const ok = async (what: string, request: Parameters<AdminSession['inject']>[0], status = [200, 201]) => {
    const response = await admin.inject(request);
    assert.ok(status.includes(response.statusCode), `${what}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  // The whole list where a field is long enough; one vector per item where it is short.
  const all = VECTORS.join(' ');
  await ok('settings', {
    method: 'PUT',
    url: '/api/admin/settings',
    payload: {
      name: short(VECTORS[28], 100),
      tagline: short(VECTORS[19], 200),
      support: {
        appeal: short(all, 500),
        linkText: short(VECTORS[3], 60),
        pageTitle: short(VECTORS[29], 120),
        pageText: short(all, 5000),
        donateUrl: LOUD_URL,
      },
      social: { twitter: LOUD_URL, facebook: LOUD_URL },
    },
  });
  readerPages.add('/support');

  const source = await ok('source', {
    method: 'POST',
    url: '/api/admin/sources',
    payload: { name: short(VECTORS[12], 100), url: LOUD_URL },
  });
  readerPages.add(`/sources/${source.slug}`);
  const upload = await multipartBody(
    { alt: short(VECTORS[0], 300), caption: short(all, 1000), credit: short(VECTORS[16], 200) },
    {
      name: `${VECTORS[27]}.png`.replace(/[/\\]/g, '_'),
      type: 'image/png',
      data: await solidImage('png', 640, 400),
    },
  );
  const picture = await ok('upload', {
    method: 'POST',
    url: '/api/admin/media',
    payload: upload.payload,
    headers: upload.headers,
  });
  officePages.add(`/admin/media/${picture.id}`);
  await ok('account name', {
    method: 'PUT',
    url: '/api/admin/users/me/name',
    payload: { name: short(VECTORS[5], 100) },
  });

  const articles: { id: number; path: string }[] = [];
  for (const [i, vector] of VECTORS.entries()) {
    const section = await ok(`section ${i}`, {
      method: 'POST',
      url: '/api/admin/sections',
      payload: { name: short(`${i} ${vector}`, 100), description: vector },
    });
    const author = await ok(`author ${i}`, {
      method: 'POST',
      url: '/api/admin/authors',
      payload: { name: short(`${i} ${vector}`, 100), bio: vector },
    });
    const text = (s: string) => ({ type: 'text', text: s });
    const article = await ok(`article ${i}`, {
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: `${i} ${vector}`,
        lead: vector,
        section: section.slug,
        source: source.slug,
        authors: [author.slug],
        tags: [short(`${i} ${vector}`, 60)],
        seoTitle: vector,
        seoDescription: vector,
        status: 'published',
        featuredImage: picture.id,
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                text(vector),
                { type: 'text', text: vector, marks: [{ type: 'link', attrs: { href: LOUD_URL } }] },
                { type: 'text', text: vector, marks: [{ type: 'bold' }, { type: 'italic' }] },
              ],
            },
            { type: 'heading', attrs: { level: 2 }, content: [text(vector)] },
            { type: 'blockquote', content: [{ type: 'paragraph', content: [text(vector)] }] },
            {
              type: 'bulletList',
              content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text(vector)] }] }],
            },
            {
              type: 'image',
              attrs: { src: picture.url, alt: vector, caption: vector, credit: vector, mediaId: picture.id },
            },
            { type: 'image', attrs: { src: LOUD_URL, alt: vector, caption: vector, credit: vector } },
            ...(articles.length
              ? [{ type: 'relatedArticle', attrs: { articleId: articles.at(-1)!.id } }]
              : []),
          ],
        },
      },
    });
    await ok(`correction ${i}`, {
      method: 'POST',
      url: `/api/admin/articles/${article.id}/corrections`,
      payload: { text: vector },
    });
    articles.push(article);
    readerPages.add(article.path);
    readerPages.add(`/sections/${section.slug}`);
    readerPages.add(`/authors/${author.slug}`);
    // Every reader page for every vector; of the pages that show the same fields through the same
    // templates again (the editor, the preview, the edit forms, JSON), every third vector and the last.
    if (i % 3 === 0 || i === VECTORS.length - 1) {
      readerPages.add(`/api/articles/${article.id}`);
      officePages.add(`/admin/articles/${article.id}/edit`);
      officePages.add(`/admin/articles/${article.id}/preview`);
      officePages.add(`/admin/sections/${section.id}`);
      officePages.add(`/admin/authors/${author.id}`);
    }
  }
  for (const [i, tag] of (
    await app.services.db.selectFrom('tags').select(['id', 'slug']).execute()
  ).entries()) {
    readerPages.add(`/tags/${tag.slug}`);
    if (i % 3 === 0) officePages.add(`/admin/tags/${tag.id}`);
  }
  // Echoed parameters: every vector, a search's worth (500 characters) at a time.
  for (const chunk of chunks(VECTORS, 500)) {
    const q = encodeURIComponent(chunk);
    readerPages.add(`/search?q=${q}`);
    readerPages.add(`/search?q=${q}&page=${q}`);
    readerPages.add(`/${q}`);
    readerPages.add(`/most-read?period=${q}`);
    officePages.add(`/admin/articles?q=${q}&status=${q}`);
    officePages.add(`/admin/tags?q=${q}`);
    officePages.add(`/admin/media?q=${q}`);
  }
  // A partner feed's items are untrusted too: every text of an item, in the Incoming queue.
  const feedRow = await app.services.db
    .insertInto('partner_feeds')
    .values({
      source_id: source.id,
      url: LOUD_URL,
      next_fetch_at: '2099-01-01T00:00:00.000Z',
      created_at: new Date().toISOString(),
      last_error: all.slice(0, 500),
      failures: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, vector] of VECTORS.entries())
    await app.services.db
      .insertInto('incoming_items')
      .values({
        feed_id: feedRow.id,
        source_id: source.id,
        guid: `v-${i}`,
        link: LOUD_URL,
        title: `${i} ${vector}`,
        summary: vector,
        text: `${vector}\n\n${vector}`,
        author: vector,
        categories: JSON.stringify([vector]),
        published_at: null,
        fetched_at: new Date().toISOString(),
        duplicate_of: null,
        article_id: null,
      })
      .execute();
  officePages.add('/admin/incoming');
  const month = new Date().toISOString().slice(0, 7).replace('-', '/');
  for (const page of [`/archive/${month}`, '/sitemap.xml', '/news-sitemap.xml', '/sections/x/feed.xml'])
    readerPages.add(page);

  // Script URLs are refused in every URL field, with the field named; nothing is stored.
  for (const url of SCRIPT_URLS) {
    for (const [what, request] of [
      [
        'source url',
        { method: 'PUT', url: `/api/admin/sources/${source.id}`, payload: { name: 'Wire', url } },
      ],
      ['donate url', { method: 'PUT', url: '/api/admin/settings', payload: { support: { donateUrl: url } } }],
      [
        'link',
        {
          method: 'PUT',
          url: `/api/admin/articles/${articles[0].id}`,
          payload: {
            title: 'x',
            section: 'x',
            body: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: url } }] }],
                },
              ],
            },
          },
        },
      ],
    ] as const) {
      const response = await admin.inject(request);
      assert.equal(response.statusCode, 400, `${what} ${JSON.stringify(url)} refused: ${response.body}`);
    }
  }

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  t.after(() => context.close());
  const [name, value] = [
    admin.cookie.slice(0, admin.cookie.indexOf('=')),
    admin.cookie.slice(admin.cookie.indexOf('=') + 1),
  ];
  await context.addCookies([{ name, value, url: base }]);
  assert.equal(name, cookieNames(config.siteUrl).session);
  const ran: string[] = [];
  let where = '';
  await context.exposeFunction('__xss', (n: unknown) => ran.push(`vector ${String(n)} ran on ${where}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    // The allowed remote picture of the bodies; anything else was injected.
    if (new URL(url).hostname !== 'wire.example') ran.push(`${where} asked another site for ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    ran.push(`a dialog on ${where}: ${dialog.message()}`);
    return dialog.dismiss();
  });

  const dangerous: string[] = [];
  let opened = 0;
  for (const url of [...readerPages, ...officePages]) {
    where = url;
    const response = await page.goto(base + url, { waitUntil: 'load' });
    assert.ok(response, url);
    assert.ok(response.status() < 500, `${url}: ${response.status()}`);
    opened++;
    // Handlers that wait for a hover or a click are not run by loading: look for them.
    const found = await page.evaluate(`(() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) bad.push('<' + el.localName + ' ' + attr.name + '>');
          if (/^\\s*(javascript|vbscript|data):/i.test(attr.value) && /^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name))
            bad.push('<' + el.localName + ' ' + attr.name + '="' + attr.value.slice(0, 40) + '">');
        }
      }
      for (const el of document.querySelectorAll('iframe[srcdoc], base, meta[http-equiv], object, embed'))
        bad.push('<' + el.localName + '>');
      for (const el of document.querySelectorAll('script:not([src])'))
        if (!/json/.test(el.type)) bad.push('an inline <script>: ' + el.textContent.slice(0, 60));
      return bad;
    })()`);
    for (const bad of found as string[]) dangerous.push(`${url}: ${bad}`);
  }
  // The editor holds the body as ProseMirror nodes; give it time to mount and render every node view.
  where = 'the editor';
  await page.goto(`${base}/admin/articles/${articles.at(-1)!.id}/edit`);
  await page.locator('form[data-state="ready"]').waitFor();
  await page.locator('.ed-prose figure').first().waitFor();

  assert.deepEqual(ran, [], 'no vector ran');
  assert.deepEqual(dangerous, [], 'no page holds an element that could run one');
  assert.ok(opened > 200, `${opened} pages opened`);
});
