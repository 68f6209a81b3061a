import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { adminContext } from '../admin/admin-context.js';
import { AdminErrorPage } from '../admin/pages/admin-layout.js';
import { AppError } from '../lib/app-error.js';
import { sendPage } from '../site/render.js';
import { siteContext } from '../site/site-context.builder.js';
import { ErrorPage } from '../site/templates/simple-pages.js';

/**
 * One error handler for the whole app. It logs every error with the request,
 * shows the message only below 500, answers JSON under /api and an error page
 * in the site's design elsewhere.
 */
export function registerErrorHandling(app: FastifyInstance, services: AppServices): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    const { status, code, message } = describe(error);
    const details = error instanceof AppError ? error.details : undefined;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, status, message }, 'request refused');
    return respond(request, reply, status, code, message, details);
  });

  app.setNotFoundHandler(async (request, reply) => respond(request, reply, 404, 'NOT_FOUND', 'not found'));

  async function respond(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    reply.header('cache-control', status === 404 ? 'public, max-age=60' : 'no-store');
    if (request.url.startsWith('/api/')) {
      return reply.code(status).send({ error: { code, message, ...(details ? { details } : {}) } });
    }
    try {
      if (request.user && request.url.startsWith('/admin')) {
        // A signed-in editor stays in the back office's frame, with its navigation.
        const ctx = await adminContext(services, request);
        return sendPage(
          reply,
          <AdminErrorPage ctx={ctx} status={status} message={status < 500 ? message : undefined} />,
          status,
        );
      }
      const site = await siteContext(services, request);
      return sendPage(
        reply,
        <ErrorPage site={site} status={status} message={status < 500 ? message : undefined} />,
        status,
      );
    } catch (pageError) {
      // The error page itself failed (the database may be down): a plain answer still helps.
      request.log.error({ err: pageError }, 'error page failed');
      return reply
        .code(status)
        .type('text/plain; charset=utf-8')
        .send(status === 404 ? 'Not found' : 'Error');
    }
  }
}

function describe(error: FastifyError | AppError): { status: number; code: string; message: string } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.expose ? error.message : 'internal error',
    };
  }
  if (error.validation) {
    return {
      status: 400,
      code: 'INVALID_INPUT',
      message: `${error.validationContext ?? 'request'}: ${error.message}`,
    };
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status === 404) return { status, code: 'NOT_FOUND', message: 'not found' };
  if (status === 429) return { status, code: 'RATE_LIMITED', message: error.message };
  return status < 500
    ? { status, code: 'INVALID_INPUT', message: error.message }
    : { status, code: 'INTERNAL', message: 'internal error' };
}
