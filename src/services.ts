import pino, { type Logger } from 'pino';

/** What the services log through: pino, or Fastify's pino when the server built them. */
export type Log = Pick<Logger, 'error' | 'warn' | 'info'>;
import type { Config } from './config.js';
import { PageCache } from './cache/page-cache.js';
import { wireInvalidation, type Invalidate } from './cache/invalidation.js';
import { Purger } from './cache/purge.js';
import {
  ContentEvents,
  getSettings,
  openMediaStore,
  setMediaBaseUrl,
  startScheduler,
  type MediaStore,
  type ServiceContext,
} from './content/index.js';
import { isEmptySite, seedDemo } from './content/demo/seed-demo.js';
import { migrateToLatest, openSiteDatabase, type Db } from './db/database.js';
import { announceSchedule, InstanceListener, notifyInstances } from './cache/instances.js';
import { Leadership } from './db/leadership.js';
import { openPostgres } from './db/postgres.js';
import { Replica } from './db/replica.js';
import { rebuildAllRelated, RelatedWorker, wireRelated } from './related/index.js';
import { createSearchIndex, SearchReindexer, wireSearch, type SearchIndex } from './search/index.js';
import { ViewCounter } from './views/index.js';
import { FeedPoller } from './ingest/feed-poller.js';
import { outboundPolicy, type OutboundPolicy } from './ingest/outbound.js';

/** Everything the server, the commands and the tests share, wired once. */
export interface Services {
  config: Config;
  log: Log;
  db: Db;
  /**
   * What reader pages read: the replica at DATABASE_READ_URL, and search on
   * it, when there is one; else `db` and `search` themselves. Everything
   * else (the back office, writes, the background work) uses the primary.
   */
  reading: { db: Db; search: SearchIndex };
  events: ContentEvents;
  /** What content services take: the database, the events, the clock. */
  content: ServiceContext;
  search: SearchIndex;
  /** Drains the queue of articles whose search entries are to be written again (a renamed tag's). */
  searchQueue: SearchReindexer;
  /** Drains the queue of related lists to compute, off the request path. */
  related: RelatedWorker;
  /** Rendered reader pages and feeds, dropped by content events. */
  pages: PageCache;
  /** Purges the cache in front (PURGE_STYLE), when there is one. */
  purger: Purger | undefined;
  views: ViewCounter;
  now: () => Date;
  /** Uploaded images and their sizes: under DATA_DIR/media, or in S3 (MEDIA_STORE). */
  media: MediaStore;
  /** How every fetch from another server is made (feeds, extraction, imports): OUTBOUND_ALLOW applied. */
  outbound: OutboundPolicy;
  /** Starts the background work: view flushing, search and related queues, the scheduler, partner feeds. */
  start(): void;
  /** Stops the background work, writes buffered views, closes the database. */
  stop(): Promise<void>;
}

/**
 * The other processes serving the same site (`serve --workers N`): page-cache
 * drops are shared with them, and only the lead runs the background work
 * that must run once (the scheduler, related lists).
 */
export interface Peers {
  lead: boolean;
  /** Tells the others to drop pages by these keys. */
  publish(keys: string[]): void;
  /** Pages to drop because another process changed what they show. */
  subscribe(drop: (keys: string[]) => void): void;
}

/** How often an instance on PostgreSQL that does not lead tries again. */
const LEAD_RETRY_MS = 5000;

export interface ServiceOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Set when this is one of several worker processes. */
  peers?: Peers;
  /** Defaults to a pino logger at the configured level. */
  log?: Log;
}

/**
 * The composition root: opens and migrates the database, builds every room
 * and wires each listener to the content events exactly once (search first,
 * since related lists read the search index; then related lists; then the
 * page cache), and fills an empty site with demo content when configured.
 * The server (`buildApp`), the commands and the tests all start here.
 */
