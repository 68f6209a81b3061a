import { takeTurns } from '../db/dialect.js';
import type { Db } from '../db/database.js';
import type { FeedItem, readFeed } from './feed-items.js';
import {
  dueFeeds,
  insertItem,
  itemKnown,
  recentStories,
  setFeedHealth,
  type PartnerFeedRow,
} from './incoming.repository.js';
import { fetchOutbound, type OutboundPolicy } from './outbound.js';

/**
 * Fetches every partner feed whose time has come, each on its own interval,
 * and files what it brings in `incoming_items`:
 *
 * - a conditional GET with the last answer's ETag and Last-Modified, so an
 *   unchanged feed costs a 304;
 * - the outbound policy (public addresses only, a time and a size limit);
 * - a feed that fails is marked with the reason in words and tried again
 *   later and later (its interval doubled per failure in a row, at most six
 *   hours), while the others go on: one feed's failure never stops a poll;
 * - each item once: by its source and GUID, by its link (whichever partner
 *   sent it first), and by near-identical text (the same wire story from two
 *   partners: four in five of their word pairs shared, Jaccard ≥ 0.8, among
 *   the last three days' items), which is kept as a duplicate of the first
 *   so the queue can show it once with both credits.
 *
 * `stop()` aborts fetches under way and waits for the poll to end.
 */
export interface PollerOptions {
  policy: OutboundPolicy;
  now: () => Date;
  /** How often to look for feeds that are due, in milliseconds. */
  everyMs: number;
  onError?: (error: unknown) => void;
}

export interface PollReport {
  fetched: number;
  unchanged: number;
  failed: number;
  /** Items filed, duplicates of an earlier partner's included. */
  added: number;
}

/** Back-off ceiling: a broken feed is still tried four times a day. */
const MAX_BACKOFF_MS = 6 * 3600_000;
/** How far back near-identical text is looked for. */
const NEAR_DAYS = 3;
/** The share of word pairs two texts must have in common to be one story. */
const NEAR_JACCARD = 0.8;
/** At most this many recent items are compared with a new one. */
const NEAR_WINDOW = 5000;

export class FeedPoller {
  readonly #db: Db;
  readonly #options: PollerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  readonly #stop = new AbortController();
  #started = false;
  #readFeed: typeof readFeed | undefined;

