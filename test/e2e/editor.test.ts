/**
 * The article editor in a real browser (Debian's Chromium), against the demo
 * site listening on 127.0.0.1 with a real clock: an editor writes, formats,
 * tags, files and schedules a story, and it reaches readers on time; a
 * contributor cannot publish, by the page or by the API. Also the editor's
 * documentation screenshot. Skipped without Chromium on a developer machine;
 * fails in CI.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import type { FastifyInstance } from 'fastify';
import type { Locator, Page } from 'playwright-core';
import { toLocalInput } from '../../src/admin/editor/local-time.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import sharp from 'sharp';
import {
  actorOf,
  createUser,
  getSettings,
  DiskMediaStore,
  SYSTEM,
  uploadMedia,
} from '../../src/content/index.js';
import { launchBrowser, loadAxe, policyViolations } from '../helpers/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT = path.join(ROOT, 'docs/screenshots/admin-editor.png');
const MAX_SCREENSHOT_BYTES = 500 * 1024;
const PASSWORD = 'correct horse battery staple';
/** The library photo the walkthrough makes the story's featured image. */
const FEATURED_ALT = 'Two jets high over the sea at midday';
/** How long a scheduled story may take to reach readers after its time. */
const PUBLISH_WITHIN_MS = 20_000;

/** The demo site with a real clock (scheduling needs time to pass), an editor and a contributor. */
async function liveDemo(t: { after: (fn: () => Promise<void>) => unknown }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-editor-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }, { demo: true });
  const app = await buildApp(config);
  t.after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const users = [];
  for (const role of ['admin', 'editor', 'contributor'] as const) {
    const name = `${role[0].toUpperCase()}${role.slice(1)} Example`;
    users.push(
      await createUser(
        app.services.db,
        SYSTEM,
        { email: `${role}@example.org`, name, role, password: PASSWORD },
        new Date(),
      ),
    );
  }
  // Photos in the media library for the editor to pick: one for the body, one to feature.
  const store = new DiskMediaStore(path.join(dataDir, 'media'));
  await uploadMedia(app.services.content, store, actorOf(users[1]), {
    data: await patrolPhoto(['#3b5a86', '#e9a66b', '#f6d7a7']),
    filename: 'patrol.jpg',
    alt: 'Two fighter jets over a coastline',
    credit: 'Photo: NATO',
  });
  await uploadMedia(app.services.content, store, actorOf(users[1]), {
    data: await patrolPhoto(['#2f6fb3', '#8fbde6', '#d6ebf8']),
    filename: 'patrol-midday.jpg',
    alt: FEATURED_ALT,
    caption: 'Alliance jets on patrol over the Black Sea',
    credit: 'Photo: NATO',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, base, timeZone: (await getSettings(app.services.db)).timeZone };
}

