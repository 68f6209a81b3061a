import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import type { Config } from '../../src/config.js';
import { dialectOf, openDatabase, type Db } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres.js';
import { buildTestApp, type TestApp } from '../helpers/build-app.js';
import { publishedArticle } from '../helpers/factories.js';
import { insertSection } from '../../src/content/index.js';
import { ALL_TIME_VIEWS } from '../../src/content/articles/articles.repository.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'curl/8.5.0',
  'python-requests/2.31.0',
  '',
];

/** A reader's browser, told apart from the others by its user agent. */
const visitor = (n: number) => `${BROWSER} visitor-${n}`;

interface Beacon {
  headers: Record<string, string>;
}
interface BeaconAnswer {
  status: number;
  setCookie: string | null;
  counted: boolean;
}

/** The app with one published article, listening on a free port of 127.0.0.1. */
async function listeningApp(t: TestContext, config: Partial<Config> = {}) {
  const built = await buildTestApp(t, { config });
  const article = await newsArticle(built.app);
  const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...built, article, address };
}

async function newsArticle(app: TestApp['app'], title = 'An article') {
  const { db } = app.services;
  if (!(await db.selectFrom('sections').select('id').where('slug', '=', 'news').executeTakeFirst())) {
    await insertSection(db, { slug: 'news', name: 'News', description: '', position: 0 });
  }
  return publishedArticle(app.services.content, { title });
}

/** Sends beacons over real HTTP, all at once. */
async function sendBeacons(address: string, articleId: number, beacons: Beacon[]): Promise<BeaconAnswer[]> {
  return Promise.all(
    beacons.map(async ({ headers }) => {
      const response = await fetch(`${address}/api/articles/${articleId}/views`, { method: 'POST', headers });
      const body = (await response.json()) as { counted?: boolean };
      return {
        status: response.status,
        setCookie: response.headers.get('set-cookie'),
        counted: body.counted === true,
      };
    }),
  );
}

/** Fisher-Yates, so repeats and bots race the first views rather than follow them. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** What the database holds for an article: its counter and the sum of its daily rows. */
async function storedViews(db: Db, articleId: number) {
  const row = await db
    .selectFrom('articles')
    .select(ALL_TIME_VIEWS.as('view_count'))
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const daily = await db
    .selectFrom('article_views_daily')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('views'), eb.lit(0)).as('views'))
    .where('article_id', '=', articleId)
    .executeTakeFirstOrThrow();
  return { total: row.view_count, daily: Number(daily.views) };
}

/** Stops the app as `main.ts` does, then reads its database file with a new connection. */
async function afterGracefulStop<T>({ app, config }: TestApp, read: (db: Db) => Promise<T>): Promise<T> {
  await app.close();
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openDatabase({ dataDir: config.dataDir });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

/** Every text value in every table, and the raw bytes of the database files: what would give a reader away. */
async function everythingStored(db: Db, dataDir: string): Promise<string> {
  const tables =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const values: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    for (const row of rows.rows) {
      for (const value of Object.values(row)) {
        if (typeof value === 'string') values.push(value);
        else if (Buffer.isBuffer(value)) values.push(value.toString('latin1'));
      }
    }
  }
  for (const file of fs.readdirSync(dataDir))
    values.push(fs.readFileSync(path.join(dataDir, file)).toString('latin1'));
  return values.join('\n');
}

