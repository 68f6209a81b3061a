import type { FastifyInstance, InjectOptions } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import * as cheerio from 'cheerio';
import { createUser, SYSTEM, type User } from '../../src/content/index.js';
import type { Role } from '../../src/db/schema.js';
import { cookieNames } from '../../src/admin/auth.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user of the given role, with TEST_PASSWORD. */
export async function makeUser(
  app: FastifyInstance,
  role: Role,
  email = `${role}@example.org`,
): Promise<User> {
  return createUser(
    app.services.db,
    SYSTEM,
    { email, name: `${role[0].toUpperCase()}${role.slice(1)} User`, role, password: TEST_PASSWORD },
    new Date(),
  );
}

export interface AdminSession {
  cookie: string;
  csrf: string;
  /** app.inject with this session's cookie, and its CSRF header on requests that change data. */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found?.split(';')[0].slice(name.length + 1);
}

/** Signs in through the real sign-in form, as a browser would. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<AdminSession> {
  const names = cookieNames(app.services.config.siteUrl);
  const form = await app.inject('/admin/login');
  const preCsrf = cookieValue(form, names.csrf) ?? '';
  const formToken = cheerio.load(form.body)('input[name="_csrf"]').attr('value') ?? '';
  const login = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: `${names.csrf}=${preCsrf}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: formToken, next: '/admin' }).toString(),
  });
  const session = cookieValue(login, names.session);
  if (login.statusCode !== 303 || !session)
    throw new Error(`sign-in as ${email} failed: ${login.statusCode} ${login.body.slice(0, 300)}`);
  const cookie = `${names.session}=${session}`;
  const me = await app.inject({ url: '/api/admin/me', headers: { cookie } });
  const csrf = String(me.json().csrfToken ?? '');
  return {
    cookie,
    csrf,
    inject(options) {
      const opts: InjectOptions = typeof options === 'string' ? { url: options } : options;
      const method = (opts.method ?? 'GET').toUpperCase();
      const headers = { ...(opts.headers ?? {}), cookie };
      if (!['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers))
        Object.assign(headers, { 'x-csrf-token': csrf });
      return app.inject({ ...opts, headers });
    },
  };
}

/** Posts a form as the browser does: urlencoded, with the page's CSRF field. */
export function postForm(session: AdminSession, url: string, fields: Record<string, string> = {}) {
  return session.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
  });
}
