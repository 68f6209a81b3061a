import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type SQLite from 'better-sqlite3';
import { dialectOf, sqliteHandle, type Db } from '../../db/database.js';
import { unindexed } from '../../db/dialect.js';
import { prepared } from '../../db/prepared.js';
import type { ArticleRow, ArticlesTable, Database } from '../../db/schema.js';
import type { BodyDoc } from '../body/body.types.js';
import { dependsOn, type ArticlePlaces } from '../../lib/dependencies.js';
import { articlePath, type Article, type ArticleSummary, type Named } from './articles.table.js';

/** A reader may see an article once it is published and its time has come. */
export function visibleTo(now: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', now)]);
}

/**
 * The same rule, for articles already found another way (by id, an id range,
 * a join), with its columns `unindexed`: SQLite would otherwise find them by
 * the status index, walking every visible article to keep a few.
 */
export function stillVisibleTo(db: Db, now: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([
      eb(unindexed<string>(db, 'articles.status'), '=', 'published'),
      eb(unindexed<string>(db, 'articles.published_at'), '<=', now),
    ]);
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

/** An article's all-time views: its row in article_view_totals, or none and 0 (migration 0012). */
export const ALL_TIME_VIEWS = sql<number>`coalesce((select t.views from article_view_totals t where t.article_id = articles.id), 0)`;

const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.lead',
  'articles.published_at',
  ALL_TIME_VIEWS.as('view_count'),
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
    views: Number(row.view_count),
  };
}

/**
 * Visible articles, newest first: the ids of the page from one index read in
 * list order (the deferred join: OFFSET skips index entries, not rows), then
 * their summaries by primary key. Which index leads:
 *
 * - a tag: `article_tags where tag_id = ? and live_at <= :now
 *   order by live_at desc, article_id desc` (article_tags_live);
 * - an author: the same on article_authors (article_authors_live);
 * - otherwise articles, `where status = 'published' and published_at <= :now
 *   [and section_id = ? | source_id = ?] order by published_at desc, id desc`
 *   (articles_section_published, articles_source_published or
 *   articles_status_published).
 *
 * Other filters narrow what that index yields, so a page costs its own rows
 * (plus the offset's index entries), whatever the archive holds.
 */
export async function listVisible(
  db: Db,
  now: string,
  filter: ListFilter,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  dependsOn(...listDependencies(filter));
  return summariesByIds(db, now, await visibleIds(db, now, filter, page));
}

/** The list a filter reads, as dependency keys (src/lib/dependencies.ts). */
function listDependencies({ tagId, authorId, sectionId, sourceId }: ListFilter): string[] {
  const keys = [
    ...(tagId === undefined ? [] : [`list-tag-${tagId}`]),
    ...(authorId === undefined ? [] : [`list-author-${authorId}`]),
    ...(sectionId === undefined ? [] : [`list-section-${sectionId}`]),
    ...(sourceId === undefined ? [] : [`list-source-${sourceId}`]),
  ];
  return keys.length ? keys : ['list-all'];
}

/**
 * listVisible for several filters at once, in one statement for the ids
 * (each list's own query, joined by UNION ALL) and one for the rows: the home
 * page's list a section, two round trips on PostgreSQL instead of two a section.
 */
export async function listVisibleEach(
  db: Db,
  now: string,
  filters: ListFilter[],
  page: { limit: number; offset: number },
): Promise<ArticleSummary[][]> {
  if (filters.length === 0) return [];
  dependsOn(...filters.flatMap(listDependencies));
  const lists = filters.map((filter, i) =>
    db
      .selectFrom(visibleIdsQuery(db, now, filter, page).as(`l${i}`))
      .select([sql.lit(i).as('list'), 'id', 'at']),
  );
  const rows = await lists
    .slice(1)
    .reduce((all, list) => all.unionAll(list), lists[0])
    .orderBy('list')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const summaries = new Map(
    (await summariesByIds(db, now, [...new Set(rows.map((r) => r.id))])).map((a) => [a.id, a]),
  );
  const each = filters.map((): ArticleSummary[] => []);
  for (const row of rows) {
    const article = summaries.get(row.id);
    if (article) each[Number(row.list)].push(article);
  }
  return each;
}

async function visibleIds(
  db: Db,
  now: string,
  filter: ListFilter,
  page: { limit: number; offset: number },
): Promise<number[]> {
  const rows = await visibleIdsQuery(db, now, filter, page).execute();
  return rows.map((r) => r.id);
}

