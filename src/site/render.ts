import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Sends a page. Pages are public and shared by every reader, cacheable
 * briefly by browsers and proxies, unless the caller set its own policy.
 */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToString(page)}`;
  reply.code(status).type('text/html; charset=utf-8');
  if (status === 200 && !reply.hasHeader('cache-control')) {
    reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  }
  return reply.send(html);
}
