import { createHash, randomBytes } from 'node:crypto';
import validator from 'validator';
import type { Db } from '../../db/database.js';
import type { Role, UserRow } from '../../db/schema.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../lib/password.js';
import { slugify } from '../../lib/slugify.js';
import { oneLine, stripControl } from '../../lib/text.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getSettings } from '../settings/settings.js';
import { findBySlug, insertAuthor } from '../taxonomy/taxonomy.repository.js';
import { can, ROLES, type Actor } from './permissions.js';
import {
  activeAdminExists,
  anyUserExists,
  deleteSessionById,
  deleteSessionsOf,
  insertApiToken,
  insertSession,
  insertUser,
  liveApiTokenWithUser,
  markApiTokenUsed,
  sessionWithUser,
  setPasswordHash,
  setUserDisabledAt,
  setUserName,
  setUserRole,
  userByEmail,
  userById,
  usersByName,
} from './users.repository.js';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  createdAt: string;
  disabled: boolean;
  /** Signs in with a second factor (two-factor.service.ts), since this time; null when not. */
  twoFactorSince: string | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    authorId: row.author_id,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    twoFactorSince: row.totp_enabled_at,
  };
}

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.name, role: user.role, authorId: user.authorId };
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Author slug this user writes under; created from the name when absent. */
  authorSlug?: string;
}

/**
 * A staff email address, read by validator's parser (RFC 5321/5322 rules,
 * a domain with a top-level part, no display name, no IP address), and
 * without quoted local parts: `"<b>"@example.org` is an address in the RFC
 * and a trap everywhere else.
 */
function isStaffEmail(email: string): boolean {
  return (
    email.length <= 200 &&
    !/["<>\\]/.test(email) &&
    validator.isEmail(email, { allow_display_name: false, require_tld: true, allow_ip_domain: false })
  );
}

/** passwordProblem, with the person's email and name and the site's name as easy words. */
async function checkPassword(db: Db, password: string, email: string, name: string) {
  const { name: siteName } = await getSettings(db);
  return passwordProblem(password, [email, name, siteName]);
}

/** Creates an account. Only administrators may, except for the very first one (setup). */
export async function createUser(db: Db, actor: Actor | 'setup', input: NewUser, now: Date): Promise<User> {
  if (actor === 'setup') {
    if (await hasAdministrator(db)) throw forbidden('run setup: an administrator already exists');
    if (input.role !== 'admin') throw invalidInput('role', 'the first account must be an administrator');
  } else if (!can.manageUsers(actor)) {
    throw forbidden('manage users');
  }
  const email = String(input.email ?? '')
    .trim()
    .toLowerCase();
  if (!isStaffEmail(email))
    throw invalidInput('email', `"${email}" is not an email address (like name@example.org)`);
  const name = oneLine(String(input.name ?? ''));
  if (!name || name.length > 100) throw invalidInput('name', 'must be 1 to 100 characters');
  if (!ROLES.includes(input.role)) throw invalidInput('role', `must be one of ${ROLES.join(', ')}`);
  const problem = await checkPassword(db, String(input.password ?? ''), email, name);
  if (problem) throw invalidInput('password', problem);
  if (await userByEmail(db, email)) {
    throw invalidInput('email', `${email} already has an account`);
  }
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  const row = await db.transaction().execute(async (trx) => {
    const authorId = await bylineFor(trx, name, input.authorSlug);
    const user = await insertUser(trx, {
      email,
      name,
      role: input.role,
      password_hash: passwordHash,
      author_id: authorId,
      created_at: at,
    });
    await recordAudit(trx, {
      at,
      actor: actor === 'setup' ? { id: user.id, name } : actor,
      action: 'user.create',
      subject: `${email} (${input.role})`,
    });
    return user;
  });
  return toUser(row);
}

/** The author record a user's articles are credited to: the named one, or one made from the user's name. */
async function bylineFor(db: Db, name: string, slug: string | undefined): Promise<number> {
  const wanted = slug || slugify(name) || 'author';
  const existing = await findBySlug(db, 'authors', wanted);
  if (existing) return existing.id;
  if (slug) throw invalidInput('authorSlug', `there is no author "${slug}"`);
  return (await insertAuthor(db, { slug: wanted, name, bio: '' })).id;
}

export async function hasAdministrator(db: Db): Promise<boolean> {
  return activeAdminExists(db);
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return anyUserExists(db);
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await usersByName(db)).map(toUser);
}

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  const row = await userById(db, id);
  return row && toUser(row);
}

