import pg from 'pg';

/** The session advisory lock whose holder leads (any number of our own will do). */
const LEAD_LOCK = 'newsdesk.lead';

export interface LeadershipOptions {
  /** The PostgreSQL database the instances share. */
  url: string;
  /** How often an instance that does not lead tries again. */
  retryMs: number;
  /** Called once, when this instance comes to lead. */
  lead: () => void;
  /** Called if this instance's lock connection is lost: it leads no more. */
  lost: () => void;
  onError: (error: unknown) => void;
}

/**
 * One instance among several on a PostgreSQL database leads: it alone runs
 * the scheduler and the background workers (search and related queues,
 * partner feeds), so that a due article is published, and a feed polled,
 * by one. To lead is to hold a session advisory lock, on a connection of its
 * own; the others try again every `retryMs`, so when the leader stops, or
 * its connection drops (which releases the lock), another takes over. An
 * instance leads at most once: one that lost its lock stops its background
 * work and goes on serving readers.
 */
export class Leadership {
  readonly #options: LeadershipOptions;
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #leading = false;
  #done = false;

  constructor(options: LeadershipOptions) {
    this.#options = options;
  }

  get leading(): boolean {
    return this.#leading;
  }

  start(): void {
    if (this.#done || this.#leading || this.#timer) return;
    void this.#attempt();
  }

  async stop(): Promise<void> {
    this.#done = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #attempt(): Promise<void> {
    this.#timer = undefined;
    if (this.#done) return;
    const client = new pg.Client({ connectionString: this.#options.url });
    client.on('error', (error) => this.#options.onError(error));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as locked',
        [LEAD_LOCK],
      );
      if (rows[0]?.locked && !this.#done) {
        this.#client = client;
        this.#leading = true;
        client.once('end', () => {
          if (this.#done || !this.#leading) return;
          this.#leading = false;
          this.#done = true;
          this.#options.lost();
        });
        this.#options.lead();
        return;
      }
      await client.end();
    } catch (error) {
      this.#options.onError(error);
      await client.end().catch(() => {});
    }
    if (!this.#done) {
      this.#timer = setTimeout(() => void this.#attempt(), this.#options.retryMs);
      this.#timer.unref();
    }
  }
}
