import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { getVisibleArticle, loadBodyMedia, relatedBlockIds, summariesByIds } from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { relatedFor } from '../../related/index.js';
import { sendPage } from '../render.js';
import { siteContext } from '../site-context.builder.js';
import { ArticlePage } from '../templates/article-page.js';

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
    const now = services.now().toISOString();
    const [site, inline, related, media] = await Promise.all([
      siteContext(services, request),
      summariesByIds(db, now, relatedBlockIds(article.body)),
      relatedFor(db, article.id, now),
      loadBodyMedia(db, article.body),
    ]);
    const inlineRelated = new Map(inline.map((a) => [a.id, a]));
    return sendPage(reply, <ArticlePage site={site} data={{ article, inlineRelated, related, media }} />);
  });
}
