import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  addCorrection,
  createArticle,
  deleteArticle,
  findBySlug,
  findHeadlines,
  getArticle,
  getRevision,
  listForAdmin,
  listRevisions,
  snapshotOf,
  restoreRevision,
  updateArticle,
  type Article,
  type ArticleInput,
} from '../../content/index.js';
import type { ArticleStatus } from '../../db/schema.js';
import { AppError, invalidInput } from '../../lib/app-error.js';
import { suggestTags } from '../../related/index.js';
import { actor } from '../auth.js';

const STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

/** The fields of an article as the editor and integrations send them. */
export const articleInputSchema = {
  type: 'object',
  required: ['title', 'body', 'section'],
  properties: {
    title: { type: 'string', maxLength: 300 },
    lead: { type: 'string', maxLength: 1000 },
    body: { type: 'object', description: 'ProseMirror document: see docs/CONTENT.md' },
    section: { type: 'string', description: 'section slug' },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 30 },
    authors: { type: 'array', items: { type: 'string' }, maxItems: 10, description: 'author slugs' },
    source: { type: ['string', 'null'], description: 'source slug' },
    status: { type: 'string', enum: STATUSES },
    publishedAt: {
      type: ['string', 'null'],
      description: 'ISO-8601; a future time with status published schedules',
    },
    slug: { type: 'string' },
    featured: { type: 'boolean' },
    picks: { type: 'array', items: { type: 'integer' }, maxItems: 20 },
    seoTitle: { type: ['string', 'null'] },
    seoDescription: { type: ['string', 'null'] },
    featuredImage: { type: ['integer', 'null'], description: 'a media library id' },
    version: { type: 'integer', description: 'the version this edit is based on; required to update' },
  },
} as const;

/** An article as the admin API returns it. */
export function articleJson(article: Article) {
  // The editable fields exactly as a save sends them back (a revision's snapshot), plus what the server keeps.
  return {
    id: article.id,
    path: article.path,
    ...snapshotOf(article),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    revisedAt: article.revisedAt,
    corrections: article.corrections,
    views: article.views,
    version: article.version,
  };
}

/** What articleJson adds to the editable fields: kept by the server, never sent back. */
const KEPT = ['id', 'path', 'createdAt', 'updatedAt', 'revisedAt', 'corrections', 'views'] as const;

/**
 * What a client sends back to save an article it read from the API: the
 * answer (articleJson) less what the server keeps itself; `version` stays,
 * for the conflict check.
 */
export function savableFields<T extends object>(json: T): Omit<T, (typeof KEPT)[number]> {
  const fields = { ...json } as Record<string, unknown>;
  for (const key of KEPT) delete fields[key];
  return fields as Omit<T, (typeof KEPT)[number]>;
}

type ListQuery = {
  status?: string;
  section?: string;
  author?: string;
  tag?: string;
  q?: string;
  mine?: string;
  page?: number;
};

