import { sql } from 'kysely';
import type { Db } from './database.js';

export interface ReplicaOptions {
  /** The primary: where the log's position is read. */
  primary: Db;
  /** The replica (DATABASE_READ_URL). */
  replica: Db;
  /** How long a change waits for the replica before its pages are dropped anyway (60 s). */
  waitMs?: number;
  /** How often the replica is asked how far it is while a change waits (10 ms). */
  pollMs?: number;
  /** The replica was more than `waitMs` behind, could not be asked, or a target failed. */
  onError: (message: string, error?: unknown) => void;
}

/**
 * A read replica (DATABASE_READ_URL): reader pages query it, everything else
 * the primary. A replica replays the primary's log a little behind it, so a
 * page rendered just after a change could show what was there before, and
 * stay cached so. `after` closes that gap: the pages a change touches are
 * dropped once the replica has replayed the log as far as the primary had
 * written it when the change was heard of (this instance's own changes, and
 * another instance's on NOTIFY, alike), however late that is, up to
 * `waitMs`. Until then readers get the page as it was, which is what the
 * replica would have shown them anyway. Nobody's request waits for it: an
 * editor's save answers at once.
 *
 * A server that is not replaying a log (the primary itself, a logical
 * replica) counts as caught up.
 */
export class Replica {
  readonly db: Db;
  readonly #options: Required<ReplicaOptions>;
  readonly #waiting: { position: bigint; deadline: number; done: () => void }[] = [];
  #polling = false;

  constructor(options: ReplicaOptions) {
    this.db = options.replica;
    this.#options = { waitMs: 60_000, pollMs: 10, ...options };
  }

  /**
   * `target`, run once the replica has what the primary holds now; returns at once.
   *
   * @example replica.after((keys) => pages.drop(keys))
   */
  after<A extends unknown[]>(target: (...args: A) => void | Promise<void>): (...args: A) => void {
    return (...args) => {
      this.caughtUp()
        .then(() => target(...args))
        .catch((error) => this.#options.onError('dropping pages after the replica failed', error));
    };
  }

  /** Resolves once the replica has replayed what the primary has written so far (or after waitMs). */
  async caughtUp(): Promise<void> {
    let position: bigint;
    try {
      const { rows } = await sql<{ at: string }>`select pg_current_wal_lsn()::text as at`.execute(
        this.#options.primary,
      );
      position = lsn(rows[0].at);
    } catch (error) {
      return this.#options.onError('the primary’s log position could not be read', error);
    }
    await new Promise<void>((done) => {
      this.#waiting.push({ position, deadline: Date.now() + this.#options.waitMs, done });
      void this.#poll();
    });
  }

  /** One loop for every waiter: asks the replica how far it is, and lets go of those it has passed. */
  async #poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      while (this.#waiting.length) {
        let replayed: bigint | undefined;
        try {
          const { rows } = await sql<{
            at: string | null;
          }>`select pg_last_wal_replay_lsn()::text as at`.execute(this.db);
          replayed = rows[0].at === null ? undefined : lsn(rows[0].at);
        } catch (error) {
          this.#options.onError('the read replica could not be asked how far it is', error);
          replayed = undefined;
        }
        const now = Date.now();
        for (let i = this.#waiting.length - 1; i >= 0; i--) {
          const waiter = this.#waiting[i];
          const late = now >= waiter.deadline;
          if (replayed === undefined || replayed >= waiter.position || late) {
            if (late && replayed !== undefined && replayed < waiter.position)
              this.#options.onError(
                `the read replica is more than ${this.#options.waitMs / 1000} s behind: pages are dropped without waiting for it`,
              );
            this.#waiting.splice(i, 1);
            waiter.done();
          }
        }
        if (this.#waiting.length) await new Promise((resolve) => setTimeout(resolve, this.#options.pollMs));
      }
    } finally {
      this.#polling = false;
    }
  }
}

/** A log position as PostgreSQL writes it (`16/B374D848`), as a number that compares. */
function lsn(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}
