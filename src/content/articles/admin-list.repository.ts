import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ArticleStatus } from '../../db/schema.js';
import { byTagAndAuthor } from './articles.repository.js';
import { articlePath } from './articles.table.js';

export interface AdminListFilter {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  /** Words in the headline or lead. */
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

/** Every article, whatever its status, newest change first: the back office's list. */
export async function listForAdmin(
  db: Db,
  filter: AdminListFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: AdminArticleRow[] }> {
  let query = db.selectFrom('articles');
  if (filter.status) query = query.where('articles.status', '=', filter.status);
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.createdBy !== undefined) query = query.where('articles.created_by', '=', filter.createdBy);
  query = byTagAndAuthor(query, filter);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(articles.title)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(articles.lead)`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
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
      'articles.view_count',
      'articles.version',
      'sections.name as section',
      'users.name as updated_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(sql<string>`group_concat(authors.name, ', ')`.as('names'))
        .whereRef('article_authors.article_id', '=', 'articles.id')
        .as('authors'),
    )
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
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
      views: r.view_count,
      version: r.version,
    })),
  };
}

/** Headlines matching words, for the editor's related-article picker; published ones first. */
export async function findHeadlines(db: Db, q: string, limit = 10) {
  let query = db
    .selectFrom('articles')
    .select(['id', 'title', 'status', 'published_at'])
    .orderBy(sql`status = 'published'`, 'desc')
    .orderBy('published_at', 'desc')
    .limit(limit);
  const id = /^\d+$/.test(q.trim()) ? Number(q.trim()) : undefined;
  if (id !== undefined) query = query.where('id', '=', id);
  else {
    for (const word of q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql`lower(title)`, 'like', sql`${like} escape '\\'`);
    }
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, publishedAt: r.published_at }));
}
