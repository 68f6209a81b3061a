import { isbot } from 'isbot';
import type { Db } from '../db/database.js';
import { localDay } from '../lib/dateline.js';
import { addViews, rollWeek, WEEK_DAYS } from './views.repository.js';
import { DailySalt, RecentVisitors } from './visitor.js';

export type ViewOutcome = 'counted' | 'repeat' | 'bot';

/** A value now (SQLite's synchronous reads), or later (PostgreSQL's). */
type Maybe<T> = T | Promise<T>;

export interface ViewCounterOptions {
  db: Db;
  /** How often buffered counts are written. */
  flushMs: number;
  /** The site's time zone decides which day a view belongs to. */
  timeZone: () => Promise<string>;
  now?: () => Date;
  /** A view from the same visitor within this window is not counted again. */
  repeatWindowMs?: number;
  /** Articles a flush writes in one transaction (FLUSH_CHUNK). */
  flushChunk?: number;
  onError?: (error: unknown) => void;
}

const MINUTE = 60_000;

/** Visitors remembered for their repeat window, at most (about a million: RecentVisitors rounds up to 2^20). */
const MAX_REMEMBERED = 1_000_000;
/** Stored counts remembered for beacons' answers, and for how long. */
const MAX_STORED = 100_000;
const STORED_MS = 1000;
/**
 * Articles written a transaction by a flush. Each transaction holds the
 * event loop while it runs, and writes to the log every page it touched,
 * once a transaction: a page two transactions touch is written twice. With
 * the all-time counts on the articles' wide rows, transactions of 500 held
 * requests 100-180 ms and of 100 half that, for 22 MB and 35 MB of log a
 * flush to 1,000 articles; in their own narrow table (DECISIONS 43), a flush
 * to 1,000 articles in one transaction writes 2.7 MB (docs/PERFORMANCE.md).
 */
