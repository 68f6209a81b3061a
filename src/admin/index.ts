import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app.js';
import { registerAuth } from './auth.js';
import { articlesApi } from './routes/articles.api.js';
import { authRoutes } from './routes/auth.routes.js';

/** Plugins the back office needs; registered before any route so their hooks apply everywhere. */
export async function registerAdminPlugins(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
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
  app.get('/api/admin/openapi.json', async () => app.swagger());
}
