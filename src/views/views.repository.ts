import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Where counted views go, and the roll-ups that make most-read lists an index
 * walk however large the archive:
 *
 * - `articles.view_count`: all time (index articles_most_read);
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
 * Adds one article's views, by site day. Returns false when the article no
 * longer exists (its views go with it). Call inside the flush's transaction,
 * after `rollWeek`.
 */
export async function addViews(
  trx: Db,
  articleId: number,
  byDay: Map<string, number>,
  weekFrom: string,
): Promise<boolean> {
  let total = 0;
  for (const views of byDay.values()) total += views;
  const updated = await trx
    .updateTable('articles')
    .set({ view_count: sql`view_count + ${total}` })
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  let week = 0;
  for (const [day, views] of byDay) {
    await trx
      .insertInto('article_views_daily')
      .values({ article_id: articleId, day, views })
      .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet({ views: sql`views + ${views}` }))
      .execute();
    await addToSiteDay(trx, day, views);
    if (day >= weekFrom) week += views;
  }
  if (week > 0) await addToWeek(trx, articleId, week);
  return true;
}

/**
 * Moves the week's window to start at `weekFrom` (YYYY-MM-DD): subtracts the
 * days that left it, one day's rows at a time, or rebuilds it from the daily
 * rows when there is no window yet or it moved by more than a week. Bounded
 * by the articles read in a week, and run once a site day.
 */
export async function rollWeek(trx: Db, weekFrom: string): Promise<void> {
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

/**
 * Adds views already counted elsewhere (a generated or imported archive),
 * by article and site day, to the daily and site totals and to the week that
 * starts on `weekFrom` (the site's day six days ago); the all-time count is
 * the caller's (articles.view_count).
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
        oc.columns(['article_id', 'day']).doUpdateSet({ views: sql`views + excluded.views` }),
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
    .onConflict((oc) => oc.column('day').doUpdateSet({ views: sql`views + ${views}` }))
    .execute();
}

async function addToWeek(trx: Db, articleId: number, views: number): Promise<void> {
  await trx
    .insertInto('article_views_week')
    .values({ article_id: articleId, views })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ views: sql`views + ${views}` }))
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
