import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { getSettings, saveSettings, visibleViews } from '../content/index.js';
import type { Db } from '../db/database.js';
import {
  publishedArticle,
  seedTaxonomy,
  serviceContext,
  tempDatabase,
} from '../../test/helpers/factories.js';
import { Random } from '../content/synthetic/random.js';
import { ViewCounter, type ViewCounterOptions } from './view-counter.js';
import { DailySalt, RecentVisitors } from './visitor.js';

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const MINUTE = 60_000;

/** A migrated database with one published article, and a counter on it whose clock the test moves. */
async function counting(
  t: TestContext,
  options: Partial<ViewCounterOptions> = {},
  now = new Date('2022-01-21T12:00:00.000Z'),
) {
  const { db, close } = await tempDatabase();
  t.after(close);
  await seedTaxonomy(db);
  const ctx = serviceContext(db, new Date(now.getTime() - 24 * 60 * MINUTE));
  const article = await publishedArticle(ctx);
  const clock = { now };
  const counter = new ViewCounter({
    db,
    flushMs: 60 * MINUTE,
    timeZone: async () => 'UTC',
    now: () => clock.now,
    ...options,
  });
  t.after(() => counter.stop().catch(() => {}));
  let reader = 0;
  /** A view from a reader not seen before. */
  const view = (articleId = article.id) =>
    counter.record({ articleId, ip: '192.0.2.1', userAgent: `${BROWSER} reader-${++reader}` });
  return { db, ctx, article, clock, counter, view };
}

async function stored(db: Db, articleId: number) {
  const row = await db
    .selectFrom('article_view_totals')
    .select('views')
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  const days = await db
    .selectFrom('article_views_daily')
    .select(['day', 'views'])
    .where('article_id', '=', articleId)
    .orderBy('day')
    .execute();
  return { total: row?.views ?? 0, days: Object.fromEntries(days.map((d) => [d.day, d.views])) };
}

