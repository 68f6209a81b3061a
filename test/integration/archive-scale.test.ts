import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { generateArchive } from '../../src/cli/generate.js';
import { loadConfig } from '../../src/config.js';
import { createApiToken, createUser, SYSTEM } from '../../src/content/index.js';
import { migrateToLatest, observeQueries, openDatabase, type ObservedQuery } from '../../src/db/database.js';
import { createSearchIndex } from '../../src/search/index.js';
import { suiteCleanup } from '../helpers/build-app.js';

/*
 * A real newsroom's archive: every reader path, every back-office list
 * filter, search and publish, on generated sites of 20,000 and 40,000
 * articles. Not timed (these machines are shared): the tests read what the
 * database is asked to do.
 *
 * 1. Plans: every statement a request runs is explained (EXPLAIN QUERY PLAN);
 *    none may scan the articles, tags or views tables, and a walk of an
 *    index in order is allowed only under a LIMIT.
 * 2. Work: every reading statement of a request is run again on a connection
 *    with no page cache to speak of, counting the bytes SQLite reads
 *    (/proc/self/io): every row or index entry costs its path from the
 *    B-tree's root. Doubling the archive must leave that count, per row the
 *    page shows, where it was, give or take one more level of the B-trees
 *    (which is what a B-tree costs: log n).
 */

const NOW = new Date('2026-11-20T12:00:00.000Z');
const SMALL = 20_000;

/** Tables whose size is the archive's: a full scan of any of them is a bug. */
const ARCHIVE_TABLES = [
  'articles',
  'article_tags',
  'article_authors',
  'article_revisions',
  'article_related',
  'article_related_picks',
  'article_views_daily',
  'article_views_week',
  'related_queue',
  'tags',
];

interface Site {
  app: FastifyInstance;
  dataDir: string;
  token: string;
  /** Paths whose target depends on the site: an article, the busiest tag and section... */
  targets: Record<string, string>;
}

