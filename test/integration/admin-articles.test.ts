/**
 * The back office's article list, bulk actions and history pages, as each role
 * sees them: real SQLite, real sign-in, forms posted as a browser posts them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { actorOf, getArticle, snapshotOf, updateArticle, type User } from '../../src/content/index.js';
import type { AdminSession } from '../helpers/admin-session.js';
import { paragraphs } from '../helpers/factories.js';
import { articleBy, newsroom } from '../helpers/newsroom.js';

const NOW = new Date('2026-11-20T12:00:00Z');

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header : header ? [header] : [];
}

/** Posts a form as a browser does: the session cookie, and `_csrf` among the fields when given. */
function postForm(app: FastifyInstance, session: AdminSession, url: string, fields: [string, string][]) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Follows a 303 with the one-time message the redirect left for the next page. */
async function follow(app: FastifyInstance, session: AdminSession, response: LightMyRequestResponse) {
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  const flash = setCookies(response)
    .find((c) => c.startsWith('newsdesk_flash='))
    ?.split(';')[0];
  const page = await app.inject({
    url: String(response.headers.location),
    headers: { cookie: flash ? `${session.cookie}; ${flash}` : session.cookie },
  });
  return cheerio.load(page.body);
}

/** Headlines in the list, in order. */
async function headlines(session: AdminSession, url: string): Promise<string[]> {
  const response = await session.inject(url);
  assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
  const $ = cheerio.load(response.body);
  return $('.desk-articles tbody td.title > a')
    .map((_, a) => $(a).text())
    .get();
}

/** What the bulk form on the list page carries: its CSRF token and where it returns to. */
async function bulkFormFields(session: AdminSession, url = '/admin/articles'): Promise<[string, string][]> {
  const $ = cheerio.load((await session.inject(url)).body);
  const form = $('form[action="/admin/articles/bulk"]');
  assert.equal(form.length, 1, 'the list has a bulk form');
  return [
    ['_csrf', form.find('input[name="_csrf"]').attr('value')!],
    ['return', form.find('input[name="return"]').attr('value')!],
  ];
}

