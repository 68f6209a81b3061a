import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
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
  // The second step of signing in: it answers only with a sign-in's cookie (two-factor.test.ts).
  'GET /admin/login/code',
  'POST /admin/login/code',
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

/**
 * The reader site and the back office are separate rooms: each answers its
 * own errors and unknown URLs in its own way, and nothing of the back
 * office (its cookies, its privacy) reaches a reader's answer.
 */
describe('the two rooms', () => {
  const cleanup = suiteCleanup();
  let app: FastifyInstance;
  let editor: AdminSession;

  before(async () => {
    ({ app } = await buildTestApp(cleanup));
    await makeUser(app, 'editor');
    editor = await signIn(app, 'editor@example.org');
  });

  test('an unknown back-office page: sign in first, then a 404 in the back office frame', async () => {
    const out = await app.inject('/admin/no-such-page');
    assert.equal(out.statusCode, 303);
    assert.match(String(out.headers.location), /^\/admin\/login\?next=%2Fadmin%2Fno-such-page/);
    const signedIn = await app.inject({ url: '/admin/no-such-page', headers: { cookie: editor.cookie } });
    assert.equal(signedIn.statusCode, 404);
    assert.match(signedIn.body, /no such page in the back office/);
    assert.match(signedIn.body, /Back to the dashboard/);
    assert.equal(signedIn.headers['cache-control'], 'private, no-store');
  });

  test('an unknown admin API endpoint: 401 signed out, a JSON 404 signed in', async () => {
    const out = await app.inject({ method: 'POST', url: '/api/admin/no-such-thing', payload: {} });
    assert.equal(out.statusCode, 401);
    assert.equal(out.json().error.code, 'UNAUTHENTICATED');
    const signedIn = await app.inject({
      url: '/api/admin/no-such-thing',
      headers: { cookie: editor.cookie },
    });
    assert.equal(signedIn.statusCode, 404);
    assert.deepEqual(signedIn.json(), {
      error: { code: 'NOT_FOUND', message: 'there is no such endpoint in the admin API' },
    });
    assert.equal(signedIn.headers['cache-control'], 'private, no-store');
  });

  test('every back-office answer is private, JSON and redirects included', async () => {
    for (const url of ['/admin', '/api/admin/me', '/admin/articles']) {
      const r = await app.inject({ url, headers: { cookie: editor.cookie } });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers['cache-control'], 'private, no-store', url);
    }
    const redirect = await app.inject('/admin/articles');
    assert.equal(redirect.statusCode, 303);
    assert.equal(redirect.headers['cache-control'], 'private, no-store');
  });

  test('a reader, even one signed in to the back office, gets the public site: shared, no cookie', async () => {
    const home = await app.inject({ url: '/', headers: { cookie: editor.cookie } });
    assert.equal(home.statusCode, 200);
    assert.match(String(home.headers['cache-control']), /^public/);
    assert.equal(home.headers['set-cookie'], undefined);
    assert.doesNotMatch(home.body, /editor@example\.org|csrf/i);
    const missing = await app.inject({ url: '/no-such-page', headers: { cookie: editor.cookie } });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<html/);
    assert.doesNotMatch(missing.body, /Back to the dashboard/);
    const api = await app.inject('/api/no-such-thing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'NOT_FOUND');
  });
});

test('when the back office cannot draw its error page, a plain answer still goes out', async (t) => {
  const { app } = await buildTestApp(t);
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  // The frame reads the site settings: without them it cannot be drawn.
  await sql`drop table settings`.execute(app.services.db);
  const r = await app.inject({ url: '/admin/no-such-page', headers: { cookie: editor.cookie } });
  assert.equal(r.statusCode, 404);
  assert.equal(r.body, 'Not found');
  assert.match(String(r.headers['content-type']), /^text\/plain/);
});
