import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { takeFlash } from '../flash.js';
import {
  can,
  findHeadlines,
  getArticle,
  getMedia,
  getSettings,
  listAuthors,
  listSections,
  listSources,
  relatedBlockIds,
  type Article,
  type Media,
} from '../../content/index.js';
import { findOriginal } from '../../ingest/incoming.original.js';
import { AppError } from '../../lib/app-error.js';
import { siteContext } from '../../site/site-context.builder.js';
import { articlePageData } from '../../site/routes/article.js';
import { ArticlePage } from '../../site/templates/article-page.js';
import { adminContext, sendAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { STATUS_LABELS } from '../editor/editor-actions.js';
import type { EditorData, Headline, LibraryImage } from '../editor/editor-data.js';
import { ArticleEditorPage } from '../pages/article-editor-page.js';
import { articleJson } from './articles.api.js';

/**
 * The article editor and the preview:
 * - GET /admin/articles/new, GET /admin/articles/:id/edit: the editor page;
 *   it saves through the admin API (articles.api.ts), so the rules are the services'.
 * - GET /admin/articles/:id/preview: the article exactly as readers will see it, whatever its status.
 */
export function editorRoutes(app: FastifyInstance, services: AppServices): void {
  app.get('/admin/articles/new', async (request, reply) => editorPage(services, request, reply, null));

  app.get<{ Params: { id: string } }>('/admin/articles/:id/edit', async (request, reply) => {
    const article = await getArticle(services.db, articleId(request.params.id));
    return editorPage(services, request, reply, article);
  });

  app.get<{ Params: { id: string } }>('/admin/articles/:id/preview', async (request, reply) => {
    actor(request);
    const article = await getArticle(services.db, articleId(request.params.id));
    return preview(services, request, reply, article);
  });
}

function articleId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new AppError('ARTICLE_NOT_FOUND', `article ${raw} not found`);
  return id;
}

async function editorPage(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  article: Article | null,
) {
  const me = actor(request);
  const { db } = services;
  const owned = article ? { created_by: article.createdBy, status: article.status } : null;
  const flash = takeFlash(request, reply);
  const [ctx, settings, sections, authors, sources, headlines, featuredImage, original] = await Promise.all([
    adminContext(services, request, flash.notice ?? flash.error),
    getSettings(db),
    listSections(db),
    listAuthors(db),
    listSources(db),
    article ? headlinesFor(services, [...relatedBlockIds(article.body), ...article.picks]) : {},
    article?.featuredImage ? getMedia(db, article.featuredImage).then(libraryImage) : null,
    article ? findOriginal(db, article.id) : undefined,
  ]);
  const data: EditorData = {
    article: article ? articleJson(article) : null,
    csrfToken: request.csrfToken ?? '',
    user: { id: me.id!, name: me.name, role: me.role },
    canEdit: owned ? can.editArticle(me, owned) : true,
    canPublish: can.publishArticle(me, owned),
    timeZone: settings.timeZone,
    serverNow: services.now().toISOString(),
    sections: sections.map((s) => ({ slug: s.slug, name: s.name })),
    authors: authors.map((a) => ({ slug: a.slug, name: a.name })),
    sources: sources.map((s) => ({ slug: s.slug, name: s.name })),
    headlines,
    featuredImage,
    defaultAuthors: authors.filter((a) => a.id === me.authorId).map((a) => a.slug),
  };
  // Nothing here may be cached: it is one user's view of work in progress.
  return sendAdminPage(reply, <ArticleEditorPage ctx={ctx} data={data} original={original} />);
}

/** A library image as the editor's panels show it: the smallest stored size as the thumbnail. */
function libraryImage(media: Media): LibraryImage {
  return {
    id: media.id,
    src: media.url,
    thumb: media.variants[0]?.url ?? media.url,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
  };
}

/** Current headlines of the articles an article points at, whatever their status. */
async function headlinesFor(services: AppServices, ids: number[]): Promise<Record<string, Headline>> {
  const found = await Promise.all(
    [...new Set(ids)].map(
      async (id) => (await findHeadlines(services.db, services.search, String(id), 1))[0],
    ),
  );
  return Object.fromEntries(
    found.filter((h) => h !== undefined).map((h) => [String(h.id), { title: h.title, status: h.status }]),
  );
}

/**
 * The reader's page, built by the same function as src/site/routes/article.tsx,
 * marked as a preview: noindex, never cached, a banner, and no view beacon
 * (an editor looking at a page is not a reader).
 */
async function preview(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  article: Article,
) {
  const [site, data] = await Promise.all([
    siteContext(services, request),
    articlePageData(services, article),
  ]);
  const label =
    article.status === 'published'
      ? 'Preview — the saved version of a published article'
      : `Preview — not published (${STATUS_LABELS[article.status].toLowerCase()})`;
  reply.header('x-robots-tag', 'noindex');
  return sendAdminPage(
    reply,
    <ArticlePage
      site={site}
      data={data}
      preview={{ label, editUrl: `/admin/articles/${article.id}/edit` }}
    />,
  );
}