async function statusOf(app: FastifyInstance, id: number) {
  const row = await app.services.db
    .selectFrom('articles')
    .select(['status', 'version', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row;
}

describe('the article list', () => {
  test('shows articles of every status to every role, with what an editor needs per row', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const published = await articleBy(app, users.editor, {
      title: 'Parliament passes the budget',
      status: 'published',
      publishedAt: '2026-11-19T10:06:00Z',
      authors: ['jane-doe'],
    });
    await articleBy(app, users.contributor, { title: 'Draft on the harbour' });
    await articleBy(app, users.contributor, { title: 'Review of the bridge works', status: 'review' });
    await articleBy(app, users.editor, {
      title: 'Scheduled match report',
      section: 'sport',
      status: 'scheduled',
      publishedAt: '2026-11-21T08:00:00Z',
    });
    await articleBy(app, users.editor, { title: 'Withdrawn story', status: 'unpublished' });

    for (const role of ['contributor', 'author', 'editor'] as const) {
      const titles = await headlines(as[role], '/admin/articles');
      assert.equal(titles.length, 5, `${role} sees every article`);
    }
    const $ = cheerio.load((await as.contributor.inject('/admin/articles')).body);
    const row = $('.desk-articles tbody tr').filter((_, tr) => $(tr).text().includes('Parliament passes'));
    const cells = row.find('td');
    assert.equal(row.find('td.title > a').attr('href'), `/admin/articles/${published.id}/edit`);
    assert.equal(row.find('.status').text(), 'Published');
    assert.equal(cells.eq(3).text(), 'News');
    assert.equal(cells.eq(4).text(), 'Jane Doe');
    assert.match(cells.eq(5).text(), /by Editor User/);
    // 10:06 UTC is 12:06 in Sofia.
    assert.equal(cells.eq(6).text(), '19 Nov 2026, 12:06');
    assert.equal(cells.eq(6).find('time').attr('datetime'), '2026-11-19T10:06:00.000Z');
    assert.deepEqual(
      $('.desk-tabs a')
        .map((_, a) => $(a).text().replace(/\s+/g, ' ').trim())
        .get(),
      ['All 5', 'Draft 1', 'In review 1', 'Scheduled 1', 'Published 1', 'Unpublished 1'],
    );
    assert.equal($('a.button--primary[href="/admin/articles/new"]').text(), 'New article');
    assert.equal($('form.filters').attr('method'), 'get');
  });

  test('filters by status, section, author, tag, words and "only mine"', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    await articleBy(app, users.contributor, { title: 'Harbour cranes return', tags: ['Harbour'] });
    await articleBy(app, users.contributor, { title: 'Stadium vote', section: 'sport', status: 'review' });
    await articleBy(app, users.editor, {
      title: 'Harbour strike ends',
      status: 'published',
      authors: ['jane-doe'],
      tags: ['Harbour', 'Strikes'],
    });
    const list = (query: string) => headlines(as.contributor, `/admin/articles?${query}`);
    assert.deepEqual(await list('status=review'), ['Stadium vote']);
    assert.deepEqual(await list('section=sport'), ['Stadium vote']);
    assert.deepEqual(await list('author=jane-doe'), ['Harbour strike ends']);
    assert.deepEqual(await list('tag=strikes'), ['Harbour strike ends']);
    assert.deepEqual((await list('q=harbour')).sort(), ['Harbour cranes return', 'Harbour strike ends']);
    assert.deepEqual(await list('q=harbour&status=published'), ['Harbour strike ends']);
    assert.deepEqual((await list('mine=1')).sort(), ['Harbour cranes return', 'Stadium vote']);
    assert.deepEqual(await headlines(as.editor, '/admin/articles?mine=1'), ['Harbour strike ends']);

    // Words match the start of words in the headline or standfirst, in any case and any script.
    await articleBy(app, users.editor, { title: 'Народно събрание гласува бюджета' });
    assert.deepEqual(await list('q=НАРОД'), ['Народно събрание гласува бюджета']);
    assert.deepEqual(await list('q=Събрание+БЮДЖ'), ['Народно събрание гласува бюджета']);
    assert.deepEqual((await list('q=harb')).sort(), ['Harbour cranes return', 'Harbour strike ends']);
    assert.deepEqual(await list('q=arbour'), [], 'the start of a word, not any part of it');
    await articleBy(app, users.editor, { title: 'COVID-19 clinics reopen' });
    assert.deepEqual(await list('q=covid-19'), ['COVID-19 clinics reopen']);
    assert.deepEqual(
      await list('q=clinics+1'),
      ['COVID-19 clinics reopen'],
      'a number’s start, after a hyphen',
    );

    const $ = cheerio.load((await as.contributor.inject('/admin/articles?status=review&q=vote')).body);
    assert.equal(
      $('select[name="status"] option[selected]').attr('value'),
      'review',
      'the form keeps its filters',
    );
    assert.equal($('input[name="q"]').attr('value'), 'vote');

    const unknown = await as.contributor.inject('/admin/articles?section=weather');
    assert.equal(unknown.statusCode, 400);
    assert.match(
      cheerio.load(unknown.body)('[role="alert"]').text(),
      /section: there is no section "weather"/,
    );
  });

  test('shows 50 articles a page, with links to the others', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    for (let i = 1; i <= 55; i++) {
      await articleBy(app, users.editor, { title: `Brief number ${i}` });
    }
    const first = await headlines(as.editor, '/admin/articles');
    const second = await headlines(as.editor, '/admin/articles?page=2');
    assert.equal(first.length, 50);
    assert.equal(second.length, 5);
    assert.equal(new Set([...first, ...second]).size, 55, 'no article on both pages');
    const $ = cheerio.load((await as.editor.inject('/admin/articles?q=brief')).body);
    assert.equal($('.pagination a[rel="next"]').attr('href'), '/admin/articles?q=brief&page=2');
    assert.match($('.pagination').text(), /Page 1 of 2/);
    const byWords = [
      ...(await headlines(as.editor, '/admin/articles?q=brief')),
      ...(await headlines(as.editor, '/admin/articles?q=brief&page=2')),
    ];
    assert.deepEqual(byWords, [...first, ...second], 'words: the same 55, newest first, 50 then 5');
    assert.deepEqual(await headlines(as.editor, '/admin/articles?q=brief&page=3'), []);
  });
});

