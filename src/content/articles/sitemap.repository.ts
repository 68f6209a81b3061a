import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { visibleTo } from './articles.repository.js';
import { articlePath } from './articles.table.js';

/*
 * The reads sitemaps need that src/content does not offer yet: articles with
 * their last change, tags that have visible articles, and each list's newest
 * article. They belong in content/ (site/ should hold no SQL); they are here,
 * in one file, until content/ takes them. Visibility is content's own rule.
 */

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
 * Visible articles, oldest first, so that a new article only changes the last
 * page of an article sitemap. Uses articles_status_published.
 *
 * select id, slug, published_at, updated_at from articles
 * where status = 'published' and published_at <= :now
 * order by published_at, id limit :limit offset :offset
 */
export async function listSitemapArticles(
  db: Db,
  now: string,
  page: { limit: number; offset: number },
): Promise<SitemapArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'published_at', 'updated_at'])
    .where(visibleTo(now))
    .orderBy('published_at')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({ path: articlePath(row), modifiedAt: modifiedAt(row) }));
}

/**
 * The last change in each page of `pageSize` articles, in the order of
 * listSitemapArticles: a sitemap index's lastmod per page, in one pass.
 */
export async function sitemapPageChanges(db: Db, now: string, pageSize: number): Promise<string[]> {
  const ranked = db
    .selectFrom('articles')
    .select([
      // Integer division; the cast, since better-sqlite3 binds a JS number as a float.
      sql<number>`(row_number() over (order by articles.published_at, articles.id) - 1) / cast(${pageSize} as integer)`.as(
        'page',
      ),
      'published_at',
      'updated_at',
    ])
    .where(visibleTo(now))
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .select((eb) => [
      'ranked.page',
      eb.fn.max('ranked.published_at').as('published_at'),
      eb.fn.max('ranked.updated_at').as('updated_at'),
    ])
    .groupBy('ranked.page')
    .orderBy('ranked.page')
    .execute();
  return rows.map((row) => modifiedAt({ published_at: row.published_at, updated_at: row.updated_at ?? '' }));
}

/** Tags with at least one visible article, with the newest one's time. Uses article_tags_tag. */
export async function listSitemapTags(db: Db, now: string): Promise<{ slug: string; modifiedAt: string }[]> {
  const rows = await db
    .selectFrom('tags')
    .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select((eb) => ['tags.slug', eb.fn.max('articles.published_at').as('latest')])
    .where(visibleTo(now))
    .groupBy(['tags.id', 'tags.slug'])
    .orderBy('tags.slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, modifiedAt: row.latest ?? now }));
}

/** The newest visible article's time in each section that has one, by section id. */
export async function sectionChanges(db: Db, now: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('articles')
    .select((eb) => ['section_id', eb.fn.max('published_at').as('latest')])
    .where(visibleTo(now))
    .groupBy('section_id')
    .execute();
  return new Map(rows.flatMap((row) => (row.latest ? [[row.section_id, row.latest] as const] : [])));
}
