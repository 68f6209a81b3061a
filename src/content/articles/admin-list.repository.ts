import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { unindexed } from '../../db/dialect.js';
import type { ArticleStatus } from '../../db/schema.js';
import { articlePath } from './articles.table.js';
import { ALL_TIME_VIEWS } from './articles.repository.js';

export interface AdminListFilter {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  /** Words in the headline or standfirst; each matches the start of a word. */
  q?: string;
  /** Only articles this user created. */
  createdBy?: number;
}

export interface AdminArticleRow {
  id: number;
  title: string;
  path: string;
  status: ArticleStatus;
  section: string;
  authors: string;
  publishedAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
  createdBy: number | null;
  views: number;
  version: number;
}

/**
 * Finding articles by the words of their headline or standfirst, which the
 * search room does (its SearchIndex is one): the back office's list and its
 * headline picker ask it, and never name its tables.
 */
export interface HeadlineSearch {
  /**
   * Ids of articles of any status whose headline or standfirst has every word
   * typed as the start of one of its words, newest first; `where` adds the
   * caller's checks on each article's id. Null when nothing typed is a word.
   *
   * @example await search.headlineIds('Bulg nato', { limit: 50, offset: 0 })
   */
  headlineIds(
    typed: string,
    page: { limit: number; offset: number },
    where?: (id: Expression<number>) => Expression<SqlBool>[],
  ): Promise<number[] | null>;
}

export interface AdminList {
  /** Articles that match; with `more`, a lower bound (the list counts no further than COUNT_CAP). */
  total: number;
  more: boolean;
  /** Whether a page follows this one. */
  hasNext: boolean;
  rows: AdminArticleRow[];
}

/** How far a list with several filters, or words, is counted. */
export const COUNT_CAP = 1000;

type Driver = 'tag' | 'author' | 'section' | 'status' | 'createdBy' | 'all';

/**
 * Every article, whatever its status: the back office's list, newest change
 * first, or with words, newest first. One index leads, in list order, and the
 * other filters are checked on what it yields, so a page costs its rows
 * (and the offset's index entries), whatever the archive holds:
 *
 * - words: the search room's headline index (`headlines`), newest first;
 * - otherwise the filter that matches the fewest articles, by the kept counts:
 *   a tag (article_tags_updated), an author (article_authors_updated), a
 *   section (articles_section_updated), a status (articles_status_updated),
 *   the creator (articles_created_by_updated), or none (articles_updated_at),
 *   each `order by updated_at desc, id desc`.
 *
 * The total is the kept count when at most one filter applies, else counted
 * up to COUNT_CAP.
 */
export async function listForAdmin(
  db: Db,
  headlines: HeadlineSearch,
  filter: AdminListFilter,
  page: { limit: number; offset: number },
): Promise<AdminList> {
  const byWords = (limit: number, offset: number) =>
    headlines.headlineIds(filter.q ?? '', { limit, offset }, (id) => residuals(db, filter, 'all', id));
  const structural = (['tagId', 'authorId', 'sectionId', 'status', 'createdBy'] as const).filter(
    (k) => filter[k] !== undefined,
  );
  // Words lead when there are any. Their matches, as far as they are counted, hold the
  // page too unless it lies beyond them: one statement for both (null: no words typed).
  const end = page.offset + page.limit + 1;
  const counted = await byWords(COUNT_CAP + 1, 0);
  const words = counted !== null;
  const driver = words ? undefined : await chooseDriver(db, filter);
  const ids = async (limit: number, offset: number) =>
    words ? ((await byWords(limit, offset)) ?? []) : byDriver(db, driver!, filter, limit, offset);

  // All matches are in `counted`, or the page ends within it.
  const inCounted = counted !== null && (counted.length <= COUNT_CAP || end <= counted.length);
  const found = inCounted ? counted.slice(page.offset, end) : await ids(page.limit + 1, page.offset);
  const hasNext = found.length > page.limit;
  // The page's rows and the total at once: on PostgreSQL each is a round trip.
  const [rows, counting] = await Promise.all([
    adminRows(db, found.slice(0, page.limit)),
    counted ??
      (structural.length <= 1 && driver !== 'createdBy'
        ? keptCount(db, driver!, filter)
        : ids(COUNT_CAP + 1, 0)),
  ]);
  // A kept count is exact; a list of ids counts as far as COUNT_CAP.
  const kept = typeof counting === 'number';
  const more = !kept && counting.length > COUNT_CAP;
  const total = kept ? counting : Math.min(counting.length, COUNT_CAP);
  return { total, more, hasNext, rows };
}

