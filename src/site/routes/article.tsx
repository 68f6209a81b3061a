import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  getVisibleArticle,
  loadBodyMedia,
  relatedBlockIds,
  summariesByIds,
  type Article,
} from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { relatedFor } from '../../related/index.js';
import { sendPage } from '../render.js';
import { siteContext } from '../site-context.builder.js';
import { ArticlePage, type ArticlePageData } from '../templates/article-page.js';

export function articleRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  /** Finds a visible article by the id in its URL; anything else is a 404. */
  async function visibleArticle(rawId: string) {
    const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
    const article = Number.isSafeInteger(id)
      ? await getVisibleArticle(db, id, services.now().toISOString())
      : undefined;
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', `article ${rawId} not found`);
    return article;
  }

  // The id finds the article; the slug is for people. A right id with an old or
  // missing slug is sent, permanently, to the canonical URL.
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const article = await visibleArticle(request.params.id);
    return reply.redirect(article.path, 301);
  });

  app.get<{ Params: { id: string; slug: string } }>('/articles/:id/:slug', async (request, reply) => {
    const article = await visibleArticle(request.params.id);
    if (request.params.slug !== article.slug) return reply.redirect(article.path, 301);
    const [site, data] = await Promise.all([
      siteContext(services, request),
      articlePageData(services, article),
    ]);
    return sendPage(reply, <ArticlePage site={site} data={data} />);
  });
}

/**
 * Everything the article page shows besides the article: the inline related
 * blocks' targets and the related list (only what readers may see now), and
 * the body's images from the media library. The editor's preview uses it too,
 * so a preview is the page readers will get.
 */
export async function articlePageData(services: AppServices, article: Article): Promise<ArticlePageData> {
  const { db } = services;
  const now = services.now().toISOString();
  const [inline, related, media] = await Promise.all([
    summariesByIds(db, now, relatedBlockIds(article.body)),
    relatedFor(db, article.id, now),
    loadBodyMedia(db, article.body, article.featuredImage === null ? [] : [article.featuredImage]),
  ]);
  return { article, inlineRelated: new Map(inline.map((a) => [a.id, a])), related, media };
}
