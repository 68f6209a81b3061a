import { createHash, randomBytes } from 'node:crypto';

/**
 * Identifies a repeat view without storing who the reader is: a hash of a
 * salt, the address, the user agent and the article. The salt is random, kept
 * only in memory and replaced every day, so yesterday's hashes cannot be
 * linked to today's and nothing on disk can be traced back to a person (the
 * scheme Plausible and Fathom use).
 */
export class DailySalt {
  #day = '';
  #salt = Buffer.alloc(0);

  hash(parts: { ip: string; userAgent: string; articleId: number }, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#salt = randomBytes(32);
    }
    return createHash('sha256')
      .update(this.#salt)
      .update(`${parts.ip}\n${parts.userAgent}\n${parts.articleId}`)
      .digest('base64url')
      .slice(0, 22);
  }
}
