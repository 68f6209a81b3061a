import type { Db } from '../../db/database.js';
import type { ArticleStatus } from '../../db/schema.js';

/**
 * The back office's dashboard and list filters: small read-only queries over
 * views, schedules and statuses. Days are `YYYY-MM-DD` in the site's time zone,
 * as article_views_daily stores them.
 */

/** `YYYY-MM-DD` plus `n` calendar days (negative goes back). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface DayViews {
  day: string;
  views: number;
}

/**
 * Views of all articles on each of the `days` days ending with `lastDay`,
 * oldest first, days without views included as 0.
 *
 * `select day, views from site_views_daily where day between ? and ?` (primary key)
 */
export async function dailyViews(db: Db, lastDay: string, days: number): Promise<DayViews[]> {
  const firstDay = addDays(lastDay, -(days - 1));
  const rows = await db
    .selectFrom('site_views_daily')
    .select(['day', 'views'])
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, Number(r.views)]));
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(firstDay, i);
    return { day, views: byDay.get(day) ?? 0 };
  });
}

export interface ScheduledArticle {
  id: number;
  title: string;
  section: string;
  publishAt: string;
}

/** Articles waiting for their time, soonest first (index articles_status_published). */
export async function listScheduled(db: Db, limit: number): Promise<ScheduledArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.id', 'articles.title', 'articles.published_at', 'sections.name as section'])
    .where('articles.status', '=', 'scheduled')
    .orderBy('articles.published_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, section: r.section, publishAt: r.published_at ?? '' }));
}

/** How many articles have each status (every status present, 0 when none): the kept counts. */
export async function countByStatus(db: Db): Promise<Record<ArticleStatus, number>> {
  const rows = await db.selectFrom('article_counts').select(['status', 'n']).execute();
  const counts: Record<ArticleStatus, number> = {
    draft: 0,
    review: 0,
    scheduled: 0,
    published: 0,
    unpublished: 0,
  };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The most used tags, for the list's tag filter (index tags_article_count). */
export async function popularTags(db: Db, limit: number): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('tags')
    .select(['tags.slug', 'tags.name'])
    .where('tags.article_count', '>', 0)
    .orderBy('tags.article_count', 'desc')
    .orderBy('tags.name')
    .limit(limit)
    .execute();
}

/** Which of these article ids still exist (the audit log outlives deleted articles). */
export async function existingArticleIds(db: Db, ids: number[]): Promise<Set<number>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await db.selectFrom('articles').select('id').where('id', 'in', wanted).execute();
  return new Set(rows.map((r) => r.id));
}
