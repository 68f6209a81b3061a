import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  createAuthor,
  createSection,
  createSource,
  deleteAuthor,
  deleteSection,
  deleteSource,
  deleteTag,
  findTagByName,
  getAuthorFor,
  getSectionFor,
  getSourceFor,
  getTagFor,
  listAuthorsFor,
  listSectionsFor,
  listSourcesFor,
  listTagsFor,
  mergeTags,
  moveSection,
  renameTag,
  updateAuthor,
  updateSection,
  updateSource,
} from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { adminContext, renderAdminPage, sendAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash, takeFlash } from '../flash.js';
import type { AdminContext } from '../pages/admin-layout.js';
import { AuthorEditPage, AuthorsPage } from '../pages/authors-page.js';
import { problemOf, type FormProblem } from '../pages/manage-kit.js';
import { SectionEditPage, SectionsPage } from '../pages/sections-page.js';
import { SourceEditPage, SourcesPage } from '../pages/sources-page.js';
import { TagEditPage, TagsPage, type TagsQuery } from '../pages/tags-page.js';

/** A form as @fastify/formbody parses it. */
export type FormBody = Record<string, string | string[] | undefined> | undefined;

/** One text field of a form: the first value, or '' when absent. */
export function field(body: FormBody, name: string): string {
  const value = body?.[name];
  return String((Array.isArray(value) ? value[0] : value) ?? '');
}

/**
 * A form's text fields, named once: the list its routes take (`config.form`)
 * and the reading of their values from a body.
 */
function textForm<const F extends string>(...names: F[]) {
  return {
    form: names,
    values: (body: FormBody) =>
      Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<F, string>,
  };
}

// Re-exported for the routes that import it from here (users, settings).
export { sendAdminPage };

/**
 * Runs a form's change. A refusal the person can fix (bad input, a slug in
 * use, a section with articles) comes back as a problem to show on the form,
 * with its status; anything else (403, 404, 500) goes to the error handler.
 */
export async function attempt<T>(
  change: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; problem: FormProblem; status: number }> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    if (error instanceof AppError && ['INVALID_INPUT', 'SLUG_TAKEN', 'IN_USE'].includes(error.code))
      return { ok: false, problem: problemOf(error.message), status: error.status };
    throw error;
  }
}

/** The page's context, with a message a redirect left for it. */
export async function pageContext(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ ctx: AdminContext; error?: FormProblem }> {
  const flash = takeFlash(request, reply);
  const ctx = await adminContext(services, request, flash.notice);
  return { ctx, error: flash.error ? { message: flash.error } : undefined };
}

export const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

type Id = { Params: { id: number } };
type Form = { Body: FormBody };

/** Sections, tags, sources and authors in the back office; the services decide who may. */
export function taxonomyRoutes(app: FastifyInstance, services: AppServices): void {
  sectionRoutes(app, services);
  tagRoutes(app, services);
  sourceRoutes(app, services);
  authorRoutes(app, services);
}

function sectionRoutes(app: FastifyInstance, services: AppServices): void {
  const { content } = services;
  const { form, values } = textForm('name', 'slug', 'description');

  app.get('/admin/sections', async (request, reply) => {
    const sections = await listSectionsFor(content, actor(request));
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <SectionsPage ctx={ctx} sections={sections} problem={error} />);
  });

  app.post<Form>('/admin/sections', { config: { form } }, async (request, reply) => {
    const me = actor(request);
    const input = values(request.body);
    const result = await attempt(() => createSection(content, me, input));
    if (result.ok)
      return redirectWithFlash(reply, `/admin/sections#section-${result.value.id}`, {
        notice: `Section “${result.value.name}” added at the end of the menu.`,
      });
    const sections = await listSectionsFor(content, me);
    return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
      <SectionsPage ctx={ctx} sections={sections} problem={result.problem} values={input} />
    ));
  });

  app.get<Id>('/admin/sections/:id', { schema: { params: idParams } }, async (request, reply) => {
    const section = await getSectionFor(content, actor(request), request.params.id);
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <SectionEditPage ctx={ctx} section={section} problem={error} />);
  });

  app.post<Id & Form>(
    '/admin/sections/:id',
    { schema: { params: idParams }, config: { form } },
    async (request, reply) => {
      const me = actor(request);
      const input = values(request.body);
      const result = await attempt(() => updateSection(content, me, request.params.id, input));
      if (result.ok)
        return redirectWithFlash(reply, '/admin/sections', {
          notice: `Section “${result.value.name}” saved.`,
        });
      const section = await getSectionFor(content, me, request.params.id);
      return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
        <SectionEditPage ctx={ctx} section={section} problem={result.problem} values={input} />
      ));
    },
  );

  app.post<Id & Form>(
    '/admin/sections/:id/move',
    { schema: { params: idParams }, config: { form: ['direction'] } },
    async (request, reply) => {
      const direction = field(request.body, 'direction') === 'down' ? 'down' : 'up';
      const sections = await moveSection(content, actor(request), request.params.id, direction);
      const moved = sections.find((s) => s.id === request.params.id)!;
      return redirectWithFlash(reply, `/admin/sections#section-${moved.id}`, {
        notice: `Moved “${moved.name}” ${direction}: it is now number ${sections.indexOf(moved) + 1} in the menu.`,
      });
    },
  );

  app.post<Id>(
    '/admin/sections/:id/delete',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      const me = actor(request);
      const section = await getSectionFor(content, me, request.params.id);
      const result = await attempt(() => deleteSection(content, me, section.id));
      if (result.ok)
        return redirectWithFlash(reply, '/admin/sections', { notice: `Section “${section.name}” deleted.` });
      return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
        <SectionEditPage ctx={ctx} section={section} problem={result.problem} />
      ));
    },
  );
}

