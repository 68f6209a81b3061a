import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import { dialectOf, sqliteHandle, type Db } from '../db/database.js';
import { takeTurns } from '../db/dialect.js';

/**
 * Where counted views go, and the roll-ups that make most-read lists an index
 * walk however large the archive:
 *
 * - `article_view_totals`: all time, a narrow row an article read at least
 *   once (index article_view_totals_top gives the most read of all time);
 * - `article_views_daily`: per article and site day (index article_views_daily_top
 *   gives a day's most read);
 * - `site_views_daily`: all articles per site day (the dashboard's chart);
 * - `article_views_week`: per article, the days from `views.weekFrom` on
 *   (index article_views_week_top gives the week's most read). When the site's
 *   day moves on, the days that left the window are subtracted.
 */

const WEEK_FROM = 'views.weekFrom';

/** The site days a "week" covers: today and the six before it. */
export const WEEK_DAYS = 7;

/**
 * Adds counted views: for each article, its views by site day. An article
 * deleted since its views were counted takes them with it. Call inside the
 * flush's transaction `trx` on `db`, after `rollWeek`.
 *
 * On SQLite, prepared statements on `db`'s one connection, not Kysely: a
 * flush after a busy second writes to a thousand articles, and building four
 * queries an article cost ten times what running them does, all of it
 * holding the event loop and the write lock. On PostgreSQL, four statements
 * whatever the batch (arrays, unnested), each an atomic upsert, so that
 * instances flushing at once add up; the articles are locked in id order
 * first, so that two flushes never wait on each other in a circle.
 */
export async function addViews(
  db: Db,
  trx: Db,
  views: Iterable<[number, Map<string, number>]>,
  weekFrom: string,
): Promise<void> {
  if (dialectOf(db) === 'postgres') return addViewsPostgres(trx, [...views], weekFrom);
  const sql = viewStatements(db);
  const siteDays = new Map<string, number>();
  for (const [articleId, byDay] of views) {
    let total = 0;
    let week = 0;
    for (const [day, n] of byDay) {
      total += n;
      if (day >= weekFrom) week += n;
    }
    if (sql.allTime.run(total, articleId).changes === 0) continue;
    for (const [day, n] of byDay) {
      sql.day.run(articleId, day, n);
      siteDays.set(day, (siteDays.get(day) ?? 0) + n);
    }
    if (week > 0) sql.week.run(articleId, week);
  }
  for (const [day, n] of siteDays) sql.siteDay.run(day, n);
}

async function addViewsPostgres(
  trx: Db,
  views: [number, Map<string, number>][],
  weekFrom: string,
): Promise<void> {
  views.sort((a, b) => a[0] - b[0]);
  const ids = views.map(([id]) => id);
  const locked = await sql<{ id: number }>`select id from articles where id = any(${ids}::integer[])
    order by id for update`.execute(trx);
  const kept = new Set(locked.rows.map((r) => r.id));
  const all = { ids: [] as number[], views: [] as number[] };
  const daily = { ids: [] as number[], days: [] as string[], views: [] as number[] };
  const week = { ids: [] as number[], views: [] as number[] };
  const siteDays = new Map<string, number>();
  for (const [articleId, byDay] of views) {
    if (!kept.has(articleId)) continue;
    let total = 0;
    let inWeek = 0;
    for (const [day, n] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      total += n;
      if (day >= weekFrom) inWeek += n;
      daily.ids.push(articleId);
      daily.days.push(day);
      daily.views.push(n);
      siteDays.set(day, (siteDays.get(day) ?? 0) + n);
    }
    all.ids.push(articleId);
    all.views.push(total);
    if (inWeek > 0) {
      week.ids.push(articleId);
      week.views.push(inWeek);
    }
  }
  if (all.ids.length === 0) return;
  await sql`insert into article_view_totals (article_id, views)
    select * from unnest(${all.ids}::integer[], ${all.views}::integer[])
    on conflict (article_id) do update set views = article_view_totals.views + excluded.views`.execute(trx);
  await sql`insert into article_views_daily (article_id, day, views)
    select * from unnest(${daily.ids}::integer[], ${daily.days}::text[], ${daily.views}::integer[])
    on conflict (article_id, day) do update set views = article_views_daily.views + excluded.views`.execute(
    trx,
  );
  if (week.ids.length)
    await sql`insert into article_views_week (article_id, views)
      select * from unnest(${week.ids}::integer[], ${week.views}::integer[])
      on conflict (article_id) do update set views = article_views_week.views + excluded.views`.execute(trx);
  const days = [...siteDays.keys()].sort();
  await sql`insert into site_views_daily (day, views)
    select * from unnest(${days}::text[], ${days.map((day) => siteDays.get(day)!)}::integer[])
    on conflict (day) do update set views = site_views_daily.views + excluded.views`.execute(trx);
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareViewStatements>>();

function viewStatements(db: Db) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, (found = prepareViewStatements(sqliteHandle(db))));
  return found;
}