async function site(articles: number, cleanup: ReturnType<typeof suiteCleanup>): Promise<Site> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-scale-${articles}-`));
  const db = openDatabase({ dataDir });
  await migrateToLatest(db);
  await generateArchive(
    db,
    createSearchIndex(db, () => NOW),
    { articles, seed: 7, now: NOW },
  );
  await db.destroy();
  // The page cache off: what is measured is the work of rendering each path.
  const config = loadConfig({
    DATA_DIR: dataDir,
    SITE_URL: 'https://news.example.org',
    LOG_LEVEL: 'silent',
    PAGE_CACHE_MB: '0',
  });
  const app = await buildApp(config, { now: () => NOW });
  cleanup.after(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const editor = await createUser(
    app.services.db,
    SYSTEM,
    { email: 'editor@example.org', name: 'Editor', role: 'editor', password: 'a long enough password' },
    NOW,
  );
  const token = await createApiToken(app.services.db, editor.id, 'scale test', NOW);
  const read = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    const one = <T>(query: string) => read.prepare(query).get() as T;
    const article = one<{ id: number; slug: string }>(
      `select id, slug from articles where status = 'published' order by id desc limit 1 offset 500`,
    );
    const topTag = one<{ slug: string }>(`select slug from tags order by article_count desc limit 1`);
    const rareTag = one<{ slug: string }>(
      `select slug from tags where article_count between 2 and 20 order by id limit 1`,
    );
    const section = one<{ slug: string }>(`select slug from sections order by article_count desc limit 1`);
    const author = one<{ slug: string }>(`select slug from authors order by article_count desc limit 1`);
    const source = one<{ slug: string }>(`select slug from sources order by article_count desc limit 1`);
    const word = one<{ title: string }>(`select title from articles where id = 1000`).title.split(' ')[0];
    return {
      app,
      dataDir,
      token,
      targets: {
        article: `/articles/${article.id}/${article.slug}`,
        topTag: topTag.slug,
        rareTag: rareTag.slug,
        section: section.slug,
        author: author.slug,
        source: source.slug,
        word,
      },
    };
  } finally {
    read.close();
  }
}

/** Every path, as [name, url, admin?]: the reader site and the back office's lists. */
function paths(s: Site): [string, string, boolean?][] {
  const t = s.targets;
  return [
    ['home', '/'],
    ['article', t.article],
    ['most read today', '/most-read?period=today'],
    ['most read this week', '/most-read?period=week'],
    ['most read of all time', '/most-read?period=all'],
    ['section', `/sections/${t.section}`],
    ['section, page 40', `/sections/${t.section}?page=40`],
    ['the most used tag', `/tags/${t.topTag}`],
    ['the most used tag, page 100', `/tags/${t.topTag}?page=100`],
    ['a rare tag', `/tags/${t.rareTag}`],
    ['author', `/authors/${t.author}`],
    ['source', `/sources/${t.source}`],
    ['archive: a month', '/archive/2025/03'],
    ['archive: a day', '/archive/2025/03/14'],
    ['feed', '/feed.xml'],
    ['tag feed', `/tags/${t.topTag}/feed.atom`],
    ['section feed', `/sections/${t.section}/feed.json`],
    ['sitemap index', '/sitemap.xml'],
    ['a sitemap page', '/sitemaps/articles-3.xml'],
    ['a tag sitemap', '/sitemaps/tags-1.xml'],
    ['news sitemap', '/news-sitemap.xml'],
    ['search: a word in every article', '/search?q=said'],
    ['search: two common words', '/search?q=minister+said'],
    ['search: a headline word', `/search?q=${encodeURIComponent(t.word)}`],
    ['search: a phrase', '/search?q=%22the+minister%22'],
    ['search, page 3', '/search?q=said&page=3'],
    ['article JSON', `/api${t.article.replace(/\/[^/]+$/, '')}`],
    ['admin list', '/api/admin/articles', true],
    ['admin list, page 300', '/api/admin/articles?page=300', true],
    ['admin list: words', `/api/admin/articles?q=${encodeURIComponent(t.word)}`, true],
    ['admin list: the most used tag', `/api/admin/articles?tag=${t.topTag}`, true],
    ['admin list: a rare tag', `/api/admin/articles?tag=${t.rareTag}`, true],
    ['admin list: drafts', '/api/admin/articles?status=draft', true],
    ['admin list: a section, published', `/api/admin/articles?section=${t.section}&status=published`, true],
    ['admin list: an author and a tag', `/api/admin/articles?author=${t.author}&tag=${t.topTag}`, true],
    ['headline picker', `/api/admin/headlines?q=${encodeURIComponent(t.word)}`, true],
  ];
}

/** The statements `run` makes the app execute. */
async function queriesOf(s: Site, run: () => Promise<unknown>): Promise<ObservedQuery[]> {
  const seen: ObservedQuery[] = [];
  const stop = observeQueries(s.app.services.db, (q) => seen.push(q));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

/** A request's statements, and how many rows (articles, list items, URLs) it shows. */
async function get(s: Site, url: string, admin = false): Promise<{ queries: ObservedQuery[]; rows: number }> {
  let rows = 0;
  const queries = await queriesOf(s, async () => {
    const response = await s.app.inject({
      url,
      headers: admin ? { authorization: `Bearer ${s.token}` } : {},
    });
    assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
    rows = (response.body.match(/<li class="article-list__item"|<url>|<sitemap>|<item>|<entry>|"id":/g) ?? [])
      .length;
  });
  return { queries, rows: Math.max(1, rows) };
}

/** Publishing through the admin API, and the related lists the worker then computes. */
async function publish(s: Site, n: number): Promise<ObservedQuery[]> {
  return queriesOf(s, async () => {
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/admin/articles',
      headers: { authorization: `Bearer ${s.token}` },
      payload: {
        title: `A scale test story ${n}`,
        lead: 'Written by the scale test.',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] },
        section: s.targets.section,
        tags: [s.targets.topTag, s.targets.rareTag],
        status: 'published',
      },
    });
    assert.equal(response.statusCode, 201, response.body.slice(0, 200));
    await s.app.services.related.idle();
  });
}

/** Problems in a statement's plan: full scans of archive tables, unbounded index walks. */
function planProblems(s: Site, query: ObservedQuery): string[] {
  const plan = s.app.services.db && explain(s, query);
  const problems: string[] = [];
  for (const step of plan) {
    const scan = /^SCAN (\w+)(?: AS \w+)?(?: USING (?:COVERING )?INDEX \w+)?$/.exec(step);
    if (!scan || !ARCHIVE_TABLES.includes(scan[1])) continue;
    const walk = step.includes(' USING ');
    if (!walk || !/\blimit\b/i.test(query.sql)) problems.push(`${step}  in  ${query.sql}`);
  }
  return problems;
}

function explain(s: Site, query: ObservedQuery): string[] {
  const db = new Database(path.join(s.dataDir, 'newsdesk.db'), { readonly: true });
  try {
    return (
      db.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
  } finally {
    db.close();
  }
}

/** Bytes SQLite reads to run each reading statement again, on a connection without a cache. */
function bytesRead(s: Site, queries: ObservedQuery[]): { sql: string; bytes: number }[] {
  const db = new Database(path.join(s.dataDir, 'newsdesk.db'), { readonly: true });
  db.pragma('cache_size = 0');
  db.pragma('mmap_size = 0');
  try {
    return queries
      .filter((q) => /^\s*(select|with)\b/i.test(q.sql))
      .map((q) => {
        const statement = db.prepare(q.sql);
        const before = readChars();
        statement.all(...(q.parameters as unknown[]));
        return { sql: q.sql, bytes: readChars() - before - CALIBRATION };
      });
  } finally {
    db.close();
  }
}

function readChars(): number {
  return Number(/^rchar: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);
}
/** What reading /proc/self/io itself adds to rchar. */
const CALIBRATION = fs.existsSync('/proc/self/io')
  ? (() => {
      const a = readChars();
      return readChars() - a;
    })()
  : 0;

describe(
  'an archive of 20,000 and 40,000 articles',
  { skip: !fs.existsSync('/proc/self/io') && 'needs Linux /proc/self/io' },
  () => {
    const cleanup = suiteCleanup();
    let small: Site;
    let large: Site;
    before(async () => {
      small = await site(SMALL, cleanup);
      large = await site(2 * SMALL, cleanup);
    });

    test('every reader path, back-office list, search and publish runs on indexes', async () => {
      // The check itself: a filter no index serves, and a walk of a whole table, are caught.
      const caught = (sql: string, parameters: unknown[] = []) =>
        planProblems(small, { sql, parameters }).length;
      assert.equal(caught('select id from articles where lead like ?', ['%a%']), 1);
      assert.equal(caught('select article_id from article_tags order by tag_id, live_at'), 1);
      const problems: string[] = [];
      for (const [name, url, admin] of paths(small)) {
        const { queries } = await get(small, url, admin);
        assert.ok(queries.length > 0, `${name}: no statement seen`);
        for (const q of queries) problems.push(...planProblems(small, q).map((p) => `${name}: ${p}`));
      }
      for (const q of await publish(small, 1))
        problems.push(...planProblems(small, q).map((p) => `publish: ${p}`));
      assert.deepEqual(problems, []);
    });

    test('a search costs at most what a word in every article costs', async () => {
      for (const s of [small, large]) {
        const cost = async (q: string) =>
          bytesRead(s, (await get(s, `/search?q=${encodeURIComponent(q)}`)).queries).reduce(
            (n, r) => n + r.bytes,
            0,
          );
        const everywhere = await cost('said');
        assert.ok((await cost(s.targets.word)) <= everywhere * 1.2, s.targets.word);
      }
    });

    test('doubling the archive leaves the work of every path where it was', async () => {
      const report: string[] = [];
      const grown: string[] = [];
      const measure = async (
        name: string,
        a: { queries: ObservedQuery[]; rows: number },
        b: { queries: ObservedQuery[]; rows: number },
      ) => {
        const [smallReads, largeReads] = [bytesRead(small, a.queries), bytesRead(large, b.queries)];
        const sum = (reads: { bytes: number }[]) => reads.reduce((n, r) => n + r.bytes, 0);
        // Per row shown: a list that is not full on the smaller site (today's most read) may show more.
        const before = sum(smallReads);
        const after = (sum(largeReads) * Math.min(a.rows, b.rows)) / b.rows;
        report.push(
          `${name}: ${Math.round(before / 1024)} KiB for ${a.rows} rows -> ${Math.round(sum(largeReads) / 1024)} KiB for ${b.rows}`,
        );
        // A B-tree may grow a level (from 2 to 3: half as much again). Twice the archive must not mean twice the work.
        if (after > before * 1.5 + 64 * 1024) {
          const worst = largeReads
            .map((r, i) => ({ sql: r.sql, growth: r.bytes - (smallReads[i]?.bytes ?? 0) }))
            .sort((x, y) => y.growth - x.growth)
            .slice(0, 2)
            .map((w) => `    +${Math.round(w.growth / 1024)} KiB: ${w.sql.slice(0, 160)}`);
          grown.push([report.at(-1)!, ...worst].join('\n'));
        }
      };
      const smallPaths = paths(small);
      const largePaths = paths(large);
      for (const [i, [name, url, admin]] of smallPaths.entries()) {
        // A rarer word's cost follows its matches up to the window; bounded below.
        if (name === 'search: a headline word') continue;
        await measure(name, await get(small, url, admin), await get(large, largePaths[i][1], admin));
      }
      await measure(
        'publish',
        { queries: await publish(small, 2), rows: 1 },
        { queries: await publish(large, 2), rows: 1 },
      );
      assert.equal(grown.length, 0, `${grown.join('\n')}\n\nall paths:\n${report.join('\n')}`);
    });

    test('readers keep getting pages while an editor publishes', async () => {
      // Over real HTTP: 50 readers load pages in a loop while articles are published one after
      // another, until every reader has had pages answered meanwhile (at most 200 publishes).
      const address = await large.app.listen({ port: 0, host: '127.0.0.1' });
      const urls = paths(large)
        .filter(([, , admin]) => !admin)
        .map(([, url]) => url);
      let publishing = true;
      const failures: string[] = [];
      const answered = Array<number>(50).fill(0);
      const readers = answered.map(async (_, reader) => {
        for (let i = reader; publishing; i++) {
          const url = urls[i % urls.length];
          const response = await fetch(address + url);
          await response.arrayBuffer();
          if (response.status !== 200) failures.push(`${url}: ${response.status}`);
          if (publishing) answered[reader]++;
        }
      });
      const published: number[] = [];
      for (let n = 0; n < 200 && (n < 10 || answered.some((a) => a < 2)); n++) {
        const response = await fetch(`${address}/api/admin/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${large.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            title: `Published under load ${n}`,
            lead: 'Written while readers read.',
            body: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }],
            },
            section: large.targets.section,
            tags: [large.targets.topTag],
            status: 'published',
          }),
        });
        published.push(response.status);
      }
      publishing = false;
      await Promise.all(readers);
      assert.ok(published.length >= 10);
      assert.deepEqual(published, Array(published.length).fill(201));
      assert.deepEqual(failures, []);
      assert.ok(
        answered.every((n) => n >= 2),
        `every reader got pages while the editor published ${published.length} articles: ${answered.join(', ')}`,
      );
      // The related lists follow once the queue drains, off the request path.
      await large.app.services.related.idle();
      const { n } = await large.app.services.db
        .selectFrom('related_queue')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), 0);
    });
  },
);
