import type { Db } from '../../db/database.js';
import { addSignInFailure, clearSignInFailures, countSignInFailures } from './users.repository.js';

/**
 * At most `max` failed sign-ins per email in `windowMs`; a success clears
 * them. Counted in the database, so every worker and every instance on it
 * shares one count (before, each process kept its own). An attempt is
 * written down before its password is checked (`attempt`), so that guesses
 * sent all at once are counted as they arrive, not after they are answered.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  /**
   * Counts this attempt as a failure until it succeeds (`clear`); false when
   * it is past the limit and its password must not be checked.
   */
  async attempt(email: string, now: Date): Promise<boolean> {
    await addSignInFailure(this.db, key(email), now.toISOString(), this.since(now));
    return (await countSignInFailures(this.db, key(email), this.since(now))) <= this.max;
  }

  async clear(email: string): Promise<void> {
    await clearSignInFailures(this.db, key(email));
  }

  private since(now: Date): string {
    return new Date(now.getTime() - this.windowMs).toISOString();
  }
}

/** An email as the throttle keeps it: bounded, whatever was typed. */
function key(email: string): string {
  return email.slice(0, 320);
}
