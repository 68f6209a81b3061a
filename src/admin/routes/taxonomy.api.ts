import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  createAuthor,
  createSection,
  createSource,
  deleteAuthor,
  deleteSection,
  deleteSource,
  deleteTag,
  getAuthorFor,
  getSectionFor,
  getSourceFor,
  getTagFor,
  listAuthorsFor,
  listSectionsFor,
  listSourcesFor,
  listTagsFor,
  mergeTags,
  renameTag,
  reorderSections,
  updateAuthor,
  updateSection,
  updateSource,
  type AdminAuthor,
  type AdminSection,
  type AdminSource,
  type AuthorInput,
  type SectionInput,
  type SourceInput,
  type TagListRow,
} from '../../content/index.js';
import { actor } from '../auth.js';
import { idParams } from './taxonomy.routes.js';

/** JSON shapes of the API; `articles` counts articles of every status. */
function sectionJson(s: AdminSection) {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    position: s.position,
    articles: s.articles,
  };
}

function tagJson(t: TagListRow & { redirects?: string[] }) {
  return { id: t.id, slug: t.slug, name: t.name, articles: t.articles, redirects: t.redirects };
}

function sourceJson(s: AdminSource) {
  return { id: s.id, slug: s.slug, name: s.name, url: s.url, articles: s.articles };
}

function authorJson(a: AdminAuthor) {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    bio: a.bio,
    photoMediaId: a.photo_media_id,
    photoUrl: a.photoUrl,
    articles: a.articles,
  };
}

const slug = { type: 'string', maxLength: 200, description: 'made URL-safe; made from the name when empty' };

const sectionBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 100 },
    slug,
    description: { type: 'string', maxLength: 500, description: 'plain text' },
  },
} as const;

const sourceBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 100 },
    slug,
    url: { type: ['string', 'null'], maxLength: 500, description: 'http(s) only; empty or null for none' },
  },
} as const;

const authorBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 100 },
    slug,
    bio: { type: 'string', maxLength: 2000, description: 'plain text' },
    photoMediaId: {
      type: ['integer', 'null'],
      minimum: 1,
      description: 'an image id from GET /api/admin/media; null for no photo',
    },
  },
} as const;

type Id = { Params: { id: number } };

/**
 * Sections, tags, sources and authors in the admin API: the same services and
 * rules as the back-office pages (editors and administrators; others get 403).
 */
