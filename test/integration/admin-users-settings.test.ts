/**
 * Users and settings in the back office and its API (administrators only),
 * and each person's own account page (everyone).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { createArticle, insertSection, SYSTEM } from '../../src/content/index.js';
import type { Role } from '../../src/db/schema.js';
import { makeUser, postForm, signIn, TEST_PASSWORD, type AdminSession } from '../helpers/admin-session.js';
import { buildTestApp, suiteCleanup } from '../helpers/build-app.js';
import { paragraphs } from '../helpers/factories.js';

const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];
const NOW = new Date('2026-03-10T12:00:00Z');
const HOSTILE = `<script>alert(1)</script>" onmouseover="alert(2)`;

async function userRow(app: FastifyInstance, email: string) {
  return app.services.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

async function sessionsOf(app: FastifyInstance, email: string): Promise<number> {
  const { id } = await userRow(app, email);
  const rows = await app.services.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
  return rows.length;
}

const FULL_SETTINGS = {
  name: 'The Ledger',
  tagline: 'News',
  timeZone: 'Europe/Sofia',
  dateFormat: 'D MMMM YYYY, HH:mm',
  language: 'bg',
  twitter: 'https://x.com/ledger',
  facebook: '',
  appeal: 'Please help.',
  linkText: 'Donate',
  pageTitle: 'Support us',
  pageText: 'Thank you.',
  donateUrl: 'https://donate.example/ledger',
};

describe('who may manage users and settings', () => {
  const cleanup = suiteCleanup();
  const ready = (async () => {
    const { app } = await buildTestApp(cleanup, { now: NOW });
    const sessions = new Map<Role, AdminSession>();
    for (const role of ROLES) {
      await makeUser(app, role);
      sessions.set(role, await signIn(app, `${role}@example.org`));
    }
    return { app, sessions };
  })();

  for (const role of ROLES) {
    const allowed = role === 'admin';
    test(`${role}: ${allowed ? 'manages users and settings' : 'refused (403) users and settings'}; has an own account page`, async () => {
      const { app, sessions } = await ready;
      const me = sessions.get(role)!;
      const contributor = await userRow(app, 'contributor@example.org');

      for (const url of ['/admin/users', `/admin/users/${contributor.id}`, '/admin/settings']) {
        assert.equal((await me.inject(url)).statusCode, allowed ? 200 : 403, `GET ${url}`);
      }
      for (const url of ['/api/admin/users', `/api/admin/users/${contributor.id}`, '/api/admin/settings']) {
        const response = await me.inject(url);
        assert.equal(response.statusCode, allowed ? 200 : 403, `GET ${url}`);
        if (!allowed) assert.equal(response.json().error.code, 'FORBIDDEN');
      }

      // Creating a user through the page and through the API.
      const page = await postForm(me, '/admin/users', {
        name: `Made by ${role}`,
        email: `page-${role}@example.org`,
        role: 'contributor',
        password: 'a long enough password',
      });
      assert.equal(page.statusCode, allowed ? 303 : 403, 'POST /admin/users');
      const api = await me.inject({
        method: 'POST',
        url: '/api/admin/users',
        payload: {
          name: 'Via API',
          email: `api-${role}@example.org`,
          role: 'author',
          password: 'a long enough password',
        },
      });
      assert.equal(api.statusCode, allowed ? 201 : 403, 'POST /api/admin/users');
      const made = await app.services.db
        .selectFrom('users')
        .select('email')
        .where('email', 'in', [`page-${role}@example.org`, `api-${role}@example.org`])
        .execute();
      assert.equal(made.length, allowed ? 2 : 0);

      // Changing someone's role, disabling them, resetting their password.
      const role1 = await postForm(me, `/admin/users/${contributor.id}/role`, { role: 'author' });
      assert.equal(role1.statusCode, allowed ? 303 : 403);
      const role2 = await me.inject({
        method: 'PUT',
        url: `/api/admin/users/${contributor.id}/role`,
        payload: { role: 'contributor' },
      });
      assert.equal(role2.statusCode, allowed ? 200 : 403);
      assert.equal(
        (await postForm(me, `/admin/users/${contributor.id}/password`, { password: 'tulip orbit cinder 7' }))
          .statusCode,
        allowed ? 303 : 403,
      );
      assert.equal(
        (await me.inject({ method: 'POST', url: `/api/admin/users/${contributor.id}/disable` })).statusCode,
        allowed ? 200 : 403,
      );
      assert.equal((await userRow(app, 'contributor@example.org')).disabled_at !== null, allowed);
      if (allowed) {
        await me.inject({ method: 'POST', url: `/api/admin/users/${contributor.id}/enable` });
        await me.inject({
          method: 'POST',
          url: `/api/admin/users/${contributor.id}/password`,
          payload: { password: TEST_PASSWORD },
        });
      }

      // Settings through the page and the API.
      const before = (await app.services.db.selectFrom('settings').selectAll().execute()).length;
      const form = await postForm(me, '/admin/settings', { ...FULL_SETTINGS, tagline: `Set by ${role}` });
      assert.equal(form.statusCode, allowed ? 303 : 403, 'POST /admin/settings');
      const put = await me.inject({
        method: 'PUT',
        url: '/api/admin/settings',
        payload: { tagline: `API by ${role}` },
      });
      assert.equal(put.statusCode, allowed ? 200 : 403, 'PUT /api/admin/settings');
      const tagline = await app.services.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'tagline')
        .executeTakeFirst();
      if (allowed) assert.equal(JSON.parse(tagline!.value), `API by ${role}`);
      else assert.equal((await app.services.db.selectFrom('settings').selectAll().execute()).length, before);

      // Everyone has their own account page and may rename themselves.
      const account = await me.inject('/admin/account');
      assert.equal(account.statusCode, 200);
      const $ = cheerio.load(account.body);
      assert.equal($('form[action="/admin/logout-everywhere"] button').text(), 'Sign out everywhere');
      assert.equal((await postForm(me, '/admin/account', { name: `${role} renamed` })).statusCode, 303);
      assert.equal((await userRow(app, `${role}@example.org`)).name, `${role} renamed`);
      const own = await me.inject({
        method: 'PUT',
        url: '/api/admin/users/me/name',
        payload: { name: `${role} again` },
      });
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().name, `${role} again`);
      // Nobody renames someone else without being an administrator.
      const other = await me.inject({
        method: 'PUT',
        url: `/api/admin/users/${contributor.id}/name`,
        payload: { name: 'Hijacked' },
      });
      assert.equal(other.statusCode, role === 'admin' || role === 'contributor' ? 200 : 403);
    });
  }
});

describe('users', () => {
  test('the last administrator cannot be demoted or disabled', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'admin');
    await makeUser(app, 'editor');
    const admin = await signIn(app, 'admin@example.org');
    const me = await userRow(app, 'admin@example.org');

    const page = await postForm(admin, `/admin/users/${me.id}/role`, { role: 'editor' });
    assert.equal(page.statusCode, 400);
    assert.match(
      cheerio.load(page.body)('.form-error').text(),
      /^role: the last administrator cannot be demoted or disabled/,
    );
    const api = await admin.inject({
      method: 'PUT',
      url: `/api/admin/users/${me.id}/role`,
      payload: { role: 'contributor' },
    });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error.code, 'INVALID_INPUT');
    assert.equal((await userRow(app, 'admin@example.org')).role, 'admin');

    // Disabling oneself is refused too, and so is disabling the last administrator by another account's hand.
    const self = await admin.inject({ method: 'POST', url: `/api/admin/users/${me.id}/disable` });
    assert.equal(self.statusCode, 400);
    assert.match(self.json().error.message, /^disabled: you cannot disable your own account/);
    const second = await admin.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: { name: 'Second Admin', email: 'second@example.org', role: 'admin', password: TEST_PASSWORD },
    });
    const secondAdmin = await signIn(app, 'second@example.org');
    assert.equal(
      (await secondAdmin.inject({ method: 'POST', url: `/api/admin/users/${me.id}/disable` })).statusCode,
      200,
    );
    const last = await admin.inject({
      method: 'PUT',
      url: `/api/admin/users/${second.json().id}/role`,
      payload: { role: 'editor' },
    });
    assert.equal(last.statusCode, 401, 'the disabled admin’s session is gone');
    const refused = await secondAdmin.inject({
      method: 'PUT',
      url: `/api/admin/users/${second.json().id}/role`,
      payload: { role: 'editor' },
    });
    assert.equal(refused.statusCode, 400, 'the only active administrator left cannot step down');
    assert.equal((await userRow(app, 'second@example.org')).role, 'admin');
  });

  test('disabling a user signs them out everywhere; enabling lets them sign in again', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'admin');
    await makeUser(app, 'editor');
    const admin = await signIn(app, 'admin@example.org');
    const laptop = await signIn(app, 'editor@example.org');
    const phone = await signIn(app, 'editor@example.org');
    assert.equal(await sessionsOf(app, 'editor@example.org'), 2);
    const editor = await userRow(app, 'editor@example.org');

    const page = cheerio.load((await admin.inject(`/admin/users/${editor.id}`)).body);
    assert.equal(
      page(`form[action="/admin/users/${editor.id}/disable"]`).attr('data-confirm'),
      "Disable Editor User's account and sign them out everywhere?",
    );
    const disabled = await postForm(admin, `/admin/users/${editor.id}/disable`);
    assert.equal(disabled.statusCode, 303);
    assert.equal(await sessionsOf(app, 'editor@example.org'), 0);
    for (const session of [laptop, phone]) {
      const response = await session.inject('/admin/articles');
      assert.equal(response.statusCode, 303, 'their cookie no longer works');
      assert.match(String(response.headers.location), /^\/admin\/login/);
      assert.equal((await session.inject('/api/admin/tags')).statusCode, 401);
    }
    await assert.rejects(signIn(app, 'editor@example.org'), /sign-in as editor@example.org failed: 401/);
    const list = cheerio.load((await admin.inject('/admin/users')).body);
    assert.match(list('tr.mg-row--off').text(), /Editor User.*Disabled/s);

    assert.equal((await postForm(admin, `/admin/users/${editor.id}/enable`)).statusCode, 303);
    const back = await signIn(app, 'editor@example.org');
    assert.equal((await back.inject('/admin/tags')).statusCode, 200);
    const actions = await app.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', 'editor@example.org')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action).filter((a) => a.startsWith('user.') && a !== 'user.sign-in'),
      ['user.disable', 'user.enable'],
    );
  });

  test('a new role, or a new sign-in, starts a new session: the old one stops working', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'admin');
    await makeUser(app, 'contributor');
    const admin = await signIn(app, 'admin@example.org');
    const before = await signIn(app, 'contributor@example.org');
    const { id } = await userRow(app, 'contributor@example.org');
    assert.equal((await postForm(admin, `/admin/users/${id}/role`, { role: 'editor' })).statusCode, 303);
    const stale = await before.inject('/admin/tags');
    assert.equal(stale.statusCode, 303, 'the session from before the promotion does not become an editor’s');
    assert.match(String(stale.headers.location), /^\/admin\/login/);
    const after = await signIn(app, 'contributor@example.org');
    assert.equal((await after.inject('/admin/tags')).statusCode, 200, 'signed in again, with the new role');

    // Signing in from a browser that still holds a session replaces that session.
    const form = await app.inject('/admin/login');
    const preCsrf = /__Host-newsdesk_csrf=([^;]+)/.exec(String(form.headers['set-cookie']))?.[1] ?? '';
    const again = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: {
        cookie: `__Host-newsdesk_csrf=${preCsrf}; ${after.cookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        email: 'admin@example.org',
        password: TEST_PASSWORD,
        _csrf: cheerio.load(form.body)('input[name="_csrf"]').attr('value') ?? '',
        next: '/admin',
      }).toString(),
    });
    assert.equal(again.statusCode, 303);
    assert.notEqual(
      /__Host-newsdesk_session=([^;]+)/.exec(String(again.headers['set-cookie']))?.[1],
      undefined,
    );
    assert.equal(
      (await after.inject('/admin/tags')).statusCode,
      303,
      'the session the browser had has ended',
    );
  });

  test('a password reset replaces the password and ends their sessions', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'admin');
    await makeUser(app, 'author');
    const admin = await signIn(app, 'admin@example.org');
    const author = await signIn(app, 'author@example.org');
    const { id } = await userRow(app, 'author@example.org');

    const short = await postForm(admin, `/admin/users/${id}/password`, { password: 'short' });
    assert.equal(short.statusCode, 400);
    const $ = cheerio.load(short.body);
    assert.match($('.form-error').text(), /^password: must be at least 10 characters/);
    assert.equal($('#f-password').attr('aria-invalid'), 'true');
    const guessable = await postForm(admin, `/admin/users/${id}/password`, { password: 'Author2026!' });
    assert.equal(guessable.statusCode, 400);
    assert.match(
      cheerio.load(guessable.body)('.form-error').text(),
      /^password: is too easy to guess: .*; a few unrelated words make a strong one/,
    );

    assert.equal(
      (await postForm(admin, `/admin/users/${id}/password`, { password: 'a brand new password' })).statusCode,
      303,
    );
    assert.equal((await author.inject('/admin/account')).statusCode, 303, 'signed out');
    await assert.rejects(signIn(app, 'author@example.org'), /failed: 401/);
    await signIn(app, 'author@example.org', 'a brand new password');
  });

  test('creating a user refuses bad input naming the field and keeps what was typed', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'admin');
    const admin = await signIn(app, 'admin@example.org');
    const bad = await postForm(admin, '/admin/users', {
      name: 'New Person',
      email: 'not-an-email',
      role: 'editor',
      password: 'long enough password',
    });
    assert.equal(bad.statusCode, 400);
    const $ = cheerio.load(bad.body);
    assert.match($('.form-error').text(), /^email: "not-an-email" is not an email address/);
    assert.equal($('#f-name').val(), 'New Person');
    assert.equal($('#f-role option[selected]').val(), 'editor');
    assert.ok(!bad.body.includes('long enough password'), 'a password is never sent back');
    const dup = await admin.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        name: 'Again',
        email: 'ADMIN@example.org',
        role: 'editor',
        password: 'long enough password',
      },
    });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.json().error.message, /^email: admin@example.org already has an account/);
  });
});

describe('own account', () => {
  test('changing one’s password needs the current one and signs out the other devices', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'contributor');
    const here = await signIn(app, 'contributor@example.org');
    const elsewhere = await signIn(app, 'contributor@example.org');

    const wrong = await postForm(here, '/admin/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new long password',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(
      cheerio.load(wrong.body)('.form-error').text(),
      /^currentPassword: is not your current password/,
    );

    const ok = await postForm(here, '/admin/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new long password',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await here.inject('/admin/account')).statusCode, 200, 'this browser stays signed in');
    assert.equal((await elsewhere.inject('/admin/account')).statusCode, 303, 'the other is signed out');
    await signIn(app, 'contributor@example.org', 'a new long password');

    const api = await here.inject({
      method: 'POST',
      url: '/api/admin/users/me/password',
      payload: { currentPassword: 'a new long password', newPassword: 'x' },
    });
    assert.equal(api.statusCode, 400);
    assert.match(api.json().error.message, /^newPassword: must be at least 10 characters/);
  });

  test('sign out everywhere ends every session of the user', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await makeUser(app, 'author');
    const one = await signIn(app, 'author@example.org');
    const two = await signIn(app, 'author@example.org');
    const response = await postForm(one, '/admin/logout-everywhere');
    assert.equal(response.statusCode, 303);
    assert.equal(await sessionsOf(app, 'author@example.org'), 0);
    assert.equal((await two.inject('/admin/account')).statusCode, 303);
  });
});

describe('settings', () => {
  test('settings are validated field by field, saved with an audit entry, and shown on the reader site as text', async (t) => {
    const { app } = await buildTestApp(t, { now: NOW });
    await insertSection(app.services.db, { slug: 'news', name: 'News', description: '', position: 0 });
    await createArticle(app.services.content, SYSTEM, {
      title: 'A story',
      body: paragraphs('Text.'),
      section: 'news',
      status: 'published',
    });
    await makeUser(app, 'admin');
    const admin = await signIn(app, 'admin@example.org');

    const page = cheerio.load((await admin.inject('/admin/settings')).body);
    assert.equal(page('#f-timeZone option[selected]').val(), 'UTC');
    assert.match(
      page('#date-example').text(),
      /^March 10, 2026, Tuesday \/\/ 12:00$/,
      'the example is today in the saved format',
    );

    const cases: [Record<string, string>, RegExp, string][] = [
      [
        { timeZone: 'Mars/Olympus' },
        /^settings\.timeZone: "Mars\/Olympus" is not a known time zone/,
        'f-timeZone',
      ],
      [
        { donateUrl: 'javascript:alert(1)' },
        /^settings\.support\.donateUrl: must start with http/,
        'f-donateUrl',
      ],
      [
        { twitter: 'x.com/ledger' },
        /^settings\.social\.twitter: "x.com\/ledger" is not a web address/,
        'f-twitter',
      ],
      [{ tagline: 'x'.repeat(201) }, /^settings\.tagline: must be at most 200 characters/, 'f-tagline'],
      [
        { language: 'english please' },
        /^settings\.language: "english please" is not a language tag/,
        'f-language',
      ],
      [
        { dateFormat: 'no tokens here' },
        /^settings\.dateFormat: must contain at least one of/,
        'f-dateFormat',
      ],
      [{ name: '' }, /^settings\.name: must not be empty/, 'f-name'],
    ];
    for (const [change, message, id] of cases) {
      const response = await postForm(admin, '/admin/settings', { ...FULL_SETTINGS, ...change });
      assert.equal(response.statusCode, 400, JSON.stringify(change));
      const $ = cheerio.load(response.body);
      assert.match($('.form-error').text(), message);
      assert.equal($(`#${id}`).closest('.mg-field').hasClass('mg-field--invalid'), true, `${id} is marked`);
      assert.equal($('#f-pageText').text(), FULL_SETTINGS.pageText, 'the form keeps what was typed');
    }
    const stored = await app.services.db.selectFrom('settings').select('key').execute();
    assert.deepEqual(stored, [], 'nothing refused was written');

    const saved = await postForm(admin, '/admin/settings', { ...FULL_SETTINGS, tagline: `Tag ${HOSTILE}` });
    assert.equal(saved.statusCode, 303);
    const after = await admin.inject('/api/admin/settings');
    assert.equal(after.json().timeZone, 'Europe/Sofia');
    assert.equal(after.json().support.donateUrl, 'https://donate.example/ledger');
    assert.equal(after.json().tagline, `Tag ${HOSTILE}`, 'stored as typed');
    const audit = await app.services.db
      .selectFrom('audit_log')
      .select(['subject', 'user_name'])
      .where('action', '=', 'settings.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0].subject, /name, tagline, timeZone, dateFormat, language, social, support/);

    const example = await admin.inject(
      '/api/admin/settings/date-example?format=D.MM.YYYY%20HH:mm&timeZone=Europe/Sofia',
    );
    assert.deepEqual(example.json(), { example: '10.03.2026 14:00' });

    for (const url of ['/', '/feed.xml', '/feed.atom']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.ok(!response.body.includes('<script>alert(1)'), `${url}: the tagline is escaped`);
      assert.ok(!/<[^>]+\sonmouseover=/i.test(response.body), `${url}: no attribute from the tagline`);
    }
    const home = cheerio.load((await app.inject('/')).body);
    assert.equal(home('.masthead__tagline').text(), `Tag ${HOSTILE}`);
    assert.equal(home('html').attr('lang'), 'bg');

    // The API takes part of the settings and checks them the same way.
    const partial = await admin.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { social: { facebook: 'https://facebook.com/ledger' } },
    });
    assert.equal(partial.statusCode, 200);
    assert.deepEqual(partial.json().social, {
      twitter: 'https://x.com/ledger',
      facebook: 'https://facebook.com/ledger',
    });
    const unknown = await admin.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { timeZone: 'Nowhere/Land' },
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /^settings\.timeZone/);
  });
});
