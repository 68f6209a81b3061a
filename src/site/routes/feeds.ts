import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppServices } from '../../app.js';
import { findBySlug, getSettings, type ListFilter } from '../../content/index.js';
import { notFound } from '../../lib/app-error.js';
import {
  FEED_CONTENT_TYPES,
  FEED_FILES,
  renderFeed,
  type FeedChannel,
  type FeedFormat,
} from '../feeds/feed.builder.js';
import { loadFeedArticles } from '../feeds/feed.loader.js';
import { redirectRenamedTag } from './lists.js';

type SlugParams = { Params: { slug: string } };

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest visible articles: for the
 * whole site (`/feed.xml`), a section (`/sections/:slug/feed.xml`) and a tag
 * (`/tags/:slug/feed.atom`). An unknown section or tag is a 404.
 */
export function feedRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  async function send(
    reply: FastifyReply,
    format: FeedFormat,
    scope: { basePath: string; name?: string; description?: string; filter: ListFilter },
  ) {
    const now = services.now();
    const [settings, content] = await Promise.all([
      getSettings(db),
      loadFeedArticles(db, now.toISOString(), scope.filter),
    ]);
    const channel: FeedChannel = {
      title: scope.name ? `${settings.name}: ${scope.name}` : settings.name,
      description: scope.description || settings.tagline,
      language: settings.language,
      siteName: settings.name,
      siteUrl: services.config.siteUrl,
      basePath: scope.basePath,
    };
    return reply
      .type(FEED_CONTENT_TYPES[format])
      .header('cache-control', 'public, max-age=300')
      .send(renderFeed(format, channel, content, now));
  }

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const file = FEED_FILES[format];

    app.get(`/${file}`, async (_request, reply) => send(reply, format, { basePath: '', filter: {} }));

    app.get<SlugParams>(`/sections/:slug/${file}`, async (request, reply) => {
      const section = await findBySlug(db, 'sections', request.params.slug);
      if (!section) throw notFound('section');
      return send(reply, format, {
        basePath: `/sections/${section.slug}`,
        name: section.name,
        description: section.description,
        filter: { sectionId: section.id },
      });
    });

    app.get<SlugParams>(`/tags/:slug/${file}`, async (request, reply) => {
      const tag = await findBySlug(db, 'tags', request.params.slug);
      if (!tag) return redirectRenamedTag(services, request, reply, `/${file}`);
      return send(reply, format, {
        basePath: `/tags/${tag.slug}`,
        name: tag.name,
        filter: { tagId: tag.id },
      });
    });
  }
}
