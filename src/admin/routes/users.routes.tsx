import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  actorOf,
  beginTwoFactor,
  changeOwnPassword,
  changeRole,
  confirmTwoFactor,
  pendingTwoFactor,
  recoveryCodesLeft,
  turnOffTwoFactor,
  createUser,
  findUser,
  getSettings,
  getUserFor,
  listUsersFor,
  resetPassword,
  setUserDisabled,
  updateUserName,
  type User,
} from '../../content/index.js';
import type { Role } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { actor, cookiesOf } from '../auth.js';
import { adminContext } from '../admin-context.js';
import { redirectWithFlash } from '../flash.js';
import type { FormProblem } from '../pages/manage-kit.js';
import {
  AccountPage,
  RecoveryCodesPage,
  UserEditPage,
  UsersPage,
  type TwoFactorState,
} from '../pages/users-page.js';
import { attempt, field, idParams, pageContext, sendAdminPage, type FormBody } from './taxonomy.routes.js';

type Id = { Params: { id: number } };
type Form = { Body: FormBody };
type UserForm = 'name' | 'role' | 'status' | 'password' | 'two-factor';

/** One's own account: open before a second factor the site asks for is set up (auth.ts). */
/** The account page's forms: open before the second factor is set up, each with its fields. */
const ACCOUNT = (...form: string[]) => ({ config: { beforeSecondFactor: true, form } });

