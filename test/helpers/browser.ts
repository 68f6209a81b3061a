import fs from 'node:fs';
import type { TestContext } from 'node:test';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser tests use Debian's Chromium (`apt-get install chromium`), never a
 * browser downloaded by Playwright. CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether we run in CI, where a missing browser is a failure rather than a skip. */
export function inCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return Boolean(ci) && ci !== '0' && ci !== 'false';
}

/**
 * Launches Chromium, closed after the test. Without Chromium it skips the test
 * (and returns undefined) on a developer machine, and fails in CI.
 *
 * @example
 *   const browser = await launchBrowser(t);
 *   if (!browser) return;
 */
export async function launchBrowser(t: TestContext): Promise<Browser | undefined> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    const why = `Chromium not installed: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;
    if (inCi()) throw new Error(`${why}; CI must run the browser tests`);
    t.skip(why);
    return undefined;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  return browser;
}

/**
 * A user agent of an ordinary desktop or phone Chrome. Headless Chromium says
 * "HeadlessChrome", which the view counter rightly treats as a bot.
 */
export function readerUserAgent(browser: Browser, phone = false): string {
  const major = browser.version().split('.')[0];
  return phone
    ? `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`
    : `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Loads axe-core into the page. Through the debugging protocol, not a
 * `<script>` element: every page's policy refuses inline scripts, and a test
 * must not loosen it (no `bypassCSP`).
 */
export async function loadAxe(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
}

/**
 * What the page's Content-Security-Policy refused, as Chromium reports it on
 * the console: the returned list fills as the page runs.
 */
export function policyViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}