function visibleIdsQuery(db: Db, now: string, filter: ListFilter, page: { limit: number; offset: number }) {
  const { tagId, authorId, sectionId, sourceId, from, to, excludeIds } = filter;
  if (tagId !== undefined || authorId !== undefined) {
    // The listing table leads; the article's own columns are checked by primary key.
    const listing =
      tagId !== undefined
        ? db.selectFrom('article_tags as l').where('l.tag_id', '=', tagId)
        : db.selectFrom('article_authors as l').where('l.author_id', '=', authorId!);
    let query = listing.select(['l.article_id as id', 'l.live_at as at']).where('l.live_at', '<=', now);
    if (from !== undefined) query = query.where('l.live_at', '>=', from);
    if (to !== undefined) query = query.where('l.live_at', '<', to);
    if (excludeIds?.length) query = query.where('l.article_id', 'not in', excludeIds);
    if (tagId !== undefined && authorId !== undefined) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('article_authors as a')
            .select('a.article_id')
            .whereRef('a.article_id', '=', 'l.article_id')
            .where('a.author_id', '=', authorId),
        ),
      );
    }
    if (sectionId !== undefined || sourceId !== undefined) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('articles')
            .select('articles.id')
            .whereRef('articles.id', '=', 'l.article_id')
            .where((inner) =>
              inner.and([
                ...(sectionId !== undefined ? [inner('articles.section_id', '=', sectionId)] : []),
                ...(sourceId !== undefined ? [inner('articles.source_id', '=', sourceId)] : []),
              ]),
            ),
        ),
      );
    }
    return query
      .orderBy('l.live_at', 'desc')
      .orderBy('l.article_id', 'desc')
      .limit(page.limit)
      .offset(page.offset);
  }
  let query = db
    .selectFrom('articles')
    .select(['articles.id', 'articles.published_at as at'])
    .where(visibleTo(now));
  if (sectionId !== undefined) query = query.where('articles.section_id', '=', sectionId);
  if (sourceId !== undefined) query = query.where('articles.source_id', '=', sourceId);
  if (from !== undefined) query = query.where('articles.published_at', '>=', from);
  if (to !== undefined) query = query.where('articles.published_at', '<', to);
  if (excludeIds?.length) query = query.where('articles.id', 'not in', excludeIds);
  return query
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .offset(page.offset);
}

/** Visible articles with these ids, in the order given. */
export async function summariesByIds(db: Db, now: string, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  // Every id asked for, shown or not: one not visible yet appears when it is published.
  dependsOn(...ids.map((id) => `article-${id}`));
  const rows = await visibleSummaries(db, ids, now);
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const visibleSummaries = prepared((db, ids: number[], now: string) =>
  db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .where('articles.id', 'in', ids)
    .where(stillVisibleTo(db, now)),
);

/** The newest visible featured article (articles_featured). */
export async function findFeatured(db: Db, now: string): Promise<ArticleSummary | undefined> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .where('articles.featured', '=', 1)
    .where(visibleTo(now))
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Which article leads changes when any article is featured, published or unpublished.
  dependsOn('list-all', ...(row ? [`article-${row.id}`] : []));
  return row && toSummary(row);
}

export type MostReadPeriod = 'today' | 'week' | 'all';

/**
 * Most read visible articles, each with its views in the period. Every
 * period is an index walk from the most read down, stopping at the page:
 *
 * - today: `article_views_daily where day = :today order by views desc`
 *   (article_views_daily_top);
 * - week: `article_views_week order by views desc` (article_views_week_top;
 *   src/views keeps it to the last seven site days);
 * - all: `article_view_totals order by views desc`
 *   (article_view_totals_top).
 *
 * Each joins articles by primary key for visibility and the headline.
 */
