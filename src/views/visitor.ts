import { createHash, randomBytes } from 'node:crypto';

interface VisitorParts {
  ip: string;
  userAgent: string;
  articleId: number;
}

/**
 * Identifies a repeat view without storing who the reader is: a hash of a
 * salt, the address, the user agent and the article. The salt is random, kept
 * only in memory and replaced every day, so nothing on disk can be traced back
 * to a person and hashes from two days ago cannot be linked to today's (the
 * scheme Plausible and Fathom use).
 *
 * The salt of the day before is kept in memory too, for one day: without it a
 * reader who came back a minute after midnight would count again.
 */
export class DailySalt {
  #day = '';
  #salt = Buffer.alloc(0);
  #previous: Buffer | undefined;

  /** The visitor's key under today's salt. */
  hash(parts: VisitorParts, now: Date): string {
    this.#rotate(now);
    return digest(this.#salt, parts);
  }

  /** The visitor's key under the day before's salt, while it is still kept. */
  previousHash(parts: VisitorParts, now: Date): string | undefined {
    this.#rotate(now);
    return this.#previous && digest(this.#previous, parts);
  }

  #rotate(now: Date): void {
    const day = now.toISOString().slice(0, 10);
    if (day === this.#day) return;
    this.#previous = this.#day ? this.#salt : undefined;
    this.#day = day;
    this.#salt = randomBytes(32);
  }
}

function digest(salt: Buffer, parts: VisitorParts): string {
  return createHash('sha256')
    .update(salt)
    .update(`${parts.ip}\n${parts.userAgent}\n${parts.articleId}`)
    .digest('base64url')
    .slice(0, 22);
}
