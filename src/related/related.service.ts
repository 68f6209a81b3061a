import type { Db } from '../db/database.js';
import { QueueWorker } from '../lib/queue-worker.js';
import { summariesByIds, type ArticleSummary, type ContentEvents } from '../content/index.js';
import {
  corpusStats,
  dequeue,
  enqueue,
  loadFeatures,
  listsIncluding,
  neighbourIds,
  nextQueued,
  replaceList,
  storedList,
  visiblePicks,
} from './related.repository.js';
import { RELATED_COUNT, relatedList } from './related-scoring.js';

/**
 * Computes and stores an article's related list: editors' picks first, in
 * their order, then the best-scoring of its candidates (related-scoring.ts).
 * An article readers cannot see gets an empty list. Bounded work: a few index
 * seeks per tag and a few hundred primary-key reads, whatever the archive.
 * Returns the list's ids.
 */
export async function computeRelated(db: Db, articleId: number, now: string): Promise<number[]> {
  const subject = (await loadFeatures(db, [articleId], now)).get(articleId);
  if (!subject) {
    await replaceList(db, articleId, []);
    return [];
  }
  const published = new Date(subject.publishedAt).toISOString();
  const [picks, candidateIds, stats] = await Promise.all([
    visiblePicks(db, articleId, now),
    neighbourIds(db, { ...subject, publishedAt: published }, now),
    corpusStats(db, subject.tagIds),
  ]);
  const candidates = await loadFeatures(db, candidateIds, now);
  const chosen = relatedList(subject, picks, candidates.values(), stats);
  await db.transaction().execute((trx) => replaceList(trx, articleId, chosen));
  return chosen.map((c) => c.id);
}

/** The stored related articles that readers may see now. */
export async function relatedFor(
  db: Db,
  articleId: number,
  now: string,
  limit = RELATED_COUNT,
): Promise<ArticleSummary[]> {
  return summariesByIds(db, now, (await storedList(db, articleId)).slice(0, limit));
}

/**
 * Keeps related lists current without making a save wait: a published or
 * changed article is queued (with a cascade, so that once its list is new
 * the articles in it are queued too, and may now list it), and so are the
 * articles whose lists hold it. An unpublished article's own list goes at
 * once; the lists that held it are queued (readers never see it meanwhile:
 * relatedFor shows only visible articles). The queue is a table, so it
 * survives a restart; RelatedWorker drains it.
 */
export function wireRelated(events: ContentEvents, db: Db, now: () => Date, worker?: RelatedWorker): void {
  events.on('article.published', async ({ articleId }) => {
    const at = now().toISOString();
    await enqueue(db, [articleId], at, true);
    await enqueue(db, await listsIncluding(db, articleId), at);
    worker?.wake();
  });
  events.on('article.unpublished', async ({ articleId }) => {
    const at = now().toISOString();
    await enqueue(db, await listsIncluding(db, articleId), at);
    await replaceList(db, articleId, []);
    worker?.wake();
  });
  // Many at once: each gets a list (cascading, so that older articles may list them), by the worker.
  events.on('articles.imported', async ({ articleIds }) => {
    await enqueue(db, articleIds, now().toISOString(), true);
    worker?.wake();
  });
  // Lists follow shared tags, not their names: only a merge or a deletion changes them.
  events.on('articles.retagged', async ({ articleIds, membership }) => {
    if (!membership) return;
    await enqueue(db, articleIds, now().toISOString(), true);
    worker?.wake();
  });
}

export interface RelatedWorkerOptions {
  db: Db;
  now: () => Date;
  /** Told when an article's stored list changes (`related.changed`), for caches. */
  events?: ContentEvents;
  /** How often to look at the queue when nothing wakes the worker. */
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Drains the related queue off the request path: one article at a time,
 * yielding to the event loop between articles so readers are never kept
 * waiting, oldest first. Woken by wireRelated; also looks every intervalMs.
 */
export class RelatedWorker extends QueueWorker {
  readonly #options: RelatedWorkerOptions;

  constructor(options: RelatedWorkerOptions) {
    super(options);
    this.#options = options;
  }

  protected async drain(): Promise<void> {
    const { db, now } = this.#options;
    for (;;) {
      const batch = await nextQueued(db, 50);
      if (batch.length === 0) return;
      for (const taken of batch) {
        if (this.stopped) return;
        const at = now().toISOString();
        try {
          const before = await storedList(db, taken.articleId);
          const list = await computeRelated(db, taken.articleId, at);
          await db.transaction().execute(async (trx) => {
            await dequeue(trx, taken);
            if (taken.cascade) await enqueue(trx, list, at);
          });
          if (list.join() !== before.join())
            await this.#options.events?.emit('related.changed', { articleId: taken.articleId });
        } catch (error) {
          // Reported, and sent to the back of the queue: one bad article never stops the others.
          this.#options.onError(error);
          await enqueue(db, [taken.articleId], at, taken.cascade);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
