import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { makeUser, signIn, type AdminSession } from '../helpers/admin-session.js';

/**
 * Every route of the back office and its API, found from the app's own route
 * table (so a route added later is covered without touching this file), is
 * closed to signed-out visitors and to forged cross-site requests, for every role.
 */
const PUBLIC = new Set([
  'GET /admin/login',
  'POST /admin/login',
  'GET /admin/setup',
  'POST /admin/setup',
  'GET /admin/assets/:file',
  'GET /api/admin/openapi.json',
]);
const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;

function concrete(url: string): string {
  return url
    .replace(/:version/g, '1')
    .replace(/:id/g, '1')
    .replace(/:[a-zA-Z]+/g, 'x')
    .replace(/\*$/, 'x');
}

describe('every back-office route checks who is asking', () => {
  const cleanup = suiteCleanup();
  let app: FastifyInstance;
  let routes: { method: string; url: string }[];
  const sessions = {} as Record<(typeof ROLES)[number], AdminSession>;

  before(async () => {
    ({ app } = await buildTestApp(cleanup));
    await app.ready();
    routes = app.routeTable.filter(
      (r) =>
        (r.url === '/admin' || r.url.startsWith('/admin/') || r.url.startsWith('/api/admin')) &&
        !PUBLIC.has(`${r.method} ${r.url}`),
    );
    for (const role of ROLES) {
      await makeUser(app, role);
      sessions[role] = await signIn(app, `${role}@example.org`);
    }
  });

  test('the table finds the back office', () => {
    assert.ok(routes.length >= 10, `found ${routes.length} routes`);
    assert.ok(routes.some((r) => r.method === 'PUT' && r.url === '/api/admin/articles/:id'));
  });

  test('signed out: pages redirect to sign-in, the API answers 401, nothing runs', async () => {
    for (const { method, url } of routes) {
      const response = await app.inject({
        method: method as 'GET',
        url: concrete(url),
        payload: method === 'GET' ? undefined : {},
      });
      const expected = url.startsWith('/api/') ? 401 : 303;
      assert.equal(response.statusCode, expected, `${method} ${url}`);
      if (expected === 303)
        assert.match(String(response.headers.location), /^\/admin\/login/, `${method} ${url}`);
    }
  });

  test('signed in, a request that changes data without the CSRF token is refused, for every role', async () => {
    for (const role of ROLES) {
      for (const { method, url } of routes.filter((r) => r.method !== 'GET')) {
        const response = await app.inject({
          method: method as 'POST',
          url: concrete(url),
          headers: { cookie: sessions[role].cookie },
          payload: {},
        });
        assert.equal(response.statusCode, 403, `${role} ${method} ${url}`);
        assert.match(
          response.body,
          /CSRF_INVALID|expired or did not come from this site/,
          `${role} ${method} ${url}`,
        );
      }
    }
  });

  test('a forged API token is refused everywhere in the API', async () => {
    for (const { method, url } of routes.filter((r) => r.url.startsWith('/api/'))) {
      const response = await app.inject({
        method: method as 'GET',
        url: concrete(url),
        headers: { authorization: 'Bearer nd_forged' },
        payload: method === 'GET' ? undefined : {},
      });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
  });
});
