import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { QueueWorker } from '../lib/queue-worker.js';
import type { SearchIndex } from './search-index.js';

/** Articles written a transaction: about 10 ms (50 at most here), with merging left to tidy(). */
const CHUNK = 100;

/**
 * Queues articles for their search entries to be written again: any number,
 * 500 a statement with a turn of the event loop between (46,637 articles in
 * one go held it for 400 ms).
 */
export async function queueReindex(db: Db, articleIds: number[], at: string): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    await db
      .insertInto('search_queue')
      .values(articleIds.slice(i, i + 500).map((article_id) => ({ article_id, queued_at: at })))
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ queued_at: sql`excluded.queued_at` }))
      .execute();
  }
}

/**
 * Writes queued articles' search entries again, off the request path, oldest
 * first, CHUNK a transaction (taking them from the queue in the same one) with
 * a turn of the event loop between: a tag on half the archive renamed costs
 * readers nothing but a few short pauses, and a restart finishes the rest.
 */
export class SearchReindexer extends QueueWorker {
  readonly #db: Db;
  readonly #index: SearchIndex;
  #settled = false;

  constructor(options: {
    db: Db;
    index: SearchIndex;
    intervalMs: number;
    onError: (error: unknown) => void;
  }) {
    super(options);
    this.#db = options.db;
    this.#index = options.index;
  }

  /** Queues the articles and wakes the worker (in the process that runs it). */
  async queue(articleIds: number[], at: string): Promise<void> {
    await queueReindex(this.#db, articleIds, at);
    this.wake();
  }

  protected async drain(): Promise<void> {
    // The first drain after a start ends a bulk that a crash may have left on.
    if (!this.#settled) {
      await this.#index.bulk(false);
      this.#settled = true;
    }
    const queued = await this.#db.selectFrom('search_queue').select('article_id').limit(1).executeTakeFirst();
    if (!queued) return;
    await this.#index.bulk(true);
    try {
      await this.#take();
    } finally {
      await this.#index.bulk(false);
    }
  }

  /** CHUNK articles a transaction, taken off the queue in the same one, the index tidied between. */
  async #take(): Promise<void> {
    while (!this.stopped) {
      const taken = await this.#db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('search_queue')
          .select('article_id')
          .orderBy('queued_at')
          .orderBy('article_id')
          .limit(CHUNK)
          .execute();
        const ids = rows.map((r) => r.article_id);
        if (ids.length === 0) return 0;
        await this.#index.indexArticles(trx, ids);
        await trx.deleteFrom('search_queue').where('article_id', 'in', ids).execute();
        return ids.length;
      });
      if (taken === 0) return;
      await new Promise((resolve) => setImmediate(resolve));
      await this.#index.tidy();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