function tagRoutes(app: FastifyInstance, services: AppServices): void {
  const { content } = services;

  app.get<{ Querystring: { q?: string; sort?: string; page?: string } }>(
    '/admin/tags',
    async (request, reply) => {
      const query: TagsQuery = {
        q: String(request.query.q ?? '')
          .trim()
          .slice(0, 100),
        sort: request.query.sort === 'name' ? 'name' : 'articles',
      };
      const list = await listTagsFor(content, actor(request), {
        ...query,
        page: Number(request.query.page) || 1,
      });
      const { ctx } = await pageContext(services, request, reply);
      return sendAdminPage(reply, <TagsPage ctx={ctx} list={list} query={query} />);
    },
  );

  async function editPage(
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    options: {
      problem?: FormProblem;
      form?: 'rename' | 'merge' | 'delete';
      values?: Record<string, string>;
      status?: number;
    },
  ) {
    const me = actor(request);
    const tag = await getTagFor(content, me, request.params.id);
    const popular = await listTagsFor(content, me, { sort: 'articles' });
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(
      reply,
      <TagEditPage
        ctx={ctx}
        tag={tag}
        suggestions={popular.tags.map((t) => t.name)}
        problem={options.problem ?? error}
        form={options.form ?? (error ? 'rename' : undefined)}
        values={options.values}
      />,
      options.status,
    );
  }

  app.get<Id>('/admin/tags/:id', { schema: { params: idParams } }, async (request, reply) =>
    editPage(request, reply, {}),
  );

  app.post<Id & Form>(
    '/admin/tags/:id',
    { schema: { params: idParams }, config: { form: ['name', 'slug'] } },
    async (request, reply) => {
      const me = actor(request);
      const before = await getTagFor(content, me, request.params.id);
      const input = { name: field(request.body, 'name'), slug: field(request.body, 'slug') };
      const result = await attempt(() => renameTag(content, me, before.id, input));
      if (!result.ok) return editPage(request, reply, { ...result, form: 'rename', values: input });
      const tag = result.value;
      const moved =
        tag.slug !== before.slug ? ` /tags/${before.slug} now redirects to /tags/${tag.slug}.` : '';
      return redirectWithFlash(reply, `/admin/tags/${tag.id}`, {
        notice: `Tag “${tag.name}” saved.${moved}`,
      });
    },
  );

  app.post<Id & Form>(
    '/admin/tags/:id/merge',
    { schema: { params: idParams }, config: { form: ['into'] } },
    async (request, reply) => {
      const me = actor(request);
      const from = await getTagFor(content, me, request.params.id);
      const typed = field(request.body, 'into');
      const result = await attempt(async () => {
        const into = await findTagByName(content, typed, 'into');
        return mergeTags(content, me, from.id, into.id);
      });
      if (!result.ok) return editPage(request, reply, { ...result, form: 'merge', values: { into: typed } });
      const { into, moved } = result.value;
      return redirectWithFlash(reply, `/admin/tags/${into.id}`, {
        notice: `Merged “${from.name}” into “${into.name}”: ${moved} article${moved === 1 ? '' : 's'} now carry “${into.name}”, and /tags/${from.slug} redirects here.`,
      });
    },
  );

  app.post<Id>(
    '/admin/tags/:id/delete',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      const me = actor(request);
      const tag = await getTagFor(content, me, request.params.id);
      await deleteTag(content, me, tag.id);
      return redirectWithFlash(reply, '/admin/tags', {
        notice: `Tag “${tag.name}” deleted${tag.articles ? ` from ${tag.articles} article${tag.articles === 1 ? '' : 's'}` : ''}.`,
      });
    },
  );
}