export function taxonomyApi(app: FastifyInstance, services: AppServices): void {
  const { content } = services;

  // Sections.
  app.get(
    '/api/admin/sections',
    { schema: { tags: ['sections'], summary: 'List sections in menu order, with article counts' } },
    async (request) => ({ sections: (await listSectionsFor(content, actor(request))).map(sectionJson) }),
  );

  app.post<{ Body: SectionInput }>(
    '/api/admin/sections',
    { schema: { tags: ['sections'], summary: 'Add a section at the end of the menu', body: sectionBody } },
    async (request, reply) => {
      const me = actor(request);
      const section = await createSection(content, me, request.body);
      return reply
        .code(201)
        .header('location', `/api/admin/sections/${section.id}`)
        .send(sectionJson(await getSectionFor(content, me, section.id)));
    },
  );

  app.put<{ Body: { ids: number[] } }>(
    '/api/admin/sections/order',
    {
      schema: {
        tags: ['sections'],
        summary: 'Set the menu order: every section id once, first to last',
        body: {
          type: 'object',
          required: ['ids'],
          properties: { ids: { type: 'array', items: { type: 'integer' }, maxItems: 500 } },
        },
      },
    },
    async (request) => {
      const me = actor(request);
      await reorderSections(content, me, request.body.ids);
      return { sections: (await listSectionsFor(content, me)).map(sectionJson) };
    },
  );

  app.get<Id>(
    '/api/admin/sections/:id',
    { schema: { tags: ['sections'], summary: 'Get a section', params: idParams } },
    async (request) => sectionJson(await getSectionFor(content, actor(request), request.params.id)),
  );

  app.put<Id & { Body: SectionInput }>(
    '/api/admin/sections/:id',
    {
      schema: {
        tags: ['sections'],
        summary: 'Change a section’s name, slug or description',
        params: idParams,
        body: sectionBody,
      },
    },
    async (request) => {
      const me = actor(request);
      await updateSection(content, me, request.params.id, request.body);
      return sectionJson(await getSectionFor(content, me, request.params.id));
    },
  );

  app.delete<Id>(
    '/api/admin/sections/:id',
    {
      schema: {
        tags: ['sections'],
        summary: 'Delete a section no article uses; 409 IN_USE otherwise',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteSection(content, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  // Tags.
  app.get<{ Querystring: { q?: string; sort?: 'name' | 'articles'; page?: number } }>(
    '/api/admin/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'List tags with article counts; `q` searches names and slugs; 50 a page',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 100 },
            sort: { type: 'string', enum: ['articles', 'name'], default: 'articles' },
            page: { type: 'integer', minimum: 1, default: 1 },
          },
        },
      },
    },
    async (request) => {
      const list = await listTagsFor(content, actor(request), request.query);
      return { total: list.total, page: list.page, pages: list.pages, tags: list.tags.map(tagJson) };
    },
  );

  app.get<Id>(
    '/api/admin/tags/:id',
    {
      schema: {
        tags: ['tags'],
        summary: 'Get a tag with the old slugs that redirect to it',
        params: idParams,
      },
    },
    async (request) => tagJson(await getTagFor(content, actor(request), request.params.id)),
  );

  app.put<Id & { Body: { name: string; slug?: string } }>(
    '/api/admin/tags/:id',
    {
      schema: {
        tags: ['tags'],
        summary: 'Rename a tag; a changed slug leaves the old one redirecting (301) to the new',
        params: idParams,
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 60 }, slug },
        },
      },
    },
    async (request) => {
      const me = actor(request);
      await renameTag(content, me, request.params.id, request.body);
      return tagJson(await getTagFor(content, me, request.params.id));
    },
  );

  app.post<Id & { Body: { into: number } }>(
    '/api/admin/tags/:id/merge',
    {
      schema: {
        tags: ['tags'],
        summary:
          'Merge this tag into another: its articles get that tag, its slug redirects there, and it is deleted',
        params: idParams,
        body: {
          type: 'object',
          required: ['into'],
          properties: { into: { type: 'integer', minimum: 1, description: 'the id of the tag to keep' } },
        },
      },
    },
    async (request) => {
      const me = actor(request);
      const { into, moved } = await mergeTags(content, me, request.params.id, request.body.into);
      return { moved, into: tagJson(await getTagFor(content, me, into.id)) };
    },
  );

  app.delete<Id>(
    '/api/admin/tags/:id',
    { schema: { tags: ['tags'], summary: 'Delete a tag; its articles lose it', params: idParams } },
    async (request, reply) => {
      await deleteTag(content, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  // Sources.
  app.get(
    '/api/admin/sources',
    { schema: { tags: ['sources'], summary: 'List sources with article counts' } },
    async (request) => ({ sources: (await listSourcesFor(content, actor(request))).map(sourceJson) }),
  );

  app.post<{ Body: SourceInput }>(
    '/api/admin/sources',
    { schema: { tags: ['sources'], summary: 'Add a source', body: sourceBody } },
    async (request, reply) => {
      const me = actor(request);
      const source = await createSource(content, me, request.body);
      return reply
        .code(201)
        .header('location', `/api/admin/sources/${source.id}`)
        .send(sourceJson(await getSourceFor(content, me, source.id)));
    },
  );

  app.get<Id>(
    '/api/admin/sources/:id',
    { schema: { tags: ['sources'], summary: 'Get a source', params: idParams } },
    async (request) => sourceJson(await getSourceFor(content, actor(request), request.params.id)),
  );

  app.put<Id & { Body: SourceInput }>(
    '/api/admin/sources/:id',
    { schema: { tags: ['sources'], summary: 'Change a source', params: idParams, body: sourceBody } },
    async (request) => {
      const me = actor(request);
      await updateSource(content, me, request.params.id, request.body);
      return sourceJson(await getSourceFor(content, me, request.params.id));
    },
  );

  app.delete<Id>(
    '/api/admin/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Delete a source; its articles keep no source',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteSource(content, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  // Authors.
  app.get(
    '/api/admin/authors',
    { schema: { tags: ['authors'], summary: 'List authors (bylines) with article counts' } },
    async (request) => ({ authors: (await listAuthorsFor(content, actor(request))).map(authorJson) }),
  );

  app.post<{ Body: AuthorInput }>(
    '/api/admin/authors',
    { schema: { tags: ['authors'], summary: 'Add an author', body: authorBody } },
    async (request, reply) => {
      const me = actor(request);
      const author = await createAuthor(content, me, request.body);
      return reply
        .code(201)
        .header('location', `/api/admin/authors/${author.id}`)
        .send(authorJson(await getAuthorFor(content, me, author.id)));
    },
  );

  app.get<Id>(
    '/api/admin/authors/:id',
    { schema: { tags: ['authors'], summary: 'Get an author', params: idParams } },
    async (request) => authorJson(await getAuthorFor(content, actor(request), request.params.id)),
  );

  app.put<Id & { Body: AuthorInput }>(
    '/api/admin/authors/:id',
    {
      schema: {
        tags: ['authors'],
        summary: 'Change an author’s name, slug, bio or photo',
        params: idParams,
        body: authorBody,
      },
    },
    async (request) => {
      const me = actor(request);
      await updateAuthor(content, me, request.params.id, request.body);
      return authorJson(await getAuthorFor(content, me, request.params.id));
    },
  );

  app.delete<Id>(
    '/api/admin/authors/:id',
    {
      schema: {
        tags: ['authors'],
        summary: 'Delete an author with no articles; 409 IN_USE while articles carry the byline',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteAuthor(content, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
