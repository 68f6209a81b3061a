import { isbot } from 'isbot';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { localDay } from '../lib/dateline.js';
import { DailySalt } from './visitor.js';

export type ViewOutcome = 'counted' | 'repeat' | 'bot';

export interface ViewCounterOptions {
  db: Db;
  /** How often buffered counts are written. */
  flushMs: number;
  /** The site's time zone decides which day a view belongs to. */
  timeZone: () => Promise<string>;
  now?: () => Date;
  /** A view from the same visitor within this window is not counted again. */
  repeatWindowMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Counts article views in memory and writes them in batches: one transaction
 * per flush however many beacons arrived, so a traffic spike costs the
 * database a write a second rather than a write a view.
 */
export class ViewCounter {
  readonly #db: Db;
  readonly #flushMs: number;
  readonly #timeZone: () => Promise<string>;
  readonly #now: () => Date;
  readonly #repeatWindowMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #salt = new DailySalt();
  /** article id -> views not yet written */
  #pending = new Map<number, number>();
  /** visitor hash -> time (ms) until which a repeat is not counted */
  readonly #recent = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(options: ViewCounterOptions) {
    this.#db = options.db;
    this.#flushMs = options.flushMs;
    this.#timeZone = options.timeZone;
    this.#now = options.now ?? (() => new Date());
    this.#repeatWindowMs = options.repeatWindowMs ?? 30 * 60_000;
    this.#onError = options.onError ?? (() => {});
  }

  /** Decides whether a beacon counts, and buffers it if so. Synchronous: never waits for the database. */
  record(view: { articleId: number; ip: string; userAgent: string | undefined }): ViewOutcome {
    const userAgent = view.userAgent?.trim() ?? '';
    if (!userAgent || isbot(userAgent)) return 'bot';
    const now = this.#now();
    const key = this.#salt.hash({ ip: view.ip, userAgent, articleId: view.articleId }, now);
    const until = this.#recent.get(key);
    if (until !== undefined && until > now.getTime()) return 'repeat';
    this.#recent.set(key, now.getTime() + this.#repeatWindowMs);
    this.#pending.set(view.articleId, (this.#pending.get(view.articleId) ?? 0) + 1);
    return 'counted';
  }

  /** Views of an article recorded but not yet written. */
  pendingFor(articleId: number): number {
    return this.#pending.get(articleId) ?? 0;
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.flush().catch(this.#onError), this.#flushMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes whatever is buffered. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  /** Writes the buffered counts in one transaction. Flushes never overlap; a failed one keeps its counts for the next. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write(), () => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    this.#forgetExpired();
    if (this.#pending.size === 0) return;
    const batch = this.#pending;
    this.#pending = new Map();
    try {
      const day = localDay(this.#now(), await this.#timeZone());
      await this.#db.transaction().execute(async (trx) => {
        for (const [articleId, views] of batch) {
          await trx
            .updateTable('articles')
            .set({ view_count: sql`view_count + ${views}` })
            .where('id', '=', articleId)
            .execute();
          await trx
            .insertInto('article_views_daily')
            .values({ article_id: articleId, day, views })
            .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet({ views: sql`views + ${views}` }))
            .execute();
        }
      });
    } catch (error) {
      // Put the batch back so the next flush writes it.
      for (const [articleId, views] of batch) this.#pending.set(articleId, (this.#pending.get(articleId) ?? 0) + views);
      throw error;
    }
  }

  #forgetExpired(): void {
    const now = this.#now().getTime();
    for (const [key, until] of this.#recent) if (until <= now) this.#recent.delete(key);
  }
}
