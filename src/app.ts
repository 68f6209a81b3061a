import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import {
  ContentEvents,
  getSettings,
  MediaStore,
  startScheduler,
  type ServiceContext,
} from './content/index.js';
import { isEmptySite, seedDemo } from './content/demo/seed-demo.js';
import { migrateToLatest, openDatabase, type Db } from './db/database.js';
import { adminRoutes, registerAdminPlugins } from './admin/index.js';
import { registerAdminAssets } from './admin/assets.js';
import { registerErrorHandling } from './plugins/errors.js';
import { rebuildAllRelated, RelatedWorker, wireRelated } from './related/index.js';
import { createSearchIndex, wireSearch, type SearchIndex } from './search/index.js';
import { registerAssets } from './site/assets.js';
import { siteRoutes } from './site/index.js';
import { ViewCounter } from './views/index.js';

/** What routes and commands share: built once per app. */
export interface AppServices {
  config: Config;
  db: Db;
  events: ContentEvents;
  content: ServiceContext;
  search: SearchIndex;
  /** Drains the queue of related lists to compute, off the request path. */
  related: RelatedWorker;
  views: ViewCounter;
  now: () => Date;
  assets: { css: string; js: string };
  adminAssets: { css: string; editorJs: string };
  /** Uploaded images and their sizes, under DATA_DIR/media. */
  media: MediaStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's services, for tests and commands that built the app. */
    services: AppServices;
    /** Every route, as registered: for the route-coverage tests and `newsdesk routes`. */
    routeTable: { method: string; url: string }[];
  }
}

export interface BuildOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * Builds the whole application without listening: opens and migrates the
 * database, fills an empty site with demo content when asked, wires the rooms
 * to content events, and registers routes. `main.ts` listens; tests inject.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    // Room for long search queries in the URL, nothing more.
    routerOptions: { maxParamLength: 500 },
    bodyLimit: 1024 * 1024,
  });
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });

  // 1. Storage. Must come first: everything else reads it.
  const db = openDatabase(config);
  await migrateToLatest(db);

  // 2. Rooms, wired to content events in order: search first, since related reads the search index.
  const events = new ContentEvents();
  events.onError((error, event) => app.log.error({ err: error, event }, 'content event listener failed'));
  const search = createSearchIndex(db, now);
  wireSearch(events, search);
  const related = new RelatedWorker({
    db,
    now,
    intervalMs: config.relatedIntervalMs,
    onError: (error) => app.log.error({ err: error }, 'computing related articles failed'),
  });
  wireRelated(events, db, now, related);
  const content: ServiceContext = { db, events, now };
  const media = new MediaStore(path.join(config.dataDir, 'media'));
  const views = new ViewCounter({
    db,
    flushMs: config.viewFlushMs,
    timeZone: async () => (await getSettings(db)).timeZone,
    now,
    onError: (error) => app.log.error({ err: error }, 'writing view counts failed'),
  });

  // 3. Demo content, only into an empty site.
  if (config.demo && (await isEmptySite(db))) {
    const started = Date.now();
    const ids = await seedDemo(content, media);
    await search.rebuild();
    await rebuildAllRelated(db, now().toISOString());
    app.log.info({ articles: ids.size, ms: Date.now() - started }, 'demo content added');
  }

  // 4. HTTP.
  // Compression before any route, so every text answer (pages, feeds, JSON, CSS, the editor bundle) can use it.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await registerAdminPlugins(app);
  const assets = registerAssets(app);
  const adminAssets = await registerAdminAssets(app);
  const services: AppServices = {
    config,
    db,
    events,
    content,
    search,
    related,
    views,
    now,
    assets,
    adminAssets,
    media,
  };
  registerErrorHandling(app, services);
  siteRoutes(app, services);
  adminRoutes(app, services);

  views.start();
  related.start();
  const stopScheduler = startScheduler(content, config.schedulerMs, (error) =>
    app.log.error({ err: error }, 'publishing due articles failed'),
  );
  // 5. A graceful stop writes buffered views before the database closes.
  app.addHook('onClose', async () => {
    try {
      await stopScheduler();
      await related.stop();
      await views.stop();
    } finally {
      await db.destroy();
    }
  });
  app.decorate('services', services);
  return app;
}
