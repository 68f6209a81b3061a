/**
 * Sections, tags, sources and authors in the back office and its API: who may
 * change them, what a change does to the reader site (menu order, tag
 * redirects, merged tags), and that hostile names stay text.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import {
  type ArticleInput,
  createApiToken,
  createArticle,
  insertSection,
  SYSTEM,
} from '../../src/content/index.js';
import type { Role } from '../../src/db/schema.js';
import { makeUser, postForm, signIn, type AdminSession } from '../helpers/admin-session.js';
import { launchBrowser } from '../helpers/browser.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];
const MANAGES = new Set<Role>(['editor', 'admin']);
const NOW = new Date('2026-03-10T12:00:00Z');
const HOSTILE = `<script>alert(1)</script>" onmouseover="alert(2)`;

async function publish(app: FastifyInstance, input: Partial<ArticleInput>) {
  return createArticle(app.services.content, SYSTEM, {
    title: 'A story',
    lead: 'Its lead.',
    body: paragraphs('Its body.'),
    section: 'news',
    status: 'published',
    publishedAt: new Date(NOW.getTime() - 3600_000).toISOString(),
    ...input,
  });
}

async function tagsOf(app: FastifyInstance, articleId: number): Promise<string[]> {
  const rows = await app.services.db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.slug')
    .where('article_id', '=', articleId)
    .orderBy('tags.slug')
    .execute();
  return rows.map((r) => r.slug);
}

async function tagId(app: FastifyInstance, slug: string): Promise<number> {
  const row = await app.services.db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function count(app: FastifyInstance, table: 'sections' | 'sources' | 'authors', name: string) {
  const rows = await app.services.db.selectFrom(table).select('id').where('name', '=', name).execute();
  return rows.length;
}

describe('who may manage sections, tags, sources and authors', () => {
  const cleanup = suiteCleanup();
  const ready = (async () => {
    const { app } = await buildTestApp(cleanup, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    const sessions = new Map<Role, AdminSession>();
    for (const role of ROLES) {
      await makeUser(app, role);
      sessions.set(role, await signIn(app, `${role}@example.org`));
      // A tag of each role's own to try renaming.
      await publish(app, { title: `Story for ${role}`, tags: [`Tag of ${role}`] });
    }
    return { app, sessions };
  })();

  for (const role of ROLES) {
    const allowed = MANAGES.has(role);
    test(`a${role === 'author' || role === 'editor' || role === 'admin' ? 'n' : ''} ${role} is ${allowed ? 'allowed' : 'refused (403)'} on every page and endpoint`, async () => {
      const { app, sessions } = await ready;
      const me = sessions.get(role)!;

      for (const page of ['/admin/sections', '/admin/tags', '/admin/sources', '/admin/authors']) {
        const response = await me.inject(page);
        assert.equal(response.statusCode, allowed ? 200 : 403, `GET ${page}`);
      }
      for (const endpoint of [
        '/api/admin/sections',
        '/api/admin/tags',
        '/api/admin/sources',
        '/api/admin/authors',
      ]) {
        const response = await me.inject(endpoint);
        assert.equal(response.statusCode, allowed ? 200 : 403, `GET ${endpoint}`);
        if (!allowed) assert.equal(response.json().error.code, 'FORBIDDEN');
      }

      // Creating through the pages' forms and through the API.
      for (const [table, url] of [
        ['sections', '/admin/sections'],
        ['sources', '/admin/sources'],
        ['authors', '/admin/authors'],
      ] as const) {
        const name = `${table} by ${role} page`;
        const page = await postForm(me, url, { name });
        assert.equal(page.statusCode, allowed ? 303 : 403, `POST ${url}`);
        assert.equal(await count(app, table, name), allowed ? 1 : 0, `${table} row from the page`);
        const apiName = `${table} by ${role} api`;
        const api = await me.inject({
          method: 'POST',
          url: `/api/admin/${table}`,
          payload: { name: apiName },
        });
        assert.equal(api.statusCode, allowed ? 201 : 403, `POST /api/admin/${table}`);
        assert.equal(await count(app, table, apiName), allowed ? 1 : 0, `${table} row from the API`);
      }

      // Renaming a tag through the page, then through the API.
      const id = await tagId(app, `tag-of-${role}`);
      const page = await postForm(me, `/admin/tags/${id}`, { name: `Renamed by ${role}`, slug: '' });
      assert.equal(page.statusCode, allowed ? 303 : 403, 'POST /admin/tags/:id');
      const api = await me.inject({
        method: 'PUT',
        url: `/api/admin/tags/${id}`,
        payload: { name: `Tag of ${role} again` },
      });
      assert.equal(api.statusCode, allowed ? 200 : 403, 'PUT /api/admin/tags/:id');
      const tag = await app.services.db
        .selectFrom('tags')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(tag.name, allowed ? `Tag of ${role} again` : `Tag of ${role}`);

      // Deleting and reordering are refused just the same.
      const news = await app.services.db
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'news')
        .executeTakeFirstOrThrow();
      if (!allowed) {
        assert.equal((await me.inject({ method: 'DELETE', url: `/api/admin/tags/${id}` })).statusCode, 403);
        assert.equal(
          (await postForm(me, `/admin/sections/${news.id}/move`, { direction: 'down' })).statusCode,
          403,
        );
        assert.equal(
          (await me.inject({ method: 'PUT', url: '/api/admin/sections/order', payload: { ids: [news.id] } }))
            .statusCode,
          403,
        );
        assert.ok(
          await app.services.db.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst(),
        );
      }
    });
  }

  test('an API token acts with its user’s role; a form without the CSRF field is refused', async () => {
    const { app, sessions } = await ready;
    const users = await app.services.db.selectFrom('users').select(['id', 'role']).execute();
    const editorToken = await createApiToken(
      app.services.db,
      users.find((u) => u.role === 'editor')!.id,
      'ci',
      NOW,
    );
    const authorToken = await createApiToken(
      app.services.db,
      users.find((u) => u.role === 'author')!.id,
      'ci',
      NOW,
    );
    const create = (token: string, name: string) =>
      app.inject({
        method: 'POST',
        url: '/api/admin/sources',
        headers: { authorization: `Bearer ${token}` },
        payload: { name },
      });
    assert.equal((await create(editorToken, 'Token source')).statusCode, 201);
    assert.equal((await create(authorToken, 'Author token source')).statusCode, 403);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/admin/sources',
      headers: { cookie: sessions.get('admin')!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Forged',
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await count(app, 'sources', 'Forged'), 0);
  });
});

describe('sections', () => {
  test('reordering with the move buttons and the API changes the reader menu', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    for (const name of ['News', 'Sport', 'Culture']) {
      assert.equal(
        (await postForm(editor, '/admin/sections', { name, description: `${name} desk` })).statusCode,
        303,
      );
    }
    const menu = async () => {
      const $ = cheerio.load((await app.inject('/')).body);
      return $('nav.menu a[href^="/sections/"]')
        .map((_, a) => $(a).text())
        .get();
    };
    assert.deepEqual(await menu(), ['News', 'Sport', 'Culture'], 'new sections join the end of the menu');

    const culture = await app.services.db
      .selectFrom('sections')
      .selectAll()
      .where('slug', '=', 'culture')
      .executeTakeFirstOrThrow();
    const moved = await postForm(editor, `/admin/sections/${culture.id}/move`, { direction: 'up' });
    assert.equal(moved.statusCode, 303);
    assert.match(String(moved.headers.location), new RegExp(`^/admin/sections#section-${culture.id}$`));
    assert.deepEqual(await menu(), ['News', 'Culture', 'Sport']);

    // The list page shows the new order and a notice; the first row cannot move up.
    const flash = String(moved.headers['set-cookie']).split(';')[0];
    const list = await app.inject({
      url: '/admin/sections',
      headers: { cookie: `${editor.cookie}; ${flash}` },
    });
    const $ = cheerio.load(list.body);
    assert.deepEqual(
      $('tbody td.title a')
        .map((_, a) => $(a).text())
        .get(),
      ['News', 'Culture', 'Sport'],
    );
    assert.match($('.notice').text(), /Moved “Culture” up/);
    assert.ok($('button[aria-label="Move News up"]').is(':disabled'), 'the first section cannot move up');

    const ids = (await editor.inject('/api/admin/sections')).json().sections.map((s: { id: number }) => s.id);
    const reversed = [...ids].reverse();
    const put = await editor.inject({
      method: 'PUT',
      url: '/api/admin/sections/order',
      payload: { ids: reversed },
    });
    assert.equal(put.statusCode, 200);
    assert.deepEqual(
      put.json().sections.map((s: { id: number }) => s.id),
      reversed,
    );
    assert.deepEqual(await menu(), ['Sport', 'Culture', 'News']);

    const partial = await editor.inject({
      method: 'PUT',
      url: '/api/admin/sections/order',
      payload: { ids: ids.slice(1) },
    });
    assert.equal(partial.statusCode, 400);
    assert.match(partial.json().error.message, /^ids: must list every section/);
    assert.deepEqual(await menu(), ['Sport', 'Culture', 'News'], 'a refused order changes nothing');
  });

  test('a section in use cannot be deleted, and the page says why', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    await insertSection(app.services.db, { slug: 'empty', name: 'Empty', description: '', position: 1 });
    await publish(app, {});
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    const news = await app.services.db
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'news')
      .executeTakeFirstOrThrow();

    const edit = cheerio.load((await editor.inject(`/admin/sections/${news.id}`)).body);
    assert.match(
      edit('#delete-section').parent().text(),
      /1 article \(of any status\) belong to News, so it cannot be deleted/,
    );
    assert.equal(
      edit(`form[action="/admin/sections/${news.id}/delete"]`).length,
      0,
      'no delete button to press',
    );

    const page = await postForm(editor, `/admin/sections/${news.id}/delete`);
    assert.equal(page.statusCode, 409);
    assert.match(
      cheerio.load(page.body)('.form-error').text(),
      /"News" has 1 article \(of any status\): move it to another section first/,
    );
    const api = await editor.inject({ method: 'DELETE', url: `/api/admin/sections/${news.id}` });
    assert.equal(api.statusCode, 409);
    assert.equal(api.json().error.code, 'IN_USE');
    assert.ok(
      await app.services.db.selectFrom('sections').select('id').where('id', '=', news.id).executeTakeFirst(),
    );

    const empty = await app.services.db
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'empty')
      .executeTakeFirstOrThrow();
    assert.equal((await postForm(editor, `/admin/sections/${empty.id}/delete`)).statusCode, 303);
    assert.equal(await count(app, 'sections', 'Empty'), 0);
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select(['action', 'user_name'])
      .where('action', '=', 'section.delete')
      .execute();
    assert.deepEqual(audit, [{ action: 'section.delete', user_name: 'Editor User' }]);
  });

  test('bad input is refused naming the field, and the form keeps what was typed', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    await postForm(editor, '/admin/sections', { name: 'World' });

    const taken = await postForm(editor, '/admin/sections', {
      name: 'World news',
      slug: 'World',
      description: 'kept',
    });
    assert.equal(taken.statusCode, 409);
    const $ = cheerio.load(taken.body);
    assert.match($('.form-error').text(), /^slug: "world" is already used by the section "World"/);
    assert.equal($('#f-slug').attr('aria-invalid'), 'true');
    assert.equal($('#f-slug').attr('aria-describedby'), 'f-slug-hint f-slug-error');
    assert.equal($('#f-name').val(), 'World news');
    assert.equal($('#f-description').text(), 'kept');

    const empty = await postForm(editor, '/admin/sections', { name: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(cheerio.load(empty.body)('.form-error').text(), /^name: must not be empty/);
    const long = await editor.inject({
      method: 'POST',
      url: '/api/admin/sections',
      payload: { name: 'Long', description: 'x'.repeat(501) },
    });
    assert.equal(long.statusCode, 400);
    assert.match(long.json().error.message, /description/);
    assert.equal(await count(app, 'sections', 'Long'), 0);
  });
});

describe('tags', () => {
  test('renaming a tag makes its old address and feeds redirect (301) to the new one, one hop however often', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    const article = await publish(app, { title: 'Alliance summit', tags: ['Nato'] });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    const id = await tagId(app, 'nato');

    const saved = await postForm(editor, `/admin/tags/${id}`, { name: 'North Atlantic Alliance', slug: '' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/admin/tags/${id}`);
    const old = await app.inject('/tags/nato?page=1');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/tags/north-atlantic-alliance?page=1');
    const feed = await app.inject('/tags/nato/feed.xml');
    assert.equal(feed.statusCode, 301);
    assert.equal(feed.headers.location, '/tags/north-atlantic-alliance/feed.xml');
    const current = await app.inject('/tags/north-atlantic-alliance');
    assert.equal(current.statusCode, 200);
    assert.equal(cheerio.load(current.body)('h1').text(), 'North Atlantic Alliance');

    // Search indexes tag names: the article is found by its tag's new name, once the queue
    // that writes a renamed tag's articles again has drained.
    await app.services.searchQueue.idle();
    const hits = await app.services.search.search('atlantic', { limit: 10, offset: 0 });
    assert.deepEqual(
      hits.hits.map((h) => h.article.id),
      [article.id],
    );

    // A second rename: both old slugs lead straight to the newest.
    const api = await editor.inject({
      method: 'PUT',
      url: `/api/admin/tags/${id}`,
      payload: { name: 'NATO', slug: 'nato-alliance' },
    });
    assert.equal(api.statusCode, 200);
    assert.deepEqual(api.json().redirects, ['nato', 'north-atlantic-alliance']);
    for (const slug of ['nato', 'north-atlantic-alliance']) {
      const response = await app.inject(`/tags/${slug}`);
      assert.equal(response.statusCode, 301, slug);
      assert.equal(response.headers.location, '/tags/nato-alliance');
    }
    assert.equal((await app.inject('/tags/never-was')).statusCode, 404);

    // Writing the old name on a new article gives the renamed tag, not a new one.
    const again = await publish(app, { title: 'Another summit', tags: ['nato'] });
    assert.deepEqual(await tagsOf(app, again.id), ['nato-alliance']);

    // Renaming back to an old slug makes it live again.
    await editor.inject({ method: 'PUT', url: `/api/admin/tags/${id}`, payload: { name: 'Nato' } });
    assert.equal((await app.inject('/tags/nato')).statusCode, 200);
    assert.equal((await app.inject('/tags/nato-alliance')).headers.location, '/tags/nato');
  });

  test('merging moves articles to the kept tag without duplicates, and the merged tag’s pages redirect', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    const both = await publish(app, { title: 'Both tags', tags: ['Sofia', 'Sofia city'] });
    const onlyA = await publish(app, { title: 'Only the duplicate', tags: ['Sofia city', 'Economy'] });
    const onlyB = await publish(app, { title: 'Only the kept one', tags: ['Sofia'] });
    const draft = await publish(app, {
      title: 'A draft',
      tags: ['Sofia city'],
      status: 'draft',
      publishedAt: null,
    });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    const duplicate = await tagId(app, 'sofia-city');
    const kept = await tagId(app, 'sofia');
    // The duplicate had been renamed once: its old slug must follow it to the kept tag.
    await editor.inject({
      method: 'PUT',
      url: `/api/admin/tags/${duplicate}`,
      payload: { name: 'Sofia (city)', slug: 'sofia-town' },
    });

    // Tag names are searchable: the renamed duplicate's name finds its articles until the merge.
    const found = async (q: string) => {
      await app.services.searchQueue.idle();
      return (await app.services.search.search(q, { limit: 10, offset: 0 })).hits
        .map((h) => h.article.id)
        .sort();
    };
    assert.deepEqual(await found('city'), [both.id, onlyA.id].sort());
    // The related worker stopped, the queue it would drain stays to be looked at.
    await app.services.related.stop();
    const merged = await postForm(editor, `/admin/tags/${duplicate}/merge`, { into: 'Sofia' });
    assert.equal(merged.statusCode, 303);
    assert.equal(merged.headers.location, `/admin/tags/${kept}`);

    assert.deepEqual(await tagsOf(app, both.id), ['sofia']);
    assert.deepEqual(await tagsOf(app, onlyA.id), ['economy', 'sofia']);
    assert.deepEqual(await tagsOf(app, onlyB.id), ['sofia']);
    assert.deepEqual(await tagsOf(app, draft.id), ['sofia']);
    assert.equal(
      await app.services.db.selectFrom('tags').select('id').where('id', '=', duplicate).executeTakeFirst(),
      undefined,
    );
    assert.deepEqual(await found('city'), [], 'the search index follows the merge');
    // Related lists follow shared tags: the articles that changed tags are queued, durably.
    const queued = (
      await app.services.db.selectFrom('related_queue').select(['article_id', 'cascade']).execute()
    ).filter((q) => q.cascade === 1);
    for (const article of [both, onlyA])
      assert.ok(
        queued.some((q) => q.article_id === article.id),
        `the related list of “${article.title}” is queued`,
      );

    for (const slug of ['sofia-town', 'sofia-city']) {
      const response = await app.inject(`/tags/${slug}`);
      assert.equal(response.statusCode, 301, slug);
      assert.equal(response.headers.location, '/tags/sofia');
    }
    const page = cheerio.load((await app.inject('/tags/sofia')).body);
    assert.deepEqual(
      page('.article-list__title')
        .map((_, h) => page(h).text().trim())
        .get()
        .sort(),
      ['Both tags', 'Only the duplicate', 'Only the kept one'],
    );
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'tag.merge')
      .executeTakeFirstOrThrow();
    assert.equal(audit.subject, 'Sofia (city) -> Sofia');

    // Merging a tag into itself, or into one that does not exist, is refused naming the field.
    const self = await editor.inject({
      method: 'POST',
      url: `/api/admin/tags/${kept}/merge`,
      payload: { into: kept },
    });
    assert.equal(self.statusCode, 400);
    assert.match(self.json().error.message, /^into: /);
    const unknown = await postForm(editor, `/admin/tags/${kept}/merge`, { into: 'Plovdiv' });
    assert.equal(unknown.statusCode, 400);
    assert.match(cheerio.load(unknown.body)('.form-error').text(), /^into: there is no tag "Plovdiv"/);
  });

  test('the tag list counts articles, searches, and deleting a tag takes it off its articles', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    const a = await publish(app, { title: 'One', tags: ['Energy', 'Gas'] });
    await publish(app, { title: 'Two', tags: ['Energy'] });
    await makeUser(app, 'admin');
    const admin = await signIn(app, 'admin@example.org');

    const $ = cheerio.load((await admin.inject('/admin/tags')).body);
    const rows = $('tbody tr')
      .map((_, tr) => [[$(tr).find('td.title').text(), $(tr).find('td.mg-num').text()]])
      .get();
    assert.deepEqual(
      rows,
      [
        ['Energy', '2'],
        ['Gas', '1'],
      ],
      'most used first, with counts',
    );
    const searched = cheerio.load((await admin.inject('/admin/tags?q=ga')).body);
    assert.deepEqual(
      searched('tbody td.title')
        .map((_, td) => searched(td).text())
        .get(),
      ['Gas'],
    );
    assert.match(searched('.mg-count').text(), /1 tag matching “ga”/);
    assert.equal(
      (await admin.inject('/api/admin/tags?q=%25')).json().total,
      0,
      'a % is searched for, not a wildcard',
    );

    const gas = await tagId(app, 'gas');
    assert.equal((await postForm(admin, `/admin/tags/${gas}/delete`)).statusCode, 303);
    assert.deepEqual(await tagsOf(app, a.id), ['energy']);
    assert.equal((await app.inject('/tags/gas')).statusCode, 404);
  });
});

describe('sources and authors', () => {
  test('a source needs an http(s) address; deleting it leaves its articles without a source', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');

    const bad = await postForm(editor, '/admin/sources', { name: 'Agency', url: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.match(
      cheerio.load(bad.body)('.form-error').text(),
      /^url: must start with http:\/\/ or https:\/\//,
    );
    assert.equal(await count(app, 'sources', 'Agency'), 0);

    const created = await editor.inject({
      method: 'POST',
      url: '/api/admin/sources',
      payload: { name: 'Agency', url: 'https://agency.example/' },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().slug, 'agency');
    const article = await publish(app, { source: 'agency' });
    const id = created.json().id;
    const edited = await postForm(editor, `/admin/sources/${id}`, {
      name: 'The Agency',
      slug: 'agency',
      url: 'http://agency.example',
    });
    assert.equal(edited.statusCode, 303);
    assert.equal(
      cheerio
        .load((await app.inject('/sources/agency')).body)('h1')
        .text(),
      'The Agency',
    );

    assert.equal(
      (await editor.inject({ method: 'DELETE', url: `/api/admin/sources/${id}` })).statusCode,
      204,
    );
    const row = await app.services.db
      .selectFrom('articles')
      .select('source_id')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.source_id, null);
    assert.equal((await app.inject(article.path)).statusCode, 200);
  });

  test('an author’s bio is plain text up to 2000 characters; an author with articles is kept', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');

    const long = await postForm(editor, '/admin/authors', { name: 'Jane Roe', bio: 'x'.repeat(2001) });
    assert.equal(long.statusCode, 400);
    const $ = cheerio.load(long.body);
    assert.match($('.form-error').text(), /^bio: must be at most 2000 characters \(it has 2001\)/);
    assert.equal($('#f-bio').attr('aria-invalid'), 'true');
    const photo = await editor.inject({
      method: 'POST',
      url: '/api/admin/authors',
      payload: { name: 'Jane Roe', photoMediaId: 999 },
    });
    assert.equal(photo.statusCode, 400);
    assert.match(photo.json().error.message, /^photoMediaId: there is no image 999/);

    const ok = await postForm(editor, '/admin/authors', {
      name: 'Jane Roe',
      bio: 'Covers energy.\nBased in Sofia.',
    });
    assert.equal(ok.statusCode, 303);
    const author = await app.services.db
      .selectFrom('authors')
      .selectAll()
      .where('slug', '=', 'jane-roe')
      .executeTakeFirstOrThrow();
    assert.equal(author.bio, 'Covers energy.\nBased in Sofia.');
    await publish(app, { authors: ['jane-roe'] });

    const refused = await postForm(editor, `/admin/authors/${author.id}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.match(
      cheerio.load(refused.body)('.form-error').text(),
      /Jane Roe is the byline of 1 article: the author is kept/,
    );
    assert.equal(
      (await editor.inject({ method: 'DELETE', url: `/api/admin/authors/${author.id}` })).json().error.code,
      'IN_USE',
    );
    assert.equal(await count(app, 'authors', 'Jane Roe'), 1);

    const guest = await editor.inject({
      method: 'POST',
      url: '/api/admin/authors',
      payload: { name: 'Guest Writer' },
    });
    assert.equal(
      (await editor.inject({ method: 'DELETE', url: `/api/admin/authors/${guest.json().id}` })).statusCode,
      204,
    );
    assert.equal(await count(app, 'authors', 'Guest Writer'), 0);
  });
});

test('hostile names, bios and descriptions are stored as typed and shown as text on reader pages and feeds', async (t) => {
  const { app } = await buildTestApp(t, { now: NOW });
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  assert.equal(
    (
      await postForm(editor, '/admin/sections', {
        name: `Desk ${HOSTILE}`,
        slug: 'desk',
        description: `About ${HOSTILE}`,
      })
    ).statusCode,
    303,
  );
  assert.equal(
    (await postForm(editor, '/admin/sources', { name: `Wire ${HOSTILE}`, slug: 'wire' })).statusCode,
    303,
  );
  assert.equal(
    (await postForm(editor, '/admin/authors', { name: `Ann ${HOSTILE}`, slug: 'ann', bio: `Bio ${HOSTILE}` }))
      .statusCode,
    303,
  );
  const article = await publish(app, { section: 'desk', source: 'wire', authors: ['ann'], tags: ['plain'] });
  const plain = await tagId(app, 'plain');
  assert.equal(
    (await postForm(editor, `/admin/tags/${plain}`, { name: `Tag ${HOSTILE}`, slug: 'hostile-tag' }))
      .statusCode,
    303,
  );

  const stored = await app.services.db
    .selectFrom('authors')
    .select('bio')
    .where('slug', '=', 'ann')
    .executeTakeFirstOrThrow();
  assert.equal(stored.bio, `Bio ${HOSTILE}`, 'stored exactly as typed');

  const pages: [string, string, string][] = [
    ['/', 'nav.menu', `Desk ${HOSTILE}`],
    ['/sections/desk', '.list-header__intro', `About ${HOSTILE}`],
    ['/tags/hostile-tag', 'h1', `Tag ${HOSTILE}`],
    ['/authors/ann', '.list-header__intro', `Bio ${HOSTILE}`],
    ['/sources/wire', 'h1', `Wire ${HOSTILE}`],
    [article.path, 'body', `Tag ${HOSTILE}`],
    ['/admin/tags', 'tbody', `Tag ${HOSTILE}`],
  ];
  for (const [url, selector, text] of pages) {
    const response = await editor.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.ok(!response.body.includes('<script>alert(1)'), `${url}: no script element from input`);
    assert.ok(!/<[^>]+\sonmouseover=/i.test(response.body), `${url}: no attribute from input`);
    const $ = cheerio.load(response.body);
    assert.ok($(selector).text().includes(text), `${url}: the text is shown as typed`);
  }
  for (const url of ['/tags/hostile-tag/feed.xml', '/sections/desk/feed.atom']) {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.ok(!response.body.includes('<script>alert(1)'), `${url}: escaped`);
  }
  // JSON Feed fields are text for the reader app to escape, and nothing in them opens a tag for an app that
  // does not; only content_html is HTML, and it has none of it.
  const item = (await app.inject('/feed.json')).json().items[0];
  const asTyped = (text: string) => text.replaceAll('\u2039', '<');
  assert.ok(item.tags.map(asTyped).includes(`Tag ${HOSTILE}`));
  assert.deepEqual(
    item.authors.map((a: { name: string }) => asTyped(a.name)),
    [`Ann ${HOSTILE}`],
  );
  for (const text of [...item.tags, ...item.authors.map((a: { name: string }) => a.name)])
    assert.equal(cheerio.load(text)('body *').length, 0, `${text}: no element when read as HTML`);
  assert.ok(!item.content_html.includes('<script'));
  const rss = cheerio.load((await app.inject('/tags/hostile-tag/feed.xml')).body, { xml: true });
  assert.equal(
    rss('channel > title').first().text().includes(`Tag ${HOSTILE}`),
    true,
    'the RSS title reads back as typed',
  );
});

test('the tags page in Chromium (screenshot for the docs)', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  // Served to the browser over plain http, as a site on http: its cookies are not Secure.
  const { app } = await buildTestApp(t, {
    demo: true,
    now: new Date('2022-01-29T08:30:00Z'),
    config: { siteUrl: 'http://127.0.0.1' },
  });
  await makeUser(app, 'editor', 'editor@example.org');
  const editor = await signIn(app, 'editor@example.org');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const [name, value] = editor.cookie.split('=');
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const response = await page.goto(`${base}/admin/tags`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Tags');
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('bulg');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=bulg/);
  assert.ok((await page.locator('tbody tr').count()) >= 1, 'the search finds the demo’s Bulgaria tags');
  await page.goto(`${base}/admin/tags`);
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'admin-tags.png');
  await page.screenshot({ path: file, fullPage: false });
  assert.ok(fs.statSync(file).size < 500 * 1024, 'the committed screenshot stays small');
});