describe('bulk actions', () => {
  test('an editor publishes several articles at once, and readers can see them', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const drafts = [
      await articleBy(app, users.contributor, { title: 'First bulk story' }),
      await articleBy(app, users.contributor, { title: 'Second bulk story', status: 'review' }),
      await articleBy(app, users.editor, { title: 'Third bulk story' }),
    ];
    const already = await articleBy(app, users.editor, { title: 'Already out', status: 'published' });
    const response = await postForm(app, as.editor, '/admin/articles/bulk', [
      ...(await bulkFormFields(as.editor)),
      ['action', 'publish'],
      ...[...drafts, already].map((a): [string, string] => ['ids', String(a.id)]),
    ]);
    assert.equal(response.headers.location, '/admin/articles');
    const $ = await follow(app, as.editor, response);
    assert.equal($('.notice').text(), '3 published; 1 already published.');

    for (const draft of drafts) {
      const row = await statusOf(app, draft.id);
      assert.equal(row?.status, 'published');
      assert.equal(row?.published_at, NOW.toISOString());
      assert.equal((await app.inject(draft.path)).statusCode, 200, 'the reader site shows it');
    }
    assert.equal((await statusOf(app, already.id))?.version, 1, 'an article already published is left alone');
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select(['action', 'user_name'])
      .where('action', '=', 'article.publish')
      .execute();
    assert.equal(audit.length, 3);
    assert.ok(
      audit.every((a) => a.user_name === 'Editor User'),
      'each publication is the editor’s',
    );
  });

  test('a contributor’s bulk publish is refused article by article and changes nothing', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const own = await articleBy(app, users.contributor, { title: 'My own draft' });
    const other = await articleBy(app, users.editor, { title: 'The editor’s draft' });
    const response = await postForm(app, as.contributor, '/admin/articles/bulk', [
      ...(await bulkFormFields(as.contributor)),
      ['action', 'publish'],
      ['ids', String(own.id)],
      ['ids', String(other.id)],
    ]);
    const $ = await follow(app, as.contributor, response);
    const message = $('[role="alert"]').text();
    assert.match(message, /^2 refused: /);
    assert.match(message, /“My own draft”: your role does not allow you to change what readers see/);
    assert.match(message, /“The editor’s draft”: your role does not allow you to edit this article/);
    for (const a of [own, other]) {
      const row = await statusOf(app, a.id);
      assert.deepEqual([row?.status, row?.version], ['draft', 1]);
      assert.equal((await app.inject(a.path)).statusCode, 404);
    }
  });

  test('one refusal does not undo the others', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const own = await articleBy(app, users.contributor, { title: 'Ready for the desk' });
    const other = await articleBy(app, users.editor, { title: 'Not mine to submit' });
    const response = await postForm(app, as.contributor, '/admin/articles/bulk', [
      ...(await bulkFormFields(as.contributor, '/admin/articles?status=draft')),
      ['action', 'review'],
      ['ids', String(own.id)],
      ['ids', String(other.id)],
    ]);
    assert.equal(response.headers.location, '/admin/articles?status=draft', 'back to the same filtered list');
    const $ = await follow(app, as.contributor, response);
    assert.match($('.notice').text(), /^1 submitted for review; 1 refused: “Not mine to submit”: your role/);
    assert.equal((await statusOf(app, own.id))?.status, 'review');
    assert.equal((await statusOf(app, other.id))?.status, 'draft');
  });

  test('without the CSRF token the form is refused with 403 and nothing changes', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const draft = await articleBy(app, users.editor, { title: 'Guarded draft' });
    for (const csrf of [undefined, 'forged-token']) {
      const response = await postForm(app, as.editor, '/admin/articles/bulk', [
        ...(csrf ? ([['_csrf', csrf]] as [string, string][]) : []),
        ['action', 'publish'],
        ['ids', String(draft.id)],
      ]);
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /this form has expired or did not come from this site/);
    }
    assert.deepEqual(
      [(await statusOf(app, draft.id))?.status, (await statusOf(app, draft.id))?.version],
      ['draft', 1],
    );
  });

  test('delete asks once more, then deletes for good', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const doomed = await articleBy(app, users.editor, { title: 'Duplicate story' });
    const fields = await bulkFormFields(as.editor);
    const ask = await postForm(app, as.editor, '/admin/articles/bulk', [
      ...fields,
      ['action', 'delete'],
      ['ids', String(doomed.id)],
    ]);
    assert.equal(ask.statusCode, 200);
    const $ = cheerio.load(ask.body);
    assert.match($('h1').text(), /Delete 1 article for good\?/);
    assert.match($('main li').text(), /Duplicate story/);
    assert.ok(await statusOf(app, doomed.id), 'not deleted before confirming');
    const confirm = $('main form');
    const done = await postForm(
      app,
      as.editor,
      '/admin/articles/bulk',
      confirm
        .find('input')
        .toArray()
        .map((input): [string, string] => [$(input).attr('name')!, $(input).attr('value')!]),
    );
    const list = await follow(app, as.editor, done);
    assert.equal(list('.notice').text(), '1 deleted.');
    assert.equal(await statusOf(app, doomed.id), undefined);
  });

  test('no article selected, or no action chosen, says so', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const draft = await articleBy(app, users.editor, { title: 'Lonely draft' });
    const fields = await bulkFormFields(as.editor);
    const none = await follow(
      app,
      as.editor,
      await postForm(app, as.editor, '/admin/articles/bulk', [...fields, ['action', 'publish']]),
    );
    assert.match(none('[role="alert"]').text(), /Select at least one article/);
    const noAction = await follow(
      app,
      as.editor,
      await postForm(app, as.editor, '/admin/articles/bulk', [
        ...fields,
        ['action', ''],
        ['ids', String(draft.id)],
      ]),
    );
    assert.match(noAction('[role="alert"]').text(), /^action: choose what to do/);
    assert.equal((await statusOf(app, draft.id))?.status, 'draft');
  });
});