/** The filter with the fewest articles by the kept counts; the creator's is counted up to the cap. */
async function chooseDriver(db: Db, filter: AdminListFilter): Promise<Driver> {
  const sizes: [Driver, number][] = [];
  const count = async (table: 'tags' | 'authors' | 'sections', id: number) =>
    (await db.selectFrom(table).select('article_count').where('id', '=', id).executeTakeFirst())
      ?.article_count ?? 0;
  if (filter.tagId !== undefined) sizes.push(['tag', await count('tags', filter.tagId)]);
  if (filter.authorId !== undefined) sizes.push(['author', await count('authors', filter.authorId)]);
  if (filter.sectionId !== undefined) sizes.push(['section', await count('sections', filter.sectionId)]);
  if (filter.status !== undefined) sizes.push(['status', await statusCount(db, filter.status)]);
  if (filter.createdBy !== undefined) {
    const created = await db
      .selectFrom('articles')
      .select('id')
      .where('created_by', '=', filter.createdBy)
      .limit(COUNT_CAP + 1)
      .execute();
    sizes.push(['createdBy', created.length]);
  }
  sizes.sort((a, b) => a[1] - b[1]);
  return sizes[0]?.[0] ?? 'all';
}

async function statusCount(db: Db, status: ArticleStatus): Promise<number> {
  const row = await db
    .selectFrom('article_counts')
    .select('n')
    .where('status', '=', status)
    .executeTakeFirst();
  return row?.n ?? 0;
}

