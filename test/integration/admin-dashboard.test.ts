/**
 * The dashboard every role starts on, and the audit log editors read: real
 * SQLite, real sign-in, views written as the view counter writes them.
 */
import assert from 'node:assert/strict';
import { importDailyViews } from '../../src/views/index.js';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { recordAudit, SYSTEM } from '../../src/content/index.js';
import type { AdminSession } from '../helpers/admin-session.js';
import { articleBy, newsroom } from '../helpers/newsroom.js';

/** 23:30 UTC on 20 November is already 01:30 on Saturday 21 November in Sofia. */
const NOW = new Date('2026-11-20T23:30:00Z');

/** Views counted on past days (Sofia days; the week of NOW starts on 15 November). */
async function addViews(app: FastifyInstance, articleId: number, views: Record<string, number>) {
  await importDailyViews(
    app.services.db,
    Object.entries(views).map(([day, n]) => ({ articleId, day, views: n })),
    '2026-11-15',
  );
}

async function page(session: AdminSession, url: string) {
  const response = await session.inject(url);
  assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
  return cheerio.load(response.body);
}

describe('the dashboard', () => {
  test('charts the last 30 days of views, per day in the site’s time zone', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const one = await articleBy(app, users.editor, { title: 'Floods in the north', status: 'published' });
    const two = await articleBy(app, users.editor, { title: 'Election night', status: 'published' });
    await addViews(app, one.id, { '2026-11-21': 7, '2026-11-19': 30, '2026-10-23': 5, '2026-10-22': 999 });
    await addViews(app, two.id, { '2026-11-19': 15, '2026-11-10': 120 });

    const $ = await page(as.contributor, '/admin');
    const svg = $('svg.chart__svg');
    assert.equal(svg.attr('role'), 'img');
    const [titleId, descId] = String(svg.attr('aria-labelledby')).split(' ');
    assert.equal(svg.find(`title#${titleId}`).text(), 'Views per day, 23 Oct to 21 Nov 2026');
    assert.equal(
      svg.find(`desc#${descId}`).text(),
      '177 views from 23 Oct to 21 Nov 2026; the busiest day was Tuesday 10 Nov with 120. Today so far: 7.',
    );

    const table = $('table#views-chart-data');
    assert.ok(table.hasClass('visually-hidden'));
    const rows = table
      .find('tbody tr')
      .toArray()
      .map((tr) => [$(tr).find('th').text(), Number($(tr).find('td').text())] as const);
    assert.equal(rows.length, 30);
    assert.deepEqual(rows[0], ['Fri 23 Oct 2026', 5], 'the first of 30 days; the day before is left out');
    assert.deepEqual(rows[29], ['Sat 21 Nov 2026', 7], 'today is Sofia’s Saturday, not UTC’s Friday');
    const byDay = new Map(rows);
    assert.equal(byDay.get('Thu 19 Nov 2026'), 45, 'two articles’ views on one day are summed');
    assert.equal(byDay.get('Tue 10 Nov 2026'), 120);
    assert.equal(byDay.get('Wed 11 Nov 2026'), 0, 'a day without views is a zero');

    const bars = svg.find('.chart__bar rect').toArray();
    assert.equal(bars.length, 30);
    assert.deepEqual(
      bars.map((b) => Number($(b).attr('data-value'))),
      rows.map(([, n]) => n),
    );
    const height = (i: number) => Number($(bars[i]).attr('height'));
    assert.ok(height(18) > height(27) && height(27) > height(29), 'bar heights follow the numbers');
    assert.equal(height(19), 0);
    assert.equal(svg.find('.chart__grid text').last().text(), '200', 'the axis tops at a round maximum');
    assert.match($('.desk-stat').text(), /177 views · 7 today so far/);

    // Most read over the last 7 days (15 to 21 November), with counts.
    assert.deepEqual(
      $('#most-read-heading + ol li')
        .toArray()
        .map((li) => $(li).text()),
      ['Floods in the north37', 'Election night15'],
    );
  });

  test('lists scheduled articles with their times, and each user’s own drafts', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const later = await articleBy(app, users.editor, {
      title: 'Budget debate preview',
      status: 'scheduled',
      publishedAt: '2026-11-23T06:00:00Z',
    });
    await articleBy(app, users.editor, {
      title: 'Morning briefing',
      status: 'scheduled',
      publishedAt: '2026-11-21T05:00:00Z',
    });
    await articleBy(app, users.contributor, { title: 'Contributor’s own draft' });
    await articleBy(app, users.contributor, { title: 'Waiting for the desk', status: 'review' });

    const $ = await page(as.contributor, '/admin');
    const scheduled = $('#scheduled-heading + ul li').toArray();
    assert.deepEqual(
      scheduled.map((li) => $(li).find('time').text()),
      ['21 Nov 2026, 07:00', '23 Nov 2026, 08:00'],
      'soonest first, in Sofia time',
    );
    assert.equal($(scheduled[1]).find('a').attr('href'), `/admin/articles/${later.id}/edit`);
    assert.match($('#drafts-heading').parent().text(), /Contributor’s own draft/);
    assert.equal($('#review-heading').length, 0, 'the review queue is the editors’');
    assert.equal($('#activity-heading').length, 0, 'so is the activity log');

    const editor = await page(as.editor, '/admin');
    assert.match(editor('#review-heading').parent().text(), /Waiting for the desk/);
    assert.match(editor('#drafts-heading').parent().text(), /You have no drafts/);
    const activity = editor('#activity-heading').parent().find('li').toArray();
    const entry = activity.find((li) =>
      /Contributor User created Waiting for the desk/.test(editor(li).text()),
    );
    assert.ok(entry, activity.map((li) => editor(li).text()).join('\n'));
    assert.match(String(editor(entry).find('a').attr('href')), /^\/admin\/articles\/\d+\/edit$/);
    assert.deepEqual(
      editor('.desk-glance__item')
        .toArray()
        .map((a) => editor(a).text()),
      ['0Published', '2Scheduled', '1In review', '1Draft'],
    );
  });
});