describe('revisions', () => {
  async function threeSaves(app: FastifyInstance, user: User) {
    const ctx = app.services.content;
    const actor = actorOf(user);
    const first = await articleBy(app, user, {
      title: 'Council approves the old plan',
      lead: 'A vote at noon.',
      body: paragraphs('The council met on Monday.', 'The plan costs two million.', 'Work starts in May.'),
      tags: ['Council'],
    });
    await updateArticle(
      ctx,
      actor,
      first.id,
      { ...snapshotOf(first), title: 'Council approves the new plan' },
      { expectedVersion: 1 },
    );
    const second = await getArticle(app.services.db, first.id);
    await updateArticle(
      ctx,
      actor,
      first.id,
      {
        ...snapshotOf(second),
        body: paragraphs(
          'The council met on Monday.',
          'The plan costs three million.',
          'Work starts in May.',
        ),
        tags: ['Council', 'Budget'],
      },
      { expectedVersion: 2 },
    );
    return getArticle(app.services.db, first.id);
  }

  test('the history lists a row per save with compare and restore', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await threeSaves(app, users.editor);
    const response = await as.editor.inject(`/admin/articles/${a.id}/revisions`);
    assert.equal(response.statusCode, 200);
    const $ = cheerio.load(response.body);
    const rows = $('.desk-revisions tbody tr');
    assert.deepEqual(rows.map((_, tr) => $(tr).find('th').first().text()).get(), ['3current', '2', '1']);
    assert.equal(rows.eq(2).find('td').eq(1).text(), 'Editor User');
    assert.equal(
      rows.eq(2).find(`a[href="/admin/articles/${a.id}/revisions/1"]`).text(),
      'Compare with current',
    );
    const restore = rows.eq(2).find('form');
    assert.equal(restore.attr('action'), `/admin/articles/${a.id}/revisions/1/restore`);
    assert.equal(restore.find('input[name="version"]').attr('value'), '3');
    assert.ok(restore.find('input[name="_csrf"]').attr('value'));
    assert.equal(rows.eq(0).find('form').length, 0, 'the current version is not offered for restore');
  });

  test('compare shows changed words as <ins> and <del>, field by field and in the text', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await threeSaves(app, users.editor);
    const response = await as.contributor.inject(`/admin/articles/${a.id}/revisions/1`);
    assert.equal(response.statusCode, 200);
    const $ = cheerio.load(response.body);
    const field = (label: string) =>
      $('.desk-diff-fields tr').filter((_, tr) => $(tr).find('th').text() === label);
    assert.equal(field('Headline').find('del').text(), 'old');
    assert.equal(field('Headline').find('ins').text(), 'new');
    assert.equal(field('Tags').find('ins').text(), 'Budget');
    assert.equal(field('Lead').length, 0, 'unchanged fields are not listed as changes');
    assert.match($('main').text(), /Unchanged: Lead, Section/);
    assert.deepEqual(
      $('.desk-diff-body ins, .desk-diff-body del')
        .map((_, el) => `${el.tagName}:${$(el).text()}`)
        .get(),
      ['del:two', 'ins:three'],
    );
    assert.match($('.desk-diff-para--changed').text(), /The plan costs twothree million\./);
    assert.ok($('.desk-legend ins').length && $('.desk-legend del').length, 'a legend explains the colours');

    // "What changed" in version 3 alone: the text and tags, not the headline.
    const step = cheerio.load((await as.editor.inject(`/admin/articles/${a.id}/revisions/2?against=3`)).body);
    assert.equal(step('.desk-diff-fields th').filter((_, th) => step(th).text() === 'Headline').length, 0);
    assert.equal(step('.desk-diff-body ins').text(), 'three');
  });

  test('comparing two identical versions says nothing changed', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await articleBy(app, users.editor, { title: 'Steady story' });
    await updateArticle(app.services.content, actorOf(users.editor), a.id, snapshotOf(a), {
      expectedVersion: 1,
    });
    const $ = cheerio.load((await as.editor.inject(`/admin/articles/${a.id}/revisions/1`)).body);
    assert.match($('main [role="status"]').text(), /Nothing changed/);
    assert.equal($('main ins, main del').not('.desk-legend *').length, 0);
    const missing = await as.editor.inject(`/admin/articles/${a.id}/revisions/9`);
    assert.equal(missing.statusCode, 404);
  });

  test('restore brings back the old headline as a new version and keeps every old one', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await threeSaves(app, users.editor);
    const $ = cheerio.load((await as.editor.inject(`/admin/articles/${a.id}/revisions`)).body);
    const form = $(`form[action="/admin/articles/${a.id}/revisions/1/restore"]`);
    const response = await postForm(app, as.editor, String(form.attr('action')), [
      ['_csrf', form.find('input[name="_csrf"]').attr('value')!],
      ['version', form.find('input[name="version"]').attr('value')!],
    ]);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/articles/${a.id}/edit`);
    const flash = setCookies(response).find((c) => c.startsWith('newsdesk_flash='))!;
    assert.match(decodeURIComponent(flash), /Restored version 1: saved as version 4\./);
    assert.match(
      flash,
      new RegExp(`Path=/admin/articles/${a.id}/edit`),
      'the message is for the editor page only',
    );

    const restored = await getArticle(app.services.db, a.id);
    assert.equal(restored.title, 'Council approves the old plan');
    assert.equal(restored.version, 4);
    assert.match(JSON.stringify(restored.body), /two million/);
    const versions = await app.services.db
      .selectFrom('article_revisions')
      .select('version')
      .where('article_id', '=', a.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2, 3, 4],
    );
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select(['action', 'user_name'])
      .where('article_id', '=', a.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit, { action: 'article.restore', user_name: 'Editor User' });
  });

  test('restore on top of a newer save, or by a role that may not edit, is refused and changes nothing', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await threeSaves(app, users.editor);
    const stale = await postForm(app, as.editor, `/admin/articles/${a.id}/revisions/1/restore`, [
      ['_csrf', as.editor.csrf],
      ['version', '2'],
    ]);
    assert.equal(stale.statusCode, 409);
    assert.match(cheerio.load(stale.body)('[role="alert"]').text(), /saved this article \(version 3/);
    const contributor = await postForm(app, as.contributor, `/admin/articles/${a.id}/revisions/1/restore`, [
      ['_csrf', as.contributor.csrf],
      ['version', '3'],
    ]);
    assert.equal(contributor.statusCode, 403);
    assert.match(cheerio.load(contributor.body)('[role="alert"]').text(), /your role does not allow/);
    const forged = await postForm(app, as.editor, `/admin/articles/${a.id}/revisions/1/restore`, [
      ['version', '3'],
    ]);
    assert.equal(forged.statusCode, 403);
    assert.equal((await getArticle(app.services.db, a.id)).version, 3);
  });

  test('the admin API restores through the same function', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const a = await threeSaves(app, users.editor);
    const response = await as.editor.inject({
      method: 'POST',
      url: `/api/admin/articles/${a.id}/revisions/2/restore`,
      payload: { version: 3 },
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual([response.json().title, response.json().version], ['Council approves the new plan', 4]);
    const conflict = await as.editor.inject({
      method: 'POST',
      url: `/api/admin/articles/${a.id}/revisions/1/restore`,
      payload: { version: 3 },
    });
    assert.equal(conflict.json().error.code, 'EDIT_CONFLICT');
  });
});
