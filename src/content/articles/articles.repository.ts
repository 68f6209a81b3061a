import { type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ArticleRow, Database } from '../../db/schema.js';
import type { BodyDoc } from '../body/body.types.js';
import { articlePath, type Article, type ArticleSummary, type Named } from './articles.table.js';

/** A reader may see an article once it is published and its time has come. */
export function visibleTo(now: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', now)]);
}

export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  sourceId?: number;
  authorId?: number;
  /** Inclusive lower and exclusive upper bound on published_at, ISO. */
  from?: string;
  to?: string;
  excludeIds?: number[];
}

/**
 * Narrows a query on `articles` to a tag and an author, when given: the
 * reader lists' and the back office's shared filters (article_tags_tag and
 * article_authors_author indexes).
 */
export function byTagAndAuthor<Q extends SelectQueryBuilder<Database, 'articles', object>>(
  query: Q,
  filter: { tagId?: number; authorId?: number },
): Q {
  let narrowed = query;
  const { tagId, authorId } = filter;
  if (tagId !== undefined) {
    narrowed = narrowed.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    ) as Q;
  }
  if (authorId !== undefined) {
    narrowed = narrowed.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    ) as Q;
  }
  return narrowed;
}

function filtered(db: Db, now: string, filter: ListFilter): SelectQueryBuilder<Database, 'articles', object> {
  let query = db.selectFrom('articles').where(visibleTo(now));
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.sourceId !== undefined) query = query.where('articles.source_id', '=', filter.sourceId);
  query = byTagAndAuthor(query, filter);
  if (filter.from !== undefined) query = query.where('articles.published_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('articles.published_at', '<', filter.to);
  if (filter.excludeIds?.length) query = query.where('articles.id', 'not in', filter.excludeIds);
  return query;
}

const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.lead',
  'articles.published_at',
  'articles.view_count',
  'sections.id as section_id',
  'sections.slug as section_slug',
  'sections.name as section_name',
] as const;

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  published_at: string | null;
  view_count: number;
  section_id: number;
  section_slug: string;
  section_name: string;
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    path: articlePath(row),
    title: row.title,
    lead: row.lead,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
    publishedAt: row.published_at ?? '',
    views: row.view_count,
  };
}

/**
 * Visible articles, newest first.
 * Uses articles_status_published (or articles_section_published with a section).
 */
export async function listVisible(
  db: Db,
  now: string,
  filter: ListFilter,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await filtered(db, now, filter)
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toSummary);
}

export async function countVisible(db: Db, now: string, filter: ListFilter): Promise<number> {
  const row = await filtered(db, now, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Visible articles with these ids, in the order given. */
export async function summariesByIds(db: Db, now: string, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .where(visibleTo(now))
    .where('articles.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findFeatured(db: Db, now: string): Promise<ArticleSummary | undefined> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .where(visibleTo(now))
    .where('articles.featured', '=', 1)
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toSummary(row);
}

export type MostReadPeriod = 'today' | 'week' | 'all';

/**
 * Most read visible articles. For a period, sums the daily counts from
 * `sinceDay` on (article_views_daily_day index); for all time, the total.
 */
export async function listMostRead(
  db: Db,
  now: string,
  sinceDay: string | null,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  if (sinceDay === null) {
    const rows = await db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(SUMMARY_COLUMNS)
      .where(visibleTo(now))
      .where('articles.view_count', '>', 0)
      .orderBy('articles.view_count', 'desc')
      .orderBy('articles.published_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toSummary);
  }
  const rows = await db
    .selectFrom('article_views_daily as v')
    .innerJoin('articles', 'articles.id', 'v.article_id')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.fn.sum<number>('v.views').as('period_views'))
    .where('v.day', '>=', sinceDay)
    .where(visibleTo(now))
    .groupBy('articles.id')
    .orderBy('period_views', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...toSummary(r), views: Number(r.period_views) }));
}

export async function findArticleRow(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The whole article with its section, source, tags, authors and corrections. */
export async function loadArticle(db: Db, row: ArticleRow): Promise<Article> {
  const [section, source, tags, authors, corrections, picks] = await Promise.all([
    db
      .selectFrom('sections')
      .select(['id', 'slug', 'name'])
      .where('id', '=', row.section_id)
      .executeTakeFirstOrThrow(),
    row.source_id === null
      ? undefined
      : db
          .selectFrom('sources')
          .select(['id', 'slug', 'name', 'url'])
          .where('id', '=', row.source_id)
          .executeTakeFirst(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', '=', row.id)
      .orderBy('article_tags.position')
      .execute(),
    db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.id', 'authors.slug', 'authors.name'])
      .where('article_authors.article_id', '=', row.id)
      .orderBy('article_authors.position')
      .execute(),
    db
      .selectFrom('article_corrections')
      .select(['created_at', 'text'])
      .where('article_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('article_related_picks')
      .select('related_id')
      .where('article_id', '=', row.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    path: articlePath(row),
    title: row.title,
    lead: row.lead,
    body: JSON.parse(row.body) as BodyDoc,
    status: row.status,
    featured: row.featured === 1,
    section: section as Named,
    source: source ?? null,
    tags,
    authors,
    corrections: corrections.map((c) => ({ createdAt: c.created_at, text: c.text })),
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revisedAt: row.revised_at,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    featuredImage: row.featured_image_id,
    views: row.view_count,
    picks: picks.map((p) => p.related_id),
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

export async function slugExists(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
