import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app.js';
import { MAX_UPLOAD_BYTES } from '../content/index.js';
import { handleErrors, sendProblem } from '../plugins/errors.js';
import { sendSecurityHeaders } from '../plugins/security-headers.js';
import { refuseBrokenText, strictBodies, strictForms } from '../plugins/validation.js';
import { AppError } from '../lib/app-error.js';
import { adminContext, sendAdminPage } from './admin-context.js';
import { registerAuth } from './auth.js';
import { AdminErrorPage } from './pages/admin-layout.js';
import { articlesApi } from './routes/articles.api.js';
import { articlesRoutes } from './routes/articles.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { dashboardRoutes } from './routes/dashboard.routes.js';
import { editorRoutes } from './routes/editor.routes.js';
import { bufferUpload, mediaApi } from './routes/media.api.js';
import { incomingApi } from './routes/incoming.api.js';
import { fromPageRoutes } from './routes/from-page.routes.js';
import { importApi } from './routes/import.api.js';
import { incomingRoutes } from './routes/incoming.routes.js';
import { mediaRoutes } from './routes/media.routes.js';
import { settingsApi } from './routes/settings.api.js';
import { settingsRoutes } from './routes/settings.routes.js';
import { taxonomyApi } from './routes/taxonomy.api.js';
import { taxonomyRoutes } from './routes/taxonomy.routes.js';
import { usersApi } from './routes/users.api.js';
import { usersRoutes } from './routes/users.routes.js';

/**
 * The editorial back office, as an encapsulated plugin: its pages under
 * /admin and its API under /api/admin, each a scope of its own with its
 * sign-in check, its error and not-found answers, and no caching. Cookies,
 * forms, uploads and rate limits are registered here, so a reader's request
 * never runs them.
 */
/** The methods the back office's own not-found answers: after the sign-in check, in its own design. */
const OFFICE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export async function backOffice(office: FastifyInstance, options: { services: AppServices }): Promise<void> {
  const { services } = options;
  // Never framed, nothing inline, no referrer outside the site (sent instead of the site's).
  sendSecurityHeaders(office, 'back office', services.config.siteUrl);
  await office.register(cookie);
  await office.register(formbody, { bodyLimit: 1024 * 1024 });
  // Multipart forms (media uploads) are read whole into `request.body` before validation, so the CSRF
  // check sees a form's `_csrf`; one file of at most 15 MB unless a route's `config.multipartOptions` says otherwise.
  await office.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: bufferUpload,
    // A file over the limit is cut off and marked, not thrown: the route answers 413 in its own words.
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 },
  });
  // Limits only the routes that ask for one (sign-in, setup).
  await office.register(rateLimit, { global: false });
  // Everything here shows one person's data: never stored by a browser or a cache in front.
  office.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
  });

  await office.register(async (pages) => {
    registerAuth(pages, services, 'page');
    refuseBrokenText(pages);
    strictForms(pages);
    handleErrors(pages, async (request, reply, problem) => {
      const ctx = await adminContext(services, request);
      const { status, message } = problem;
      return sendAdminPage(
        reply,
        <AdminErrorPage ctx={ctx} status={status} message={status < 500 ? message : undefined} />,
        status,
      );
    });
    authRoutes(pages, services);
    articlesRoutes(pages, services);
    dashboardRoutes(pages, services);
    editorRoutes(pages, services);
    mediaRoutes(pages, services);
    taxonomyRoutes(pages, services);
    usersRoutes(pages, services);
    settingsRoutes(pages, services);
    incomingRoutes(pages, services);
    fromPageRoutes(pages, services);
    pages.route({
      method: OFFICE_METHODS,
      url: '/admin/*',
      handler: async () => {
        throw new AppError('NOT_FOUND', 'there is no such page in the back office');
      },
    });
  });

  await office.register(async (api) => {
    // The admin API's OpenAPI document, built from the routes' own schemas: only tagged routes are in it.
    await api.register(swagger, {
      hideUntagged: true,
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Newsdesk admin API',
          version: '1',
          description:
            'The back office as an API: the same services and rules as the pages. Authenticate with `Authorization: Bearer <token>` (create one with `newsdesk token create`). Errors are `{ "error": { "code", "message" } }`, codes in docs/ERRORS.md.',
        },
        components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
        security: [{ token: [] }],
      },
    });
    registerAuth(api, services, 'api');
    refuseBrokenText(api);
    // JSON bodies are checked as sent: a wrong type or an unknown field is refused, never converted or dropped.
    strictBodies(api);
    handleErrors(api, (_request, reply, problem) => sendProblem(reply, problem));
    articlesApi(api, services);
    mediaApi(api, services);
    taxonomyApi(api, services);
    usersApi(api, services);
    settingsApi(api, services);
    incomingApi(api, services);
    await importApi(api, services);
    api.get('/api/admin/openapi.json', { config: { signedOut: true } }, async () => api.swagger());
    api.get(
      '/api/admin/me',
      {
        schema: {
          tags: ['session'],
          summary: 'Who is signed in, and the CSRF token for requests that change data',
        },
      },
      async (request) => ({ user: request.user, csrfToken: request.csrfToken ?? null, via: request.authVia }),
    );
    api.route({
      method: OFFICE_METHODS,
      url: '/api/admin/*',
      handler: async () => {
        throw new AppError('NOT_FOUND', 'there is no such endpoint in the admin API');
      },
    });
  });
}