function sourceRoutes(app: FastifyInstance, services: AppServices): void {
  const { content } = services;
  const { form, values } = textForm('name', 'slug', 'url');

  app.get('/admin/sources', async (request, reply) => {
    const sources = await listSourcesFor(content, actor(request));
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <SourcesPage ctx={ctx} sources={sources} problem={error} />);
  });

  app.post<Form>('/admin/sources', { config: { form } }, async (request, reply) => {
    const me = actor(request);
    const input = values(request.body);
    const result = await attempt(() => createSource(content, me, input));
    if (result.ok)
      return redirectWithFlash(reply, '/admin/sources', { notice: `Source “${result.value.name}” added.` });
    const sources = await listSourcesFor(content, me);
    return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
      <SourcesPage ctx={ctx} sources={sources} problem={result.problem} values={input} />
    ));
  });

  app.get<Id>('/admin/sources/:id', { schema: { params: idParams } }, async (request, reply) => {
    const source = await getSourceFor(content, actor(request), request.params.id);
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <SourceEditPage ctx={ctx} source={source} problem={error} />);
  });

  app.post<Id & Form>(
    '/admin/sources/:id',
    { schema: { params: idParams }, config: { form } },
    async (request, reply) => {
      const me = actor(request);
      const input = values(request.body);
      const result = await attempt(() => updateSource(content, me, request.params.id, input));
      if (result.ok)
        return redirectWithFlash(reply, '/admin/sources', { notice: `Source “${result.value.name}” saved.` });
      const source = await getSourceFor(content, me, request.params.id);
      return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
        <SourceEditPage ctx={ctx} source={source} problem={result.problem} values={input} />
      ));
    },
  );

  app.post<Id>(
    '/admin/sources/:id/delete',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      const me = actor(request);
      const source = await getSourceFor(content, me, request.params.id);
      const { articles } = await deleteSource(content, me, source.id);
      return redirectWithFlash(reply, '/admin/sources', {
        notice: `Source “${source.name}” deleted${articles ? `; ${articles} article${articles === 1 ? '' : 's'} now have no source` : ''}.`,
      });
    },
  );
}

function authorRoutes(app: FastifyInstance, services: AppServices): void {
  const { content } = services;
  const { form, values } = textForm('name', 'slug', 'bio', 'photoMediaId');

  app.get('/admin/authors', async (request, reply) => {
    const authors = await listAuthorsFor(content, actor(request));
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <AuthorsPage ctx={ctx} authors={authors} problem={error} />);
  });

  app.post<Form>('/admin/authors', { config: { form } }, async (request, reply) => {
    const me = actor(request);
    const input = values(request.body);
    const result = await attempt(() => createAuthor(content, me, input));
    if (result.ok)
      return redirectWithFlash(reply, '/admin/authors', { notice: `Author “${result.value.name}” added.` });
    const authors = await listAuthorsFor(content, me);
    return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
      <AuthorsPage ctx={ctx} authors={authors} problem={result.problem} values={input} />
    ));
  });

  app.get<Id>('/admin/authors/:id', { schema: { params: idParams } }, async (request, reply) => {
    const author = await getAuthorFor(content, actor(request), request.params.id);
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <AuthorEditPage ctx={ctx} author={author} problem={error} />);
  });

  app.post<Id & Form>(
    '/admin/authors/:id',
    { schema: { params: idParams }, config: { form } },
    async (request, reply) => {
      const me = actor(request);
      const input = values(request.body);
      const result = await attempt(() => updateAuthor(content, me, request.params.id, input));
      if (result.ok)
        return redirectWithFlash(reply, '/admin/authors', { notice: `Author “${result.value.name}” saved.` });
      const author = await getAuthorFor(content, me, request.params.id);
      return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
        <AuthorEditPage ctx={ctx} author={author} problem={result.problem} values={input} />
      ));
    },
  );

  app.post<Id>(
    '/admin/authors/:id/delete',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      const me = actor(request);
      const author = await getAuthorFor(content, me, request.params.id);
      const result = await attempt(() => deleteAuthor(content, me, author.id));
      if (result.ok)
        return redirectWithFlash(reply, '/admin/authors', { notice: `Author “${author.name}” deleted.` });
      return renderAdminPage(services, request, reply, { status: result.status }, (ctx) => (
        <AuthorEditPage ctx={ctx} author={author} problem={result.problem} />
      ));
    },
  );
}
