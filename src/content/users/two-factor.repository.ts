import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SignInChallengesTable, UserRow } from '../../db/schema.js';

/**
 * The SQL of two-factor sign-in (two-factor.service.ts holds the rules): a
 * user's TOTP columns, their recovery codes and the sign-in challenges that
 * wait for a code. Codes and challenge tokens arrive here as sha256; the
 * plain ones are shown once and never stored.
 */
export type NewChallengeRow = Insertable<SignInChallengesTable>;

/** What checking a code needs: the secret and the last time step taken. */
export type TotpState = Pick<UserRow, 'id' | 'totp_secret' | 'totp_last_step'>;

/** Throws (Kysely's NoResultError) when the user is gone: callers ask for one they just found. */
export async function totpStateOf(db: Db, userId: number): Promise<TotpState> {
  return db
    .selectFrom('users')
    .select(['id', 'totp_secret', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** A new secret being set up (not in force until enableTotp). */
export async function setTotpSecret(db: Db, userId: number, secret: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
}

/** Puts the secret set up in force from `at`; `step` is the code that confirmed it, so it is not taken again. */
export async function enableTotp(db: Db, userId: number, at: string, step: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: at, totp_last_step: step })
    .where('id', '=', userId)
    .execute();
}

/** Two-factor sign-in off: no secret, not in force, no step remembered. */
export async function clearTotp(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

/** The time step of a code just taken: that code, and older ones, do not work again. */
export async function setTotpLastStep(db: Db, userId: number, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
}

// Recovery codes, as sha256 of the code normalised (lower case, no spaces or dashes).

export async function deleteRecoveryCodes(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Stores new, unused codes; `codeHashes` must not be empty. */
export async function insertRecoveryCodes(db: Db, userId: number, codeHashes: string[]): Promise<void> {
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute();
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks the user's unused code with this hash used at `at`; whether there was
 * one. A single conditional update, so two requests racing with one code
 * cannot both take it:
 *
 *   update recovery_codes set used_at = :at
 *   where user_id = :userId and code_hash = :hash and used_at is null
 */
export async function useRecoveryCode(
  db: Db,
  userId: number,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

// Sign-in challenges: `id` is sha256 of the cookie's token.

/** Forgets challenges that expired at or before `now` (ISO). */
export async function deleteExpiredChallenges(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).execute();
}

export async function insertChallenge(db: Db, row: NewChallengeRow): Promise<void> {
  await db.insertInto('sign_in_challenges').values(row).execute();
}

export interface ChallengeRow {
  user_id: number;
  next: string;
  attempts: number;
  email: string;
}

/**
 * The challenge with this id while it lasts, for a user who is not disabled;
 * how many tries it has left is the caller's to judge.
 *
 *   select c.user_id, c.next, c.attempts, users.email
 *   from sign_in_challenges c join users on users.id = c.user_id
 *   where c.id = :id and c.expires_at > :now and users.disabled_at is null
 */
export async function liveChallenge(db: Db, id: string, now: string): Promise<ChallengeRow | undefined> {
  return db
    .selectFrom('sign_in_challenges')
    .innerJoin('users', 'users.id', 'sign_in_challenges.user_id')
    .select([
      'sign_in_challenges.user_id',
      'sign_in_challenges.next',
      'sign_in_challenges.attempts',
      'users.email',
    ])
    .where('sign_in_challenges.id', '=', id)
    .where('sign_in_challenges.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** One try used by a wrong code. */
export async function addChallengeAttempt(db: Db, id: string): Promise<void> {
  await db
    .updateTable('sign_in_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteChallenge(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', id).execute();
}
