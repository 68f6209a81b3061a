/**
 * The article editor page and the preview, as each role sees them: real
 * SQLite, real sign-in, pages read with cheerio. The editor's browser
 * behaviour is in test/e2e/editor.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import {
  actorOf,
  createArticle,
  saveSettings,
  type Article,
  type Media,
  type User,
} from '../../src/content/index.js';
import type { EditorData } from '../../src/admin/editor/editor-data.js';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';
import { buildTestApp, suiteCleanup, type TestApp } from '../helpers/build-app.js';
import { paragraphs, publishedArticle, seedTaxonomy } from '../helpers/factories.js';
import { uploadCoastPicture } from '../helpers/images.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const HOSTILE = '</script><script>alert(1)</script>';
const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
type TestRole = (typeof ROLES)[number];

/** The JSON the page embeds for its script, parsed back. */
function editorData(html: string): EditorData {
  const $ = cheerio.load(html);
  const script = $('script#editor-data');
  assert.equal(script.length, 1, 'the page embeds its data once');
  assert.equal(script.attr('type'), 'application/json');
  return JSON.parse(script.text()) as EditorData;
}

describe('the article editor', () => {
  const cleanup = suiteCleanup();
  let built: TestApp;
  const users = {} as Record<TestRole, User>;
  const as = {} as Record<TestRole, AdminSession>;
  let draft: Article;
  let published: Article;
  let picture: Media;
  let illustrated: Article;

  const ready = (async () => {
    built = await buildTestApp(cleanup, { now: NOW });
    const { app } = built;
    await seedTaxonomy(app.services.db);
    await saveSettings(app.services.db, { timeZone: 'Europe/Sofia' });
    for (const role of ROLES) {
      users[role] = await makeUser(app, role);
      as[role] = await signIn(app, users[role].email);
    }
    draft = await createArticle(app.services.content, actorOf(users.contributor), {
      title: HOSTILE,
      lead: 'A lead with <b>markup</b> & an ampersand \u2028 and a line separator.',
      body: paragraphs('The draft body.'),
      section: 'news',
      tags: ['Elections'],
      status: 'draft',
      publishedAt: '2026-11-21T08:30:15.000Z',
    });
    published = await publishedArticle(app.services.content, { title: 'Already out' });
    picture = await uploadCoastPicture(app);
    illustrated = await createArticle(app.services.content, actorOf(users.editor), {
      title: 'A story with a picture',
      body: paragraphs('Text.'),
      section: 'news',
      status: 'draft',
      featuredImage: picture.id,
    });
  })();

  test('signed out, the editor and the preview send you to sign in', async () => {
    await ready;
    for (const url of [
      '/admin/articles/new',
      `/admin/articles/${draft.id}/edit`,
      `/admin/articles/${draft.id}/preview`,
    ]) {
      const response = await built.app.inject(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/admin/login?next=${encodeURIComponent(url)}`, url);
      assert.ok(!response.body.includes('The draft body'), `${url} shows nothing of the draft`);
    }
  });

  test('every role can open a new article, with the buttons its role allows', async () => {
    await ready;
    for (const role of ROLES) {
      const response = await as[role].inject('/admin/articles/new');
      assert.equal(response.statusCode, 200, role);
      assert.match(String(response.headers['cache-control']), /\bno-store\b/, role);
      const $ = cheerio.load(response.body);
      assert.equal($('h1').text().trim(), 'New article');
      assert.equal($('label[for="title"]').text().trim(), 'Headline');
      assert.equal($('textarea#title').length, 1);
      assert.equal($('textarea#lead').length, 1);
      assert.equal($('[role="toolbar"] button[data-cmd]').length, 10, 'the formatting toolbar');
      assert.deepEqual(
        $('select#section option')
          .map((_, o) => $(o).attr('value'))
          .get(),
        ['', 'news', 'sport'],
      );
      assert.ok(
        $('script[type="module"]').attr('src')?.startsWith('/admin/assets/editor.'),
        'the editor bundle',
      );
      const actions = $('#actions button')
        .map((_, b) => $(b).text().trim())
        .get();
      const data = editorData(response.body);
      assert.equal(data.article, null);
      assert.equal(data.timeZone, 'Europe/Sofia');
      assert.equal(data.user.role, role);
      assert.equal(data.csrfToken, as[role].csrf, 'the session’s CSRF token is in the page');
      if (role === 'contributor') {
        assert.deepEqual(actions, ['Save draft', 'Submit for review'], role);
        assert.equal(data.canPublish, false);
      } else {
        assert.deepEqual(actions, ['Save draft', 'Publish'], role);
        assert.equal(data.canPublish, true);
      }
    }
    const bundle = await built.app.inject(
      cheerio
        .load((await as.editor.inject('/admin/articles/new')).body)('script[type="module"]')
        .attr('src')!,
    );
    assert.equal(bundle.statusCode, 200);
    assert.match(String(bundle.headers['content-type']), /javascript/);
  });

  test('the edit page embeds the article as JSON that no headline can break out of', async () => {
    await ready;
    const response = await as.editor.inject(`/admin/articles/${draft.id}/edit`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.ok(!html.includes('<script>alert(1)'), 'no script element from the headline');
    assert.equal((html.match(/<\/script>/g) ?? []).length, (html.match(/<script/g) ?? []).length);
    const $ = cheerio.load(html);
    assert.equal($('textarea#title').text(), HOSTILE, 'the headline field shows it as typed');
    const data = editorData(html);
    assert.equal(data.article?.id, draft.id);
    assert.equal(data.article?.title, HOSTILE);
    assert.equal(data.article?.lead, draft.lead);
    assert.equal(data.article?.version, draft.version);
    assert.deepEqual(data.article?.body, draft.body);
    assert.deepEqual(data.article?.tags, ['Elections']);
    // The publish time shows in Sofia's time (UTC+2 in November), to the second.
    assert.equal($('#published-at').attr('value'), '2026-11-21T10:30:15');
    assert.equal($('select#section option[selected]').attr('value'), 'news');
    assert.equal($('a[href$="/preview"]').attr('href'), `/admin/articles/${draft.id}/preview`);
    assert.equal($('a[href$="/revisions"]').attr('href'), `/admin/articles/${draft.id}/revisions`);
  });

  test('the edit page embeds the featured image and shows it in its panel without a request', async () => {
    await ready;
    const response = await as.editor.inject(`/admin/articles/${illustrated.id}/edit`);
    assert.equal(response.statusCode, 200);
    const data = editorData(response.body);
    assert.equal(data.article?.featuredImage, picture.id);
    const smallest = picture.variants[0];
    assert.equal(smallest.width, 320, 'the smallest stored size');
    assert.deepEqual(data.featuredImage, {
      id: picture.id,
      src: picture.url,
      thumb: smallest.url,
      alt: 'The coast at dawn',
      caption: 'Dawn over the coast.',
      credit: 'Photo: Desk',
    });
    const $ = cheerio.load(response.body);
    const panel = $(`section[aria-labelledby="${$('h2:contains("Featured image")').attr('id')}"]`);
    assert.equal(panel.length, 1, 'a panel named by its heading');
    assert.equal(panel.find('img').attr('src'), smallest.url);
    assert.equal(panel.find('img').attr('alt'), 'The coast at dawn');
    assert.match(panel.text(), /Alt text\s+The coast at dawn/);
    assert.match(panel.text(), /Caption\s+Dawn over the coast\.\s+Photo: Desk/);
    assert.equal(panel.find('button#featured-choose').text().trim(), 'Choose…');
    assert.equal(panel.find('button#featured-remove').text().trim(), 'Remove featured image');
    assert.equal(panel.find('button#featured-remove').attr('hidden'), undefined);

    // Without one: an empty panel and nothing to remove.
    const bare = await as.editor.inject(`/admin/articles/${draft.id}/edit`);
    assert.equal(editorData(bare.body).article?.featuredImage, null);
    assert.equal(editorData(bare.body).featuredImage, null);
    const none = cheerio.load(bare.body)('#featured-image');
    assert.equal(none.find('img').length, 0);
    assert.match(none.text(), /^None\./);
    assert.notEqual(cheerio.load(bare.body)('#featured-remove').attr('hidden'), undefined);
  });

  test('a contributor cannot change a published article: the page says so and offers no buttons', async () => {
    await ready;
    const response = await as.contributor.inject(`/admin/articles/${published.id}/edit`);
    assert.equal(response.statusCode, 200);
    const $ = cheerio.load(response.body);
    assert.match($('.form-error[role="alert"]').text(), /does not allow you to change this article/);
    assert.equal($('#actions button').length, 0);
    assert.equal(editorData(response.body).canEdit, false);
    const editor = cheerio.load((await as.editor.inject(`/admin/articles/${published.id}/edit`)).body);
    assert.deepEqual(
      editor('#actions button')
        .map((_, b) => editor(b).text().trim())
        .get(),
      ['Update', 'Unpublish'],
    );
  });

  test('an unknown article is a 404', async () => {
    await ready;
    assert.equal((await as.editor.inject('/admin/articles/99999/edit')).statusCode, 404);
    assert.equal((await as.editor.inject('/admin/articles/abc/edit')).statusCode, 404);
    assert.equal((await as.editor.inject('/admin/articles/99999/preview')).statusCode, 404);
  });

  test('the preview of a draft that has no publication time yet says so instead of failing', async () => {
    await ready;
    assert.equal(illustrated.publishedAt, null);
    const response = await as.editor.inject(`/admin/articles/${illustrated.id}/preview`);
    assert.equal(response.statusCode, 200);
    const $ = cheerio.load(response.body);
    assert.equal($('.story .dateline').first().text().split('|')[0].trim(), 'Not published yet');
    assert.equal($('meta[property="article:published_time"]').length, 0);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<
      string,
      unknown
    >;
    assert.equal(jsonLd.headline, 'A story with a picture');
    assert.equal('datePublished' in jsonLd, false);
  });

  test('the preview shows a draft as readers will see it, marked, never indexed or cached', async () => {
    await ready;
    const response = await as.author.inject(`/admin/articles/${draft.id}/preview`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /\bno-store\b/);
    assert.equal(response.headers['x-robots-tag'], 'noindex');
    const $ = cheerio.load(response.body);
    assert.equal($('meta[name="robots"]').attr('content'), 'noindex');
    assert.match($('.preview-banner').text(), /Preview — not published \(draft\)/);
    assert.equal($('h1.story__title').text(), HOSTILE, 'the reader page’s headline, escaped');
    assert.match($('.article-body').text(), /The draft body\./);
    assert.equal($('nav.tags a[rel="tag"]').text(), 'Elections');
    assert.equal($('script[src^="/assets/site."]').length, 0, 'no view beacon: editors are not readers');
    // Readers still cannot see it.
    assert.equal((await built.app.inject(draft.path)).statusCode, 404);
  });
});