  constructor(db: Db, options: PollerOptions) {
    this.#db = db;
    this.#options = options;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    const tick = () => {
      this.#running = this.#running
        .then(() => this.pollDue())
        .catch((error) => this.#options.onError?.(error))
        .finally(() => {
          if (!this.#stop.signal.aborted) this.#timer = setTimeout(tick, this.#options.everyMs).unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#timer);
    await this.#running.catch(() => {});
  }

  /** Fetches every feed that is due now, two at a time. */
  async pollDue(): Promise<PollReport> {
    const now = this.#options.now().toISOString();
    const due = await dueFeeds(this.#db, now);
    // The feed parser and linkedom come in with the first poll that has a feed to read, not with
    // every worker; loaded before any fetch, so each answer is read as soon as it comes.
    if (due.length) this.#readFeed ??= (await import('./feed-items.js')).readFeed;
    const report: PollReport = { fetched: 0, unchanged: 0, failed: 0, added: 0 };
    const queue = [...due];
    const worker = async () => {
      for (let feed = queue.shift(); feed && !this.#stop.signal.aborted; feed = queue.shift()) {
        const outcome = await this.#poll(feed);
        if (outcome === 'unchanged') report.unchanged++;
        else if (outcome === 'failed') report.failed++;
        else {
          report.fetched++;
          report.added += outcome;
        }
      }
    };
    await Promise.all([worker(), worker()]);
    return report;
  }

  async #poll(feed: PartnerFeedRow): Promise<number | 'unchanged' | 'failed'> {
    const readFeed = this.#readFeed!;
    const headers: Record<string, string> = {
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    };
    if (feed.etag) headers['if-none-match'] = feed.etag;
    if (feed.last_modified) headers['if-modified-since'] = feed.last_modified;
    try {
      const answer = await fetchOutbound(feed.url, this.#options.policy, headers, this.#stop.signal);
      const at = this.#options.now();
      if (answer.status === 304) {
        await this.#healthy(feed, at, feed.etag, feed.last_modified);
        return 'unchanged';
      }
      if (answer.status !== 200) throw new Error(`${feed.url} answered ${answer.status}`);
      const read = readFeed(answer.body, {
        contentType: answer.headers['content-type'],
        url: answer.url,
        now: at,
      });
      const added = await fileItems(this.#db, feed, read.items, at);
      await this.#healthy(feed, at, answer.headers.etag ?? null, answer.headers['last-modified'] ?? null);
      return added;
    } catch (error) {
      if (this.#stop.signal.aborted) return 'failed';
      await this.#failed(feed, this.#options.now(), error instanceof Error ? error.message : String(error));
      return 'failed';
    }
  }

  async #healthy(feed: PartnerFeedRow, at: Date, etag: string | null, lastModified: string | null) {
    await setFeedHealth(this.#db, feed.id, {
      etag,
      last_modified: lastModified,
      last_fetched_at: at.toISOString(),
      last_success_at: at.toISOString(),
      last_error: null,
      failures: 0,
      next_fetch_at: new Date(at.getTime() + feed.interval_seconds * 1000).toISOString(),
    });
  }

  async #failed(feed: PartnerFeedRow, at: Date, reason: string) {
    const failures = feed.failures + 1;
    const wait = Math.min(feed.interval_seconds * 1000 * 2 ** failures, MAX_BACKOFF_MS);
    await setFeedHealth(this.#db, feed.id, {
      last_fetched_at: at.toISOString(),
      last_error: reason.slice(0, 500),
      failures,
      next_fetch_at: new Date(at.getTime() + wait).toISOString(),
    });
  }
}

/** Files a feed's items, each once; returns how many were new. */
async function fileItems(db: Db, feed: PartnerFeedRow, items: FeedItem[], at: Date): Promise<number> {
  const since = new Date(at.getTime() - NEAR_DAYS * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    // Two feeds' copies of one story, filed at once, must see each other.
    await takeTurns(trx, 'incoming.filing');
    const recent = (await recentStories(trx, since, NEAR_WINDOW)).map((r) => ({
      id: r.id,
      source_id: r.source_id,
      pairs: storyPairs(r),
    }));
    let added = 0;
    for (const item of items) {
      if (await itemKnown(trx, { sourceId: feed.source_id, guid: item.guid, link: item.link })) continue;
      const pairs = storyPairs(item);
      const twin = nearTwin(pairs, recent, feed.source_id);
      const id = await insertItem(trx, {
        feed_id: feed.id,
        source_id: feed.source_id,
        guid: item.guid,
        link: item.link,
        title: item.title || item.summary.slice(0, 120),
        summary: item.summary,
        text: item.text,
        author: item.author,
        categories: JSON.stringify(item.categories),
        published_at: item.published,
        fetched_at: at.toISOString(),
        duplicate_of: twin ?? null,
      });
      if (twin === undefined) recent.push({ id, source_id: feed.source_id, pairs });
      added++;
    }
    return added;
  });
}

/** The first recent item of another source whose text is near-identical, if the text is long enough to tell. */
function nearTwin(
  pairs: Set<string>,
  recent: { id: number; source_id: number; pairs: Set<string> }[],
  sourceId: number,
): number | undefined {
  if (pairs.size < 12) return undefined;
  return recent.find((r) => r.source_id !== sourceId && jaccard(pairs, r.pairs) >= NEAR_JACCARD)?.id;
}

/** The pairs a story is compared by: its text, not its headline, which partners rewrite. */
function storyPairs(item: { title: string; summary: string; text: string }): Set<string> {
  return wordPairs(item.summary || item.text ? `${item.summary} ${item.text}` : item.title);
}

/** The text's word pairs ("second passenger", "passenger ferry", ...), lower-cased, in any script. */
export function wordPairs(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

/** Shared pairs over all pairs of the two. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const pair of a) if (b.has(pair)) shared++;
  return shared / (a.size + b.size - shared || 1);
}
