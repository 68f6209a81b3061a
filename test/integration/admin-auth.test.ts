import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { createApiToken } from '../../src/content/index.js';
import { buildTestApp } from '../helpers/build-app.js';
import { makeUser, signIn, TEST_PASSWORD } from '../helpers/admin-session.js';

function setCookies(response: { headers: Record<string, unknown> }): string[] {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header : header ? [String(header)] : [];
}

describe('signing in', () => {
  test('the setup page creates the first administrator once, then is gone', async (t) => {
    const { app } = await buildTestApp(t);
    const login = await app.inject('/admin/login');
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/admin/setup');
    const form = await app.inject('/admin/setup');
    assert.equal(form.statusCode, 200);
    const csrf = cheerio.load(form.body)('input[name="_csrf"]').attr('value')!;
    const cookie = setCookies(form)
      .find((c) => c.startsWith('__Host-newsdesk_csrf='))!
      .split(';')[0];
    const post = (payload: Record<string, string>, withCookie = cookie) =>
      app.inject({
        method: 'POST',
        url: '/admin/setup',
        headers: { cookie: withCookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(payload).toString(),
      });
    assert.equal(
      (await post({ name: 'Ann', email: 'ann@example.org', password: TEST_PASSWORD, _csrf: 'forged' }))
        .statusCode,
      403,
    );
    const short = await post({ name: 'Ann', email: 'ann@example.org', password: 'short', _csrf: csrf });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /password: must be at least 10 characters/);
    const ok = await post({ name: 'Ann', email: 'Ann@Example.org', password: TEST_PASSWORD, _csrf: csrf });
    assert.equal(ok.statusCode, 303);
    assert.ok(
      setCookies(ok).some((c) => c.startsWith('__Host-newsdesk_session=')),
      'signed in straight away',
    );
    const admin = await app.services.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    assert.equal(admin.role, 'admin');
    assert.equal(admin.email, 'ann@example.org');
    assert.match(admin.password_hash, /^scrypt\$/);
    assert.ok(!admin.password_hash.includes(TEST_PASSWORD));
    assert.equal((await app.inject('/admin/setup')).statusCode, 404);
    assert.equal(
      (await post({ name: 'Eve', email: 'eve@example.org', password: TEST_PASSWORD, _csrf: csrf }))
        .statusCode,
      404,
    );
  });

  test('a session cookie is HttpOnly and SameSite=Lax, and Secure on an https site', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'admin');
    const form = await app.inject('/admin/login');
    const csrf = cheerio.load(form.body)('input[name="_csrf"]').attr('value')!;
    const pre = setCookies(form)
      .find((c) => c.startsWith('__Host-newsdesk_csrf='))!
      .split(';')[0];
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'admin@example.org',
        password: TEST_PASSWORD,
        _csrf: csrf,
        next: '//evil.example/x',
      }).toString(),
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/admin', 'never an open redirect');
    // On an https site the name's __Host- prefix binds it to this host, Secure, for the whole site.
    const session = setCookies(response).find((c) => c.startsWith('__Host-newsdesk_session='))!;
    assert.match(session, /Path=\/(;|$)/);
    assert.doesNotMatch(session, /Domain=/i);
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.match(session, /Secure/, 'the test app runs at https://news.example.org');
    const stored = await app.services.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
    assert.ok(!session.includes(stored.id), 'the database keeps a hash, not the cookie');
  });

  test('a wrong password is refused, and repeated failures lock the account for a while', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'editor');
    await assert.rejects(signIn(app, 'editor@example.org', 'wrong password!'), /401/);
    await assert.rejects(signIn(app, 'nobody@example.org', 'wrong password!'), /401/);
    for (let i = 0; i < 4; i++) await assert.rejects(signIn(app, 'editor@example.org', 'wrong password!'));
    await assert.rejects(
      signIn(app, 'editor@example.org', TEST_PASSWORD),
      /429/,
      'even the right password waits',
    );
  });

  test('the failures are counted by every process on the database alike, and forgotten after 15 minutes', async (t) => {
    // Two processes on one database: two workers, or two instances behind a load balancer.
    // One time for both: a second clock would start when its app was built, later by however
    // long building took (over a second on PostgreSQL in CI), and skew the window.
    const one = await buildTestApp(t);
    const two = await buildTestApp(t, { config: { dataDir: one.config.dataDir }, now: one.clock.now });
    await makeUser(one.app, 'editor');
    for (const app of [one.app, two.app, one.app, two.app, one.app])
      await assert.rejects(signIn(app, 'editor@example.org', 'wrong password!'), /401/);
    for (const app of [one.app, two.app])
      await assert.rejects(signIn(app, 'editor@example.org', TEST_PASSWORD), /429/, 'five failures in all');
    const attempts = async () =>
      (await one.app.services.db.selectFrom('sign_in_failures').select('email').execute()).map(
        (r) => r.email,
      );
    // The refused attempts count too: a guesser does not wait the window out by guessing on.
    assert.deepEqual(await attempts(), Array(7).fill('editor@example.org'));

    // Past the window the old attempts are forgotten: a new failure is the only one.
    const later = new Date(one.clock.now.getTime() + 15 * 60_000 + 1000);
    for (const { clock } of [one, two]) clock.now = later;
    await assert.rejects(signIn(one.app, 'editor@example.org', 'wrong password!'), /401/);
    assert.deepEqual(await attempts(), ['editor@example.org']);
    await signIn(two.app, 'editor@example.org', TEST_PASSWORD);
    assert.deepEqual(await attempts(), [], 'a success clears the count');
  });

  test('guesses sent all at once are counted as they arrive: at most five are checked, the rest refused', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'editor');
    const answers = await Promise.allSettled(
      Array.from({ length: 12 }, () => signIn(app, 'editor@example.org', 'wrong password!')),
    );
    const reasons = answers.map((a) =>
      a.status === 'rejected' ? String(a.reason).slice(0, 60) : 'signed in',
    );
    // Each attempt is written down before any is answered; how many of the twelve see five or
    // fewer before them depends on how the database interleaves them (on PostgreSQL, often none).
    const checked = reasons.filter((r) => /failed: 401/.test(r)).length;
    assert.ok(checked <= 5, `${checked} passwords checked:\n${reasons.join('\n')}`);
    assert.equal(reasons.filter((r) => /failed: 429/.test(r)).length, 12 - checked, reasons.join('\n'));
    await assert.rejects(signIn(app, 'editor@example.org', TEST_PASSWORD), /429/);
  });

  test('signed-out visitors get nothing from /admin or /api/admin', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'admin');
    const page = await app.inject('/admin/articles');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/admin/login?next=%2Fadmin%2Farticles');
    for (const [method, url] of [
      ['GET', '/api/admin/articles'],
      ['POST', '/api/admin/articles'],
      ['GET', '/api/admin/articles/1'],
      ['PUT', '/api/admin/articles/1'],
      ['DELETE', '/api/admin/articles/1'],
      ['POST', '/api/admin/tag-suggestions'],
      ['GET', '/api/admin/headlines?q=x'],
    ] as const) {
      const r = await app.inject({
        method,
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      assert.equal(r.statusCode, 401, `${method} ${url}`);
      assert.equal(r.json().error.code, 'UNAUTHENTICATED');
    }
    const forged = await app.inject({
      url: '/api/admin/articles',
      headers: { authorization: 'Bearer nd_forged' },
    });
    assert.equal(forged.statusCode, 401);
  });

  test('a request that changes data without the session CSRF token is refused', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'editor');
    const session = await signIn(app, 'editor@example.org');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/admin/tag-suggestions',
      headers: { cookie: session.cookie },
      payload: { title: 'x' },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, 'CSRF_INVALID');
    const wrong = await session.inject({
      method: 'POST',
      url: '/api/admin/tag-suggestions',
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      payload: {},
    });
    assert.equal(wrong.statusCode, 403);
    const ok = await session.inject({
      method: 'POST',
      url: '/api/admin/tag-suggestions',
      payload: { title: 'NATO and Russia' },
    });
    assert.equal(ok.statusCode, 200);
  });

  test('API tokens authenticate without cookies or CSRF, as their user', async (t) => {
    const { app } = await buildTestApp(t);
    const user = await makeUser(app, 'author');
    const token = await createApiToken(app.services.db, user.id, 'importer', new Date());
    const me = await app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.email, 'author@example.org');
    assert.equal(me.json().via, 'token');
    const stored = await app.services.db
      .selectFrom('api_tokens')
      .select(['token_hash', 'last_used_at'])
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token);
    assert.ok(stored.last_used_at);
  });

  test('signing out ends the session; signing out everywhere ends them all', async (t) => {
    const { app } = await buildTestApp(t);
    await makeUser(app, 'author');
    const laptop = await signIn(app, 'author@example.org');
    const phone = await signIn(app, 'author@example.org');
    assert.equal((await laptop.inject('/api/admin/me')).statusCode, 200);
    const out = await laptop.inject({
      method: 'POST',
      url: '/admin/logout-everywhere',
      payload: { _csrf: laptop.csrf },
    });
    assert.equal(out.statusCode, 303);
    assert.equal((await laptop.inject('/api/admin/me')).statusCode, 401);
    assert.equal((await phone.inject('/api/admin/me')).statusCode, 401);
    const audit = await app.services.db.selectFrom('audit_log').select('action').execute();
    assert.ok(audit.some((a) => a.action === 'user.sign-out-everywhere'));
  });

  test('the OpenAPI document describes the admin API', async (t) => {
    const { app } = await buildTestApp(t);
    const doc = (await app.inject('/api/admin/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/admin/articles'].post);
    assert.ok(doc.paths['/api/admin/articles/{id}'].put);
    assert.equal(doc.paths['/feed.xml'], undefined, 'reader routes are not in it');
  });
});
