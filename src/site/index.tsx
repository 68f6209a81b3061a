import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app.js';
import { brandImageRoutes } from './brand-images.js';
import { apiRoutes } from './routes/api.js';
import { articleRoutes } from './routes/article.js';
import { feedRoutes } from './routes/feeds.js';
import { listRoutes } from './routes/lists.js';
import { mediaFileRoutes } from './routes/media.js';
import { pageRoutes } from './routes/pages.js';
import { sitemapRoutes } from './routes/sitemaps.js';

/** The reader site: pages, feeds, sitemaps and the public JSON API. */
export function siteRoutes(app: FastifyInstance, services: AppServices): void {
  listRoutes(app, services);
  articleRoutes(app, services);
  pageRoutes(app, services);
  apiRoutes(app, services);
  brandImageRoutes(app, services);
  feedRoutes(app, services);
  sitemapRoutes(app, services);
  mediaFileRoutes(app, services);
}