describe('the audit log', () => {
  test('is for editors and administrators only', async (t) => {
    const { as } = await newsroom(t, NOW);
    for (const role of ['contributor', 'author'] as const) {
      const response = await as[role].inject('/admin/audit');
      assert.equal(response.statusCode, 403, role);
      assert.match(response.body, /your role does not allow you to read the audit log/);
    }
    const $ = await page(as.contributor, '/admin');
    assert.equal($('nav a[href="/admin/audit"]').length, 0, 'not offered to those who may not read it');
  });

  test('lists who did what, newest first, filtered by article and paginated', async (t) => {
    const { app, users, as } = await newsroom(t, NOW);
    const kept = await articleBy(app, users.editor, { title: 'Kept story', status: 'published' });
    const gone = await articleBy(app, users.contributor, { title: 'Gone story' });
    const removed = await as.editor.inject({ method: 'DELETE', url: `/api/admin/articles/${gone.id}` });
    assert.equal(removed.statusCode, 204);

    const $ = await page(as.editor, '/admin/audit');
    const rows = $('.desk-audit tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .map((td) => $(td).text()),
      );
    const articleRows = rows.filter((r) => r[3] !== '—');
    assert.deepEqual(
      articleRows.map((r) => r.slice(1)),
      [
        ['Editor User', 'Deleted article.delete', `#${gone.id} (deleted)`, 'Gone story'],
        ['Contributor User', 'Created article.create', `#${gone.id} (deleted)`, 'Gone story'],
        ['Editor User', 'Created article.create', `#${kept.id}`, 'Kept story'],
      ],
    );
    assert.equal(
      $(`.desk-audit a[href="/admin/articles/${kept.id}/edit"]`).length,
      1,
      'an article that still exists is a link',
    );
    assert.ok(
      rows.some((r) => r[2] === 'Signed in user.sign-in'),
      'sign-ins are listed too',
    );

    const filtered = await page(as.editor, `/admin/audit?article=${kept.id}`);
    assert.equal(filtered('.desk-audit tbody tr').length, 1);
    assert.equal(filtered('input[name="article"]').attr('value'), String(kept.id));
    const bad = await as.editor.inject('/admin/audit?article=abc');
    assert.equal(bad.statusCode, 400);
    assert.match(
      cheerio.load(bad.body)('[role="alert"]').text(),
      /Article number: "abc" is not an article number/,
    );

    for (let i = 0; i < 55; i++) {
      await recordAudit(app.services.db, {
        at: NOW.toISOString(),
        actor: SYSTEM,
        action: 'test.tick',
        subject: `tick ${i}`,
      });
    }
    const first = await page(as.editor, '/admin/audit');
    assert.equal(first('.desk-audit tbody tr').length, 50);
    assert.equal(first('.pagination a[rel="next"]').attr('href'), '/admin/audit?page=2');
    const second = await page(as.editor, '/admin/audit?page=2');
    assert.equal(second('.desk-audit tbody tr').length, 55 + rows.length - 50);
    assert.equal(second('.pagination a[rel="next"]').length, 0);
  });
});
