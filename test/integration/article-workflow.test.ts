import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actorOf,
  createArticle,
  getArticle,
  insertSection,
  listRevisions,
  publishDue,
  snapshotOf,
  startScheduler,
  updateArticle,
  type Actor,
} from '../../src/content/index.js';
import { AppError } from '../../src/lib/app-error.js';
import { buildTestApp } from '../helpers/build-app.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { paragraphs } from '../helpers/factories.js';

const NOW = new Date('2026-11-20T12:00:00Z');

async function newsroom(t: Parameters<typeof buildTestApp>[0]) {
  const built = await buildTestApp(t, { now: NOW });
  const { app } = built;
  await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
  const actors = {} as Record<'contributor' | 'author' | 'editor' | 'admin', Actor>;
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const)
    actors[role] = actorOf(await makeUser(app, role));
  const draft = (actor: Actor, title = 'A story') =>
    createArticle(app.services.content, actor, { title, body: paragraphs('Text.'), section: 'news' });
  return { ...built, actors, draft, ctx: app.services.content };
}

const refusedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('who may do what to an article', () => {
  test('a contributor writes drafts and submits them, but cannot publish', async (t) => {
    const { ctx, actors, draft } = await newsroom(t);
    const article = await draft(actors.contributor);
    assert.equal(article.status, 'draft');
    assert.deepEqual(
      article.authors.map((a) => a.name),
      ['Contributor User'],
      'the byline defaults to the writer',
    );
    const input = { ...snapshotOf(article), status: 'review' as const };
    const submitted = await updateArticle(ctx, actors.contributor, article.id, input, { expectedVersion: 1 });
    assert.equal(submitted.status, 'review');
    await assert.rejects(
      updateArticle(
        ctx,
        actors.contributor,
        article.id,
        { ...input, status: 'published' },
        {
          expectedVersion: 2,
        },
      ),
      refusedWith('FORBIDDEN'),
    );
    await assert.rejects(
      createArticle(ctx, actors.contributor, {
        title: 'x',
        body: paragraphs('x'),
        section: 'news',
        status: 'published',
      }),
      refusedWith('FORBIDDEN'),
    );
    assert.equal((await getArticle(ctx.db, article.id)).status, 'review', 'nothing changed');
  });

  test('a contributor cannot edit someone else’s article, nor their own once published', async (t) => {
    const { ctx, actors, draft } = await newsroom(t);
    const others = await draft(actors.author);
    await assert.rejects(
      updateArticle(ctx, actors.contributor, others.id, snapshotOf(others)),
      refusedWith('FORBIDDEN'),
    );
    const own = await draft(actors.contributor);
    await updateArticle(ctx, actors.editor, own.id, { ...snapshotOf(own), status: 'published' });
    await assert.rejects(
      updateArticle(ctx, actors.contributor, own.id, snapshotOf(own)),
      refusedWith('FORBIDDEN'),
    );
  });

  test('an author publishes own articles only; an editor publishes anyone’s', async (t) => {
    const { ctx, actors, draft } = await newsroom(t);
    const own = await draft(actors.author);
    assert.equal(
      (await updateArticle(ctx, actors.author, own.id, { ...snapshotOf(own), status: 'published' })).status,
      'published',
    );
    const others = await draft(actors.contributor);
    await assert.rejects(
      updateArticle(ctx, actors.author, others.id, { ...snapshotOf(others), status: 'published' }),
      refusedWith('FORBIDDEN'),
    );
    assert.equal(
      (await updateArticle(ctx, actors.editor, others.id, { ...snapshotOf(others), status: 'published' }))
        .status,
      'published',
    );
  });

  test('the same rules hold through the admin API', async (t) => {
    const { app, actors, draft } = await newsroom(t);
    const article = await draft(actors.contributor);
    const contributor = await signIn(app, 'contributor@example.org');
    const publish = await contributor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${article.id}`,
      payload: { ...snapshotOf(article), status: 'published', version: 1 },
    });
    assert.equal(publish.statusCode, 403);
    assert.equal(publish.json().error.code, 'FORBIDDEN');
    const create = await contributor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { title: 'Mine', body: paragraphs('x'), section: 'news', status: 'published' },
    });
    assert.equal(create.statusCode, 403);
    const editor = await signIn(app, 'editor@example.org');
    const ok = await editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${article.id}`,
      payload: { ...snapshotOf(article), status: 'published', version: 1 },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal((await app.inject(article.path)).statusCode, 200, 'readers see it now');
  });
});

