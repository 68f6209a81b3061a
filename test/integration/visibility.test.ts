import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle, insertSection, publishDue, SYSTEM, updateArticle } from '../../src/content/index.js';
import { relatedFor } from '../../src/related/index.js';
import { buildTestApp } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const READER_URLS = [
  '/',
  '/sections/news',
  '/tags/secret',
  '/feed.xml',
  '/feed.atom',
  '/feed.json',
  '/sections/news/feed.xml',
  '/tags/secret/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/search?q=Zanzibar',
  '/archive/2026/11',
  '/most-read?period=all',
];

test('a draft, a scheduled and a future-dated article never reach readers', async (t) => {
  const now = new Date('2026-11-20T12:00:00Z');
  const { app, clock } = await buildTestApp(t, { now });
  const ctx = app.services.content;
  await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
  const base = { section: 'news', tags: ['Secret'], lead: 'Zanzibar lead.' };
  const visible = await createArticle(ctx, SYSTEM, {
    ...base,
    title: 'Visible Zanzibar report',
    body: paragraphs('Zanzibar is in the open.'),
    status: 'published',
    publishedAt: '2026-11-20T10:00:00Z',
  });
  const hidden = [
    await createArticle(ctx, SYSTEM, {
      ...base,
      title: 'Draft Zanzibar plan',
      body: paragraphs('Zanzibar draft.'),
      status: 'draft',
    }),
    await createArticle(ctx, SYSTEM, {
      ...base,
      title: 'Scheduled Zanzibar plan',
      body: paragraphs('Zanzibar scheduled.'),
      status: 'scheduled',
      publishedAt: '2026-11-21T08:00:00Z',
    }),
    await createArticle(ctx, SYSTEM, {
      ...base,
      title: 'Future Zanzibar plan',
      body: paragraphs('Zanzibar future.'),
      status: 'published',
      publishedAt: '2026-11-22T08:00:00Z',
    }),
  ];
  await app.inject({
    method: 'POST',
    url: `/api/articles/${visible.id}/views`,
    headers: { 'user-agent': 'Mozilla/5.0 reader' },
  });
  await app.services.views.flush();

  for (const url of READER_URLS) {
    const r = await app.inject(url);
    assert.equal(r.statusCode, 200, url);
    assert.ok(
      url === '/tags/secret' ||
        url.includes('feed') ||
        url.includes('sitemap') ||
        url.includes('search') ||
        url === '/'
        ? r.body.includes('Visible Zanzibar report') || r.body.includes(`/articles/${visible.id}/`)
        : true,
      `${url} shows the visible article`,
    );
    for (const a of hidden) {
      assert.ok(!r.body.includes(a.title), `${url} must not show "${a.title}"`);
      assert.ok(!r.body.includes(`/articles/${a.id}/`), `${url} must not link article ${a.id}`);
    }
  }
  for (const a of hidden) {
    assert.equal((await app.inject(a.path)).statusCode, 404, a.path);
    assert.equal((await app.inject(`/api/articles/${a.id}`)).statusCode, 404);
    assert.equal((await app.inject({ method: 'POST', url: `/api/articles/${a.id}/views` })).statusCode, 404);
  }
  const related = await relatedFor(app.services.db, visible.id, clock.now.toISOString());
  assert.deepEqual(
    related.map((r) => r.id),
    [],
    'hidden articles are never related',
  );

  // Its time comes: the scheduled article goes live, is searchable and related.
  clock.now = new Date('2026-11-21T09:00:00Z');
  const announced = await publishDue(ctx, now.toISOString());
  assert.deepEqual(announced, [hidden[1].id]);
  assert.equal((await app.inject(hidden[1].path)).statusCode, 200);
  assert.match((await app.inject('/search?q=Zanzibar')).body, /Scheduled Zanzibar plan/);
  // Related lists are refreshed off the request path, by the worker the event woke.
  await app.services.related.idle();
  assert.deepEqual(
    (await relatedFor(app.services.db, visible.id, clock.now.toISOString())).map((r) => r.id),
    [hidden[1].id],
  );
  assert.ok(!(await app.inject('/feed.xml')).body.includes('Draft Zanzibar plan'));

  // Back to draft: gone from everywhere again.
  await updateArticle(ctx, SYSTEM, hidden[1].id, {
    ...base,
    title: 'Scheduled Zanzibar plan',
    body: paragraphs('Zanzibar scheduled.'),
    status: 'draft',
  });
  assert.equal((await app.inject(hidden[1].path)).statusCode, 404);
  assert.doesNotMatch((await app.inject('/search?q=Zanzibar')).body, /Scheduled Zanzibar plan/);
  await app.services.related.idle();
  assert.deepEqual(
    (await relatedFor(app.services.db, visible.id, clock.now.toISOString())).map((r) => r.id),
    [],
  );
});
