import type { Db } from '../../db/database.js';
import { SITEMAP_PAGE_IDS } from '../../db/migrations/0004-archive-scale.js';
import { dependsOn } from '../../lib/dependencies.js';
import { stillVisibleTo, visibleTo } from './articles.repository.js';
import { articlePath } from './articles.table.js';

/*
 * What sitemaps read. Article sitemaps are pages of ids (page 1 holds ids
 * 1-1000), so a page is a primary-key range and a new article only ever
 * changes the last page; the database keeps each page's last change in
 * `sitemap_pages` (migration 0004). Tag sitemaps are pages of tag ids the
 * same way. Nothing here reads more than one page of rows.
 */

/** Article ids per sitemap page, and tag ids per tag sitemap page. */
export const SITEMAP_PAGE_SIZE = SITEMAP_PAGE_IDS;

export interface SitemapArticle {
  path: string;
  /** ISO time of the last change: the later of publication and the last edit. */
  modifiedAt: string;
}

function modifiedAt(row: { published_at: string | null; updated_at: string }): string {
  const published = row.published_at ?? row.updated_at;
  return row.updated_at > published ? row.updated_at : published;
}

/**
 * The article sitemap pages that have ever held a visible article, with when
 * each last changed (never later than `now`).
 *
 * `select page, lastmod from sitemap_pages order by page` (primary key)
 */
export async function listSitemapPages(db: Db, now: string): Promise<{ page: number; lastmod: string }[]> {
  dependsOn('list-all');
  const rows = await db.selectFrom('sitemap_pages').select(['page', 'lastmod']).orderBy('page').execute();
  return rows.map((r) => ({ page: r.page, lastmod: r.lastmod > now ? now : r.lastmod }));
}

/**
 * The last article sitemap page that has ever held a visible article; 0 if none has.
 *
 * `select max(page) from sitemap_pages` (primary key)
 */
export async function lastSitemapPage(db: Db): Promise<number> {
  dependsOn('list-all');
  const row = await db
    .selectFrom('sitemap_pages')
    .select((eb) => eb.fn.max('page').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/**
 * The visible articles of a sitemap page, in id order.
 *
 * `select id, slug, published_at, updated_at from articles
 *  where id between :first and :last and status = 'published' and published_at <= :now order by id`
 * (primary key range)
 */
export async function listSitemapArticles(db: Db, now: string, page: number): Promise<SitemapArticle[]> {
  dependsOn('list-all');
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'published_at', 'updated_at'])
    .where('id', '>=', (page - 1) * SITEMAP_PAGE_SIZE + 1)
    .where('id', '<=', page * SITEMAP_PAGE_SIZE)
    .where(stillVisibleTo(db, now))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ path: articlePath(row), modifiedAt: modifiedAt(row) }));
}

/** How many tag sitemap pages there are: the highest tag id, in pages. */
export async function countTagSitemapPages(db: Db): Promise<number> {
  dependsOn('tags');
  const row = await db
    .selectFrom('tags')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Math.ceil(Number(row?.max ?? 0) / SITEMAP_PAGE_SIZE);
}

/**
 * The tags of a tag sitemap page that have a visible article, each with its
 * newest one's time: one seek of article_tags_live per tag.
 *
 * `select slug, (select live_at from article_tags where tag_id = tags.id and live_at <= :now
 *  order by live_at desc limit 1) from tags where id between :first and :last`
 */
export async function listSitemapTags(
  db: Db,
  now: string,
  page: number,
): Promise<{ slug: string; modifiedAt: string }[]> {
  dependsOn('list-all', 'tags');
  const rows = await db
    .selectFrom('tags')
    .select((eb) => [
      'tags.slug',
      eb
        .selectFrom('article_tags')
        .select('article_tags.live_at')
        .whereRef('article_tags.tag_id', '=', 'tags.id')
        .where('article_tags.live_at', '<=', now)
        .orderBy('article_tags.live_at', 'desc')
        .limit(1)
        .as('latest'),
    ])
    .where('tags.id', '>=', (page - 1) * SITEMAP_PAGE_SIZE + 1)
    .where('tags.id', '<=', page * SITEMAP_PAGE_SIZE)
    .orderBy('tags.id')
    .execute();
  return rows.flatMap((row) => (row.latest ? [{ slug: row.slug, modifiedAt: row.latest }] : []));
}

/**
 * The newest visible article's time in each section that has one, by section
 * id: one seek of articles_section_published per section.
 */
export async function sectionChanges(db: Db, now: string): Promise<Map<number, string>> {
  dependsOn('list-all', 'sections');
  const rows = await db
    .selectFrom('sections')
    .select((eb) => [
      'sections.id',
      eb
        .selectFrom('articles')
        .select('articles.published_at')
        .whereRef('articles.section_id', '=', 'sections.id')
        .where(visibleTo(now))
        .orderBy('articles.published_at', 'desc')
        .limit(1)
        .as('latest'),
    ])
    .execute();
  return new Map(rows.flatMap((row) => (row.latest ? [[row.id, row.latest] as const] : [])));
}