async function keptCount(db: Db, driver: Driver, filter: AdminListFilter): Promise<number> {
  const of = async (table: 'tags' | 'authors' | 'sections', id: number) =>
    (await db.selectFrom(table).select('article_count').where('id', '=', id).executeTakeFirst())
      ?.article_count ?? 0;
  switch (driver) {
    case 'tag':
      return of('tags', filter.tagId!);
    case 'author':
      return of('authors', filter.authorId!);
    case 'section':
      return of('sections', filter.sectionId!);
    case 'status':
      return statusCount(db, filter.status!);
    default: {
      const row = await db
        .selectFrom('article_counts')
        .select((eb) => eb.fn.sum<number>('n').as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    }
  }
}

/**
 * The ids of a page, led by `driver`'s index. The other filters are checked
 * by primary key; a unary `+` keeps SQLite from leading with their indexes.
 */
async function byDriver(
  db: Db,
  driver: Driver,
  filter: AdminListFilter,
  limit: number,
  offset: number,
): Promise<number[]> {
  if (driver === 'tag' || driver === 'author') {
    const listing =
      driver === 'tag'
        ? db.selectFrom('article_tags as l').where('l.tag_id', '=', filter.tagId!)
        : db.selectFrom('article_authors as l').where('l.author_id', '=', filter.authorId!);
    const rows = await listing
      .select('l.article_id as id')
      .where((eb) => eb.and(residuals(db, filter, driver, sql.ref('l.article_id'))))
      .orderBy('l.updated_at', 'desc')
      .orderBy('l.article_id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => r.id);
  }
  let query = db.selectFrom('articles').select('articles.id');
  if (driver === 'section') query = query.where('articles.section_id', '=', filter.sectionId!);
  if (driver === 'status') query = query.where('articles.status', '=', filter.status!);
  if (driver === 'createdBy') query = query.where('articles.created_by', '=', filter.createdBy!);
  const rows = await query
    .where((eb) => eb.and(residuals(db, filter, driver, sql.ref('articles.id'))))
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => r.id);
}

/** Every filter but the leading one, as checks on the article `id` by primary key. */
function residuals(
  db: Db,
  filter: AdminListFilter,
  driver: Driver,
  id: Expression<number>,
): Expression<SqlBool>[] {
  const checks: Expression<SqlBool>[] = [];
  const own: string[] = [];
  const values: unknown[] = [];
  if (filter.status !== undefined && driver !== 'status') {
    own.push('status');
    values.push(filter.status);
  }
  if (filter.sectionId !== undefined && driver !== 'section') {
    own.push('section_id');
    values.push(filter.sectionId);
  }
  if (filter.createdBy !== undefined && driver !== 'createdBy') {
    own.push('created_by');
    values.push(filter.createdBy);
  }
  if (own.length) {
    const where = sql.join(
      own.map((column, i) => sql`${unindexed(db, `a.${column}`)} = ${values[i]}`),
      sql` and `,
    );
    checks.push(sql<SqlBool>`exists (select 1 from articles a where a.id = ${id} and ${where})`);
  }
  if (filter.tagId !== undefined && driver !== 'tag')
    checks.push(
      sql<SqlBool>`exists (select 1 from article_tags t where t.article_id = ${id} and t.tag_id = ${filter.tagId})`,
    );
  if (filter.authorId !== undefined && driver !== 'author')
    checks.push(
      sql<SqlBool>`exists (select 1 from article_authors w where w.article_id = ${id} and w.author_id = ${filter.authorId})`,
    );
  return checks;
}

/** The list's rows for these ids, in their order: primary-key reads. */
async function adminRows(db: Db, ids: number[]): Promise<AdminArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('users', 'users.id', 'articles.updated_by')
    .select([
      'articles.id',
      'articles.slug',
      'articles.title',
      'articles.status',
      'articles.published_at',
      'articles.updated_at',
      'articles.created_by',
      ALL_TIME_VIEWS.as('view_count'),
      'articles.version',
      'sections.name as section',
      'users.name as updated_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(sql<string>`string_agg(authors.name, ', ')`.as('names'))
        .whereRef('article_authors.article_id', '=', 'articles.id')
        .as('authors'),
    )
    .where('articles.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: r.title,
        path: articlePath(r),
        status: r.status,
        section: r.section,
        authors: r.authors ?? '',
        publishedAt: r.published_at,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by_name,
        createdBy: r.created_by,
        views: Number(r.view_count),
        version: r.version,
      },
    ];
  });
}

/** Headlines matching words, for the editor's related-article picker: published ones first, newest first. */
export async function findHeadlines(db: Db, headlines: HeadlineSearch, q: string, limit = 10) {
  const id = /^\d+$/.test(q.trim()) ? Number(q.trim()) : undefined;
  // The article with that id; else the newest 50 matches by id, or with no words the newest 50
  // articles (bounded either way); then published first.
  const ids =
    id !== undefined
      ? [id]
      : ((await headlines.headlineIds(q, { limit: 50, offset: 0 })) ??
        (await byDriver(db, 'all', {}, 50, 0)));
  const rows = ids.length
    ? await db
        .selectFrom('articles')
        .select(['id', 'title', 'status', 'published_at'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return rows
    .sort(
      (a, b) =>
        Number(b.status === 'published') - Number(a.status === 'published') ||
        (b.published_at ?? '').localeCompare(a.published_at ?? '') ||
        b.id - a.id,
    )
    .slice(0, limit)
    .map((r) => ({ id: r.id, title: r.title, status: r.status, publishedAt: r.published_at }));
}
