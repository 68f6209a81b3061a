import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { articleIdBySlug, buildDemoApp, buildTestApp, NATO_SLUG } from '../helpers/build-app.js';

/** The policy's directives by name: `{ 'script-src': "'self'", ... }`. */
function policy(response: LightMyRequestResponse): Record<string, string> {
  const header = String(response.headers['content-security-policy'] ?? '');
  assert.ok(header, `${response.statusCode} answer without a policy`);
  return Object.fromEntries(
    header.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

function assertCommon(response: LightMyRequestResponse, what: string) {
  const csp = policy(response);
  assert.equal(csp['script-src'], "'self'", `${what}: no inline or foreign script`);
  assert.equal(csp['object-src'], "'none'", what);
  assert.equal(csp['base-uri'], "'self'", what);
  assert.ok('upgrade-insecure-requests' in csp, `${what}: an https site upgrades`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', what);
  assert.match(String(response.headers['permissions-policy']), /camera=\(\)/, what);
  assert.equal(response.headers['strict-transport-security'], 'max-age=31536000', what);
}

test('every answer says what a browser may do with it, the reader site’s way or the back office’s', async (t) => {
  const { app } = await buildDemoApp(t);
  const id = await articleIdBySlug(app, NATO_SLUG);

  await t.test('reader pages, feeds, sitemaps, the JSON API and missing pages', async () => {
    for (const url of [
      '/',
      `/articles/${id}/${NATO_SLUG}`,
      '/search?q=nato',
      '/feed.xml',
      '/sitemap.xml',
      `/api/articles/${id}`,
      '/favicon.svg',
      '/no-such-page',
    ]) {
      const response = await app.inject(url);
      assert.ok([200, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assertCommon(response, url);
      const csp = policy(response);
      assert.equal(csp['frame-ancestors'], "'self'", `${url}: only the site itself may frame it`);
      assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(
        csp['img-src'],
        "'self' https: data:",
        `${url}: a body's picture may be on any https address`,
      );
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
      // A public page keeps no window apart: the header cost the article page its Lighthouse score.
      assert.equal(response.headers['cross-origin-opener-policy'], undefined, url);
    }
  });

  await t.test('stylesheets and scripts are never sniffed into something else', async () => {
    for (const url of [app.services.assets.css, app.services.assets.js, app.services.adminAssets.js]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  await t.test('a page from the page cache carries them too', async () => {
    await app.inject('/');
    const hit = await app.inject('/');
    assert.equal(hit.headers['x-cache'], 'hit');
    assertCommon(hit, 'a cache hit');
  });

  await t.test('the back office: never framed, no referrer outside the site', async () => {
    await makeUser(app, 'editor');
    const session = await signIn(app, 'editor@example.org');
    for (const [url, signedIn] of [
      ['/admin/login', false],
      ['/admin', true],
      ['/admin/articles', true],
      [`/admin/articles/${id}/edit`, true],
      [`/admin/articles/${id}/preview`, true],
      ['/api/admin/articles', true],
      ['/admin/no-such-page', true],
    ] as const) {
      const response = signedIn ? await session.inject(url) : await app.inject(url);
      assert.ok([200, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assertCommon(response, url);
      const csp = policy(response);
      assert.equal(csp['frame-ancestors'], "'none'", url);
      assert.equal(csp['style-src'], "'self'", `${url}: no inline style either`);
      assert.equal(response.headers['x-frame-options'], 'DENY', url);
      assert.equal(response.headers['referrer-policy'], 'same-origin', url);
      assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin', url);
      if (String(response.headers['content-type']).startsWith('text/html'))
        assert.doesNotMatch(
          response.body,
          /<script(?![^>]*\b(src=|type="application\/(ld\+)?json"))[^>]*>/,
          `${url}: an inline script`,
        );
    }
  });
});

test('a site on plain http gets no HSTS and no upgrade', async (t) => {
  const { app } = await buildTestApp(t, { config: { siteUrl: 'http://127.0.0.1:3000' } });
  const response = await app.inject('/');
  assert.equal(response.headers['strict-transport-security'], undefined);
  assert.equal('upgrade-insecure-requests' in policy(response), false);
  assert.equal(policy(response)['script-src'], "'self'");
});
