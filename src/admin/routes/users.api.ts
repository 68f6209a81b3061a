import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  changeOwnPassword,
  changeRole,
  createUser,
  findUser,
  getUserFor,
  listUsersFor,
  resetPassword,
  ROLES,
  setUserDisabled,
  updateUserName,
  type NewUser,
  type User,
} from '../../content/index.js';
import type { Role } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { actor, cookiesOf } from '../auth.js';
import { idParams } from './taxonomy.routes.js';

function userJson(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    authorId: u.authorId,
    createdAt: u.createdAt,
    disabled: u.disabled,
  };
}

const name = { type: 'string', maxLength: 100 } as const;
const password = { type: 'string', maxLength: 200, description: 'at least 10 characters' } as const;

type Id = { Params: { id: number } };

/**
 * Users in the admin API. Administrators manage every account; everyone
 * manages their own under /api/admin/users/me.
 */
export function usersApi(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get(
    '/api/admin/users',
    { schema: { tags: ['users'], summary: 'List every account (administrators)' } },
    async (request) => ({ users: (await listUsersFor(db, actor(request))).map(userJson) }),
  );

  app.post<{ Body: NewUser }>(
    '/api/admin/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account with an initial password (administrators)',
        body: {
          type: 'object',
          required: ['email', 'name', 'role', 'password'],
          properties: {
            email: { type: 'string', maxLength: 200 },
            name,
            role: { type: 'string', enum: ROLES },
            password,
            authorSlug: {
              type: 'string',
              description: 'the byline to write under; made from the name when absent',
            },
          },
        },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, actor(request), request.body, services.now());
      return reply.code(201).header('location', `/api/admin/users/${user.id}`).send(userJson(user));
    },
  );

  // Your own account, whatever your role. Static paths win over /users/:id.
  app.get(
    '/api/admin/users/me',
    { schema: { tags: ['users'], summary: 'Your own account' } },
    async (request) => {
      const user = await findUser(db, actor(request).id ?? 0);
      if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first');
      return userJson(user);
    },
  );

  app.put<{ Body: { name: string } }>(
    '/api/admin/users/me/name',
    {
      schema: {
        tags: ['users'],
        summary: 'Change your own name',
        body: { type: 'object', required: ['name'], properties: { name } },
      },
    },
    async (request) => {
      const me = actor(request);
      return userJson(await updateUserName(db, me, me.id ?? 0, request.body.name, services.now()));
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/admin/users/me/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Change your own password, given the current one; your other sessions end',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          properties: { currentPassword: { type: 'string', maxLength: 200 }, newPassword: password },
        },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        db,
        actor(request),
        request.body,
        services.now(),
        request.cookies[cookiesOf(services).session],
      );
      return reply.code(204).send();
    },
  );

  app.get<Id>(
    '/api/admin/users/:id',
    { schema: { tags: ['users'], summary: 'Get an account (administrators)', params: idParams } },
    async (request) => userJson(await getUserFor(db, actor(request), request.params.id)),
  );

  app.put<Id & { Body: { name: string } }>(
    '/api/admin/users/:id/name',
    {
      schema: {
        tags: ['users'],
        summary: 'Change an account’s name (administrators)',
        params: idParams,
        body: { type: 'object', required: ['name'], properties: { name } },
      },
    },
    async (request) =>
      userJson(
        await updateUserName(db, actor(request), request.params.id, request.body.name, services.now()),
      ),
  );

  app.put<Id & { Body: { role: Role } }>(
    '/api/admin/users/:id/role',
    {
      schema: {
        tags: ['users'],
        summary: 'Change an account’s role; the last administrator cannot be demoted (400)',
        params: idParams,
        body: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: ROLES } } },
      },
    },
    async (request) =>
      userJson(await changeRole(db, actor(request), request.params.id, request.body.role, services.now())),
  );

  app.post<Id>(
    '/api/admin/users/:id/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable an account and end its sessions; not the last administrator, not yourself',
        params: idParams,
      },
    },
    async (request) =>
      userJson(await setUserDisabled(db, actor(request), request.params.id, true, services.now())),
  );

  app.post<Id>(
    '/api/admin/users/:id/enable',
    { schema: { tags: ['users'], summary: 'Enable a disabled account', params: idParams } },
    async (request) =>
      userJson(await setUserDisabled(db, actor(request), request.params.id, false, services.now())),
  );

  app.post<Id & { Body: { password: string } }>(
    '/api/admin/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a new password for an account and end its sessions (administrators)',
        params: idParams,
        body: { type: 'object', required: ['password'], properties: { password } },
      },
    },
    async (request, reply) => {
      await resetPassword(db, actor(request), request.params.id, request.body.password, services.now());
      return reply.code(204).send();
    },
  );
}
