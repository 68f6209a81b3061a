import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokensTable, Role, SessionsTable, UserRow, UsersTable } from '../../db/schema.js';

/**
 * Accounts, their sessions and their API tokens: the SQL of the users room.
 * The rules (who may, what a valid email is, when a session has expired)
 * stay in users.service.ts. Secrets arrive here already hashed: sessions and
 * tokens are looked up by sha256 of what the browser or client holds, so a
 * copy of the database gives no working cookie or token.
 */
export type NewUserRow = Insertable<UsersTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type NewApiTokenRow = Insertable<ApiTokensTable>;

export async function userById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By the address as stored: lower-case, trimmed (the caller normalises what was typed). */
export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Every account, by name. */
export async function usersByName(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').execute();
}

/** Whether any account exists at all, disabled ones included (a fresh site has none). */
export async function anyUserExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Whether an administrator who is not disabled exists, other than `exceptId`
 * when given: the check that the last one is neither demoted nor disabled.
 *
 *   select id from users where role = 'admin' and disabled_at is null [and id != :exceptId]
 */
export async function activeAdminExists(db: Db, exceptId?: number): Promise<boolean> {
  let query = db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Db, row: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function setUserRole(db: Db, userId: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', userId).execute();
}

export async function setUserName(db: Db, userId: number, name: string): Promise<void> {
  await db.updateTable('users').set({ name }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Disables an account from `at`, or enables it again with null. */
export async function setUserDisabledAt(db: Db, userId: number, at: string | null): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', userId).execute();
}

// Sessions: `id` is sha256 of the cookie's token.

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A session's user with the session's own columns; expiry and disabled accounts are the caller's to judge. */
export type SessionWithUser = UserRow & { session_id: string; csrf_token: string; expires_at: string };

/**
 *   select users.*, sessions.id as session_id, sessions.csrf_token, sessions.expires_at
 *   from sessions join users on users.id = sessions.user_id where sessions.id = :id
 */
export async function sessionWithUser(db: Db, id: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function deleteSessionById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/**
 * Ends a user's sessions, all of them or all but `exceptId` (the browser
 * that asked); returns how many ended.
 */
export async function deleteSessionsOf(db: Db, userId: number, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

// API tokens: `token_hash` is sha256 of the token the client sends.

export async function insertApiToken(db: Db, row: NewApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** A token's user with the token's id; a disabled account is the caller's to refuse. */
export type ApiTokenWithUser = UserRow & { token_id: number };

/**
 *   select users.*, api_tokens.id as token_id from api_tokens join users on users.id = api_tokens.user_id
 *   where api_tokens.token_hash = :hash and api_tokens.revoked_at is null
 */
export async function liveApiTokenWithUser(db: Db, tokenHash: string): Promise<ApiTokenWithUser | undefined> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select('api_tokens.id as token_id')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, tokenId: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

/** Failed sign-ins for `email` since `since` (ISO). */
export async function countSignInFailures(db: Db, email: string, since: string): Promise<number> {
  const { n } = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Records a failed sign-in, and forgets every one from before `forgetBefore` (ISO). */
export async function addSignInFailure(
  db: Db,
  email: string,
  at: string,
  forgetBefore: string,
): Promise<void> {
  await db.insertInto('sign_in_failures').values({ email, at }).execute();
  await db.deleteFrom('sign_in_failures').where('at', '<=', forgetBefore).execute();
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
