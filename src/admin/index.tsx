import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app.js';
import { MAX_UPLOAD_BYTES } from '../content/index.js';
import { registerAuth } from './auth.js';
import { articlesApi } from './routes/articles.api.js';
import { articlesRoutes } from './routes/articles.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { dashboardRoutes } from './routes/dashboard.routes.js';
import { editorRoutes } from './routes/editor.routes.js';
import { bufferUpload, mediaApi } from './routes/media.api.js';
import { mediaRoutes } from './routes/media.routes.js';
import { settingsApi } from './routes/settings.api.js';
import { settingsRoutes } from './routes/settings.routes.js';
import { taxonomyApi } from './routes/taxonomy.api.js';
import { taxonomyRoutes } from './routes/taxonomy.routes.js';
import { usersApi } from './routes/users.api.js';
import { usersRoutes } from './routes/users.routes.js';

/** Plugins the back office needs; registered before any route so their hooks apply everywhere. */
export async function registerAdminPlugins(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // Multipart forms (media uploads) are read whole into `request.body` before validation, so the CSRF
  // check sees a form's `_csrf`; one file of at most 15 MB unless a route's `config.multipartOptions` says otherwise.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: bufferUpload,
    // A file over the limit is cut off and marked, not thrown: the route answers 413 in its own words.
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 },
  });
  // Limits only the routes that ask for one (sign-in, setup); reader pages are never limited here.
  await app.register(rateLimit, { global: false });
  // The admin API's OpenAPI document, built from the routes' own schemas: only tagged routes are in it.
  await app.register(swagger, {
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
}

/** The editorial back office under /admin and its API under /api/admin. */
export function adminRoutes(app: FastifyInstance, services: AppServices): void {
  registerAuth(app, services);
  authRoutes(app, services);
  articlesApi(app, services);
  articlesRoutes(app, services);
  dashboardRoutes(app, services);
  editorRoutes(app, services);
  mediaApi(app, services);
  mediaRoutes(app, services);
  taxonomyRoutes(app, services);
  taxonomyApi(app, services);
  usersRoutes(app, services);
  usersApi(app, services);
  settingsRoutes(app, services);
  settingsApi(app, services);
  app.get('/api/admin/openapi.json', async () => app.swagger());
  app.get(
    '/api/admin/me',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and the CSRF token for requests that change data',
      },
    },
    async (request) => ({ user: request.user, csrfToken: request.csrfToken ?? null, via: request.authVia }),
  );
}
