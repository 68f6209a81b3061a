import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** scrypt parameters: N=2^15, r=8, p=1 (about 32 MiB and tens of ms a hash: slow for guessing, fine for a login). */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 128 * options.N! * options.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, both base64url: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * What is wrong with a password an editor chose, or undefined: 10 to 200
 * characters, and not easy to guess (NIST SP 800-63B: length and a check
 * against common and predictable passwords, no composition rules). The
 * guessing check is zxcvbn (@zxcvbn-ts, with its list of common passwords):
 * keyboard rows, repeats, sequences, dates and common passwords with their
 * usual variations; `words` (the person's email and name, the site's name)
 * count as easy too. The list takes about 12 MB and a tenth of a second to
 * load: loaded when a password is set, let go a minute after the last.
 */
export async function passwordProblem(password: string, words: string[] = []): Promise<string | undefined> {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  const result = (await guesser()).check(password, words.flatMap(personalWords));
  if (result.score >= 3) return undefined;
  const why = WHY[result.feedback.warning ?? ''] ?? 'it follows a pattern that is easy to guess';
  return `is too easy to guess: ${why}; a few unrelated words make a strong one`;
}

/** zxcvbn's warnings (its translation keys), in our words. */
const WHY: Record<string, string> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a pattern of keys on the keyboard',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a group of characters',
  sequences: 'it is a sequence such as abc or 6543',
  recentYears: 'it is or ends with a recent year',
  dates: 'it is or ends with a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a commonly used password with small changes',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
  userInputs: 'it contains your name, your email or the site’s name',
};

/** An email's or a name's words, and the whole: what zxcvbn should treat as known. */
function personalWords(text: string): string[] {
  return [text, ...text.toLowerCase().split(/[^\p{L}\p{N}]+/u)].filter((w) => w.length >= 3);
}

let loaded: Promise<ZxcvbnFactory> | undefined;
let release: NodeJS.Timeout | undefined;

function guesser(): Promise<ZxcvbnFactory> {
  loaded ??= import('@zxcvbn-ts/language-common').then(
    (common) => new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  clearTimeout(release);
  release = setTimeout(() => (loaded = undefined), 60_000).unref();
  return loaded;
}