function prepareViewStatements(sqlite: SQLite.Database) {
  return {
    // Nothing when the article is gone (the flush then skips its days too).
    allTime: sqlite.prepare(
      `insert into article_view_totals (article_id, views) select id, ? from articles where id = ?
       on conflict (article_id) do update set views = views + excluded.views`,
    ),
    day: sqlite.prepare(
      `insert into article_views_daily (article_id, day, views) values (?, ?, ?)
       on conflict (article_id, day) do update set views = views + excluded.views`,
    ),
    week: sqlite.prepare(
      `insert into article_views_week (article_id, views) values (?, ?)
       on conflict (article_id) do update set views = views + excluded.views`,
    ),
    siteDay: sqlite.prepare(
      `insert into site_views_daily (day, views) values (?, ?)
       on conflict (day) do update set views = views + excluded.views`,
    ),
  };
}

/**
 * Moves the week's window to start at `weekFrom` (YYYY-MM-DD): subtracts the
 * days that left it, one day's rows at a time, or rebuilds it from the daily
 * rows when there is no window yet or it moved by more than a week. Bounded
 * by the articles read in a week, and run once a site day.
 */
export async function rollWeek(trx: Db, weekFrom: string): Promise<void> {
  // Instances flushing at once take turns here, as SQLite's write lock makes its workers do.
  await takeTurns(trx, 'views.week');
  const state = await trx
    .selectFrom('system_state')
    .select('value')
    .where('key', '=', WEEK_FROM)
    .executeTakeFirst();
  const from = state?.value;
  if (from === weekFrom) return;
  const days = from === undefined ? [] : daysBetween(from, weekFrom);
  if (from === undefined || from > weekFrom || days.length > WEEK_DAYS) {
    await trx.deleteFrom('article_views_week').execute();
    await sql`insert into article_views_week (article_id, views)
      select article_id, sum(views) from article_views_daily where day >= ${weekFrom}
      group by article_id`.execute(trx);
  } else {
    for (const day of days) {
      await sql`update article_views_week set views = article_views_week.views - d.views
        from (select article_id, views from article_views_daily where day = ${day}) as d
        where article_views_week.article_id = d.article_id`.execute(trx);
    }
    await trx.deleteFrom('article_views_week').where('views', '<=', 0).execute();
  }
  await trx
    .insertInto('system_state')
    .values({ key: WEEK_FROM, value: weekFrom })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: weekFrom }))
    .execute();
}

/** Sets an article's all-time count outright (the demo's readership, made up with it). */
export async function setViewCount(trx: Db, articleId: number, views: number): Promise<void> {
  await trx
    .insertInto('article_view_totals')
    .values({ article_id: articleId, views })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ views }))
    .execute();
}

/**
 * Adds views already counted elsewhere (a generated or imported archive),
 * by article and site day, to the daily and site totals and to the week that
 * starts on `weekFrom` (the site's day six days ago); the all-time count is
 * the caller's (article_view_totals).
 */
export async function importDailyViews(
  trx: Db,
  rows: { articleId: number; day: string; views: number }[],
  weekFrom: string,
): Promise<void> {
  await rollWeek(trx, weekFrom);
  const byDay = new Map<string, number>();
  const week = new Map<number, number>();
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    await trx
      .insertInto('article_views_daily')
      .values(chunk.map((r) => ({ article_id: r.articleId, day: r.day, views: r.views })))
      .onConflict((oc) =>
        oc
          .columns(['article_id', 'day'])
          .doUpdateSet({ views: sql`article_views_daily.views + excluded.views` }),
      )
      .execute();
  }
  for (const r of rows) {
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.views);
    if (r.day >= weekFrom) week.set(r.articleId, (week.get(r.articleId) ?? 0) + r.views);
  }
  for (const [articleId, views] of week) await addToWeek(trx, articleId, views);
  for (const [day, views] of byDay) await addToSiteDay(trx, day, views);
}

async function addToSiteDay(trx: Db, day: string, views: number): Promise<void> {
  await trx
    .insertInto('site_views_daily')
    .values({ day, views })
    .onConflict((oc) => oc.column('day').doUpdateSet({ views: sql`site_views_daily.views + ${views}` }))
    .execute();
}

async function addToWeek(trx: Db, articleId: number, views: number): Promise<void> {
  await trx
    .insertInto('article_views_week')
    .values({ article_id: articleId, views })
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet({ views: sql`article_views_week.views + ${views}` }),
    )
    .execute();
}

/** The days from `from` up to, not including, `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
    if (days.length > WEEK_DAYS) break;
  }
  return days;
}