export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? pino({ level: config.logLevel });

  const db = openSiteDatabase(config, (error) =>
    log.warn({ err: error }, 'a database connection failed; the next query opens another'),
  );
  await migrateToLatest(db);

  // Reader pages on a replica, when one is named: its pages are dropped once it has each change.
  const replica =
    config.databaseReadUrl !== undefined
      ? new Replica({
          primary: db,
          replica: openPostgres(config.databaseReadUrl, {
            onError: (error) =>
              log.warn({ err: error }, 'a replica connection failed; the next query opens another'),
          }),
          onError: (message, error) => log.warn({ err: error }, message),
        })
      : undefined;
  const events = new ContentEvents();
  events.onError((error, event) => log.error({ err: error, event }, 'content event listener failed'));
  const search = createSearchIndex(db, now);
  const reading = replica ? { db: replica.db, search: createSearchIndex(replica.db, now) } : { db, search };
  const searchQueue = new SearchReindexer({
    db,
    index: search,
    intervalMs: config.relatedIntervalMs,
    onError: (error) => log.error({ err: error }, 'writing search entries again failed'),
  });
  wireSearch(events, search, searchQueue, now);
  const related = new RelatedWorker({
    db,
    now,
    events,
    intervalMs: config.relatedIntervalMs,
    onError: (error) => log.error({ err: error }, 'computing related articles failed'),
  });
  wireRelated(events, db, now, related);
  const pages = new PageCache({
    maxBytes: config.pageCacheBytes,
    freshMs: config.pageCacheFreshSeconds * 1000,
    staleMs: config.pageCacheStaleSeconds * 1000,
    now: () => now().getTime(),
    onError: (error, url) => log.error({ err: error, url }, 'refreshing a cached page failed'),
  });
  const dropPages = (keys: string[]) => pages.drop(keys);
  const peers = options.peers;
  // Changes made here drop this process's pages, the other workers' pages, and the cache in front
  // (once, from here); drops relayed from the other workers only drop this process's pages.
  const purger = config.purge && new Purger({ settings: config.purge, log });
  // On PostgreSQL, the other instances on the database too (LISTEN/NOTIFY: cache/instances.ts).
  const instances =
    config.databaseUrl !== undefined
      ? new InstanceListener({
          url: config.databaseUrl,
          drop: replica ? replica.after(dropPages) : dropPages,
          // The lead instance's scheduler wakes up for it (content/articles/scheduler.ts).
          scheduled: (event) => void events.emit('article.scheduled', event),
          lost: () => pages.clear(),
          onError: (error) => log.warn({ err: error }, 'listening for other instances’ changes failed'),
        })
      : undefined;
  // With a replica, this instance's pages (and the cache in front) are dropped once the replica has
  // the change; the other instances are told at once, and each waits for its own replica.
  const here: Invalidate[] = [
    dropPages,
    ...(peers ? [peers.publish] : []),
    ...(purger ? [(keys: string[]) => purger.purge(keys)] : []),
  ];
  wireInvalidation(events, db, [
    ...(replica
      ? [
          replica.after(async (keys: string[]) => {
            for (const target of here) await target(keys);
          }),
        ]
      : here),
    ...(instances ? [notifyInstances(db)] : []),
  ]);
  peers?.subscribe(dropPages);
  if (instances) events.on('article.scheduled', announceSchedule(db));

  const content: ServiceContext = { db, events, now };
  setMediaBaseUrl(config.media.baseUrl);
  const media = await openMediaStore(config.media, config.dataDir);
  const outbound = outboundPolicy(config.outboundAllow);
  const views = new ViewCounter({
    db,
    flushMs: config.viewFlushMs,
    timeZone: async () => (await getSettings(db)).timeZone,
    now,
    onError: (error) => log.error({ err: error }, 'writing view counts failed'),
  });

  if (config.demo && (await isEmptySite(db))) {
    const started = Date.now();
    const ids = await seedDemo(content, media);
    await search.rebuild();
    await rebuildAllRelated(db, now().toISOString());
    pages.clear();
    log.info({ articles: ids.size, ms: Date.now() - started }, 'demo content added');
  }

  let stopScheduler: (() => Promise<void>) | undefined;
  let feeds: FeedPoller | undefined;
  let leadership: Leadership | undefined;
  /** The lead process's work: the queues, the scheduler, the partner feeds. */
  const background = () => {
    searchQueue.start();
    related.start();
    stopScheduler ??= startScheduler(content, config.schedulerMs, (error) =>
      log.error({ err: error }, 'publishing due articles failed'),
    );
    // Partner feeds: every half minute, those whose time has come (each has its own interval).
    feeds ??= new FeedPoller(db, {
      policy: outbound,
      now,
      everyMs: 30_000,
      onError: (error) => log.error({ err: error }, 'polling partner feeds failed'),
    });
    feeds.start();
  };
  const stopBackground = async () => {
    await stopScheduler?.();
    await feeds?.stop();
    await searchQueue.stop();
    await related.stop();
  };
  return {
    config,
    log,
    db,
    reading,
    events,
    content,
    search,
    searchQueue,
    related,
    pages,
    purger,
    views,
    now,
    media,
    outbound,
    start() {
      views.start();
      // Only a serving process listens for the other instances' changes: a command has no pages.
      void instances?.start();
      if (peers && !peers.lead) return;
      // On PostgreSQL, one instance among those on the database runs the background work.
      if (config.databaseUrl === undefined) return background();
      leadership ??= new Leadership({
        url: config.databaseUrl,
        retryMs: LEAD_RETRY_MS,
        lead: () => {
          log.info('this instance leads: it runs the scheduler, the queues and the partner feeds');
          background();
        },
        lost: () => {
          log.error(
            'this instance lost its lead: its background work stops, and another instance takes it over',
          );
          void stopBackground();
        },
        onError: (error) => log.warn({ err: error }, 'trying to lead failed; trying again'),
      });
      leadership.start();
    },
    async stop() {
      try {
        await leadership?.stop();
        await instances?.stop();
        await stopBackground();
        await views.stop();
        await purger?.idle();
      } finally {
        media.close();
        await replica?.db.destroy();
        await db.destroy();
      }
    },
  };
}
