import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { getVisibleArticle, visibleViews } from '../../content/index.js';
import type { FrontDoor } from '../../cache/http.js';
import { AppError } from '../../lib/app-error.js';
import type { SpendBudget } from '../../plugins/address-budget.js';
import { clientAddress, type ProxyTrust } from '../../plugins/client-address.js';
import { securityHeaders } from '../../plugins/security-headers.js';

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
  // left off it. Most beacons are answered before routing (`beaconDoor`);
  // this route answers the rest: the refusals, and beacons of another form.
  app.post<{ Params: { id: string } }>(
    '/api/articles/:id/views',
    { config: { budget: 'beacons' }, compress: false, decompress: false },
    async (request, reply) => {
      const id = articleId(request.params.id);
      const views = await shownViews(services, id);
      if (views === undefined) throw notFound(request.params.id);
      reply.code(202).header('cache-control', 'no-store');
      return countView(services, id, views, request.ip, request.headers['user-agent']);
    },
  );
}

/** An article's views as its beacon answers them; undefined when readers may not see it. */
function shownViews(services: AppServices, id: number) {
  return services.views.shownViews(id, (id) => visibleViews(services.db, id, services.now().toISOString()));
}

/** Counts a view of an article readers may see (unless a bot's or a repeat), and what to answer. */
function countView(
  services: AppServices,
  id: number,
  views: number,
  ip: string,
  userAgent: string | undefined,
): { counted: boolean; views: number } {
  const counted = services.views.record({ articleId: id, ip, userAgent }) === 'counted';
  return { counted, views: counted ? views + 1 : views };
}

const BEACON = /^\/api\/articles\/([0-9]{1,15})\/views$/;

/**
 * The beacon route's answer given before routing, as the route gives it:
 * an empty POST without a content type (what the page sends) for an article
 * readers may see, from an address within its budget, which is spent first,
 * as the route's hook does. Anything else (a body or a content type, an
 * unknown article, an address past its budget) goes on to the route, which
 * answers or refuses it as it always has.
 */
export function beaconDoor(services: AppServices, spend: SpendBudget, trust: ProxyTrust | false): FrontDoor {
  const headers = Object.entries({
    ...securityHeaders('site', services.config.siteUrl),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  }).flat();
  // The answer's headers with the server's own (the same every time) and a content length, made
  // once: writeHead reads them at once, so each answer only writes its length into the last.
  let head: string[] = [];
  let headOwn: readonly string[] | undefined;
  return (request, response, own) => {
    if (request.method !== 'POST') return false;
    const match = BEACON.exec(request.url ?? '');
    const { 'content-length': length, 'transfer-encoding': chunked, 'content-type': type } = request.headers;
    if (!match || chunked !== undefined || type !== undefined || (length !== undefined && length !== '0'))
      return false;
    const ip = clientAddress(request, trust);
    if (ip === undefined || spend('beacons', ip, request) !== 0) return false;
    try {
      return answer(request, response, own, Number(match[1]), ip);
    } catch (error) {
      // Left to the route (app.ts), already paid for.
      spend.paid(request);
      throw error;
    }
  };
  function answer(
    request: IncomingMessage,
    response: ServerResponse,
    own: readonly string[],
    id: number,
    ip: string,
  ): boolean {
    const views = shownViews(services, id);
    // Unknown, or not known yet (PostgreSQL's read is under way): the route waits for it, already paid for.
    if (typeof views !== 'number') {
      if (views instanceof Promise) views.catch(() => {});
      spend.paid(request);
      return false;
    }
    const body = JSON.stringify(countView(services, id, views, ip, request.headers['user-agent']));
    if (own !== headOwn) {
      headOwn = own;
      head = [...headers, ...own, 'content-length', ''];
    }
    // The body is ASCII: JSON of a boolean and a number.
    head[head.length - 1] = String(body.length);
    response.writeHead(202, head);
    response.end(body);
    return true;
  }
}