/** The account with this email, as typed (case and surrounding spaces do not matter), or undefined. */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await userByEmail(db, String(email).trim().toLowerCase());
  return row && toUser(row);
}

/**
 * The user with this email and password, or undefined. Unknown emails cost
 * the same scrypt work as wrong passwords, so timing does not tell which.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<User | undefined> {
  const row = await userByEmail(db, String(email).trim().toLowerCase());
  const ok = await verifyPassword(String(password), row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at !== null) return undefined;
  return toUser(row);
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Gives someone another role and signs them out everywhere, so that they sign in again under it. */
export async function changeRole(db: Db, actor: Actor, userId: number, role: Role, now: Date): Promise<User> {
  if (!can.manageUsers(actor)) throw forbidden('manage users');
  if (!ROLES.includes(role)) throw invalidInput('role', `must be one of ${ROLES.join(', ')}`);
  const user = await findUser(db, userId);
  if (!user) throw new AppError('NOT_FOUND', `user ${userId} not found`);
  if (user.role === 'admin' && role !== 'admin') await assertAnotherAdmin(db, userId);
  await db.transaction().execute(async (trx) => {
    await setUserRole(trx, userId, role);
    // Signed out everywhere: a session that was open (or stolen) before the change does not carry
    // over into the new role; they sign in again.
    await deleteSessionsOf(trx, userId);
    await recordAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'user.role',
      subject: `${user.email}: ${user.role} -> ${role}`,
    });
  });
  return { ...user, role };
}

async function assertAnotherAdmin(db: Db, exceptId: number, field = 'role'): Promise<void> {
  if (!(await activeAdminExists(db, exceptId)))
    throw invalidInput(field, 'the last administrator cannot be demoted or disabled');
}

/** Every account, for administrators. */
export async function listUsersFor(db: Db, actor: Actor): Promise<User[]> {
  if (!can.manageUsers(actor)) throw forbidden('manage users');
  return listUsers(db);
}

/** One account, for administrators (everyone reads their own with `findUser`). */
export async function getUserFor(db: Db, actor: Actor, userId: number): Promise<User> {
  if (!can.manageUsers(actor)) throw forbidden('manage users');
  return existingUser(db, userId);
}

async function existingUser(db: Db, userId: number): Promise<User> {
  const user = await findUser(db, userId);
  if (!user) throw new AppError('NOT_FOUND', `user ${userId} not found`);
  return user;
}

/**
 * Disables an account and signs it out everywhere (its sessions are deleted;
 * its API tokens stop working while it is disabled), or enables it again.
 * The last administrator cannot be disabled, and nobody disables themselves.
 */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  userId: number,
  disabled: boolean,
  now: Date,
): Promise<User> {
  if (!can.manageUsers(actor)) throw forbidden('manage users');
  const user = await getUserFor(db, actor, userId);
  if (user.disabled === disabled) return user;
  if (disabled && actor.id === userId)
    throw invalidInput('disabled', 'you cannot disable your own account: ask another administrator');
  if (disabled && user.role === 'admin') await assertAnotherAdmin(db, userId, 'disabled');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await setUserDisabledAt(trx, userId, disabled ? at : null);
    if (disabled) await deleteSessionsOf(trx, userId);
    await recordAudit(trx, {
      at,
      actor,
      action: disabled ? 'user.disable' : 'user.enable',
      subject: user.email,
    });
  });
  return { ...user, disabled };
}