describe('ViewCounter', () => {
  test('bots and readers without a user agent are not counted', async (t) => {
    const { counter, article } = await counting(t);
    for (const userAgent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'curl/8.5.0',
      '',
      '   ',
      undefined,
    ]) {
      assert.equal(
        counter.record({ articleId: article.id, ip: '192.0.2.1', userAgent }),
        'bot',
        String(userAgent),
      );
    }
    assert.equal(counter.pendingFor(article.id), 0);
  });

  test('a failed flush keeps its counts, and the next one writes them', async (t) => {
    const { db, counter, article, view } = await counting(t);
    // A real failure inside the transaction: the database refuses the update.
    await sql`create trigger refuse_views before insert on article_view_totals begin select raise(abort, 'refused'); end`.execute(
      db,
    );
    view();
    view();
    await assert.rejects(counter.flush(), /refused/);
    assert.equal(counter.pendingFor(article.id), 2, 'still counted for readers');
    assert.deepEqual(await stored(db, article.id), { total: 0, days: {} }, 'rolled back as a whole');

    await sql`drop trigger refuse_views`.execute(db);
    view();
    await counter.flush();
    assert.equal(counter.pendingFor(article.id), 0);
    assert.deepEqual(await stored(db, article.id), { total: 3, days: { '2022-01-21': 3 } });
  });

  test('views of an article deleted before the flush do not block the others', async (t) => {
    const { db, ctx, counter, article, view } = await counting(t);
    const doomed = await publishedArticle(ctx, { title: 'Soon gone' });
    view(doomed.id);
    view(article.id);
    await db.deleteFrom('articles').where('id', '=', doomed.id).execute();
    await counter.flush();
    assert.deepEqual(await stored(db, article.id), { total: 1, days: { '2022-01-21': 1 } });
    assert.equal(counter.pendingFor(doomed.id), 0, 'dropped, not retried forever');
  });

  test('a flush to more articles than one transaction holds writes them all, each once', async (t) => {
    const { db, ctx, counter, article, view } = await counting(t, { flushChunk: 100 });
    const others = [];
    for (let i = 0; i < 240; i++) others.push(await publishedArticle(ctx, { title: `Story number ${i}` }));
    for (const other of others) view(other.id);
    view(article.id);
    view(article.id);
    await counter.flush();
    const totals = await db
      .selectFrom('article_view_totals')
      .select((eb) => [eb.fn.sum<number>('views').as('views'), eb.fn.countAll<number>().as('articles')])
      .where('views', '>', 0)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { views: Number(totals.views), articles: Number(totals.articles) },
      { views: 242, articles: 241 },
    );
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 2 } });
    const site = await db.selectFrom('site_views_daily').selectAll().execute();
    assert.deepEqual(
      site.map((r) => ({ ...r, views: Number(r.views) })),
      [{ day: '2022-01-21', views: 242 }],
    );
    assert.equal(counter.pendingFor(others[239]!.id), 0);
  });

  test('a beacon answers the stored count plus the unwritten views, reading the row at most once a second', async (t) => {
    const { db, counter, article, clock, view } = await counting(t);
    let reads = 0;
    const lookup = (id: number) => {
      reads++;
      return visibleViews(db, id, clock.now.toISOString());
    };
    assert.equal(counter.shownViews(article.id, lookup), 0);
    view();
    view();
    assert.equal(counter.shownViews(article.id, lookup), 2, 'the views not yet written');
    assert.equal(reads, 1, 'the stored count is remembered');
    await counter.flush();
    assert.equal(counter.shownViews(article.id, lookup), 2, 'written once, counted once');
    assert.equal(reads, 1, 'a flush adds what it wrote to the remembered count, and reads nothing');
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 2 } });
    view();
    assert.equal(counter.shownViews(article.id, lookup), 3);
    // Another worker writes its views: they show once the second is over.
    await db
      .updateTable('article_view_totals')
      .set({ views: sql`views + 5` })
      .where('article_id', '=', article.id)
      .execute();
    assert.equal(counter.shownViews(article.id, lookup), 3);
    clock.now = new Date(clock.now.getTime() + 1001);
    assert.equal(counter.shownViews(article.id, lookup), 8);
    assert.equal(reads, 2);
    assert.equal(counter.shownViews(article.id + 1000, lookup), undefined, 'no such article');
  });

  test('a stored count read while a flush ran is not remembered, as it may or may not hold what the flush wrote', async (t) => {
    const { db, counter, article, clock, view } = await counting(t);
    let reads = 0;
    const lookup = (id: number) => {
      reads++;
      return visibleViews(db, id, clock.now.toISOString());
    };
    view();
    view();
    // A read under way when the flush runs (as PostgreSQL's are): it began before the flush wrote.
    let answer!: (views: number) => void;
    const pending = counter.shownViews(article.id, () => {
      reads++;
      return new Promise<number>((resolve) => (answer = resolve));
    });
    await counter.flush();
    answer(0);
    assert.equal(await pending, 0, 'answered as read');
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 2 } });
    // Not remembered: the next beacon reads again, and finds what the flush wrote.
    assert.equal(counter.shownViews(article.id, lookup), 2);
    assert.equal(reads, 2);
    assert.equal(counter.shownViews(article.id, lookup), 2);
    assert.equal(reads, 2, 'remembered now');
  });

  test('flushes never overlap, and views recorded during one are written by the next', async (t) => {
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const { db, counter, article, view } = await counting(t, {
      // The first step of a flush: holding it open shows whether another starts meanwhile.
      timeZone: async () => {
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return 'UTC';
      },
    });
    const open = async () => {
      while (!gates.length) await new Promise((resolve) => setImmediate(resolve));
      gates.shift()!();
    };

    view();
    const first = counter.flush();
    const second = counter.flush();
    await open();
    view();
    // Asserted once both flushes are through, so a failure cannot leave one waiting at its gate.
    const shownDuringFlush = counter.pendingFor(article.id);
    await first;
    await open();
    await second;
    assert.equal(most, 1);
    assert.equal(shownDuringFlush, 2, 'views being written still count for readers');
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 2 } });
  });

  test("the day of a view is the site time zone's: 23:30 UTC on January 21 is January 22 in Sofia", async (t) => {
    const { db, counter, article, view } = await counting(
      t,
      { timeZone: async () => 'Europe/Sofia' },
      new Date('2022-01-21T23:30:00.000Z'),
    );
    view();
    await counter.flush();
    assert.deepEqual(await stored(db, article.id), { total: 1, days: { '2022-01-22': 1 } });
  });

  test('a view belongs to the day it happened, even when written after midnight', async (t) => {
    const { db, counter, article, clock, view } = await counting(t, {}, new Date('2022-01-21T23:59:30.000Z'));
    view();
    clock.now = new Date('2022-01-22T00:00:30.000Z');
    view();
    await counter.flush();
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 1, '2022-01-22': 1 } });
  });

  test('the time zone comes from the site settings, as the app reads them', async (t) => {
    const { db, counter, article, view } = await counting(
      t,
      { timeZone: async () => (await getSettings(db)).timeZone },
      new Date('2022-01-21T23:30:00.000Z'),
    );
    view();
    await counter.flush();
    await saveSettings(db, { timeZone: 'Europe/Sofia' });
    view();
    await counter.flush();
    assert.deepEqual(await stored(db, article.id), { total: 2, days: { '2022-01-21': 1, '2022-01-22': 1 } });
  });

  test('a failing timed flush is reported to onError and retried', async (t) => {
    const errors: unknown[] = [];
    const { db, counter, article, view } = await counting(t, {
      flushMs: 5,
      onError: (error) => errors.push(error),
    });
    await sql`create trigger refuse_views before insert on article_view_totals begin select raise(abort, 'refused'); end`.execute(
      db,
    );
    view();
    counter.start();
    while (!errors.length) await new Promise((resolve) => setTimeout(resolve, 5));
    await sql`drop trigger refuse_views`.execute(db);
    await counter.stop();
    assert.match(String(errors[0]), /refused/);
    assert.equal((await stored(db, article.id)).total, 1);
  });

  test('a repeat is recognised across midnight, when the salt changes', async (t) => {
    const { counter, article, clock } = await counting(t, {}, new Date('2022-01-21T23:50:00.000Z'));
    const again = () => counter.record({ articleId: article.id, ip: '192.0.2.1', userAgent: BROWSER });
    assert.equal(again(), 'counted');
    clock.now = new Date('2022-01-22T00:10:00.000Z');
    assert.equal(again(), 'repeat');
    clock.now = new Date('2022-01-22T00:20:00.000Z');
    assert.equal(again(), 'counted');
  });

  test('stop writes what is buffered', async (t) => {
    const { db, counter, article, view } = await counting(t);
    counter.start();
    for (let n = 0; n < 5; n++) view();
    await counter.stop();
    assert.deepEqual(await stored(db, article.id), { total: 5, days: { '2022-01-21': 5 } });
  });
});