/** Articles in the admin API: the same services and rules as the back-office pages. */
export function articlesApi(app: FastifyInstance, services: AppServices): void {
  const { content, db } = services;

  app.get<{ Querystring: ListQuery }>(
    '/api/admin/articles',
    {
      schema: {
        tags: ['articles'],
        summary:
          'List articles of every status, newest change first (with `q`, newest first). `total` is exact unless `more` is true: then at least that many match.',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: STATUSES },
            section: { type: 'string' },
            author: { type: 'string' },
            tag: { type: 'string' },
            q: { type: 'string', maxLength: 200 },
            mine: { type: 'string', enum: ['1'] },
            page: { type: 'integer', minimum: 1, default: 1 },
          },
        },
      },
    },
    async (request) => {
      const filter = await adminFilter(services, request.query, actor(request).id);
      const page = request.query.page ?? 1;
      const list = await listForAdmin(db, services.search, filter, { limit: 50, offset: (page - 1) * 50 });
      return {
        total: list.total,
        more: list.more,
        page,
        pages: list.more ? null : Math.max(1, Math.ceil(list.total / 50)),
        hasNext: list.hasNext,
        articles: list.rows,
      };
    },
  );

  app.post<{ Body: ArticleInput }>(
    '/api/admin/articles',
    { schema: { tags: ['articles'], summary: 'Create an article', body: articleInputSchema } },
    async (request, reply) => {
      const article = await createArticle(content, actor(request), request.body);
      return reply
        .code(201)
        .header('location', `/api/admin/articles/${article.id}`)
        .send(articleJson(article));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/admin/articles/:id',
    { schema: { tags: ['articles'], summary: 'Get an article, whatever its status', params: idParams } },
    async (request) => {
      actor(request);
      return articleJson(await getArticle(db, request.params.id));
    },
  );

  app.put<{ Params: { id: number }; Body: ArticleInput & { version?: number } }>(
    '/api/admin/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'Save an article; refused with 409 EDIT_CONFLICT when `version` is not the current one',
        params: idParams,
        body: { ...articleInputSchema, required: [...articleInputSchema.required, 'version'] },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      const article = await updateArticle(content, actor(request), request.params.id, input, {
        expectedVersion: version,
      });
      return articleJson(article);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/admin/articles/:id',
    { schema: { tags: ['articles'], summary: 'Delete an article', params: idParams } },
    async (request, reply) => {
      await deleteArticle(content, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: { text: string } }>(
    '/api/admin/articles/:id/corrections',
    {
      schema: {
        tags: ['articles'],
        summary: 'Add a dated correction note (shown to readers)',
        params: idParams,
        body: {
          type: 'object',
          required: ['text'],
          properties: { text: { type: 'string', maxLength: 2000 } },
        },
      },
    },
    async (request) =>
      articleJson(await addCorrection(content, actor(request), request.params.id, request.body.text)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/admin/articles/:id/revisions',
    {
      schema: {
        tags: ['revisions'],
        summary: 'List the revisions of an article, newest first',
        params: idParams,
      },
    },
    async (request) => {
      actor(request);
      await getArticle(db, request.params.id);
      return { revisions: await listRevisions(db, request.params.id) };
    },
  );

  app.get<{ Params: { id: number; version: number } }>(
    '/api/admin/articles/:id/revisions/:version',
    {
      schema: {
        tags: ['revisions'],
        summary: 'One revision with the article as it was',
        params: {
          type: 'object',
          properties: { id: { type: 'integer', minimum: 1 }, version: { type: 'integer', minimum: 1 } },
          required: ['id', 'version'],
        },
      },
    },
    async (request) => {
      actor(request);
      const revision = await getRevision(db, request.params.id, request.params.version);
      if (!revision)
        throw new AppError(
          'NOT_FOUND',
          `article ${request.params.id} has no version ${request.params.version}`,
        );
      return revision;
    },
  );

  app.post<{ Params: { id: number; version: number }; Body: { version: number } }>(
    '/api/admin/articles/:id/revisions/:version/restore',
    {
      schema: {
        tags: ['revisions'],
        summary: 'Restore an old revision’s text as a new revision (status and time stay as they are)',
        params: {
          type: 'object',
          properties: { id: { type: 'integer', minimum: 1 }, version: { type: 'integer', minimum: 1 } },
          required: ['id', 'version'],
        },
        body: { type: 'object', required: ['version'], properties: { version: { type: 'integer' } } },
      },
    },
    async (request) => {
      const { id, version } = request.params;
      const article = await restoreRevision(content, actor(request), id, version, request.body.version);
      return articleJson(article);
    },
  );

  app.post<{ Body: { title?: string; lead?: string; body?: unknown; exclude?: string[] } }>(
    '/api/admin/tag-suggestions',
    {
      schema: {
        tags: ['articles'],
        summary: 'Suggest tags from the text’s named entities and the site’s existing tags',
        body: {
          type: 'object',
          properties: {
            title: { type: 'string' },
            lead: { type: 'string' },
            body: { type: 'object' },
            exclude: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      actor(request);
      return { suggestions: await suggestTags(db, request.body ?? {}) };
    },
  );

  app.get<{ Querystring: { q?: string } }>(
    '/api/admin/headlines',
    {
      schema: {
        tags: ['articles'],
        summary: 'Find articles by headline words or id, for inline related-article blocks',
        querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } } },
      },
    },
    async (request) => {
      actor(request);
      return { articles: await findHeadlines(db, services.search, request.query.q ?? '') };
    },
  );
}

/** Turns list query parameters (slugs) into a filter; an unknown slug is a clear 400. */
export async function adminFilter(services: AppServices, query: ListQuery, me: number | null) {
  const { db } = services;
  const bySlug = async (table: 'sections' | 'authors' | 'tags', slug: string | undefined, name: string) => {
    if (!slug) return undefined;
    const row = await findBySlug(db, table, slug);
    if (!row) throw invalidInput(name, `there is no ${name} "${slug}"`);
    return row.id;
  };
  if (query.status && !STATUSES.includes(query.status))
    throw invalidInput('status', `must be one of ${STATUSES.join(', ')}`);
  return {
    status: (query.status || undefined) as ArticleStatus | undefined,
    sectionId: await bySlug('sections', query.section, 'section'),
    authorId: await bySlug('authors', query.author, 'author'),
    tagId: await bySlug('tags', query.tag, 'tag'),
    q: query.q?.trim() || undefined,
    createdBy: query.mine === '1' && me !== null ? me : undefined,
  };
}
