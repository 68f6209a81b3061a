import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../db/database.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { verifyPassword } from '../../lib/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getSettings } from '../settings/settings.js';
import { can, type Actor } from './permissions.js';
import {
  addChallengeAttempt,
  clearTotp,
  countUnusedRecoveryCodes,
  deleteChallenge,
  deleteExpiredChallenges,
  deleteRecoveryCodes,
  enableTotp,
  insertChallenge,
  insertRecoveryCodes,
  liveChallenge,
  setTotpLastStep,
  setTotpSecret,
  totpStateOf,
  useRecoveryCode,
} from './two-factor.repository.js';
import { userById } from './users.repository.js';

/**
 * Two-factor sign-in for staff: a time-based code from an authenticator app
 * (TOTP, RFC 6238, through the `otpauth` library: SHA-1, 6 digits, 30 s, as
 * every app reads it), or one of ten recovery codes, each good once.
 *
 * Setting it up is two steps: `beginTwoFactor` makes a secret the person
 * scans; `confirmTwoFactor` turns it on once a code from their app matches,
 * and returns the recovery codes, shown once. A code is taken at most once
 * (the last time step used is kept), a code a step early or late is accepted
 * for clocks that drift. Signing in with a password then leads to a
 * challenge (`startChallenge`): a short-lived token in a cookie, five tries.
 */
const PERIOD = 30;
const RECOVERY_CODES = 10;
const CHALLENGE_MINUTES = 5;
const CHALLENGE_TRIES = 5;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

function totp(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export interface TwoFactorSetup {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** The otpauth:// URI a QR code carries. */
  uri: string;
}

/**
 * A new secret for the signed-in person to scan (replacing any setup not
 * finished). Refused while two-factor sign-in is on: turn it off first.
 */
export async function beginTwoFactor(db: Db, actor: Actor): Promise<TwoFactorSetup> {
  const user = await own(db, actor);
  if (user.totp_enabled_at) throw invalidInput('code', 'two-factor sign-in is already on');
  const secret = new Secret({ size: 20 }).base32;
  await setTotpSecret(db, user.id, secret);
  const { name: site } = await getSettings(db);
  return { secret, uri: totp(secret, site, user.email).toString() };
}

/** The setup under way (after beginTwoFactor), or undefined. */
export async function pendingTwoFactor(db: Db, actor: Actor): Promise<TwoFactorSetup | undefined> {
  const user = await own(db, actor);
  if (!user.totp_secret || user.totp_enabled_at) return undefined;
  const { name: site } = await getSettings(db);
  return { secret: user.totp_secret, uri: totp(user.totp_secret, site, user.email).toString() };
}

/** Turns two-factor sign-in on once `code` matches the new secret; returns the recovery codes, shown once. */
export async function confirmTwoFactor(db: Db, actor: Actor, code: string, now: Date): Promise<string[]> {
  const user = await own(db, actor);
  if (user.totp_enabled_at) throw invalidInput('code', 'two-factor sign-in is already on');
  if (!user.totp_secret) throw invalidInput('code', 'start the setup first');
  const step = matchingStep(user.totp_secret, code, now);
  if (step === undefined)
    throw invalidInput('code', 'does not match: type the 6 digits your app shows now (check its clock)');
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await enableTotp(trx, user.id, at, step);
    await deleteRecoveryCodes(trx, user.id);
    await insertRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => sha256(normalise(c))),
    );
    await recordAudit(trx, { at, actor, action: 'user.two-factor-on', subject: user.email });
  });
  return codes;
}

/**
 * Turns two-factor sign-in off: the person themselves, with their password,
 * or an administrator for someone who lost their phone (`userId`).
 */
export async function turnOffTwoFactor(
  db: Db,
  actor: Actor,
  input: { userId: number; password?: string },
  now: Date,
): Promise<void> {
  const self = actor.id === input.userId;
  if (!self && !can.manageUsers(actor)) throw forbidden("turn off someone else's two-factor sign-in");
  const user = await userById(db, input.userId);
  if (!user) throw new AppError('NOT_FOUND', `user ${input.userId} not found`);
  if (self && !(await verifyPassword(String(input.password ?? ''), user.password_hash)))
    throw invalidInput('password', 'is not your current password');
  await db.transaction().execute(async (trx) => {
    await clearTotp(trx, user.id);
    await deleteRecoveryCodes(trx, user.id);
    await recordAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'user.two-factor-off',
      subject: user.email,
    });
  });
}

/** Recovery codes not used yet. */
export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  return countUnusedRecoveryCodes(db, userId);
}

// Signing in: the password passed, the code is next.

/** A challenge for a user whose password matched; returns the token for the cookie. */
export async function startChallenge(db: Db, userId: number, next: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await deleteExpiredChallenges(db, now.toISOString());
  await insertChallenge(db, {
    id: sha256(token),
    user_id: userId,
    next,
    expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
  });
  return token;
}

/** The challenge a cookie's token names, while it lasts and has tries left. */
export async function findChallenge(db: Db, token: string, now: Date) {
  const row = await liveChallenge(db, sha256(token), now.toISOString());
  return row && row.attempts < CHALLENGE_TRIES
    ? { userId: row.user_id, next: row.next, email: row.email }
    : undefined;
}

/**
 * Checks a code (from the app, or a recovery code) against a challenge. On a
 * match the challenge ends and the user id is returned; a wrong code uses one
 * of its tries.
 */
export async function answerChallenge(
  db: Db,
  token: string,
  code: string,
  now: Date,
): Promise<{ userId: number; next: string; recovery: boolean } | undefined> {
  const challenge = await findChallenge(db, token, now);
  if (!challenge) return undefined;
  const user = await totpStateOf(db, challenge.userId);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const step = user.totp_secret ? matchingStep(user.totp_secret, code, now) : undefined;
    // A code is good once: not again, and not one older than the last taken.
    const fresh = step !== undefined && step > (user.totp_last_step ?? -1);
    let recovery = false;
    if (fresh) {
      await setTotpLastStep(trx, user.id, step);
    } else {
      recovery = await useRecoveryCode(trx, user.id, sha256(normalise(code)), at);
    }
    const id = sha256(token);
    if (!fresh && !recovery) {
      await addChallengeAttempt(trx, id);
      return undefined;
    }
    await deleteChallenge(trx, id);
    return { userId: user.id, next: challenge.next, recovery };
  });
}

/** The time step `code` is valid at (now, or one step either side), or undefined. */
function matchingStep(secret: string, code: string, now: Date): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret, '', '').validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** Ten letters and digits in two groups, without look-alikes: `k7mq2-x9rtb`. */
function recoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const pick = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

async function own(db: Db, actor: Actor) {
  if (actor.id === null) throw forbidden('set up two-factor sign-in without an account');
  const user = await userById(db, actor.id);
  if (!user) throw new AppError('NOT_FOUND', `user ${actor.id} not found`);
  return user;
}