/** A made-up picture: two jets over the sea, under a sky of three colours from the top down. */
function patrolPhoto(sky: [string, string, string]): Promise<Buffer> {
  const jet = (x: number, y: number, scale: number) =>
    `<path transform="translate(${x} ${y}) scale(${scale})" fill="#1d2430" d="M0 0 L120 -8 L150 0 L120 8 Z M60 -4 L40 -40 L55 -40 L90 -5 Z M60 4 L40 40 L55 40 L90 5 Z M5 -2 L-8 -18 L2 -18 L18 -2 Z M5 2 L-8 18 L2 18 L18 2 Z"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="0.6" stop-color="${sky[1]}"/><stop offset="1" stop-color="${sky[2]}"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#sky)"/>
    <path d="M0 640 C300 600 500 660 800 630 S1300 600 1600 650 V900 H0 Z" fill="#27405c"/>
    <path d="M0 700 C400 680 900 720 1600 690 V900 H0 Z" fill="#1c2f45"/>
    <circle cx="1220" cy="560" r="70" fill="#fbe3b5" opacity="0.85"/>
    ${jet(420, 300, 1.6)} ${jet(700, 380, 1.2)}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** Polls `check` until it returns a value, failing with `what` after `ms`. */
async function eventually<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

class SignInPage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  async signIn(email: string): Promise<void> {
    await this.page.goto(`${this.base}/admin/login`);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([
      this.page.waitForURL(/\/admin\/?$/),
      this.page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }
}

/** The article editor, located by role and label as an editor finds things. */
class EditorPage {
  readonly headline: Locator;
  readonly lead: Locator;
  readonly body: Locator;
  readonly toolbar: Locator;

  constructor(
    readonly page: Page,
    readonly base: string,
  ) {
    this.headline = page.getByLabel('Headline', { exact: true });
    this.lead = page.getByLabel('Lead', { exact: true });
    this.body = page.getByRole('textbox', { name: 'Body' });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  }

  async openNew(): Promise<void> {
    await this.page.goto(`${this.base}/admin/articles/new`);
    await this.page.locator('form[data-state="ready"]').waitFor();
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  action(name: string): Locator {
    return this.page
      .getByRole('complementary', { name: 'Article settings' })
      .getByRole('button', { name, exact: true });
  }

  /** Types at the end of the body. */
  async type(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Selects the last `length` characters before the cursor. */
  async selectBack(length: number): Promise<void> {
    for (let i = 0; i < length; i++) await this.page.keyboard.press('Shift+ArrowLeft');
  }

  async bold(word: string): Promise<void> {
    await this.type(word);
    await this.selectBack(word.length);
    await this.tool('Bold').click();
    assert.equal(await this.tool('Bold').getAttribute('aria-pressed'), 'true');
    await this.page.keyboard.press('End');
    await this.tool('Bold').click();
  }

  async link(text: string, href: string): Promise<void> {
    await this.type(text);
    await this.selectBack(text.length);
    await this.tool('Link').click();
    const dialog = this.page.getByRole('dialog', { name: 'Link' });
    await dialog.getByLabel('Address').fill(href);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.page.keyboard.press('End');
  }

  /** Inserts an image from the media library, with a caption and credit. */
  async image(image: { alt: string; caption: string; credit: string }): Promise<void> {
    await this.tool('Image').click();
    const dialog = this.page.getByRole('dialog', { name: 'Image' });
    await dialog.getByRole('button', { name: `Use ${image.alt}` }).click();
    assert.match(await dialog.getByLabel('Image address').inputValue(), /^\/media\//);
    assert.equal(
      await dialog.getByLabel('Alternative text').inputValue(),
      image.alt,
      'the library’s alt text',
    );
    await dialog.getByLabel('Caption').fill(image.caption);
    await dialog.getByLabel('Credit').fill(image.credit);
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.body.locator('figure img').waitFor();
  }

  /** Inserts a related-article block found by `query`; returns the headline chosen. */
  async related(query: string): Promise<string> {
    await this.tool('Related article').click();
    const dialog = this.page.getByRole('dialog', { name: 'Insert a related article' });
    await dialog.getByLabel('Find an article').fill(query);
    const hit = dialog.getByRole('list', { name: 'Articles found' }).getByRole('button').first();
    await hit.waitFor();
    const title = (await hit.locator('.ed-hit__title').textContent()) ?? '';
    await hit.click();
    await dialog.waitFor({ state: 'hidden' });
    await this.body.getByText(title).waitFor();
    return title;
  }

  /** The sidebar's "Featured image" panel. */
  featuredPanel(): Locator {
    return this.page.getByRole('region', { name: 'Featured image' });
  }

  /** Makes the library image with this alt text the featured image, through the library dialog. */
  async featuredImage(alt: string): Promise<void> {
    const panel = this.featuredPanel();
    await panel.getByRole('button', { name: 'Choose…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Featured image' });
    assert.equal(await dialog.getByLabel('Image address').isVisible(), false, 'no address to type');
    await dialog.getByRole('button', { name: `Use ${alt}` }).click();
    await dialog.getByRole('button', { name: 'Set featured image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const thumbnail = panel.getByRole('img', { name: alt });
    await thumbnail.waitFor();
    assert.match((await thumbnail.getAttribute('src')) ?? '', /-320\.webp$/, 'the smallest size');
    await this.page.waitForFunction(`document.querySelector('#featured-image img').naturalWidth > 0`);
    assert.equal(await panel.getByRole('button', { name: 'Remove' }).isVisible(), true);
  }

  suggestion(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Add tag ${name}\\b`) });
  }

  tag(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Tags of this article' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }
}

/** The reader site, read as a reader's browser reads it. */
class ReaderSite {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  async ok(url: string): Promise<boolean> {
    return (await this.page.request.get(this.base + url)).ok();
  }

  async text(url: string): Promise<string> {
    const response = await this.page.request.get(this.base + url);
    assert.equal(response.status(), 200, url);
    return response.text();
  }
}