/** Polls every 50 ms, up to 5 s, never sleeping longer than needed. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    const ms = Date.now() - started;
    if (done(value) || ms > 5000) return { value, ms };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function beacon(headers: Record<string, string>): Beacon {
  return { headers };
}

describe('view counting over real HTTP', () => {
  test('1,000 concurrent beacons from distinct browsers count exactly 1,000; repeats and bots do not; a graceful stop writes them all', async (t) => {
    // Flushes far apart: everything the database ends up with is written by the stop.
    const built = await listeningApp(t, { viewFlushMs: 60 * MINUTE });
    const { app, article, address } = built;
    const firsts = Array.from({ length: 1000 }, (_, n) => beacon({ 'user-agent': visitor(n) }));
    const repeats = Array.from({ length: 200 }, (_, n) => beacon({ 'user-agent': visitor(n * 5) }));
    const bots = Array.from({ length: 100 }, (_, n) => beacon({ 'user-agent': BOTS[n % BOTS.length] }));

    const answers = await sendBeacons(address, article.id, shuffle([...firsts, ...repeats, ...bots]));

    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([202]));
    assert.equal(answers.filter((a) => a.counted).length, 1000);
    assert.deepEqual(
      answers.filter((a) => a.setCookie !== null),
      [],
      'a beacon sets no cookie',
    );
    assert.deepEqual(
      await storedViews(app.services.db, article.id),
      { total: 0, daily: 0 },
      'nothing written before the stop',
    );
    const shown = (await (await fetch(`${address}/api/articles/${article.id}`)).json()) as {
      id: number;
      views: number;
    };
    assert.equal(shown.id, article.id);
    assert.equal(shown.views, 1000, 'the API shows views still buffered');

    const { views, stored } = await afterGracefulStop(built, async (db) => ({
      views: await storedViews(db, article.id),
      stored: await everythingStored(db, built.config.dataDir),
    }));
    assert.deepEqual(views, { total: 1000, daily: 1000 });
    assert.ok(!stored.includes('127.0.0.1'), 'no address is stored');
    assert.ok(!stored.includes('visitor-'), 'no user agent is stored');
    assert.ok(!stored.includes('Chrome/126.0'), 'no user agent is stored');
  });

  test('behind a proxy, distinct forwarded addresses are distinct readers, and flushes during the burst lose nothing', async (t) => {
    // A flush every 5 ms, so batches are taken and written while beacons arrive.
    const built = await listeningApp(t, { trustProxy: 1, viewFlushMs: 5 });
    const { app, article, address } = built;
    const reader = (n: number) => `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const headers = (n: number) => ({ 'user-agent': BROWSER, 'x-forwarded-for': reader(n) });
    const firsts = Array.from({ length: 1000 }, (_, n) => beacon(headers(n)));
    const repeats = Array.from({ length: 200 }, (_, n) => beacon(headers(999 - n * 3)));
    const bots = Array.from({ length: 100 }, (_, n) =>
      beacon({ 'user-agent': BOTS[n % BOTS.length], 'x-forwarded-for': reader(n) }),
    );

    const answers = await sendBeacons(address, article.id, shuffle([...firsts, ...repeats, ...bots]));

    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([202]));
    assert.equal(answers.filter((a) => a.counted).length, 1000);
    const written = await eventually(
      () => storedViews(app.services.db, article.id),
      (v) => v.total === 1000,
    );
    assert.deepEqual(written.value, { total: 1000, daily: 1000 });
    const { views, stored } = await afterGracefulStop(built, async (db) => ({
      views: await storedViews(db, article.id),
      stored: await everythingStored(db, built.config.dataDir),
    }));
    assert.deepEqual(views, { total: 1000, daily: 1000 }, 'the stop writes nothing twice');
    assert.doesNotMatch(stored, /198\.18\.\d+\.\d+/, 'no forwarded address is stored');
  });

  test('a view reaches the database within a second or two, without a stop', async (t) => {
    const { app, article, address } = await listeningApp(t);
    const [answer] = await sendBeacons(address, article.id, [beacon({ 'user-agent': visitor(1) })]);
    assert.deepEqual(answer, { status: 202, setCookie: null, counted: true });
    const written = await eventually(
      () => storedViews(app.services.db, article.id),
      (v) => v.total === 1,
    );
    assert.deepEqual(written.value, { total: 1, daily: 1 });
    assert.ok(written.ms < 2000, `written after ${written.ms} ms`);
  });
});

describe('beacons answered before routing', () => {
  test('are answered as the route answers them; what the door does not take gets the route answer or refusal', async (t) => {
    const { app, config, article, address } = await listeningApp(t, {
      trustProxy: 1,
      beaconsPerMinute: 30,
      viewFlushMs: 60 * MINUTE,
    });
    const post = (id: number | string, headers: Record<string, string>, body?: string) =>
      fetch(`${address}/api/articles/${id}/views`, { method: 'POST', headers, body });
    const reader = (n: number) => ({ 'user-agent': visitor(n), 'x-forwarded-for': `203.0.113.${n}` });

    // How many the door answered. On PostgreSQL it leaves to the route a beacon whose article's
    // count is not in memory (the read is under way), so there which ones it takes depends on time.
    const early = app.answeredEarly;
    const answeredEarly = (n: number, message?: string) => {
      if (!config.databaseUrl) assert.equal(app.answeredEarly, early + n, message);
    };
    const first = await post(article.id, reader(1));
    assert.equal(first.status, 202);
    assert.deepEqual(await first.json(), { counted: true, views: 1 });
    answeredEarly(1, 'answered before routing');
    // The route's own answer to the next reader: the same headers, the same kind of body.
    const routed = await app.inject({
      method: 'POST',
      url: `/api/articles/${article.id}/views`,
      headers: reader(2),
      remoteAddress: '127.0.0.1',
    });
    assert.equal(routed.statusCode, 202);
    assert.deepEqual(routed.json(), { counted: true, views: 2 });
    for (const [name, value] of Object.entries(routed.headers))
      if (name !== 'date' && name !== 'connection')
        assert.equal(first.headers.get(name), String(value), name);
    assert.deepEqual(
      await (await post(article.id, reader(1))).json(),
      { counted: false, views: 2 },
      'a repeat',
    );

    // Not the door's: an unknown article (404), a beacon with a body (the route takes it).
    const unknown = await post(999_999, reader(3));
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.headers.get('content-type')), /json/);
    const withBody = await post(article.id, { ...reader(4), 'content-type': 'text/plain' }, 'hello');
    assert.equal(withBody.status, 202);
    assert.deepEqual(await withBody.json(), { counted: true, views: 3 });
    // An empty body that says it is JSON: the route's parser refuses it, as before there was a door.
    const emptyJson = await post(article.id, { ...reader(6), 'content-type': 'application/json' });
    assert.equal(emptyJson.status, 400);
    answeredEarly(2);

    // Reader 5's budget: a burst of ten, then 429 from the route, with when to try again.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(article.id, reader(5))).status);
    assert.deepEqual(statuses, [...Array(10).fill(202), 429, 429]);
    const refused = await post(article.id, reader(5));
    assert.match(String(refused.headers.get('retry-after')), /^\d+$/);
    // The budget comes first: past it, an unknown article is refused for the address, not looked up.
    assert.equal((await post(999_999, reader(5))).status, 429);
    answeredEarly(12);
    // A beacon the door spends for and leaves to the route is charged once, not again by the route.
    const unknowns: number[] = [];
    for (let i = 0; i < 10; i++) unknowns.push((await post(999_999, reader(7))).status);
    assert.deepEqual(unknowns, Array(10).fill(404));
    assert.equal((await post(article.id, reader(7))).status, 429, 'the burst of ten is spent');
    assert.equal(app.services.views.pendingFor(article.id), 4);
  });

  test('a door that fails leaves the request to the route, and the server goes on', async (t) => {
    const { app, article, address } = await listeningApp(t, { trustProxy: 1, beaconsPerMinute: 30 });
    const beacon = (reader = '203.0.113.9') =>
      fetch(`${address}/api/articles/${article.id}/views`, {
        method: 'POST',
        headers: { 'user-agent': visitor(1), 'x-forwarded-for': reader },
      });
    const views = app.services.views;
    const shownViews = views.shownViews;
    // The database failing under the door (a disk error, say): here, the read it makes.
    views.shownViews = () => {
      throw new Error('disk I/O error');
    };
    const failed = await beacon();
    assert.equal(failed.status, 500);
    assert.match(String(failed.headers.get('content-type')), /json/);
    // Each charged to the address once, by the door, not again by the route: the burst of ten, then 429.
    const statuses = [failed.status];
    for (let i = 0; i < 10; i++) statuses.push((await beacon()).status);
    assert.deepEqual(statuses, [...Array(10).fill(500), 429]);
    views.shownViews = shownViews;
    const answered = await beacon('203.0.113.10');
    assert.equal(answered.status, 202);
    assert.deepEqual(await answered.json(), { counted: true, views: 1 });
  });
});

describe('view counting rules', () => {
  async function appWithArticle(t: TestContext, config: Partial<Config> = {}) {
    const built = await buildTestApp(t, {
      now: new Date('2024-05-01T12:00:00.000Z'),
      config: { viewFlushMs: 60 * MINUTE, ...config },
    });
    return { ...built, article: await newsArticle(built.app) };
  }
  const view = (app: TestApp['app'], id: number | string, userAgent = visitor(1)) =>
    app.inject({ method: 'POST', url: `/api/articles/${id}/views`, headers: { 'user-agent': userAgent } });

  test('a repeat within 30 minutes is not counted; after the window it counts again', async (t) => {
    const { app, clock, article } = await appWithArticle(t);
    const other = await newsArticle(app, 'Another article');
    const start = clock.now.getTime();
    const counted = async (id = article.id) => (await view(app, id)).json<{ counted: boolean }>().counted;

    assert.equal(await counted(), true);
    clock.now = new Date(start + 30 * MINUTE - 1000);
    assert.equal(await counted(), false, 'a repeat inside the window');
    assert.equal(await counted(other.id), true, 'the same reader on another article');
    clock.now = new Date(start + 30 * MINUTE);
    assert.equal(await counted(), true, 'the window has passed');
    assert.equal(await counted(), false, 'a new window started');

    await app.services.views.flush();
    assert.deepEqual(await storedViews(app.services.db, article.id), { total: 2, daily: 2 });
    assert.deepEqual(await storedViews(app.services.db, other.id), { total: 1, daily: 1 });
  });

  test('a repeat just after midnight is still a repeat, though the salt changed', async (t) => {
    const { app, clock, article } = await appWithArticle(t);
    clock.now = new Date('2024-05-01T23:50:00.000Z');
    assert.equal((await view(app, article.id)).json<{ counted: boolean }>().counted, true);
    clock.now = new Date('2024-05-02T00:10:00.000Z');
    assert.equal((await view(app, article.id)).json<{ counted: boolean }>().counted, false);
  });

  test('a beacon for an unknown, draft or scheduled article is a 404 and counts nothing', async (t) => {
    const { app, article } = await appWithArticle(t);
    const { content } = app.services;
    const draft = await publishedArticle(content, { title: 'A draft', status: 'draft' });
    const scheduled = await publishedArticle(content, {
      title: 'Tomorrow',
      status: 'scheduled',
      publishedAt: new Date(content.now().getTime() + DAY).toISOString(),
    });
    for (const id of [article.id + 1000, 'abc', '1e3', draft.id, scheduled.id]) {
      const response = await view(app, id);
      assert.equal(response.statusCode, 404, `beacon for ${id}`);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'ARTICLE_NOT_FOUND');
    }
    await app.services.views.flush();
    const counts = await app.services.db
      .selectFrom('articles')
      .select(['id', ALL_TIME_VIEWS.as('view_count')])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      counts.map((r) => r.view_count),
      [0, 0, 0],
    );
    assert.deepEqual(await app.services.db.selectFrom('article_views_daily').selectAll().execute(), []);
  });

  test('GET /api/articles/:id shows views not yet written, and the same once they are', async (t) => {
    const { app, article } = await appWithArticle(t);
    for (const n of [1, 2, 3]) await view(app, article.id, visitor(n));
    const shown = async () =>
      (await app.inject(`/api/articles/${article.id}`)).json<{ views: number; title: string }>();

    assert.deepEqual(await storedViews(app.services.db, article.id), { total: 0, daily: 0 });
    assert.equal((await shown()).views, 3);
    await app.services.views.flush();
    assert.deepEqual(await storedViews(app.services.db, article.id), { total: 3, daily: 3 });
    assert.equal((await shown()).views, 3, 'not counted twice once written');
    assert.equal((await shown()).title, 'An article');
  });

  test('most read lists today, this week and all time, each with its views', async (t) => {
    const now = new Date('2024-05-01T12:00:00.000Z');
    const { app, clock } = await appWithArticle(t);
    const views = (id: number, from: number, count: number) =>
      Promise.all(Array.from({ length: count }, (_, n) => view(app, id, visitor(from + n))));
    clock.now = new Date(now.getTime() - 10 * DAY);
    const old = await newsArticle(app, 'Old favourite');
    const weekly = await newsArticle(app, 'Story of the week');
    const fresh = await newsArticle(app, 'Story of the day');
    await views(old.id, 0, 5);
    clock.now = new Date(now.getTime() - 3 * DAY);
    await views(weekly.id, 100, 3);
    clock.now = now;
    await views(fresh.id, 200, 2);
    await views(weekly.id, 300, 1);
    // One flush, after the fact: each view still belongs to the day it happened.
    await app.services.views.flush();

    const mostRead = async (period: string) => {
      const response = await app.inject(`/most-read?period=${period}`);
      assert.equal(response.statusCode, 200, period);
      return listed(response.body);
    };
    assert.deepEqual(await mostRead('today'), [
      { title: 'Story of the day', views: 2 },
      { title: 'Story of the week', views: 1 },
    ]);
    assert.deepEqual(await mostRead('week'), [
      { title: 'Story of the week', views: 4 },
      { title: 'Story of the day', views: 2 },
    ]);
    // 'An article', never read, is not listed.
    assert.deepEqual(await mostRead('all'), [
      { title: 'Old favourite', views: 5 },
      { title: 'Story of the week', views: 4 },
      { title: 'Story of the day', views: 2 },
    ]);
  });

  test('an unknown most-read period is a 400', async (t) => {
    const { app } = await appWithArticle(t);
    for (const period of ['month', '', 'TODAY']) {
      assert.equal((await app.inject(`/most-read?period=${period}`)).statusCode, 400, `period=${period}`);
    }
  });
});

/** The titles and view counts of a rendered article list, in order. */
function listed(html: string): { title: string; views: number }[] {
  return [...html.matchAll(/<li class="article-list__item">([\s\S]*?)<\/li>/g)].map(([, item]) => ({
    title: /class="article-list__title"><a [^>]*>([^<]*)<\/a>/.exec(item)?.[1] ?? '',
    views: Number(/class="meta__views">[^<]*?([\d,]+) views/.exec(item)?.[1]?.replace(/,/g, '') ?? NaN),
  }));
}
