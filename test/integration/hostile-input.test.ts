import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { insertSection, insertSource } from '../../src/content/index.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';

/** Script and event-handler vectors, each also trying to break out of attributes, JSON and CDATA. */
const VECTORS = [
  `<script>alert('x')</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(2)>`,
  `</script><script>alert(3)</script>`,
  `]]><x onclick=alert(4)>`,
  `javascript:alert(5)`,
];
const HOSTILE = VECTORS.join(' ');

/**
 * No element or attribute that runs script, other than the site's own: the
 * JSON-LD block and the hashed site/editor scripts.
 */
function assertHarmlessHtml(html: string, where: string): void {
  const $ = cheerio.load(html);
  $('*').each((_, el) => {
    for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs ?? {})) {
      assert.ok(
        !/^on/i.test(name),
        `${where}: <${(el as unknown as { name: string }).name} ${name}=…> must not exist`,
      );
    }
  });
  $('script').each((_, el) => {
    const s = $(el);
    const src = s.attr('src');
    if (src !== undefined)
      assert.match(
        src,
        /^\/(admin\/)?assets\/[a-z]+\.[0-9a-f]{10}\.js$/,
        `${where}: a script from elsewhere`,
      );
    if (s.attr('type')?.endsWith('json')) {
      // Data blocks carry input, escaped so no `<` can end the element early, and parse back.
      assert.ok(!s.text().includes('<'), `${where}: a raw < inside a JSON block`);
      JSON.parse(s.text());
    } else {
      // Our own inline scripts are fixed text; none may carry anything typed into a field.
      assert.ok(!/alert\(/.test(s.text()), `${where}: a script carries input: ${$.html(el).slice(0, 120)}`);
    }
  });
  $('a[href], img[src], link[href], form[action]').each((_, el) => {
    const url = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action') ?? '';
    assert.ok(!/^\s*javascript:/i.test(url), `${where}: a javascript: URL`);
  });
  assert.ok(!$('svg[onload], svg x').length, `${where}: injected svg`);
}

