/**
 * The back office's list, dashboard, history and audit pages in a real
 * browser (Debian's Chromium): documentation screenshots, accessibility
 * (axe-core), and the list's select-all box. Skipped without Chromium on a
 * developer machine; fails in CI.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import {
  actorOf,
  addDays,
  createArticle,
  createUser,
  getArticle,
  snapshotOf,
  SYSTEM,
  updateArticle,
} from '../../src/content/index.js';
import { localDay } from '../../src/lib/dateline.js';
import { buildTestApp } from '../helpers/build-app.js';
import { signIn } from '../helpers/admin-session.js';
import { launchBrowser, loadAxe, policyViolations } from '../helpers/browser.js';
import { paragraphs } from '../helpers/factories.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const MAX_SCREENSHOT_BYTES = 500 * 1024;
/** The reader screenshots' clock: the morning after the demo's last story. */
const NOW = new Date('2022-01-29T08:30:00Z');
const PASSWORD = 'correct horse battery staple';

/** The back office as one editor sees it: a sign-in, and pages located by role and label. */
class BackOffice {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  /**
   * Signs in through the sign-in form (app.inject) and hands the session to
   * the browser. The app's clock is fixed in 2022 for stable screenshots, so a
   * cookie it sets from the browser would already have expired.
   */
  async signIn(app: FastifyInstance, email: string): Promise<void> {
    const session = await signIn(app, email, PASSWORD);
    const [name, value] = session.cookie.split('=');
    await this.page.context().addCookies([{ name, value, url: this.base, httpOnly: true, sameSite: 'Lax' }]);
  }

  async open(url: string): Promise<void> {
    const response = await this.page.goto(this.base + url);
    assert.equal(response?.status(), 200, url);
    await this.page.evaluate('document.fonts.ready');
  }

  async screenshot(name: string, maxHeight: number): Promise<string> {
    const file = path.join(SCREENSHOTS, `${name}.png`);
    const full = await this.page.evaluate<number>('document.documentElement.scrollHeight');
    const width = this.page.viewportSize()!.width;
    await this.page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(maxHeight, full) },
    });
    return file;
  }
}

/** A newsroom at work: the demo site, its staff, this month's readers and some copy in progress. */
async function workingNewsroom(app: FastifyInstance) {
  const { db, content } = app.services;
  const admin = await createUser(
    db,
    SYSTEM,
    { email: 'admin@example.org', name: 'Site Admin', role: 'admin', password: PASSWORD },
    NOW,
  );
  const editor = await createUser(
    db,
    admin,
    { email: 'editor@example.org', name: 'Maria Petrova', role: 'editor', password: PASSWORD },
    NOW,
  );
  const reporter = await createUser(
    db,
    admin,
    { email: 'reporter@example.org', name: 'Ivan Georgiev', role: 'contributor', password: PASSWORD },
    NOW,
  );

  // Thirty days of readers: a weekly rhythm, a rise over the month, and the NATO story's spike.
  const today = localDay(NOW, 'Europe/Sofia');
  const published = await db.selectFrom('articles').select('id').where('status', '=', 'published').execute();
  const rows = [];
  for (let back = 0; back < 30; back++) {
    const day = addDays(today, -back);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1;
    const trend = 1 + (30 - back) / 30;
    const spike = day === '2022-01-22' || day === '2022-01-23' ? 2.2 : 1;
    const share = back === 0 ? 0.4 : 1; // today is not over yet
    for (const [i, { id }] of published.entries()) {
      const weight = ((i * 37) % 11) + 1;
      rows.push({ article_id: id, day, views: Math.round(weight * 6 * weekly * trend * spike * share) });
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('article_views_daily')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc
          .columns(['article_id', 'day'])
          .doUpdateSet({ views: sql`article_views_daily.views + excluded.views` }),
      )
      .execute();
  }

  // Copy in progress: a draft, one waiting for review, one scheduled, and an edited story.
  const write = (
    title: string,
    section: string,
    status: 'draft' | 'review' | 'scheduled',
    by = reporter,
    extra = {},
  ) =>
    createArticle(content, actorOf(by), {
      title,
      section,
      lead: '',
      body: paragraphs(`${title}.`),
      status,
      ...extra,
    });
  await write('Sofia’s new metro line: what changes for commuters', 'society', 'review');
  await write('Interview: the mayor of Plovdiv on the city’s budget', 'politics', 'draft');
  await write('Snow closes mountain passes in the Rhodopes', 'society', 'draft', editor);
  await write('Parliament to vote on the energy bill', 'politics', 'scheduled', editor, {
    publishedAt: '2022-01-31T07:00:00Z',
  });
  const story = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .executeTakeFirstOrThrow();
  const current = await getArticle(db, story.id);
  await updateArticle(
    content,
    actorOf(editor),
    story.id,
    { ...snapshotOf(current), lead: `${current.lead} Updated with new figures.` },
    {
      expectedVersion: current.version,
    },
  );
  return { editor, story: story.id };
}

test('the back office in Chromium', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  // Served to the browser over plain http, as a site on http: its cookies are not Secure.
  const { app } = await buildTestApp(t, { demo: true, now: NOW, config: { siteUrl: 'http://127.0.0.1' } });
  const { story } = await workingNewsroom(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  t.after(() => context.close());
  const office = new BackOffice(await context.newPage(), base);
  const refused = policyViolations(office.page);
  await office.signIn(app, 'editor@example.org');

  await t.test('screenshots of the article list and the dashboard', async (t) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, url, height] of [
      ['admin-articles', '/admin/articles', 1100],
      ['admin-dashboard', '/admin', 1400],
    ] as const) {
      await office.open(url);
      const overflow = await office.page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.equal(overflow, 0, `${url} scrolls sideways by ${overflow}px`);
      const file = await office.screenshot(name, height);
      const { size } = fs.statSync(file);
      t.diagnostic(`${path.relative(ROOT, file)}: ${Math.round(size / 1024)} KB`);
      assert.ok(size < MAX_SCREENSHOT_BYTES, `${file} is ${size} bytes, over ${MAX_SCREENSHOT_BYTES}`);
    }
    const chart = office.page.getByRole('img', { name: /Views per day/ });
    assert.ok(await chart.isVisible(), 'the chart is drawn');
  });

  await t.test('the select-all box ticks every article on the page', async () => {
    await office.open('/admin/articles');
    await office.page.getByLabel('Select every article on this page').check();
    const boxes = office.page.locator('input[name="ids"]');
    assert.equal(await boxes.count(), 50);
    assert.equal(await office.page.locator('input[name="ids"]:checked').count(), 50);
  });

  await t.test('axe finds no serious or critical accessibility violations', async () => {
    const failures: string[] = [];
    for (const url of [
      '/admin',
      '/admin/articles',
      '/admin/articles?status=draft',
      `/admin/articles/${story}/revisions`,
      `/admin/articles/${story}/revisions/1`,
      '/admin/audit',
      '/admin/articles/from-page',
    ]) {
      await office.open(url);
      await loadAxe(office.page);
      const results = await office.page.evaluate<AxeResults>(
        "axe.run(document, { resultTypes: ['violations'] })",
      );
      for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        failures.push(
          `${url}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
        );
    }
    assert.deepEqual(failures, []);
  });

  await t.test('every page ran within the back office’s policy', async () => {
    const answer = await office.page.request.get(`${base}/admin/articles`);
    assert.match(answer.headers()['content-security-policy'], /script-src 'self';.*frame-ancestors 'none'/);
    assert.deepEqual(refused, [], 'nothing was refused on any page above');
  });
});