describe('saving', () => {
  test('two people editing one article: the second save is refused, nothing is overwritten', async (t) => {
    const { ctx, actors, draft } = await newsroom(t);
    const opened = await draft(actors.editor, 'Original headline');
    await updateArticle(
      ctx,
      actors.editor,
      opened.id,
      { ...snapshotOf(opened), title: 'Ann’s headline' },
      {
        expectedVersion: 1,
      },
    );
    await assert.rejects(
      updateArticle(
        ctx,
        actors.admin,
        opened.id,
        { ...snapshotOf(opened), title: 'Bob’s headline' },
        {
          expectedVersion: 1,
        },
      ),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'EDIT_CONFLICT' &&
        error.status === 409 &&
        error.details?.currentVersion === 2 &&
        error.details?.updatedByName === 'Editor User' &&
        /Editor User saved this article/.test(error.message),
    );
    assert.equal((await getArticle(ctx.db, opened.id)).title, 'Ann’s headline');
  });

  test('every save is a revision, and the audit log names who did what', async (t) => {
    const { app, ctx, actors, draft } = await newsroom(t);
    const article = await draft(actors.author, 'First');
    const second = await updateArticle(
      ctx,
      actors.author,
      article.id,
      { ...snapshotOf(article), title: 'Second' },
      { expectedVersion: 1 },
    );
    await updateArticle(
      ctx,
      actors.author,
      article.id,
      { ...snapshotOf(second), status: 'published' },
      {
        expectedVersion: 2,
      },
    );
    const revisions = await listRevisions(ctx.db, article.id);
    assert.deepEqual(
      revisions.map((r) => [r.version, r.status, r.userName]),
      [
        [3, 'published', 'Author User'],
        [2, 'draft', 'Author User'],
        [1, 'draft', 'Author User'],
      ],
    );
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select(['action', 'user_name', 'article_id'])
      .where('article_id', '=', article.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['article.create', 'article.update', 'article.publish'],
    );
    assert.ok(audit.every((a) => a.user_name === 'Author User'));
  });

  test('editing a published article keeps its publication time and shows "Updated"', async (t) => {
    const { app, ctx, clock, actors } = await newsroom(t);
    const article = await createArticle(ctx, actors.editor, {
      title: 'Live',
      body: paragraphs('v1'),
      section: 'news',
      status: 'published',
    });
    clock.now = new Date(NOW.getTime() + 3 * 3600_000);
    const edited = await updateArticle(
      ctx,
      actors.editor,
      article.id,
      { ...snapshotOf(article), body: paragraphs('v2') },
      { expectedVersion: 1 },
    );
    assert.equal(edited.publishedAt, article.publishedAt);
    assert.equal(edited.revisedAt, clock.now.toISOString());
    const page = await app.inject(article.path);
    assert.match(page.body, /Updated: <time/);
  });

  test('“publish” with a time to come schedules; a schedule in the past is refused', async (t) => {
    const { ctx, actors } = await newsroom(t);
    const later = new Date(NOW.getTime() + 3600_000).toISOString();
    const article = await createArticle(ctx, actors.editor, {
      title: 'Embargo',
      body: paragraphs('x'),
      section: 'news',
      status: 'published',
      publishedAt: later,
    });
    assert.equal(article.status, 'scheduled');
    await assert.rejects(
      createArticle(ctx, actors.editor, {
        title: 'Late',
        body: paragraphs('x'),
        section: 'news',
        status: 'scheduled',
        publishedAt: '2020-01-01T00:00:00Z',
      }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'INVALID_INPUT' &&
        /publishedAt: the time to publish at has passed/.test(error.message),
    );
  });
});

describe('scheduling', () => {
  test('an article whose time passed while the server was down goes live at start', async (t) => {
    const first = await newsroom(t);
    const at = new Date(NOW.getTime() + 3600_000).toISOString();
    const article = await createArticle(first.ctx, first.actors.editor, {
      title: 'Overnight embargo',
      body: paragraphs('Zanzibar.'),
      section: 'news',
      status: 'scheduled',
      publishedAt: at,
    });
    await first.app.close();
    // The server comes back two hours later, on the same data folder.
    const again = await buildTestApp(t, {
      now: new Date(NOW.getTime() + 2 * 3600_000),
      config: { dataDir: first.config.dataDir },
    });
    await again.app.ready();
    // Live once the first round has published it and its search entry is written after it: up to
    // 5 s, for a loaded machine on PostgreSQL.
    const live = async () => {
      const page = await again.app.inject(article.path);
      const search = await again.app.inject('/search?q=Zanzibar');
      return page.statusCode === 200 && /Overnight embargo/.test(search.body);
    };
    for (let i = 0; i < 250 && !(await live()); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await again.app.inject(article.path)).statusCode, 200);
    assert.equal((await getArticle(again.app.services.db, article.id)).status, 'published');
    assert.match((await again.app.inject('/search?q=Zanzibar')).body, /Overnight embargo/);
  });

  test('publishDue publishes exactly the articles that have come due', async (t) => {
    const { ctx, clock, actors } = await newsroom(t);
    const soon = await createArticle(ctx, actors.editor, {
      title: 'Soon',
      body: paragraphs('x'),
      section: 'news',
      status: 'scheduled',
      publishedAt: new Date(NOW.getTime() + 60_000).toISOString(),
    });
    await createArticle(ctx, actors.editor, {
      title: 'Later',
      body: paragraphs('x'),
      section: 'news',
      status: 'scheduled',
      publishedAt: new Date(NOW.getTime() + 3600_000).toISOString(),
    });
    clock.now = new Date(NOW.getTime() + 120_000);
    assert.deepEqual(await publishDue(ctx, NOW.toISOString()), [soon.id]);
  });

  test('the scheduler announces an article once, though the clock moves between its readings', async (t) => {
    const { ctx, actors } = await newsroom(t);
    const soon = await createArticle(ctx, actors.editor, {
      title: 'Due in half a second',
      body: paragraphs('x'),
      section: 'news',
      status: 'scheduled',
      publishedAt: new Date(NOW.getTime() + 500).toISOString(),
    });
    // Each reading of this clock is a second after the one before: the article falls due between
    // the first round's readings, as it may on a real clock when the round starts at its very time.
    let readings = 0;
    const clock = { ...ctx, now: () => new Date(NOW.getTime() + readings++ * 1000) };
    const announced: number[] = [];
    ctx.events.on('article.published', ({ articleId }) => void announced.push(articleId));
    const stop = startScheduler(clock, 10, (error) => assert.fail(String(error)));
    while (readings < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    await stop();
    assert.equal((await getArticle(ctx.db, soon.id)).status, 'published');
    assert.deepEqual(announced, [soon.id], 'announced once, by the round that published it');
  });
});