describe('hostile input in every field is stored as text and harmless everywhere it is shown', () => {
  const cleanup = suiteCleanup();
  let app: FastifyInstance;
  let editor: AdminSession;
  let article: { id: number; path: string; slug: string };

  before(async () => {
    ({ app } = await buildTestApp(cleanup));
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    await insertSource(app.services.db, { slug: 'wire', name: 'Wire', url: 'https://wire.example' });
    await makeUser(app, 'editor');
    editor = await signIn(app, 'editor@example.org');
    const response = await editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: `Headline ${HOSTILE}`.slice(0, 300),
        lead: `Lead ${HOSTILE}`,
        section: 'news',
        source: 'wire',
        tags: VECTORS.map((v) => v.slice(0, 60)),
        seoTitle: `SEO ${VECTORS[2]}`,
        seoDescription: `Description ${VECTORS[1]}`,
        status: 'published',
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: `Body ${HOSTILE}` }] },
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: VECTORS[3] }] },
            {
              type: 'image',
              attrs: {
                src: 'https://img.example/a.jpg',
                alt: VECTORS[2],
                caption: `Caption ${HOSTILE}`,
                credit: `Credit ${VECTORS[1]}`,
              },
            },
            {
              type: 'blockquote',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: VECTORS[0] }] }],
            },
          ],
        },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    article = response.json();
  });

  test('script URLs and unknown nodes are refused with the path of the bad part, and nothing is stored', async () => {
    const before = await app.services.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [unknown, RegExp][] = [
      [
        {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'x',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        },
        /body\.content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href/,
      ],
      [
        { type: 'doc', content: [{ type: 'image', attrs: { src: 'javascript:alert(1)' } }] },
        /body\.content\[0\]\.attrs\.src/,
      ],
      [{ type: 'doc', content: [{ type: 'html', html: '<script>' }] }, /"html" is not an allowed block/],
    ];
    for (const [body, message] of cases) {
      const r = await editor.inject({
        method: 'POST',
        url: '/api/admin/articles',
        payload: { title: 'x', section: 'news', body },
      });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.code, 'INVALID_BODY');
      assert.match(r.json().error.message, message);
    }
    const slug = await editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        title: 'x',
        section: 'news',
        body: { type: 'doc', content: [] },
        slug: '"><script>alert(1)</script>',
      },
    });
    assert.equal(slug.statusCode, 400);
    assert.match(slug.json().error.message, /^slug: /);
    const after = await app.services.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  test('the article page shows exactly what was typed, as text', async () => {
    const html = (await app.inject(article.path)).body;
    assertHarmlessHtml(html, 'article page');
    const $ = cheerio.load(html);
    assert.equal($('h1').text(), `Headline ${HOSTILE}`.slice(0, 300));
    assert.equal($('figcaption').text().trim(), `Caption ${HOSTILE} Credit ${VECTORS[1]}`);
    assert.equal($('.article-body img').attr('alt'), VECTORS[2]);
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(ld.description, `Description ${VECTORS[1]}`);
    assert.ok(ld.keywords.includes(VECTORS[0]));
  });

  test('lists, tag pages, search and the preview are harmless', async () => {
    const tag = await app.services.db
      .selectFrom('tags')
      .select('slug')
      .where('name', '=', VECTORS[1])
      .executeTakeFirstOrThrow();
    for (const url of [
      '/',
      '/sections/news',
      `/tags/${tag.slug}`,
      '/sources/wire',
      '/search?q=Headline',
      '/most-read?period=all',
      '/archive/' + new Date().toISOString().slice(0, 7).replace('-', '/'),
    ]) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 200, url);
      assertHarmlessHtml(r.body, url);
    }
    for (const url of [
      '/admin/articles',
      `/admin/articles/${article.id}/edit`,
      `/admin/articles/${article.id}/preview`,
      `/admin/articles/${article.id}/revisions`,
      '/admin/tags',
      '/admin',
    ]) {
      const r = await editor.inject(url);
      assert.equal(r.statusCode, 200, url);
      assertHarmlessHtml(r.body, url);
    }
  });

  test('feeds and sitemaps are well-formed and carry the text, not markup', async () => {
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    for (const url of [
      '/feed.xml',
      '/feed.atom',
      '/sections/news/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
    ]) {
      const body = (await app.inject(url)).body;
      assert.equal(XMLValidator.validate(body), true, `${url} is well-formed XML`);
      assert.ok(
        !/<script|<img src=x|<svg onload/i.test(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')),
        `${url}: raw markup outside CDATA`,
      );
    }
    const atom = new XMLParser({ ignoreAttributes: false, cdataPropName: false }).parse(
      (await app.inject('/feed.atom')).body,
    );
    const entry = [atom.feed.entry].flat()[0];
    assert.equal(entry.title['@_type'], 'html');
    // type="html": a feed reader decodes the HTML, and shows the headline as typed.
    assert.equal(cheerio.load(String(entry.title['#text'])).text(), `Headline ${HOSTILE}`.slice(0, 300));
    // JSON Feed titles are plain text, which careless readers put into their pages as HTML:
    // nothing in them may open a tag.
    const json = (await app.inject('/feed.json')).json();
    const title = String(json.items[0].title);
    assert.equal(title.replaceAll('\u2039', '<'), `Headline ${HOSTILE}`.slice(0, 300));
    assert.equal(cheerio.load(title)('body *').length, 0, 'no element when read as HTML');
    assertHarmlessHtml(json.items[0].content_html, 'JSON Feed content_html');
  });

  test('the JSON APIs return the text for clients to escape, as JSON', async () => {
    const pub = await app.inject(`/api/articles/${article.id}`);
    assert.match(String(pub.headers['content-type']), /^application\/json/);
    assert.equal(pub.json().lead, `Lead ${HOSTILE}`);
    const admin = await editor.inject(`/api/admin/articles/${article.id}`);
    assert.equal(admin.json().lead, `Lead ${HOSTILE}`);
    assert.ok(admin.json().tags.includes(VECTORS[0]));
  });
});