/** Sets a new password for someone (an administrator's reset) and signs them out everywhere. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  password: string,
  now: Date,
): Promise<void> {
  if (!can.manageUsers(actor)) throw forbidden('manage users');
  const user = await getUserFor(db, actor, userId);
  const problem = await checkPassword(db, String(password ?? ''), user.email, user.name);
  if (problem) throw invalidInput('password', problem);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, userId, hash);
    await deleteSessionsOf(trx, userId);
    await recordAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'user.password-reset',
      subject: user.email,
    });
  });
}

/** Changes a user's display name: their own, or anyone's for an administrator. */
export async function updateUserName(
  db: Db,
  actor: Actor,
  userId: number,
  name: string,
  now: Date,
): Promise<User> {
  if (actor.id !== userId && !can.manageUsers(actor)) throw forbidden("change another user's name");
  const user = await existingUser(db, userId);
  const clean = oneLine(String(name ?? ''));
  if (!clean || clean.length > 100) throw invalidInput('name', 'must be 1 to 100 characters');
  await db.transaction().execute(async (trx) => {
    await setUserName(trx, userId, clean);
    await recordAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'user.rename',
      subject: `${user.email}: ${user.name} -> ${clean}`,
    });
  });
  return { ...user, name: clean };
}

/**
 * Changes the signed-in user's own password, given the current one. Their
 * other sessions end; the one given by `keepSessionToken` (this browser) stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  now: Date,
  keepSessionToken?: string,
): Promise<void> {
  if (actor.id === null) throw forbidden('change a password without an account');
  const row = await userById(db, actor.id);
  if (!row) throw new AppError('NOT_FOUND', `user ${actor.id} not found`);
  if (!(await verifyPassword(String(input.currentPassword ?? ''), row.password_hash)))
    throw invalidInput('currentPassword', 'is not your current password');
  const problem = await checkPassword(db, String(input.newPassword ?? ''), row.email, row.name);
  if (problem) throw invalidInput('newPassword', problem);
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, row.id, hash);
    await deleteSessionsOf(trx, row.id, keepSessionToken ? sha256(keepSessionToken) : undefined);
    await recordAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'user.password-change',
      subject: row.email,
    });
  });
}

// Sessions and API tokens. The database keeps only sha256 of each secret.

export const SESSION_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, userId: number, userAgent: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await insertSession(db, {
    id: sha256(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    user_agent: userAgent.slice(0, 300),
  });
  return { token, csrfToken, expiresAt };
}

/** The live session for a cookie's token, with its user; expired sessions and disabled users give nothing. */
export async function findSession(db: Db, token: string, now: Date) {
  const row = await sessionWithUser(db, sha256(token));
  if (!row || row.expires_at <= now.toISOString() || row.disabled_at !== null) return undefined;
  return { user: toUser(row), sessionId: row.session_id, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await deleteSessionById(db, sha256(token));
}

/** Signs a user out on every device. */
export async function deleteAllSessions(db: Db, userId: number): Promise<number> {
  return deleteSessionsOf(db, userId);
}

/** A new API token for a user; the plain token is returned once and never stored. */
export async function createApiToken(db: Db, userId: number, name: string, now: Date): Promise<string> {
  const clean = stripControl(name).trim();
  if (!clean || clean.length > 100) throw invalidInput('name', 'a token needs a name of 1 to 100 characters');
  const token = `nd_${randomBytes(32).toString('base64url')}`;
  await insertApiToken(db, {
    user_id: userId,
    name: clean,
    token_hash: sha256(token),
    created_at: now.toISOString(),
  });
  return token;
}

export async function findApiToken(db: Db, token: string, now: Date): Promise<User | undefined> {
  const row = await liveApiTokenWithUser(db, sha256(token));
  if (!row || row.disabled_at !== null) return undefined;
  await markApiTokenUsed(db, row.token_id, now.toISOString());
  return toUser(row);
}
