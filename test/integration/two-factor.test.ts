import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { makeUser, postForm, signIn, TEST_PASSWORD, type AdminSession } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { cookieNames } from '../../src/admin/auth.js';

const NOW = new Date('2026-11-30T09:00:00.000Z');
/** The session cookie's name on the test site (https: `__Host-` prefixed). */
const SESSION = cookieNames('https://news.example.org').session;

function cookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  return all
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    .slice(name.length + 1);
}

/** The password step as a browser takes it; returns the answer and the cookies it holds after. */
async function passwordStep(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const names = cookieNames(app.services.config.siteUrl);
  const form = await app.inject('/admin/login');
  const csrf = cookie(form, names.csrf) ?? '';
  const response = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: `${names.csrf}=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      email,
      password,
      _csrf: cheerio.load(form.body)('input[name="_csrf"]').attr('value') ?? '',
      next: '/admin/tags',
    }).toString(),
  });
  return { response, csrf, challenge: cookie(response, names.signIn) };
}

/** The code step: the code page's form, sent with the challenge cookie. */
async function codeStep(app: FastifyInstance, step: { csrf: string; challenge?: string }, code: string) {
  const names = cookieNames(app.services.config.siteUrl);
  const cookies = `${names.csrf}=${step.csrf}; ${names.signIn}=${step.challenge}`;
  const page = await app.inject({ url: '/admin/login/code', headers: { cookie: cookies } });
  return app.inject({
    method: 'POST',
    url: '/admin/login/code',
    headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      code,
      _csrf: cheerio.load(page.body)('input[name="_csrf"]').attr('value') ?? step.csrf,
    }).toString(),
  });
}

const appCode = (key: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });

async function sessionWorks(app: FastifyInstance, response: LightMyRequestResponse) {
  const session = cookie(response, SESSION);
  assert.ok(session, 'a session cookie');
  const tags = await app.inject({ url: '/admin/tags', headers: { cookie: `${SESSION}=${session}` } });
  return tags.statusCode === 200;
}

test('two-factor sign-in: set up with an app, sign in with its codes or a recovery code, turned off', async (t) => {
  const { app, clock } = await buildTestApp(t, { now: NOW });
  await makeUser(app, 'admin');
  await makeUser(app, 'editor');
  const editor: AdminSession = await signIn(app, 'editor@example.org');

  // Setting up: a key shown as a QR code and as text; a wrong code does not turn it on.
  const start = await postForm(editor, '/admin/account/two-factor/begin');
  assert.equal(start.statusCode, 303);
  const account = cheerio.load((await editor.inject('/admin/account')).body);
  assert.match(account('img.mg-qr').attr('src') ?? '', /^data:image\/svg\+xml;base64,/);
  const key = account('.mg-qr__key code').text();
  assert.match(key, /^([A-Z2-7]{4} ?)+$/);
  const wrong = await postForm(editor, '/admin/account/two-factor/confirm', { code: '000000' });
  assert.equal(wrong.statusCode, 400);
  assert.match(cheerio.load(wrong.body)('.form-error').text(), /code: does not match/);
  const on = await postForm(editor, '/admin/account/two-factor/confirm', { code: appCode(key, clock.now) });
  assert.equal(on.statusCode, 200);
  const codes = cheerio
    .load(on.body)('.mg-recovery-codes code')
    .map((_, el) => cheerio.load(el).text())
    .get();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  assert.match(codes[0], /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  assert.match(
    cheerio
      .load((await editor.inject('/admin/account')).body)('#account-two-factor')
      .text(),
    /: on/,
  );

  // The password alone no longer signs in: it leads to the code, and no session yet.
  clock.now = new Date(NOW.getTime() + 60_000);
  const first = await passwordStep(app, 'editor@example.org');
  assert.equal(first.response.statusCode, 303);
  assert.equal(first.response.headers.location, '/admin/login/code');
  assert.equal(cookie(first.response, SESSION), undefined);
  assert.ok(first.challenge);
  const bad = await codeStep(app, first, '123456');
  assert.equal(bad.statusCode, 401);
  assert.match(bad.body, /That code does not match/);
  const code = appCode(key, clock.now);
  const good = await codeStep(app, first, code);
  assert.equal(good.statusCode, 303);
  assert.equal(good.headers.location, '/admin/tags', 'on to where the sign-in was going');
  assert.ok(await sessionWorks(app, good));

  // A code works once; the next one, 30 seconds on, works.
  const replay = await passwordStep(app, 'editor@example.org');
  assert.equal((await codeStep(app, replay, code)).statusCode, 401, 'the same code again');
  clock.now = new Date(clock.now.getTime() + 30_000);
  assert.ok(await sessionWorks(app, await codeStep(app, replay, appCode(key, clock.now))));

  // A recovery code, typed any old way, works once; the account page counts what is left.
  const lost = await passwordStep(app, 'editor@example.org');
  const recovered = await codeStep(app, lost, ` ${codes[3].toUpperCase().replace('-', ' ')} `);
  assert.ok(await sessionWorks(app, recovered));
  const again = await passwordStep(app, 'editor@example.org');
  assert.equal((await codeStep(app, again, codes[3])).statusCode, 401, 'a recovery code is good once');
  const audit = await app.services.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', 'editor@example.org')
    .execute();
  assert.ok(audit.some((a) => a.action === 'user.sign-in-recovery-code'));
  const now = await signInWithCode(app, key, clock);
  assert.match(
    cheerio
      .load((await now.inject('/admin/account')).body)('section[aria-labelledby="account-two-factor"]')
      .text(),
    /9 recovery codes left/,
  );

  // Five wrong codes end the sign-in: the password is asked again.
  const guessing = await passwordStep(app, 'editor@example.org');
  for (let i = 0; i < 5; i++) assert.equal((await codeStep(app, guessing, '99999' + i)).statusCode, 401);
  const ended = await codeStep(
    app,
    guessing,
    appCode(key, (clock.now = new Date(clock.now.getTime() + 30_000))),
  );
  assert.equal(ended.statusCode, 401);
  assert.match(ended.body, /has expired or had too many wrong codes\. Sign in again\./);
  assert.equal(cookie(ended, SESSION), undefined);

  // Turning it off needs the password; an administrator can turn it off for someone who lost their phone.
  const refused = await postForm(now, '/admin/account/two-factor/off', { password: 'not the password' });
  assert.equal(refused.statusCode, 400);
  assert.match(cheerio.load(refused.body)('.form-error').text(), /password: is not your current password/);
  const admin = await signIn(app, 'admin@example.org');
  const { id } = await app.services.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'editor@example.org')
    .executeTakeFirstOrThrow();
  const userPage = cheerio.load((await admin.inject(`/admin/users/${id}`)).body);
  assert.match(userPage('#user-two-factor').text(), /Two-factor sign-in: on/);
  const reset = await postForm(admin, `/admin/users/${id}/two-factor/off`);
  assert.equal(reset.statusCode, 303);
  const plain = await passwordStep(app, 'editor@example.org');
  assert.equal(plain.response.headers.location, '/admin/tags', 'the password alone signs in again');
  assert.ok(await sessionWorks(app, plain.response));

  // Nobody else may turn someone's off.
  await makeUser(app, 'author');
  const author = await signIn(app, 'author@example.org');
  assert.equal((await postForm(author, `/admin/users/${id}/two-factor/off`)).statusCode, 403);
});

async function signInWithCode(
  app: FastifyInstance,
  key: string,
  clock: { now: Date },
): Promise<AdminSession> {
  clock.now = new Date(clock.now.getTime() + 30_000);
  const step = await passwordStep(app, 'editor@example.org');
  const response = await codeStep(app, step, appCode(key, clock.now));
  const session = cookie(response, SESSION);
  assert.ok(session);
  const me = await app.inject({ url: '/api/admin/me', headers: { cookie: `${SESSION}=${session}` } });
  const csrf = String(me.json().csrfToken ?? '');
  return {
    cookie: `${SESSION}=${session}`,
    csrf,
    inject(options) {
      const opts = typeof options === 'string' ? { url: options } : options;
      const method = (opts.method ?? 'GET').toUpperCase();
      const headers = { ...(opts.headers ?? {}), cookie: `${SESSION}=${session}` };
      if (!['GET', 'HEAD'].includes(method)) Object.assign(headers, { 'x-csrf-token': csrf });
      return app.inject({ ...opts, headers });
    },
  };
}

test('a site that asks administrators for two-factor sign-in lets one without it reach only their account page', async (t) => {
  const { app, clock } = await buildTestApp(t, { now: NOW });
  await makeUser(app, 'admin', 'chief@example.org');
  await makeUser(app, 'admin', 'deputy@example.org');
  await makeUser(app, 'editor');
  const chief = await signIn(app, 'chief@example.org');
  const require2fa = () =>
    chief.inject({ method: 'PUT', url: '/api/admin/settings', payload: { adminsNeedTwoFactor: true } });

  // Whoever asks it of others has it first.
  const early = await require2fa();
  assert.equal(early.statusCode, 400);
  assert.match(early.json().error.message, /set up two-factor sign-in on your own account page first/);
  await postForm(chief, '/admin/account/two-factor/begin');
  const key = cheerio
    .load((await chief.inject('/admin/account')).body)('.mg-qr__key code')
    .text();
  assert.equal(
    (await postForm(chief, '/admin/account/two-factor/confirm', { code: appCode(key, clock.now) }))
      .statusCode,
    200,
  );
  assert.equal((await require2fa()).statusCode, 200);
  const settingsPage = cheerio.load((await chief.inject('/admin/settings')).body);
  assert.ok(
    settingsPage('input[name="adminsNeedTwoFactor"]').is(':checked'),
    'the settings page shows it on',
  );

  // An administrator without it: their account page, and nothing else, until it is set up.
  const deputy = await passwordStep(app, 'deputy@example.org');
  assert.equal(deputy.response.statusCode, 303, 'the password signs in');
  const session = `${SESSION}=${cookie(deputy.response, SESSION)}`;
  const articles = await app.inject({ url: '/admin/articles', headers: { cookie: session } });
  assert.equal(articles.statusCode, 303);
  assert.equal(articles.headers.location, '/admin/account?two-factor=required#account-two-factor');
  const account = await app.inject({
    url: '/admin/account?two-factor=required',
    headers: { cookie: session },
  });
  assert.equal(account.statusCode, 200);
  assert.match(
    account.body,
    /This site asks administrators for two-factor sign-in: set it up below to go on\./,
  );
  const api = await app.inject({ url: '/api/admin/articles', headers: { cookie: session } });
  assert.equal(api.statusCode, 403);
  assert.match(api.json().error.message, /asks administrators for two-factor sign-in/);

  // Other roles are not asked.
  const editor = await signIn(app, 'editor@example.org');
  assert.equal((await editor.inject('/admin/articles')).statusCode, 200);
});