export async function listMostRead(
  db: Db,
  now: string,
  period: MostReadPeriod,
  today: string,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  // Views move it, not content events: a cache keeps it for its freshness time only.
  dependsOn('most-read');
  const ranked =
    period === 'today'
      ? db
          .selectFrom('article_views_daily as v')
          .select(['v.article_id', 'v.views'])
          .where('v.day', '=', today)
          .where('v.views', '>', 0)
      : period === 'week'
        ? db
            .selectFrom('article_views_week as v')
            .select(['v.article_id', 'v.views'])
            .where('v.views', '>', 0)
        : db
            .selectFrom('article_view_totals as v')
            .select(['v.article_id', 'v.views'])
            .where('v.views', '>', 0);
  const rows = await ranked
    .innerJoin('articles', 'articles.id', 'v.article_id')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(SUMMARY_COLUMNS)
    .where(stillVisibleTo(db, now))
    .orderBy('v.views', 'desc')
    .orderBy('v.article_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  dependsOn(...rows.map((r) => `article-${r.id}`));
  return rows.map((r) => ({ ...toSummary(r), views: Number(r.views) }));
}

/**
 * An article's all-time views if readers may see it now, else undefined: one
 * primary-key read, for the view beacon, the busiest route under a spike.
 * On SQLite the one query here not built by Kysely, and answered at once:
 * building it cost as much as running it (the same rule as stillVisibleTo,
 * in SQL). On PostgreSQL, a promise.
 */
export function visibleViews(
  db: Db,
  id: number,
  now: string,
): number | undefined | Promise<number | undefined> {
  if (dialectOf(db) === 'postgres')
    return db
      .selectFrom('articles')
      .select(ALL_TIME_VIEWS.as('views'))
      .where('id', '=', id)
      .where(stillVisibleTo(db, now))
      .executeTakeFirst()
      .then((row) => row && Number(row.views));
  let statement = beaconStatements.get(db);
  if (!statement) {
    statement = sqliteHandle(db)
      .prepare(
        `select ${ALL_TIME_VIEWS.compile(db).sql} from articles where id = ? and +status = 'published' and +published_at <= ?`,
      )
      .pluck();
    beaconStatements.set(db, statement);
  }
  return statement.get(id, now) as number | undefined;
}

const beaconStatements = new WeakMap<Db, SQLite.Statement>();

/** Where an article is listed: its section, source, tags and authors (for content events). */
export async function placesOf(db: Db, id: number): Promise<ArticlePlaces | undefined> {
  const [row, tags, authors] = await Promise.all([
    db.selectFrom('articles').select(['section_id', 'source_id']).where('id', '=', id).executeTakeFirst(),
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).execute(),
  ]);
  return (
    row && {
      sectionId: row.section_id,
      sourceId: row.source_id,
      tagIds: tags.map((t) => t.tag_id),
      authorIds: authors.map((a) => a.author_id),
    }
  );
}

export async function findArticleRow(db: Db, id: number): Promise<ArticleRow | undefined> {
  return (await articleRowById(db, id))[0];
}

const articleRowById = prepared((db, id: number) =>
  db.selectFrom('articles').selectAll().where('id', '=', id),
);

/** The whole article with its section, source, tags, authors and corrections. */
export async function loadArticle(db: Db, row: ArticleRow): Promise<Article> {
  return (await loadArticles(db, [row]))[0];
}

/**
 * Whole articles for these rows, in their order: seven queries however many
 * rows (a feed's thirty articles cost what one does, less the rows).
 */
export async function loadArticles(db: Db, rows: ArticleRow[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sourceIds = [...new Set(rows.flatMap((r) => (r.source_id === null ? [] : [r.source_id])))];
  const [sections, sources, tags, authors, corrections, picks, views] = await Promise.all([
    sectionsByIds(db, [...new Set(rows.map((r) => r.section_id))]),
    sourceIds.length ? sourcesByIds(db, sourceIds) : [],
    tagsOf(db, ids),
    authorsOf(db, ids),
    correctionsOf(db, ids),
    picksOf(db, ids),
    viewTotalsOf(db, ids),
  ]);
  dependsOn(
    ...ids.map((id) => `article-${id}`),
    ...sections.map((s) => `section-${s.id}`),
    ...sources.map((s) => `source-${s.id}`),
    ...tags.map((t) => `tag-${t.id}`),
    ...authors.map((a) => `author-${a.id}`),
  );
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const viewsById = new Map(views.map((v) => [v.article_id, Number(v.views)]));
  const of = <T extends { article_id: number }>(list: T[], id: number) =>
    list.filter((x) => x.article_id === id);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    path: articlePath(row),
    title: row.title,
    lead: row.lead,
    body: JSON.parse(row.body) as BodyDoc,
    status: row.status,
    featured: row.featured === 1,
    section: sectionById.get(row.section_id)! as Named,
    source: (row.source_id === null ? undefined : sourceById.get(row.source_id)) ?? null,
    tags: of(tags, row.id).map(({ id, slug, name }) => ({ id, slug, name })),
    authors: of(authors, row.id).map(({ id, slug, name }) => ({ id, slug, name })),
    corrections: of(corrections, row.id).map((c) => ({ createdAt: c.created_at, text: c.text })),
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revisedAt: row.revised_at,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    featuredImage: row.featured_image_id,
    views: viewsById.get(row.id) ?? 0,
    picks: of(picks, row.id).map((p) => p.related_id),
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  }));
}

