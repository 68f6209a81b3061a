import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  answerChallenge,
  authenticate,
  createSession,
  createUser,
  deleteAllSessions,
  deleteSession,
  findChallenge,
  findUser,
  hasAdministrator,
  startChallenge,
  hasAnyUser,
  recordAudit,
  SignInThrottle,
} from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { actor, cookiesOf, preSessionCsrf, sessionCookieOptions } from '../auth.js';
import { adminContext, sendAdminPage } from '../admin-context.js';
import { LoginCodePage, LoginPage, SetupPage } from '../pages/login-page.js';
import type { User } from '../../content/index.js';

type LoginBody = { email?: string; password?: string; next?: string; _csrf?: string };

/** Only same-site paths under /admin: never an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//')
    ? next
    : '/admin';
}

export function authRoutes(app: FastifyInstance, services: AppServices): void {
  // The session, and the sign-in that carries a password's success to the code (two-factor sign-in).
  const { session: SESSION_COOKIE, signIn: CHALLENGE_COOKIE } = cookiesOf(services);
  // Failed sign-ins per email address in the last 15 minutes, across every process and instance.
  // Together with the per-address limit on the route, guessing a password costs days, not minutes.
  const throttle = new SignInThrottle(services.db);

  async function loginPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { next: string; error?: string; email?: string; status?: number },
  ) {
    const ctx = await adminContext(services, request);
    ctx.csrfToken = preSessionCsrf(request, reply, services);
    return sendAdminPage(reply, <LoginPage ctx={ctx} {...options} />, options.status ?? 200);
  }

  app.get<{ Querystring: { next?: string } }>(
    '/admin/login',
    { config: { signedOut: true } },
    async (request, reply) => {
      // A brand-new site has no one to sign in: send the visitor to set it up.
      if (!(await hasAnyUser(services.db))) return reply.redirect('/admin/setup', 303);
      if (request.user) return reply.redirect(safeNext(request.query.next), 303);
      return loginPage(request, reply, { next: safeNext(request.query.next) });
    },
  );

  app.post<{ Body: LoginBody }>(
    '/admin/login',
    {
      config: {
        form: ['email', 'password', 'next'],
        signedOut: true,
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const email = String(request.body?.email ?? '')
        .trim()
        .toLowerCase();
      const next = safeNext(request.body?.next);
      const now = services.now();
      if (!(await throttle.attempt(email, now))) {
        return loginPage(request, reply, {
          next,
          email,
          status: 429,
          error: 'Too many failed attempts for this account. Wait 15 minutes and try again.',
        });
      }
      const user = await authenticate(services.db, email, String(request.body?.password ?? ''));
      if (!user) {
        return loginPage(request, reply, {
          next,
          email,
          status: 401,
          error: 'That email and password do not match an account.',
        });
      }
      await throttle.clear(email);
      if (user.twoFactorSince) {
        // The password is right; the code comes next, within minutes, in this browser.
        const token = await startChallenge(services.db, user.id, next, now);
        reply.setCookie(CHALLENGE_COOKIE, token, {
          ...sessionCookieOptions(services, new Date(now.getTime() + 5 * 60_000)),
        });
        return reply.redirect('/admin/login/code', 303);
      }
      return signIn(request, reply, user, next, 'user.sign-in');
    },
  );

  /** A new session for someone who proved who they are; the session this browser held before ends. */
  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    next: string,
    action: string,
  ) {
    const now = services.now();
    const earlier = request.cookies[SESSION_COOKIE];
    if (earlier) await deleteSession(services.db, earlier);
    const session = await createSession(
      services.db,
      user.id,
      String(request.headers['user-agent'] ?? ''),
      now,
    );
    await recordAudit(services.db, { at: now.toISOString(), actor: user, action, subject: user.email });
    reply.setCookie(
      SESSION_COOKIE,
      session.token,
      sessionCookieOptions(services, new Date(session.expiresAt)),
    );
    return reply.redirect(next, 303);
  }

  async function codePage(request: FastifyRequest, reply: FastifyReply, email: string, error?: string) {
    const ctx = await adminContext(services, request);
    ctx.csrfToken = preSessionCsrf(request, reply, services);
    return sendAdminPage(reply, <LoginCodePage ctx={ctx} email={email} error={error} />, error ? 401 : 200);
  }

  const challengeGone = (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(CHALLENGE_COOKIE, sessionCookieOptions(services));
    return loginPage(request, reply, {
      next: '/admin',
      status: 401,
      error: 'That sign-in has expired or had too many wrong codes. Sign in again.',
    });
  };

  app.get('/admin/login/code', { config: { signedOut: true } }, async (request, reply) => {
    const token = request.cookies[CHALLENGE_COOKIE];
    const challenge = token ? await findChallenge(services.db, token, services.now()) : undefined;
    if (!challenge) return reply.redirect('/admin/login', 303);
    return codePage(request, reply, challenge.email);
  });

  app.post<{ Body: { code?: string } }>(
    '/admin/login/code',
    { config: { form: ['code'], signedOut: true, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const token = request.cookies[CHALLENGE_COOKIE] ?? '';
      const now = services.now();
      const answer = token
        ? await answerChallenge(services.db, token, String(request.body?.code ?? ''), now)
        : undefined;
      if (!answer) {
        const challenge = token ? await findChallenge(services.db, token, now) : undefined;
        if (!challenge) return challengeGone(request, reply);
        return codePage(
          request,
          reply,
          challenge.email,
          'That code does not match. Try the one your app shows now.',
        );
      }
      reply.clearCookie(CHALLENGE_COOKIE, sessionCookieOptions(services));
      const user = await findUser(services.db, answer.userId);
      if (!user) return challengeGone(request, reply);
      return signIn(
        request,
        reply,
        user,
        answer.next,
        answer.recovery ? 'user.sign-in-recovery-code' : 'user.sign-in',
      );
    },
  );

  app.post('/admin/logout', { config: { form: [], beforeSecondFactor: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(services.db, token);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services));
    return reply.redirect('/admin/login', 303);
  });

  app.post(
    '/admin/logout-everywhere',
    { config: { form: [], beforeSecondFactor: true } },
    async (request, reply) => {
      const me = actor(request);
      const count = await deleteAllSessions(services.db, me.id!);
      await recordAudit(services.db, {
        at: services.now().toISOString(),
        actor: me,
        action: 'user.sign-out-everywhere',
        subject: `${count} sessions`,
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services));
      return reply.redirect('/admin/login', 303);
    },
  );

  // The one-time setup page: answers only while there is no administrator.
  app.get('/admin/setup', { config: { signedOut: true } }, async (request, reply) => {
    if (await hasAdministrator(services.db))
      throw new AppError('NOT_FOUND', 'setup is done: sign in instead');
    const ctx = await adminContext(services, request);
    ctx.csrfToken = preSessionCsrf(request, reply, services);
    return sendAdminPage(reply, <SetupPage ctx={ctx} />);
  });

  app.post<{ Body: { email?: string; name?: string; password?: string } }>(
    '/admin/setup',
    {
      config: {
        form: ['email', 'name', 'password'],
        signedOut: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      if (await hasAdministrator(services.db))
        throw new AppError('NOT_FOUND', 'setup is done: sign in instead');
      const body = request.body ?? {};
      try {
        const now = services.now();
        const user = await createUser(
          services.db,
          'setup',
          {
            email: String(body.email ?? ''),
            name: String(body.name ?? ''),
            password: String(body.password ?? ''),
            role: 'admin',
          },
          now,
        );
        const session = await createSession(
          services.db,
          user.id,
          String(request.headers['user-agent'] ?? ''),
          now,
        );
        reply.setCookie(
          SESSION_COOKIE,
          session.token,
          sessionCookieOptions(services, new Date(session.expiresAt)),
        );
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const ctx = await adminContext(services, request);
        ctx.csrfToken = preSessionCsrf(request, reply, services);
        return sendAdminPage(
          reply,
          <SetupPage ctx={ctx} error={error.message} values={{ email: body.email, name: body.name }} />,
          400,
        );
      }
    },
  );
}
