/**
 * The reader site in a real browser (Debian's Chromium): documentation
 * screenshots, accessibility (axe-core), pages without JavaScript, and the
 * view beacon. Skipped without Chromium on a developer machine; fails in CI.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result as AxeResult } from 'axe-core';
import type { Page } from 'playwright-core';
import { articleIdBySlug, buildDemoApp, NATO_SLUG } from '../helpers/build-app.js';
import { launchBrowser, readerUserAgent, loadAxe } from '../helpers/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
/** Screenshots are committed: each stays under this size. */
const MAX_SCREENSHOT_BYTES = 500 * 1024;
/** A fixed clock the morning after the demo's last story, so the committed screenshots change only when the design does. */
const NOW = new Date('2022-01-29T08:30:00Z');

const VIEWPORTS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

test('the reader site in Chromium', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { app } = await buildDemoApp(t, NOW);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const articleId = await articleIdBySlug(app, NATO_SLUG);
  const articlePath = `/articles/${articleId}/${NATO_SLUG}`;
  const apiArticle = async () =>
    (await app.inject({ method: 'GET', url: `/api/articles/${articleId}` })).json<{
      title: string;
      views: number;
      section: { slug: string };
    }>();
  const { title, section } = await apiArticle();

  await t.test('screenshots of the home and article pages at desktop and phone widths', async (t) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [device, options] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext(options);
      t.after(() => context.close());
      const page = await context.newPage();
      for (const [name, url] of [
        ['home', '/'],
        ['article', articlePath],
      ] as const) {
        const response = await page.goto(base + url);
        assert.equal(response?.status(), 200, url);
        await page.evaluate('document.fonts.ready');
        await assertTextRenders(page, name === 'home' ? '.masthead__name' : 'h1.story__title');
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        assert.equal(overflow, 0, `${url} at ${device} width scrolls sideways by ${overflow}px`);
        const file = path.join(SCREENSHOTS, `${name}-${device}.png`);
        // The home page is long: its first screens show the design.
        const height = name === 'home' ? (device === 'phone' ? 2400 : 1800) : undefined;
        if (height) {
          const full = await page.evaluate<number>('document.documentElement.scrollHeight');
          await page.screenshot({
            path: file,
            fullPage: true,
            clip: { x: 0, y: 0, width: options.viewport.width, height: Math.min(height, full) },
          });
        } else {
          await page.screenshot({ path: file, fullPage: true });
        }
        const { size } = fs.statSync(file);
        t.diagnostic(`${path.relative(ROOT, file)}: ${Math.round(size / 1024)} KB`);
        assert.ok(size < MAX_SCREENSHOT_BYTES, `${file} is ${size} bytes, over ${MAX_SCREENSHOT_BYTES}`);
      }
    }
  });

  await t.test('axe finds no serious or critical accessibility violations', async (t) => {
    const context = await browser.newContext(VIEWPORTS.desktop);
    t.after(() => context.close());
    const page = await context.newPage();
    const pages: [string, string, number][] = [
      ['home', '/', 200],
      ['article', articlePath, 200],
      ['section', `/sections/${section.slug}`, 200],
      ['search results', '/search?q=nato', 200],
      ['most read', '/most-read', 200],
      ['404', '/no-such-page', 404],
    ];
    const failures: string[] = [];
    for (const [name, url, status] of pages) {
      const response = await page.goto(base + url);
      assert.equal(response?.status(), status, url);
      const violations = await axeViolations(page);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const minor = violations.filter((v) => !blocking.includes(v));
      if (minor.length)
        t.diagnostic(`${name} (${url}), minor: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      for (const v of blocking) failures.push(`${name} (${url}): ${describeViolation(v)}`);
    }
    if (failures.length) console.error(`axe violations:\n${failures.join('\n')}`);
    assert.deepEqual(failures, []);
  });

  await t.test('pages work with JavaScript off', async (t) => {
    const context = await browser.newContext({ ...VIEWPORTS.desktop, javaScriptEnabled: false });
    t.after(() => context.close());
    const page = await context.newPage();

    await page.goto(base + articlePath);
    assert.equal((await page.locator('h1.story__title').textContent())?.trim(), title);
    const paragraphs = page.locator('.article-body p');
    assert.ok((await paragraphs.count()) >= 3, 'the body has paragraphs');
    assert.ok(await paragraphs.first().isVisible());
    assert.ok(
      ((await paragraphs.first().textContent()) ?? '').trim().length > 40,
      'the first paragraph has text',
    );
    const tags = page.locator('nav.tags a[rel="tag"]');
    assert.ok((await tags.count()) >= 1, 'the article shows its tags');
    assert.ok(await tags.first().isVisible());

    await page.goto(base + '/');
    await page.locator('#site-search').fill('nato');
    await Promise.all([page.waitForURL(/\/search\?q=nato$/), page.locator('#site-search').press('Enter')]);
    assert.match(page.url(), new RegExp(`^${base}/search\\?q=nato$`));
    assert.match((await page.locator('.search-summary').textContent()) ?? '', /\d+ articles? match/);
    const hits = page.locator('.search-results > li');
    assert.ok((await hits.count()) >= 1, 'the search finds articles');
    assert.ok(
      (await page.locator('.search-results a', { hasText: title }).count()) >= 1,
      'the NATO story is among the results',
    );
  });

  await t.test('the view beacon counts the view and updates the counter', async (t) => {
    const before = (await apiArticle()).views;
    // A reader's browser: a HeadlessChrome user agent is (rightly) not counted.
    const context = await browser.newContext({ ...VIEWPORTS.desktop, userAgent: readerUserAgent(browser) });
    t.after(() => context.close());
    const page = await context.newPage();
    const beacon = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/articles/${articleId}/views`,
    );
    await page.goto(base + articlePath);
    const response = await beacon;
    assert.equal(response.status(), 202);
    const body = (await response.json()) as { counted: boolean; views: number };
    assert.deepEqual(body, { counted: true, views: before + 1 });
    const expected = Math.max(1, before + 1);
    await page.waitForFunction(
      `Number(document.querySelector('[data-views]').textContent.replace(/,/g, '')) >= ${expected}`,
    );
    const shown = Number(((await page.locator('[data-views]').textContent()) ?? '').replace(/,/g, ''));
    assert.ok(shown >= 1, `the counter shows ${shown}`);
    assert.equal(shown, before + 1);
  });
});

/** Runs axe-core in the page and returns its violations. */
async function axeViolations(page: Page): Promise<AxeResult[]> {
  await loadAxe(page);
  const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  return results.violations;
}

function describeViolation(v: AxeResult): string {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
  return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)\n${nodes}`;
}

/**
 * Fails when the element's text is drawn without glyphs from an installed
 * font (a headless machine without fonts shows empty boxes or nothing).
 */
async function assertTextRenders(page: Page, selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `${selector} is on the page`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const glyphs = fonts.reduce((sum, f) => sum + f.glyphCount, 0);
    assert.ok(
      glyphs > 0,
      `${selector} renders no glyphs: is a font installed (fonts-liberation, fonts-dejavu-core)?`,
    );
  } finally {
    await cdp.detach();
  }
}
