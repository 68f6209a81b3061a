import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { actorOf, findApiToken, findSession, getSettings, type Actor, type User } from '../content/index.js';
import { AppError } from '../lib/app-error.js';

/**
 * The back office's cookies: the session; the double-submit token of the
 * signed-out forms (sign-in, setup), which must match the form's field; and
 * the sign-in waiting for its second factor. On an https site their names
 * carry the `__Host-` prefix, with which a browser keeps them only if they are
 * Secure, for the whole site (Path=/) and for this host alone (no Domain), so
 * a neighbouring subdomain cannot plant or shadow them.
 */
export interface CookieNames {
  session: string;
  csrf: string;
  signIn: string;
}

export function cookieNames(siteUrl: string): CookieNames {
  const prefix = siteUrl.startsWith('https:') ? '__Host-' : '';
  return {
    session: `${prefix}newsdesk_session`,
    csrf: `${prefix}newsdesk_csrf`,
    signIn: `${prefix}newsdesk_sign_in`,
  };
}

/** This site's cookie names (cookieNames). */
export function cookiesOf(services: AppServices): CookieNames {
  return cookieNames(services.config.siteUrl);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, once the auth hook has run; undefined for signed-out visitors. */
    user?: User;
    actor?: Actor;
    /** This session's CSRF token, for forms; undefined for API tokens. */
    csrfToken?: string;
    /** How the request was authenticated. */
    authVia?: 'session' | 'token';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A back-office route a signed-out visitor may use: sign-in, setup, the API's description. */
    signedOut?: boolean;
    /** A page an administrator may open before setting up a second factor the site asks for (their account). */
    beforeSecondFactor?: boolean;
  }
}

/**
 * Who is asking, for every route of a back-office scope (its pages, or its
 * API, as `kind` says):
 * 1. a session cookie (HttpOnly, SameSite=Lax, Secure on https sites), or an
 *    `Authorization: Bearer nd_...` API token on the API;
 * 2. no one: pages redirect to the sign-in page, the API answers 401, except
 *    on routes marked `config: { signedOut: true }`;
 * 3. a state-changing request made with a session cookie must carry the
 *    session's CSRF token (form field `_csrf` or header `x-csrf-token`);
 *    the signed-out forms, the double-submit token of their cookie.
 *    Token requests carry no cookie, so a forged cross-site request cannot use them.
 */
export function registerAuth(scope: FastifyInstance, services: AppServices, kind: 'page' | 'api'): void {
  // Who is asking, before the body is even read: a signed-out request to the
  // API gets 401 whatever it sent, and a page redirects to the sign-in form.
  scope.addHook('onRequest', async (request, reply) => {
    await identify(request, services, kind === 'api');
    if (request.user && request.authVia === 'session')
      return needsSecondFactor(request, reply, services, kind);
    if (request.user || request.routeOptions.config.signedOut) return;
    if (kind === 'api')
      throw new AppError(
        'UNAUTHENTICATED',
        'sign in, or send an API token as "Authorization: Bearer <token>"',
      );
    return redirectToLogin(request, reply);
  });

  // The CSRF token may be in a form body, so this runs once the body is parsed, before validation.
  scope.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config.signedOut)
      return checkToken(request, request.cookies[cookiesOf(services).csrf] ?? '');
    if (request.authVia === 'session') checkCsrf(request);
  });
}

async function identify(request: FastifyRequest, services: AppServices, isApi: boolean): Promise<void> {
  const now = services.now();
  const header = request.headers.authorization;
  if (isApi && header?.startsWith('Bearer ')) {
    const user = await findApiToken(services.db, header.slice(7).trim(), now);
    if (!user) throw new AppError('UNAUTHENTICATED', 'the API token is unknown or revoked');
    Object.assign(request, { user, actor: actorOf(user), authVia: 'token' });
    return;
  }
  const token = request.cookies[cookiesOf(services).session];
  if (!token) return;
  const session = await findSession(services.db, token, now);
  if (!session) return;
  Object.assign(request, {
    user: session.user,
    actor: actorOf(session.user),
    csrfToken: session.csrfToken,
    authVia: 'session',
  });
}

/**
 * When the site asks administrators for two-factor sign-in, one signed in
 * without it reaches only their account page (to set it up) and signing out.
 */
async function needsSecondFactor(
  request: FastifyRequest,
  reply: FastifyReply,
  services: AppServices,
  kind: 'page' | 'api',
) {
  const user = request.user!;
  if (user.role !== 'admin' || user.twoFactorSince) return;
  if (!(await getSettings(services.db)).adminsNeedTwoFactor) return;
  if (request.routeOptions.config.beforeSecondFactor) return;
  const why = 'this site asks administrators for two-factor sign-in: set it up on your account page first';
  if (kind === 'api') throw new AppError('FORBIDDEN', why);
  return reply.redirect('/admin/account?two-factor=required#account-two-factor', 303);
}

function checkCsrf(request: FastifyRequest): void {
  checkToken(request, request.csrfToken ?? '');
}

function checkToken(request: FastifyRequest, expected: string): void {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = String(
    request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? (body._csrf ?? '') : ''),
  );
  const ok =
    sent.length === expected.length &&
    expected.length > 0 &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok)
    throw new AppError(
      'CSRF_INVALID',
      'this form has expired or did not come from this site: reload the page and try again',
    );
}

function redirectToLogin(request: FastifyRequest, reply: FastifyReply) {
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/admin/login${next}`, 303);
}

/** The signed-in user; for handlers behind the auth hook. */
export function actor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return request.actor;
}

/** The signed-out form token for this browser, set as a cookie when missing. */
export function preSessionCsrf(request: FastifyRequest, reply: FastifyReply, services: AppServices): string {
  const name = cookiesOf(services).csrf;
  const existing = request.cookies[name];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(name, token, sessionCookieOptions(services));
  return token;
}

export function sessionCookieOptions(services: AppServices, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.siteUrl.startsWith('https:'),
    ...(expires ? { expires } : {}),
  };
}
