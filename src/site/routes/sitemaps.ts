import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppServices } from '../../app.js';
import { getSettings } from '../../content/index.js';
import { notFound } from '../../lib/app-error.js';
import { openSearchDescription } from '../feeds/opensearch.js';
import { robotsTxt } from '../feeds/robots.js';
import {
  articlesSitemap,
  mainSitemap,
  newsSitemapXml,
  pagesSitemap,
  tagsSitemap,
  type SitemapContext,
} from '../feeds/sitemap.service.js';

const XML = 'application/xml; charset=utf-8';

/**
 * What crawlers read: `/sitemap.xml` (an index of `/sitemaps/*.xml` on a
 * large site), `/news-sitemap.xml`, `/robots.txt`, and `/opensearch.xml`.
 */
export function sitemapRoutes(app: FastifyInstance, services: AppServices): void {
  const context = (): SitemapContext => ({
    db: services.db,
    siteUrl: services.config.siteUrl,
    now: services.now(),
  });

  const send = (reply: FastifyReply, type: string, body: string, maxAge = 300) =>
    reply.type(type).header('cache-control', `public, max-age=${maxAge}`).send(body);

  app.get('/sitemap.xml', async (_request, reply) => send(reply, XML, await mainSitemap(context())));

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const { file } = request.params;
    if (file === 'pages.xml') return send(reply, XML, await pagesSitemap(context()));
    const [, kind, page] = /^(articles|tags)-([1-9][0-9]{0,8})\.xml$/.exec(file) ?? [];
    const xml =
      page === undefined
        ? undefined
        : kind === 'tags'
          ? await tagsSitemap(context(), Number(page))
          : await articlesSitemap(context(), Number(page));
    if (xml === undefined) throw notFound('sitemap');
    return send(reply, XML, xml);
  });

  app.get('/news-sitemap.xml', async (_request, reply) => send(reply, XML, await newsSitemapXml(context())));

  app.get('/robots.txt', async (_request, reply) =>
    send(reply, 'text/plain; charset=utf-8', robotsTxt(services.config.siteUrl), 3600),
  );

  app.get('/opensearch.xml', async (_request, reply) => {
    const settings = await getSettings(services.db);
    return send(
      reply,
      'application/opensearchdescription+xml; charset=utf-8',
      openSearchDescription(services.config.siteUrl, settings.name),
      3600,
    );
  });
}