// loadArticles' statements, built once (db/prepared.ts): every article page runs them.
const sectionsByIds = prepared((db, ids: number[]) =>
  db.selectFrom('sections').select(['id', 'slug', 'name']).where('id', 'in', ids),
);
const sourcesByIds = prepared((db, ids: number[]) =>
  db.selectFrom('sources').select(['id', 'slug', 'name', 'url']).where('id', 'in', ids),
);
const tagsOf = prepared((db, ids: number[]) =>
  db
    .selectFrom('article_tags')
    // CROSS JOIN keeps article_tags (by primary key) the outer loop.
    .crossJoin('tags')
    .whereRef('tags.id', '=', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', ids)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position'),
);
const authorsOf = prepared((db, ids: number[]) =>
  db
    .selectFrom('article_authors')
    .crossJoin('authors')
    .whereRef('authors.id', '=', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name'])
    .where('article_authors.article_id', 'in', ids)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position'),
);
const correctionsOf = prepared((db, ids: number[]) =>
  db
    .selectFrom('article_corrections')
    .select(['article_id', 'created_at', 'text'])
    .where('article_id', 'in', ids)
    .orderBy('created_at'),
);
const picksOf = prepared((db, ids: number[]) =>
  db
    .selectFrom('article_related_picks')
    .select(['article_id', 'related_id'])
    .where('article_id', 'in', ids)
    .orderBy('position'),
);
const viewTotalsOf = prepared((db, ids: number[]) =>
  db.selectFrom('article_view_totals').select(['article_id', 'views']).where('article_id', 'in', ids),
);

/** The visible articles with these ids, whole, in the order given (feeds). */
export async function visibleArticlesByIds(db: Db, now: string, ids: number[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  dependsOn(...ids.map((id) => `article-${id}`));
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('articles.id', 'in', ids)
    .where(stillVisibleTo(db, now))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return loadArticles(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

export async function slugExists(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** An article's own columns, as the editor's save writes them. */
export type ArticleColumns = Omit<Insertable<ArticlesTable>, 'id'>;

/** Inserts an article's row; its id. */
export async function insertArticle(db: Db, row: ArticleColumns): Promise<number> {
  return (await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Writes `changes` to the article if it is still at `version` (nobody saved
 * in between); whether it was.
 *
 * ```sql
 * update articles set … where id = :id and version = :version
 * ```
 */
export async function updateArticleAt(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<ArticlesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteArticleRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** Replaces an article's tags, byline and editors' picks, each in the order given. */
export async function writeArticleRelations(
  db: Db,
  articleId: number,
  relations: { tagIds: number[]; authorIds: number[]; picks: number[] },
): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_related_picks').where('article_id', '=', articleId).execute();
  const rows = <K extends string>(ids: number[], key: K) =>
    ids.map(
      (id, position) =>
        ({ article_id: articleId, [key]: id, position }) as { article_id: number; position: number } & Record<
          K,
          number
        >,
    );
  if (relations.tagIds.length)
    await db.insertInto('article_tags').values(rows(relations.tagIds, 'tag_id')).execute();
  if (relations.authorIds.length)
    await db.insertInto('article_authors').values(rows(relations.authorIds, 'author_id')).execute();
  if (relations.picks.length)
    await db.insertInto('article_related_picks').values(rows(relations.picks, 'related_id')).execute();
}

/** Adds a correction note, and marks the article updated for readers at `at`. */
export async function insertCorrection(db: Db, articleId: number, at: string, text: string): Promise<void> {
  await db
    .insertInto('article_corrections')
    .values({ article_id: articleId, created_at: at, text })
    .execute();
  await db
    .updateTable('articles')
    .set({ revised_at: at, updated_at: at })
    .where('id', '=', articleId)
    .execute();
}

/** The first of `ids` that names no row of `table` (articles, pictures), or undefined when all do. */
export async function firstMissing(
  db: Db,
  table: 'articles' | 'media',
  ids: number[],
): Promise<number | undefined> {
  if (!ids.length) return undefined;
  const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  return ids.find((id) => !known.has(id));
}

/**
 * Scheduled articles whose time has come, made published; their ids.
 *
 * ```sql
 * update articles set status = 'published' where status = 'scheduled' and published_at <= :now returning id
 * ```
 */
export async function publishScheduled(db: Db, now: string): Promise<number[]> {
  const rows = await db
    .updateTable('articles')
    .set({ status: 'published' })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Published articles whose publication time fell in (`since`, `now`]: dated ahead, they have just gone live. */
export async function publishedBetween(db: Db, since: string, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('published_at', '>', since)
    .where('published_at', '<=', now)
    .execute();
  return rows.map((r) => r.id);
}

/** When the next article is due to go live (scheduled, or published with a time to come), if any. */
export async function nextDueAt(db: Db, now: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('at'))
    .where('status', 'in', ['scheduled', 'published'])
    .where('published_at', '>', now)
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/**
 * Where the articles an import made now live (any status), by id: the
 * paths its report lists.
 *
 * ```sql
 * select id, slug from articles where id in (:ids)
 * ```
 */
export async function articlePaths(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, articlePath(r)]));
}