const FLUSH_CHUNK = 1000;

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
  readonly #flushChunk: number;
  readonly #onError: (error: unknown) => void;
  readonly #salt = new DailySalt();
  /**
   * article id -> minute the views happened in (ms) -> views not yet written.
   * Kept by minute because every time zone's offset is whole minutes: the
   * local day is the day of the view, not of the flush that writes it (which
   * may come after midnight, or much later when the database was down).
   */
  #pending = new Map<number, Map<number, number>>();
  /** article id -> views being written by the flush under way. */
  #writing = new Map<number, number>();
  /**
   * article id -> its stored count as last read, until when (ms) that may be used, and the
   * flush epoch its read began in (see #epoch)
   */
  readonly #stored = new Map<number, { views: number; until: number; epoch: number }>();
  /**
   * Counts the flush transactions begun and ended: a stored count read while one ran is not
   * remembered, as it may or may not hold what the flush wrote (PostgreSQL's reads run beside it).
   */
  #epoch = 0;
  /** Visitors by key, with the second (since 1970) until which a repeat of theirs is not counted. */
  readonly #recent = new RecentVisitors(MAX_REMEMBERED);
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  /** When a flush with nothing to write last looked whether the week moved on (ms). */
  #quietCheck: number;

  constructor(options: ViewCounterOptions) {
    this.#db = options.db;
    this.#flushMs = options.flushMs;
    this.#timeZone = options.timeZone;
    this.#now = options.now ?? (() => new Date());
    this.#repeatWindowMs = options.repeatWindowMs ?? 30 * MINUTE;
    this.#flushChunk = options.flushChunk ?? FLUSH_CHUNK;
    this.#onError = options.onError ?? (() => {});
    this.#quietCheck = this.#now().getTime();
  }

  /** Decides whether a beacon counts, and buffers it if so. Synchronous: never waits for the database. */
  record(view: { articleId: number; ip: string; userAgent: string | undefined }): ViewOutcome {
    const userAgent = view.userAgent?.trim() ?? '';
    if (!userAgent || isbot(userAgent)) return 'bot';
    const now = this.#now();
    const parts = { ip: view.ip, userAgent, articleId: view.articleId };
    const key = this.#salt.hash(parts, now);
    // A repeat may have been remembered under yesterday's salt.
    // The window as the Map keeps it, in whole seconds: a key made just before midnight is looked for as long as it is kept.
    const previousKey = this.#salt.previousHash(parts, now, Math.ceil(this.#repeatWindowMs / 1000) * 1000);
    if (this.#isRecent(key, now) || (previousKey !== undefined && this.#isRecent(previousKey, now)))
      return 'repeat';
    // Bounded memory under a flood of distinct visitors: past MAX_REMEMBERED the oldest is forgotten.
    this.#recent.set(key, Math.ceil((now.getTime() + this.#repeatWindowMs) / 1000));
    add(this.#pending, view.articleId, Math.floor(now.getTime() / MINUTE) * MINUTE, 1);
    return 'counted';
  }

  /**
   * An article's views as its reader's beacon answers them: the stored count
   * plus those not yet written; undefined when readers may not see it.
   *
   * The stored count, which `stored` reads, is remembered for a second: under
   * a spike thousands of beacons a second ask for the same few articles, and
   * each read would otherwise touch the article's row. A flush adds what it
   * wrote to the counts remembered, and a count read while a flush ran is
   * not remembered, so the sum never counts a view twice or skips one this
   * process recorded for longer than that one answer, and a flush to a
   * thousand articles is not followed by a thousand reads; views written by
   * the other workers, and an article just taken down, show within the
   * second.
   */
  shownViews(
    articleId: number,
    stored: (articleId: number) => Maybe<number | undefined>,
  ): Maybe<number | undefined> {
    const now = this.#now().getTime();
    const known = this.#stored.get(articleId);
    if (known && known.until > now) return known.views + this.pendingFor(articleId);
    // SQLite answers at once; PostgreSQL in a while.
    const epoch = this.#epoch;
    const views = stored(articleId);
    return views instanceof Promise
      ? views.then((views) => this.#remember(articleId, views, now, epoch))
      : this.#remember(articleId, views, now, epoch);
  }

  #remember(articleId: number, views: number | undefined, now: number, epoch: number): number | undefined {
    if (views === undefined) return undefined;
    // Read beside a flush: answered, not remembered (the next beacon reads again).
    if (epoch !== this.#epoch) return views + this.pendingFor(articleId);
    if (this.#stored.size >= MAX_STORED) this.#stored.clear();
    this.#stored.set(articleId, { views, until: now + STORED_MS, epoch });
    return views + this.pendingFor(articleId);
  }

  /** Views of an article recorded but not yet written, including those a flush is writing now. */
  pendingFor(articleId: number): number {
    let views = this.#writing.get(articleId) ?? 0;
    for (const n of this.#pending.get(articleId)?.values() ?? []) views += n;
    return views;
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
    this.#flushing = this.#flushing.then(
      () => this.#write(),
      () => this.#write(),
    );
    return this.#flushing;
  }

  async #write(): Promise<void> {
    this.#forgetExpired();
    const now = this.#now().getTime();
    if (this.#pending.size === 0) {
      // A quiet site's week still moves on at midnight: looked at once a minute.
      if (now - this.#quietCheck < MINUTE) return;
      this.#quietCheck = now;
      const weekFrom = this.#weekStart(await this.#timeZone(), now);
      await this.#db.transaction().execute((trx) => rollWeek(trx, weekFrom));
      return;
    }
    // 1. Take the batch; beacons arriving meanwhile start a new one.
    const batch = this.#pending;
    this.#pending = new Map();
    for (const [articleId, minutes] of batch) {
      this.#writing.set(
        articleId,
        [...minutes.values()].reduce((a, b) => a + b, 0),
      );
    }
    try {
      // 2. Sort it into the site's days.
      const timeZone = await this.#timeZone();
      const weekFrom = this.#weekStart(timeZone, now);
      const days = new Map<number, Map<string, number>>();
      for (const [articleId, minutes] of batch) {
        for (const [minute, views] of minutes)
          add(days, articleId, localDay(new Date(minute), timeZone), views);
      }
      // 3. Write it flushChunk articles a transaction, the first moving the week's window to
      //    today's, with a turn of the event loop between: a flush after a spike of beacons to
      //    thousands of articles never holds pages up for long. An article deleted since its
      //    views were recorded takes them with it.
      const articles = [...days.entries()];
      for (let start = 0; start < articles.length; start += this.#flushChunk) {
        const chunk = articles.slice(start, start + this.#flushChunk);
        const begun = ++this.#epoch;
        try {
          await this.#db.transaction().execute(async (trx) => {
            if (start === 0) await rollWeek(trx, weekFrom);
            await addViews(this.#db, trx, chunk, weekFrom);
          });
        } finally {
          this.#epoch++;
        }
        for (const [articleId] of chunk) {
          batch.delete(articleId);
          // A count read before the transaction began lacks what it wrote: added, no read to learn it.
          // One read while it ran (PostgreSQL) may hold it or not: read again.
          const known = this.#stored.get(articleId);
          if (known && known.epoch < begun) known.views += this.#writing.get(articleId) ?? 0;
          else this.#stored.delete(articleId);
          this.#writing.delete(articleId);
        }
        if (start + this.#flushChunk < articles.length) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // Put back what was not written so the next flush writes it.
      for (const [articleId, minutes] of batch) {
        for (const [minute, views] of minutes) add(this.#pending, articleId, minute, views);
      }
      throw error;
    } finally {
      this.#writing = new Map();
    }
  }

  /** The first site day of the most-read week that includes `now`. */
  #weekStart(timeZone: string, now: number): string {
    return localDay(new Date(now - (WEEK_DAYS - 1) * 86_400_000), timeZone);
  }

  #isRecent(key: number, now: Date): boolean {
    const until = this.#recent.until(key);
    return until !== undefined && until * 1000 > now.getTime();
  }

  /** Visitors are remembered in the order they came and each for the same window: the expired are the oldest. */
  #forgetExpired(): void {
    this.#recent.forget(Math.floor(this.#now().getTime() / 1000));
  }
}

function add<K>(counts: Map<number, Map<K, number>>, articleId: number, key: K, views: number): void {
  let inner = counts.get(articleId);
  if (!inner) counts.set(articleId, (inner = new Map()));
  inner.set(key, (inner.get(key) ?? 0) + views);
}
