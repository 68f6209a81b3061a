/**
 * `npm run bench` (no arguments): times the reader site's hot paths on the demo content,
 * in-process (app.inject, no network), and writes bench/results/latest.json.
 * Numbers on a shared machine are noisy: compare ratios from the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { buildApp } from '../src/app.js';
import { PageCache } from '../src/cache/page-cache.js';
import { loadConfig } from '../src/config.js';
import { getVisibleArticle, relatedBlockIds, summariesByIds } from '../src/content/index.js';
import { ArticlePage } from '../src/site/templates/article-page.js';
import type { SiteContext } from '../src/site/templates/site-context.js';
import { getSettings, listSections } from '../src/content/index.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: samples.length,
    medianMs: round(pick(0.5)),
    p95Ms: round(pick(0.95)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}
const round = (n: number) => Math.round(n * 1000) / 1000;

async function time(fn: () => Promise<unknown> | unknown, n = ITERATIONS): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function benchDemo(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-'));
  const config = loadConfig(
    { DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1:3000' },
    { demo: true },
  );
  const app = await buildApp(config);
  const db = app.services.db;
  const nato = await db
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('featured', '=', 1)
    .executeTakeFirstOrThrow();
  const articleUrl = `/articles/${nato.id}/${nato.slug}`;

  const results: Record<string, unknown> = {};
  for (const [name, url] of [
    ['home', '/'],
    ['article', articleUrl],
    ['section', '/sections/defense'],
    ['search', '/search?q=nato+russia'],
    ['feed.xml', '/feed.xml'],
  ] as const) {
    const samples = await time(async () => {
      const r = await app.inject(url);
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
    });
    results[`GET ${name}`] = stats(samples);
  }

  // The renderer alone, on the article page's data: how much of a cache miss is templating.
  const now = new Date().toISOString();
  const article = (await getVisibleArticle(db, nato.id, now))!;
  const inline = new Map(
    (await summariesByIds(db, now, relatedBlockIds(article.body))).map((a) => [a.id, a]),
  );
  const site: SiteContext = {
    settings: await getSettings(db),
    sections: (await listSections(db)).map((s) => ({ id: s.id, slug: s.slug, name: s.name })),
    siteUrl: config.siteUrl,
    path: articleUrl,
    now: new Date(),
    assets: app.services.assets,
  };
  results['render article (preact-render-to-string)'] = stats(
    await time(() =>
      renderToString(h(ArticlePage, { site, data: { article, inlineRelated: inline, related: [] } })),
    ),
  );

  // Beacons: how many views a second the counter takes, in-process.
  const beacons = 5000;
  const start = performance.now();
  for (let i = 0; i < beacons; i++) {
    await app.inject({
      method: 'POST',
      url: `/api/articles/${nato.id}/views`,
      headers: { 'user-agent': `Mozilla/5.0 bench-${i}` },
    });
  }
  results['POST view beacon'] = {
    n: beacons,
    perSecond: Math.round(beacons / ((performance.now() - start) / 1000)),
  };

  // The process's memory with the demo site served, before the page caches below fill it.
  const rssMb = Math.round(process.memoryUsage().rss / 1e6);

  // A change applied to the page cache: each stored page is looked at (page-cache.ts `drop`).
  for (const pages of [2_500, 10_000]) {
    const cache = await filledPageCache(pages);
    let change = 0;
    results[`page cache: a change applied over ${pages.toLocaleString('en-US')} pages`] = stats(
      await time(() => {
        change++;
        cache.drop([`article-${pages + change}`, `related-${pages + change}`]);
        return cache.lookup('/');
      }, 200),
    );
  }

  const render = results['render article (preact-render-to-string)'] as { medianMs: number };
  const page = results['GET article'] as { medianMs: number };
  const output = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    iterations: ITERATIONS,
    results,
    ratios: { 'article render / article request (median)': round(render.medianMs / page.medianMs) },
    rssMb,
  };
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const file = path.join(import.meta.dirname, 'results', 'latest.json');
  fs.writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

/**
 * A page cache holding `pages` article pages of 12.8 KB with the keys an
 * article page of the generated archive carries (17: its article, section,
 * source and tags, the lists they are in, the menu, the settings).
 */
async function filledPageCache(pages: number): Promise<PageCache> {
  const cache = new PageCache({
    maxBytes: 64 * 1024 * 1024 * 1024,
    freshMs: 3_600_000,
    staleMs: 0,
    now: () => Date.now(),
    onError: (error) => {
      throw error;
    },
  });
  const body = Buffer.alloc(12_800, 'x');
  for (let i = 0; i < pages; i++) {
    const tags = Array.from({ length: 5 }, (_, j) => (i * 7 + j * 13) % 3000);
    const keys = new Set([
      `article-${i}`,
      `related-${i}`,
      `section-${i % 12}`,
      `list-section-${i % 12}`,
      `source-${i % 40}`,
      'list-all',
      'sections',
      'settings',
      'most-read',
      ...tags.map((t) => `tag-${t}`),
      ...tags.slice(0, 3).map((t) => `list-tag-${t}`),
    ]);
    await cache.fill(`/articles/${i}/a-headline-made-into-a-slug`, async () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body,
      keys,
      cacheable: true,
      beforeRouting: true,
    }));
  }
  if (cache.stats.pages !== pages)
    throw new Error(`the page cache kept ${cache.stats.pages} of ${pages} pages`);
  return cache;
}