/** Accounts (administrators only) and each person's own account page. */
export function usersRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get('/admin/users', async (request, reply) => {
    const users = await listUsersFor(db, actor(request));
    const [{ ctx, error }, settings] = await Promise.all([
      pageContext(services, request, reply),
      getSettings(db),
    ]);
    return sendAdminPage(
      reply,
      <UsersPage ctx={ctx} users={users} timeZone={settings.timeZone} problem={error} />,
    );
  });

  app.post<Form>(
    '/admin/users',
    { config: { form: ['email', 'name', 'role', 'password'] } },
    async (request, reply) => {
      const me = actor(request);
      const body = request.body;
      const input = {
        email: field(body, 'email'),
        name: field(body, 'name'),
        role: field(body, 'role') as Role,
        password: field(body, 'password'),
      };
      const result = await attempt(() => createUser(db, me, input, services.now()));
      if (result.ok)
        return redirectWithFlash(reply, `/admin/users`, {
          notice: `${result.value.name} (${result.value.email}) can now sign in as ${result.value.role}.`,
        });
      const [users, settings, ctx] = await Promise.all([
        listUsersFor(db, me),
        getSettings(db),
        adminContext(services, request),
      ]);
      return sendAdminPage(
        reply,
        <UsersPage
          ctx={ctx}
          users={users}
          timeZone={settings.timeZone}
          problem={result.problem}
          values={{ email: input.email, name: input.name, role: input.role }}
        />,
        result.status,
      );
    },
  );

  async function userPage(
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    options: { problem?: FormProblem; form?: UserForm; status?: number } = {},
  ) {
    const user = await getUserFor(db, actor(request), request.params.id);
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(
      reply,
      <UserEditPage ctx={ctx} user={user} problem={options.problem ?? error} form={options.form} />,
      options.status,
    );
  }

  app.get<Id>('/admin/users/:id', { schema: { params: idParams } }, (request, reply) =>
    userPage(request, reply),
  );

  /** One change to one account, back to its page with a notice, or the page again with the problem. */
  function change(
    path: string,
    form: UserForm,
    fields: string[],
    run: (me: ReturnType<typeof actor>, id: number, body: FormBody) => Promise<string>,
  ) {
    app.post<Id & Form>(
      `/admin/users/:id/${path}`,
      { schema: { params: idParams }, config: { form: fields } },
      async (request, reply) => {
        const me = actor(request);
        const result = await attempt(() => run(me, request.params.id, request.body));
        if (!result.ok) return userPage(request, reply, { ...result, form });
        return redirectWithFlash(reply, `/admin/users/${request.params.id}`, { notice: result.value });
      },
    );
  }

  change('name', 'name', ['name'], async (me, id, body) => {
    const user = await updateUserName(db, me, id, field(body, 'name'), services.now());
    return `Name saved: ${user.name}.`;
  });
  change('role', 'role', ['role'], async (me, id, body) => {
    const user = await changeRole(db, me, id, field(body, 'role') as Role, services.now());
    const role =
      user.role === 'admin'
        ? 'an administrator'
        : `a${user.role === 'author' || user.role === 'editor' ? 'n' : ''} ${user.role}`;
    return `${user.name} is now ${role}; they were signed out and sign in again as one.`;
  });
  change('disable', 'status', [], async (me, id) => {
    const user = await setUserDisabled(db, me, id, true, services.now());
    return `${user.name}'s account is disabled and signed out everywhere.`;
  });
  change('enable', 'status', [], async (me, id) => {
    const user = await setUserDisabled(db, me, id, false, services.now());
    return `${user.name} can sign in again.`;
  });
  change('two-factor/off', 'two-factor', [], async (me, id) => {
    await turnOffTwoFactor(db, me, { userId: id }, services.now());
    const user = await getUserFor(db, me, id);
    return `Two-factor sign-in is off for ${user.name}: their password alone signs them in until they set it up again.`;
  });
  change('password', 'password', ['password'], async (me, id, body) => {
    await resetPassword(db, me, id, field(body, 'password'), services.now());
    const user = await getUserFor(db, me, id);
    return `New password set for ${user.name}; they were signed out everywhere.`;
  });

  // The signed-in person's own account, whatever their role.

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      problem?: FormProblem;
      form?: 'name' | 'password' | 'two-factor';
      status?: number;
      user?: User;
      notice?: string;
    } = {},
  ) {
    const me = actor(request);
    const user = options.user ?? (await findUser(db, me.id!));
    if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first');
    const [{ ctx, error }, settings, twoFactor] = await Promise.all([
      pageContext(services, request, reply),
      getSettings(db),
      twoFactorState(user),
    ]);
    if (options.notice && !ctx.notice) ctx.notice = options.notice;
    return sendAdminPage(
      reply,
      <AccountPage
        ctx={ctx}
        user={user}
        twoFactor={twoFactor}
        timeZone={settings.timeZone}
        problem={options.problem ?? error}
        form={options.form}
      />,
      options.status,
    );
  }

  async function twoFactorState(user: User): Promise<TwoFactorState> {
    if (user.twoFactorSince)
      return { since: user.twoFactorSince, codesLeft: await recoveryCodesLeft(db, user.id) };
    const pending = await pendingTwoFactor(db, actorOf(user));
    if (!pending) return { since: null, codesLeft: 0 };
    // The key as a QR code, drawn here (no outside service sees it), shown as a data: image.
    const { default: QRCode } = await import('qrcode');
    const svg = await QRCode.toString(pending.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return {
      since: null,
      codesLeft: 0,
      pending: {
        secret: pending.secret,
        qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      },
    };
  }

  app.get<{ Querystring: { 'two-factor'?: string } }>('/admin/account', ACCOUNT(), (request, reply) =>
    accountPage(request, reply, {
      notice:
        request.query['two-factor'] === 'required'
          ? 'This site asks administrators for two-factor sign-in: set it up below to go on.'
          : undefined,
    }),
  );

  app.post<Form>('/admin/account', ACCOUNT('name'), async (request, reply) => {
    const me = actor(request);
    const result = await attempt(() =>
      updateUserName(db, me, me.id!, field(request.body, 'name'), services.now()),
    );
    if (!result.ok) return accountPage(request, reply, { ...result, form: 'name' });
    return redirectWithFlash(reply, '/admin/account', { notice: `Name saved: ${result.value.name}.` });
  });

  // Two-factor sign-in on one's own account: a new key, then a code that proves the app has it.
  app.post('/admin/account/two-factor/begin', ACCOUNT(), async (request, reply) => {
    const result = await attempt(() => beginTwoFactor(db, actor(request)));
    if (!result.ok) return accountPage(request, reply, { ...result, form: 'two-factor' });
    return reply.redirect('/admin/account#account-two-factor', 303);
  });

  app.post<Form>('/admin/account/two-factor/confirm', ACCOUNT('code'), async (request, reply) => {
    const result = await attempt(() =>
      confirmTwoFactor(db, actor(request), field(request.body, 'code'), services.now()),
    );
    if (!result.ok) return accountPage(request, reply, { ...result, form: 'two-factor' });
    const { ctx } = await pageContext(services, request, reply);
    // Shown once, never stored in the clear: this answer is the only place they appear.
    return sendAdminPage(reply, <RecoveryCodesPage ctx={ctx} codes={result.value} />);
  });

  app.post<Form>('/admin/account/two-factor/off', ACCOUNT('password', 'username'), async (request, reply) => {
    const me = actor(request);
    const result = await attempt(() =>
      turnOffTwoFactor(db, me, { userId: me.id!, password: field(request.body, 'password') }, services.now()),
    );
    if (!result.ok) return accountPage(request, reply, { ...result, form: 'two-factor' });
    return redirectWithFlash(reply, '/admin/account', { notice: 'Two-factor sign-in is off.' });
  });

  app.post<Form>(
    '/admin/account/password',
    ACCOUNT('currentPassword', 'newPassword', 'username'),
    async (request, reply) => {
      const me = actor(request);
      const input = {
        currentPassword: field(request.body, 'currentPassword'),
        newPassword: field(request.body, 'newPassword'),
      };
      const result = await attempt(() =>
        changeOwnPassword(db, me, input, services.now(), request.cookies[cookiesOf(services).session]),
      );
      if (!result.ok) return accountPage(request, reply, { ...result, form: 'password' });
      return redirectWithFlash(reply, '/admin/account', {
        notice: 'Password changed. Your other devices were signed out.',
      });
    },
  );
}