describe('DailySalt', () => {
  const parts = { ip: '192.0.2.1', userAgent: BROWSER, articleId: 1 };

  test('gives a reader the same key all day and a different one the next day', () => {
    const salt = new DailySalt();
    const morning = salt.hash(parts, new Date('2022-01-21T00:00:00.000Z'));
    assert.equal(salt.hash(parts, new Date('2022-01-21T23:59:59.000Z')), morning);
    assert.notEqual(salt.hash(parts, new Date('2022-01-22T00:00:00.000Z')), morning);
    const window = 30 * 60_000;
    assert.equal(salt.previousHash(parts, new Date('2022-01-22T00:00:00.000Z'), window), morning);
    assert.equal(salt.previousHash(parts, new Date('2022-01-22T00:29:59.000Z'), window), morning);
    assert.equal(
      salt.previousHash(parts, new Date('2022-01-22T00:30:00.000Z'), window),
      undefined,
      'past the repeat window nothing made under the old salt can still be remembered',
    );
    assert.equal(
      salt.previousHash(parts, new Date('2022-01-24T00:00:00.000Z'), window),
      undefined,
      'a salt two days old is not kept',
    );
  });

  test('keys say nothing of the reader and differ between servers', () => {
    const at = new Date('2022-01-21T12:00:00.000Z');
    const key = new DailySalt().hash(parts, at);
    assert.ok(Number.isSafeInteger(key) && key >= 0 && key < 2 ** 48, `a 48-bit number, not ${key}`);
    assert.notEqual(new DailySalt().hash(parts, at), key, 'the salt is random, not derived from the date');
  });
});

describe('RecentVisitors', () => {
  test('remembers what a Map would, through growing, expiring, repeats, shrinking and colliding slots', () => {
    const random = new Random(7);
    const visitors = new RecentVisitors(1 << 20);
    const model = new Map<number, number>();
    // Some keys alike in their low 32 bits (they must still spread); runs of probes come at any load.
    const keys = Array.from({ length: 60_000 }, (_, i) =>
      i % 100 === 0 ? i * 2 ** 32 + 5 : random.int(0, 2 ** 24 - 1) * 2 ** 24 + random.int(0, 2 ** 24 - 1),
    );
    let second = 1_000;
    for (let step = 0; step < 400_000; step++) {
      const key = keys[Math.floor(random.next() ** 2 * keys.length)]!;
      const until = visitors.until(key);
      assert.equal(until, model.get(key), `step ${step}: key ${key}`);
      if (until === undefined || until <= second) {
        visitors.set(key, second + 200);
        // As RecentVisitors does: a visitor set again is the newest.
        model.delete(key);
        model.set(key, second + 200);
      }
      if (step % 1_000 === 999) {
        second++;
        visitors.forget(second);
        for (const [k, u] of model) {
          if (u > second) break;
          model.delete(k);
        }
      }
    }
    assert.ok(visitors.size >= model.size);
    assert.ok(visitors.bytes >= 65_536 * 20, `grown to ${visitors.bytes} bytes`);
    // Everyone's window ends: all forgotten, and the room given back.
    const grown = visitors.bytes;
    for (let s = second; s <= second + 200; s++) visitors.forget(s);
    for (const key of keys.slice(0, 5_000)) assert.equal(visitors.until(key), undefined);
    assert.equal(visitors.size, 0);
    assert.equal(visitors.bytes, 16_384 * 20, `back to the room it began with, from ${grown} bytes`);
  });

  test('past its bound forgets the oldest first, and holds 20 bytes a visitor at most', () => {
    const visitors = new RecentVisitors(1 << 16);
    for (let key = 1; key <= 100_000; key++) visitors.set(key * 7919, 10);
    assert.equal(visitors.size, 1 << 16);
    assert.equal(visitors.until(7919), undefined, 'the first forgotten');
    assert.equal(visitors.until((100_000 - (1 << 16)) * 7919), undefined);
    assert.equal(visitors.until((100_001 - (1 << 16)) * 7919), 10, 'the oldest still remembered');
    assert.equal(visitors.until(100_000 * 7919), 10);
    assert.equal(visitors.bytes, (1 << 16) * 20);
  });
});
