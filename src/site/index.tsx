import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { httpCaching, type FrontDoor } from '../cache/http.js';
import { tagHeader } from '../cache/purge.js';
import { findRedirect } from '../ingest/import/redirects.js';
import { addressBudgets, type Budget } from '../plugins/address-budget.js';
import type { ProxyTrust } from '../plugins/client-address.js';
import { handleErrors, NOT_FOUND, sendProblem, type Problem } from '../plugins/errors.js';
import { securityHeaders, sendSecurityHeaders } from '../plugins/security-headers.js';
import { brandImageRoutes } from './brand-images.js';
import { sendPage } from './render.js';
import { apiRoutes, beaconDoor } from './routes/api.js';
import { articleRoutes } from './routes/article.js';
import { feedRoutes } from './routes/feeds.js';
import { listRoutes } from './routes/lists.js';
import { mediaFileRoutes } from './routes/media.js';
import { pageRoutes } from './routes/pages.js';
import { sitemapRoutes } from './routes/sitemaps.js';
import { siteContext } from './site-context.builder.js';
import { ErrorPage } from './templates/simple-pages.js';

export interface ReaderSiteOptions {
  services: AppServices;
  /** The whole server: the page cache renders a missing page by injecting a request into it. */
  server: FastifyInstance;
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY), as Fastify was told. */
  trust: ProxyTrust | false;
  /** Takes the site's front doors (page-cache hits, beacons), for the server to ask before routing (cache/http.ts). */
  frontDoor?: (door: FrontDoor) => void;
}

/**
 * The reader site, as an encapsulated plugin: pages, feeds, sitemaps and the
 * public JSON API, behind the page cache and HTTP caching. Its error and
 * not-found answers (`siteProblems`) are the server's defaults, set where the
 * server is built: every URL and error no other room answers is answered the
 * site's way, so a reader who mistypes a URL sees the site, not a bare 404.
 */
export async function readerSite(site: FastifyInstance, options: ReaderSiteOptions): Promise<void> {
  const { services, server } = options;
  const { config } = services;
  // Before the page cache, so that cached answers count too.
  const spend = addressBudgets(
    site,
    { search: budgetOf(config.searchPerMinute), beacons: budgetOf(config.beaconsPerMinute) },
    () => services.now().getTime(),
  );
  httpCaching(site, {
    cache: services.pages,
    app: server,
    browserSeconds: Math.min(60, config.pageCacheFreshSeconds),
    sharedSeconds: config.pageCacheFreshSeconds,
    staleSeconds: config.pageCacheStaleSeconds,
    tagHeader: tagHeader(config.purge?.style),
    frontDoor: options.frontDoor,
  });
  // After the page cache's hook: a hit answers there, with the headers stored with its page, these
  // among them (the render that made it came through here), and skips this hook.
  sendSecurityHeaders(site, 'site', config.siteUrl);
  listRoutes(site, services);
  articleRoutes(site, services);
  pageRoutes(site, services);
  apiRoutes(site, services);
  options.frontDoor?.(beaconDoor(services, spend, options.trust));
  brandImageRoutes(site, services);
  feedRoutes(site, services);
  sitemapRoutes(site, services);
  mediaFileRoutes(site, services);
}

/** A budget of `perMinute`, a third of it at once. */
function budgetOf(perMinute: number): Budget {
  return { perMinute, burst: Math.max(10, Math.round(perMinute / 3)) };
}

/**
 * The site's errors and missing pages: JSON under /api (the public API's
 * own), else the error page in the site's design.
 */
export function siteProblems(server: FastifyInstance, services: AppServices): void {
  const headers = securityHeaders('site', services.config.siteUrl);
  const answer = handleErrors(server, (request, reply, problem) => {
    // Outside every room (or a room's answer that failed): the site's policy, unless a room set its own.
    if (!reply.hasHeader('content-security-policy')) reply.headers(headers);
    return answerProblem(services, request, reply, problem);
  });
  server.setNotFoundHandler(async (request, reply) => {
    // An old site's address (moved in by an import) before a missing page.
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !/^\/(api|admin)(\/|$)/.test(request.url)
    ) {
      const to = await findRedirect(services.db, request.url, services.now().toISOString());
      if (to) return reply.header('cache-control', 'public, max-age=3600').redirect(to, 301);
    }
    return answer(request, reply, NOT_FOUND);
  });
}

async function answerProblem(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
) {
  reply.header('cache-control', problem.status === 404 ? 'public, max-age=60' : 'no-store');
  if (request.url.startsWith('/api/')) return sendProblem(reply, problem);
  const { status, message } = problem;
  const site = await siteContext(services, request);
  return sendPage(
    reply,
    <ErrorPage site={site} status={status} message={status < 500 ? message : undefined} />,
    status,
  );
}