test('the article editor in Chromium', async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const { app, base, timeZone } = await liveDemo(t);

  await t.test('an editor writes, tags and schedules a story, and readers get it on time', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    t.after(() => context.close());
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const refused = policyViolations(page);
    await new SignInPage(page, base).signIn('editor@example.org');
    const editor = new EditorPage(page, base);
    await editor.openNew();

    const title = 'NATO moves Kestrelwatch air patrols to Romania as Russia masses troops';
    await editor.headline.fill(title);
    await editor.lead.fill(
      'The Alliance will fly more patrols over Romania and Bulgaria, its secretary general said.',
    );
    await editor.type(
      'NATO will double its air patrols over Romania and Bulgaria, the Alliance said on Monday, as Russia kept moving troops towards Ukraine. The decision is ',
    );
    await editor.bold('final');
    await editor.type(', officials said, and follows ');
    await editor.link('the Madrid summit', 'https://www.nato.int/cps/en/natohq/news.htm');
    await editor.type('. Russia called the move a provocation.');
    await editor.image({
      alt: 'Two fighter jets over a coastline',
      caption: 'Allied jets over the Black Sea coast',
      credit: 'Photo: NATO',
    });
    const related = await editor.related('Lavrov');
    assert.match(related, /Lavrov/);

    // Suggested tags come from the text; the demo already has NATO and Russia.
    for (const name of ['NATO', 'Russia']) {
      const suggestion = editor.suggestion(name);
      await suggestion.waitFor({ timeout: 10_000 });
      assert.match((await suggestion.textContent()) ?? '', /existing$/, `${name} is an existing tag`);
      await suggestion.click();
      await editor.tag(name).waitFor();
    }
    await page.getByLabel('Section').selectOption({ label: 'Defense' });
    await editor.featuredImage(FEATURED_ALT);
    assert.match(
      (await editor.featuredPanel().textContent()) ?? '',
      /Alt text\s*Two jets high over the sea at midday\s*Caption\s*Alliance jets on patrol over the Black Sea/,
    );

    // No serious or critical accessibility problems in the editor as it is being used.
    await loadAxe(page);
    const axe = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
    const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );

    await page.evaluate('document.fonts.ready');
    await page.evaluate('window.scrollTo(0, 0)');
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({
      path: SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1366, height: 1240 },
    });
    const { size } = fs.statSync(SCREENSHOT);
    t.diagnostic(`${path.relative(ROOT, SCREENSHOT)}: ${Math.round(size / 1024)} KB`);
    assert.ok(size < MAX_SCREENSHOT_BYTES, `the screenshot is ${size} bytes`);

    // Five seconds from now, in the site's time zone: the button becomes "Schedule".
    const at = new Date(Date.now() + 5_000);
    await page.getByLabel(/Publish time/).fill(toLocalInput(at.toISOString(), timeZone));
    await editor.action('Schedule').click();
    await page.locator('#save-state', { hasText: /^Scheduled for/ }).waitFor();
    assert.match(page.url(), /\/admin\/articles\/\d+\/edit$/, 'the address is the saved article’s');
    const id = Number(/\/articles\/(\d+)\/edit/.exec(page.url())![1]);
    const saved = (await page.request.get(`${base}/api/admin/articles/${id}`)).json() as Promise<{
      status: string;
      path: string;
      tags: string[];
      section: string;
      publishedAt: string;
      featuredImage: number | null;
    }>;
    const article = await saved;
    const featured = await (app as FastifyInstance).services.db
      .selectFrom('media')
      .select(['id'])
      .where('alt', '=', FEATURED_ALT)
      .executeTakeFirstOrThrow();
    assert.equal(article.status, 'scheduled');
    assert.equal(article.section, 'defense');
    assert.deepEqual(article.tags, ['NATO', 'Russia']);
    assert.equal(article.featuredImage, featured.id, 'the featured image was saved');
    assert.equal(Math.floor(Date.parse(article.publishedAt) / 1000), Math.floor(at.getTime() / 1000));

    // Not yet, then on time: polled, as a reader reloading would.
    const reader = new ReaderSite(page, base);
    assert.equal(await reader.ok(article.path), false, 'readers cannot see it before its time');
    await eventually('the story to be published', PUBLISH_WITHIN_MS, async () =>
      (await reader.ok(article.path)) ? true : undefined,
    );
    assert.ok(Date.now() >= at.getTime() - 1000, 'not before its time');

    const story = await context.newPage();
    await story.goto(base + article.path);
    assert.equal((await story.getByRole('heading', { level: 1 }).textContent())?.trim(), title);
    const body = story.locator('.article-body');
    assert.equal(await body.locator('strong').textContent(), 'final');
    assert.equal(
      await body.getByRole('link', { name: 'the Madrid summit' }).getAttribute('href'),
      'https://www.nato.int/cps/en/natohq/news.htm',
    );
    const figure = body.locator('figure');
    assert.match((await figure.locator('img').getAttribute('src')) ?? '', /^\/media\//);
    assert.equal(await figure.locator('img').getAttribute('alt'), 'Two fighter jets over a coastline');
    await figure.locator('img').scrollIntoViewIfNeeded();
    await story.waitForFunction(`document.querySelector('.article-body figure img').naturalWidth > 0`);
    assert.match(
      (await figure.locator('figcaption').textContent()) ?? '',
      /Allied jets over the Black Sea coast\s+Photo: NATO/,
    );
    assert.equal(
      (await body.locator('.inline-related .inline-related__title').textContent())?.trim(),
      related,
    );
    assert.deepEqual(await story.locator('nav.tags a[rel="tag"]').allTextContents(), ['NATO', 'Russia']);
    // The featured image leads the story, above the body, in every stored size.
    const lead = story.locator('figure.figure--featured');
    assert.equal(await lead.count(), 1);
    assert.equal(await lead.locator('img').getAttribute('alt'), FEATURED_ALT);
    assert.match(
      (await lead.locator('img').getAttribute('srcset')) ?? '',
      /-320\.webp 320w, .+-1600\.webp 1600w$/,
    );
    await story.waitForFunction(`document.querySelector('figure.figure--featured img').naturalWidth > 0`);
    assert.match(
      (await lead.locator('figcaption').textContent()) ?? '',
      /Alliance jets on patrol over the Black Sea\s+Photo: NATO/,
    );

    assert.ok((await reader.text('/sections/defense')).includes(article.path), 'listed in Defense');
    assert.ok((await reader.text('/feed.xml')).includes(article.path), 'in the RSS feed');
    await eventually('the story in search results', 5_000, async () =>
      (await reader.text('/search?q=Kestrelwatch')).includes(article.path) ? true : undefined,
    );
    assert.deepEqual(errors, [], 'no script errors in the editor');
    assert.deepEqual(refused, [], 'the editor works within the back office’s policy: nothing refused');
  });

  await t.test(
    'a draft saves itself; a conflicting save keeps the editor’s work until they choose',
    async (t) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      t.after(() => context.close());
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await new SignInPage(page, base).signIn('editor@example.org');
      const editor = new EditorPage(page, base);
      await editor.openNew();
      await editor.headline.fill('A draft that saves itself');
      await page.getByLabel('Section').selectOption({ label: 'Politics' });
      await page.locator('#save-state', { hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
      assert.match(page.url(), /\/admin\/articles\/\d+\/edit$/, 'the autosaved draft has its own address');
      const id = Number(/\/articles\/(\d+)\/edit/.exec(page.url())![1]);
      const savedImage = async () =>
        (
          (await (await page.request.get(`${base}/api/admin/articles/${id}`)).json()) as {
            featuredImage: number | null;
          }
        ).featuredImage;

      // A featured image is a change like any other: the draft saves itself with it, and without it.
      await editor.featuredImage('Two fighter jets over a coastline');
      const chosen = await eventually(
        'the featured image to be autosaved',
        10_000,
        async () => (await savedImage()) ?? undefined,
      );
      await editor.featuredPanel().getByRole('button', { name: 'Remove' }).click();
      assert.equal(await editor.featuredPanel().getByRole('img').count(), 0);
      await eventually('the removal to be autosaved', 10_000, async () =>
        (await savedImage()) === null ? true : undefined,
      );
      assert.ok(chosen > 0);
      await page.locator('#save-state', { hasText: /^Saved at \d\d:\d\d$/ }).waitFor();

      // Someone else saves the draft meanwhile.
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const theirs = await page.request.get(`${base}/api/admin/articles/${id}`);
      const current = (await theirs.json()) as { version: number; body: unknown };
      const other = await page.request.put(`${base}/api/admin/articles/${id}`, {
        headers: { 'x-csrf-token': token },
        data: { title: 'Their headline', body: current.body, section: 'politics', version: current.version },
      });
      assert.equal(other.status(), 200);

      await editor.type('My paragraph, which must not be lost.');
      const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved this article' });
      await conflict.waitFor();
      assert.equal(
        await conflict
          .getByRole('link', { name: 'Open the latest version in a new tab' })
          .getAttribute('href'),
        `/admin/articles/${id}/edit`,
      );
      assert.match(
        (await editor.body.textContent()) ?? '',
        /My paragraph, which must not be lost\./,
        'the work is still there',
      );
      await conflict.getByRole('button', { name: 'Save mine over it' }).click();
      await page.locator('#save-state', { hasText: /^Saved at/ }).waitFor();
      const saved = (await (await page.request.get(`${base}/api/admin/articles/${id}`)).json()) as {
        title: string;
        body: unknown;
      };
      assert.equal(saved.title, 'A draft that saves itself');
      assert.match(JSON.stringify(saved.body), /My paragraph, which must not be lost\./);

      // A refused save names the field, marks it and keeps the text.
      await page.getByText('URL and search engines').click();
      await page.getByLabel(/^Slug/).fill('Not A Slug!');
      await editor.action('Save draft').click();
      await page
        .getByRole('alert')
        .filter({ hasText: /^Not saved: Slug: / })
        .waitFor();
      assert.equal(await page.getByLabel(/^Slug/).getAttribute('aria-invalid'), 'true');
    },
  );

  await t.test('a contributor is offered no Publish button, and the API refuses them too', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    t.after(() => context.close());
    const page = await context.newPage();
    await new SignInPage(page, base).signIn('contributor@example.org');
    const editor = new EditorPage(page, base);
    await editor.openNew();
    assert.equal(await editor.action('Submit for review').count(), 1);
    assert.equal(await editor.action('Save draft').count(), 1);
    for (const name of ['Publish', 'Schedule', 'Update', 'Unpublish'])
      assert.equal(await editor.action(name).count(), 0, `no ${name} button`);

    // The page's own CSRF token, straight at the API: a draft is allowed, publishing is not.
    // A string, not a function: the test runner's transpiler would add helpers the page does not have.
    const attempt = await page.evaluate<{
      draft: number;
      id: number;
      publish: { status: number; code: string };
    }>(`(async () => {
      const token = document.querySelector('input[name="_csrf"]').value;
      const send = async (method, url, body) => {
        const response = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: await response.json() };
      };
      const article = {
        title: 'A contributor’s story',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Copy.' }] }] },
        section: 'defense',
      };
      const draft = await send('POST', '/api/admin/articles', { ...article, status: 'draft' });
      const publish = await send('PUT', '/api/admin/articles/' + draft.json.id, {
        ...article,
        status: 'published',
        version: draft.json.version,
      });
      return { draft: draft.status, id: draft.json.id, publish: { status: publish.status, code: publish.json.error?.code } };
    })()`);
    assert.equal(attempt.draft, 201);
    assert.equal(attempt.publish.status, 403);
    assert.equal(attempt.publish.code, 'FORBIDDEN');
    const row = await (app as FastifyInstance).services.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft', 'the article stayed a draft');
  });

  await t.test("pasted copy keeps its text, not other sites' pictures or control characters", async (t) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
        elsewhere.push(request.url());
    });
    await new SignInPage(page, base).signIn('editor@example.org');
    const editor = new EditorPage(page, base);
    await editor.openNew();
    const title = 'Pasted from a partner page';
    await editor.headline.fill(title);
    await page.getByLabel('Section').selectOption({ label: 'Defense' });
    await editor.body.click();
    // As a browser pastes from another page: the HTML and the plain text on the clipboard.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Wire copy\\u000b with a bell\\u0007.</p>' +
        '<figure><img src="https://tracker.example/pixel.jpg" srcset="https://tracker.example/2x.jpg 2x" alt="Tracked">' +
        '<figcaption>Their picture</figcaption></figure>' +
        '<p><strong>Bold one<br>bold two</strong> and &#11;an entity.</p><p>Last line.</p>');
      data.setData('text/plain', 'Wire copy with a bell. Their picture. Last line.');
      document.querySelector('.ed-prose').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    })()`);
    await page.getByText('Last line.').waitFor();
    assert.equal(await editor.body.locator('img').count(), 0, 'no picture from another site in the editor');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/admin/articles') && r.request().method() === 'POST'),
      editor.action('Save draft').click(),
    ]);
    assert.equal(response.status(), 201, await response.text());
    const saved = await (app as FastifyInstance).services.db
      .selectFrom('articles')
      .select('body')
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(JSON.parse(saved.body));
    assert.match(text, /Wire copy with a bell\./);
    assert.match(text, /Their picture/);
    assert.match(text, /"bold two"/, 'a line break inside bold saves');
    assert.match(text, / and an entity\./, 'a control character typed as an entity is left out');
    assert.doesNotMatch(text, /tracker\.example|"image"/);
    assert.deepEqual(elsewhere, [], 'the editor asked no other site for anything');
  });
});
