import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { insertSource } from '../../src/content/index.js';
import { FeedPoller } from '../../src/ingest/feed-poller.js';
import { DEFAULT_OUTBOUND } from '../../src/ingest/outbound.js';
import { makeUser, TEST_PASSWORD } from '../helpers/admin-session.js';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { launchBrowser, loadAxe, policyViolations } from '../helpers/browser.js';
import { listenLocally } from '../helpers/ports.js';

const STORY = [
  'The port of Varna will open a second passenger ferry line in June, its harbour authority said on Friday.',
  'The new line will run twice a day in summer and once a day from October.',
];

test('an editor opens Incoming, writes from a partner’s item with its copy beside the body, tagged and filed from the start, publishes, and readers see the source credited', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const feed = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      `<rss version="2.0"><channel><title>Harbour Wire</title>
        <item><guid>hw-1</guid><title>Second ferry line approved for the islands</title><link>https://harbour.example/ferry</link>
        <category>Transport</category><category>Society</category>
        <description>The harbour authority approved a second passenger line.</description>
        <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>${STORY[0]}</p><p>${STORY[1]}</p>]]></content:encoded></item>
      </channel></rss>`,
    );
  });
  const feedBase = await listenLocally(feed);
  t.after(() => feed.close());

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-incoming-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }, { demo: true });
  const app: FastifyInstance = await buildApp(config);
  t.after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await makeUser(app, 'editor');
  const db = app.services.db;
  const source = await insertSource(db, {
    slug: 'harbour-wire',
    name: 'Harbour Wire',
    url: 'https://harbour.example',
  });
  await db
    .insertInto('partner_feeds')
    .values({
      source_id: source.id,
      url: `${feedBase}/feed.xml`,
      next_fetch_at: new Date().toISOString(),
      created_at: new Date().toISOString(),
    })
    .execute();
  const poller = new FeedPoller(db, {
    policy: { ...DEFAULT_OUTBOUND, allow: ['127.0.0.1/32'] },
    now: () => new Date(),
    everyMs: 60_000,
  });
  assert.equal((await poller.pollDue()).added, 1);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  t.after(() => context.close());
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const refused = policyViolations(page);
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill('editor@example.org');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/admin\/?$/), page.getByRole('button', { name: 'Sign in' }).click()]);

  await page.getByRole('link', { name: 'Incoming' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Second ferry line approved for the islands' });
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /Harbour Wire/);
  assert.match(
    (await page.getByRole('row', { name: /Harbour Wire/ }).textContent()) ?? '',
    /Fine, last read/,
  );
  assert.deepEqual(await seriousViolations(page), [], 'the Incoming page: no serious accessibility problem');

  // The editor's address is what this waits for; the form says below when the editor is ready.
  await Promise.all([
    page.waitForURL(/\/admin\/articles\/\d+\/edit$/, { waitUntil: 'commit', timeout: 30_000 }),
    item.getByRole('button', { name: 'Write from this' }).click(),
  ]);
  await page.locator('form[data-state="ready"]').waitFor();
  assert.equal(
    await page.getByLabel('Headline', { exact: true }).inputValue(),
    'Second ferry line approved for the islands',
  );
  assert.equal(await page.getByLabel('Source').inputValue(), 'harbour-wire');
  assert.match(
    (await page.getByRole('textbox', { name: 'Body' }).textContent()) ?? '',
    /twice a day in summer/,
  );
  // Filed from the start: the site's tag the text names and the one its feed category names,
  // in the section the other category names.
  assert.deepEqual(
    (
      await page.getByRole('list', { name: 'Tags of this article' }).getByRole('listitem').allTextContents()
    ).map((chip) => chip.replace('×', '').trim()),
    ['Varna', 'Transport'],
  );
  assert.equal(await page.getByLabel('Section').inputValue(), 'society');
  // The partner's copy beside the body, its original a new tab away.
  const copy = page.getByRole('region', { name: 'The partner’s copy' });
  assert.match((await copy.textContent()) ?? '', /Second ferry line approved for the islands/);
  assert.match((await copy.textContent()) ?? '', /twice a day in summer/);
  const original = page.getByRole('link', { name: /^The original on harbour\.example/ });
  assert.equal(await original.getAttribute('href'), 'https://harbour.example/ferry');
  assert.equal(await original.getAttribute('target'), '_blank');
  assert.equal(await original.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await copy.isVisible(), true);
  assert.deepEqual(
    await seriousViolations(page),
    [],
    'the editor with the copy: no serious accessibility problem',
  );
  await page.getByText('Written from', { exact: true }).click();
  await copy.waitFor({ state: 'hidden' });
  // Written in our own words, then published.
  await page
    .getByLabel('Headline', { exact: true })
    .fill('Varna gets a second ferry line to the islands in June');
  const [saved] = await Promise.all([
    page.waitForResponse(
      (r) => /\/api\/admin\/articles\/\d+$/.test(r.url()) && r.request().method() === 'PUT',
    ),
    page
      .getByRole('complementary', { name: 'Article settings' })
      .getByRole('button', { name: 'Publish', exact: true })
      .click(),
  ]);
  assert.equal(saved.status(), 200, await saved.text());
  const article = await saved.json();
  assert.equal(article.status, 'published');

  const reader = await context.newPage();
  await reader.goto(base + article.path);
  assert.equal(
    await reader.locator('h1').textContent(),
    'Varna gets a second ferry line to the islands in June',
  );
  assert.match((await reader.locator('.source-credit').textContent()) ?? '', /Source: \/Harbour Wire/);

  // The item left the queue, linked to the article.
  const row = await db
    .selectFrom('incoming_items')
    .select(['status', 'article_id'])
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'used', article_id: article.id });
  await page.goto(`${base}/admin/incoming`);
  assert.equal(await page.getByRole('listitem').filter({ hasText: 'Second ferry line' }).count(), 0);
  assert.deepEqual(refused, [], 'the pages’ policy refused nothing');
});

/** The page's serious and critical accessibility problems, by axe-core: one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  const axe = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
