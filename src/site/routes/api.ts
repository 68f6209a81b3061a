import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { getVisibleArticle, visibleViews } from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';

/** The public JSON API: what readers may see, nothing more. */
export function apiRoutes(app: FastifyInstance, services: AppServices): void {
  /** The id in the URL, or a 404 naming it: digits only. */
  function articleId(raw: string): number {
    if (!/^[0-9]{1,15}$/.test(raw)) throw notFound(raw);
    return Number(raw);
  }
  const notFound = (raw: string) => new AppError('ARTICLE_NOT_FOUND', `article ${raw} not found`);

  async function visible(raw: string) {
    const article = await getVisibleArticle(services.db, articleId(raw), services.now().toISOString());
    if (!article) throw notFound(raw);
    return article;
  }

  app.get<{ Params: { id: string } }>('/api/articles/:id', async (request, reply) => {
    const article = await visible(request.params.id);
    reply.header('cache-control', 'public, max-age=60');
    return {
      id: article.id,
      url: services.config.siteUrl + article.path,
      slug: article.slug,
      title: article.title,
      lead: article.lead,
      body: article.body,
      section: article.section,
      tags: article.tags,
      authors: article.authors,
      source: article.source,
      publishedAt: article.publishedAt,
      updatedAt: article.revisedAt ?? article.updatedAt,
      corrections: article.corrections,
      views: article.views + services.views.pendingFor(article.id),
    };
  });

  // The view beacon. The page sends it after loading, so views are counted
  // even when the HTML came from a cache. It sets no cookie and stores no
  // address; see src/views.
  // Under a spike this is the busiest route: at most one primary-key read a
  // second an article (ViewCounter.shownViews), nothing else. Its body is
  // empty and its answer some thirty bytes: compression's three hooks are
  // left off it.
  app.post<{ Params: { id: string } }>(
    '/api/articles/:id/views',
    { config: { budget: 'beacons' }, compress: false, decompress: false },
    async (request, reply) => {
      const id = articleId(request.params.id);
      const views = services.views.shownViews(id, (id) =>
        visibleViews(services.db, id, services.now().toISOString()),
      );
      if (views === undefined) throw notFound(request.params.id);
      const outcome = services.views.record({
        articleId: id,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.code(202).header('cache-control', 'no-store');
      return { counted: outcome === 'counted', views: outcome === 'counted' ? views + 1 : views };
    },
  );
}
