import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { createServices, type Peers } from './services.js';

/** How long a graceful stop may take before the process gives up and exits. */
const STOP_MS = 10_000;

/**
 * Starts the server and stops it gracefully on SIGINT/SIGTERM: stop taking
 * requests, finish the ones under way, write buffered view counts, close the
 * database.
 *
 * With `workers` above 1 (`serve --workers N`), this process becomes the
 * primary of a node:cluster: it migrates the database (and adds the demo
 * content) once, forks N workers that share the port, relays each worker's
 * page-cache drops to the others, replaces a worker that dies, and on
 * SIGTERM stops every worker gracefully, each writing its buffered views.
 * Worker 1 is the lead: only it runs the scheduler and the related-list
 * worker, so a due article is published once.
 */
export async function serve(config: Config, workers = 1): Promise<void> {
  if (workers > 1 && cluster.isPrimary) return servePrimary(config, workers);
  if (cluster.isWorker && process.env.NEWSDESK_TASK === 'prepare') {
    // The primary's first child: migrations and demo content, then gone (the primary stays small).
    await (await createServices(config, { log: pino({ level: config.logLevel }) })).stop();
    process.exit(0);
  }
  const id = cluster.isWorker ? Number(process.env.NEWSDESK_WORKER ?? cluster.worker!.id) : undefined;
  const app = await buildApp(config, { peers: id === undefined ? undefined : workerPeers(id), worker: id });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      app.log.error(`graceful stop took over ${STOP_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_MS);
    timer.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'stop failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (id === undefined)
    app.log.info(
      `Newsdesk is serving ${config.siteUrl} (listening on ${config.host}:${config.port}, data in ${config.dataDir})`,
    );
}

/**
 * A worker's heap: a limit of 160 MB, plus the page cache's bound
 * (PAGE_CACHE_MB: its pages are kept outside the heap, their keys and
 * headers inside); and a young generation of 4 MB a half instead
 * of V8's 16. V8 sizes its heap by how fast a process allocates, not by what
 * it keeps: a worker rendering pages under load grew to about 350 MB
 * resident while keeping under 60 MB alive; a limit makes it collect sooner.
 * The young generation is resident in full once a spike has filled it: 8 MB
 * a half took 10-15 MB off each worker against 16, and 4 took 8 MB more,
 * with hits, misses and beacons a second the same within the noise between
 * runs (docs/PERFORMANCE.md). Either flag given in NODE_OPTIONS or on the
 * command line wins.
 */
export function workerExecArgv(execArgv: string[], nodeOptions: string, pageCacheBytes: number): string[] {
  const given = (flag: string) => [...execArgv, nodeOptions].some((arg) => arg.includes(flag));
  const limitMb = 160 + Math.ceil(pageCacheBytes / 1024 / 1024);
  return [
    ...execArgv,
    ...(given('--max-old-space-size') ? [] : [`--max-old-space-size=${limitMb}`]),
    ...(given('--max-semi-space-size') ? [] : ['--max-semi-space-size=4']),
  ];
}

/**
 * A worker's environment beyond the primary's: its number, and at most two
 * of glibc's malloc arenas (MALLOC_ARENA_MAX) unless the environment says
 * otherwise. Each thread that allocates may otherwise get an arena of its
 * own (V8's compiler and collector threads, libuv's pool), and memory freed
 * in one is kept there: two arenas took 4-9 MB off each of two workers,
 * just started and after 15 s of page-cache misses, with no fewer misses a
 * second (docs/PERFORMANCE.md).
 */
export function workerEnv(id: number, env: NodeJS.ProcessEnv): Record<string, string> {
  return { NEWSDESK_WORKER: String(id), ...(env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: '2' }) };
}

/** A message between the primary and its workers. */
interface Drop {
  newsdesk: 'drop';
  keys: string[];
}

const isDrop = (message: unknown): message is Drop =>
  typeof message === 'object' && message !== null && (message as Drop).newsdesk === 'drop';

function workerPeers(id: number): Peers {
  return {
    lead: id === 1,
    publish: (keys) => process.send?.({ newsdesk: 'drop', keys } satisfies Drop),
    subscribe: (drop) =>
      process.on('message', (message) => {
        if (isDrop(message)) drop(message.keys);
      }),
  };
}

async function servePrimary(config: Config, count: number): Promise<void> {
  const log = pino({ level: config.logLevel });
  // Migrations and demo content once, before any worker opens the database, in a child of its own:
  // what that loads and leaves behind (images drawn for the demo) would otherwise stay in this process.
  const prepared = await new Promise<number | null>((resolve) =>
    cluster.fork({ NEWSDESK_TASK: 'prepare' }).once('exit', (code) => resolve(code)),
  );
  if (prepared !== 0) {
    log.error({ code: prepared }, 'preparing the database failed; not starting');
    process.exit(1);
  }

  // Workers keep their JavaScript heap within a limit, unless told otherwise (workerExecArgv).
  cluster.setupPrimary({
    execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS ?? '', config.pageCacheBytes),
  });
  const workers = new Map<number, Worker>();
  let stopping = false;
  let listening = 0;
  const fork = (id: number) => {
    const worker = cluster.fork(workerEnv(id, process.env));
    workers.set(id, worker);
    worker.on('message', (message) => {
      if (!isDrop(message)) return;
      for (const [other, peer] of workers) if (other !== id && peer.isConnected()) peer.send(message);
    });
    worker.once('listening', () => {
      if (++listening === count)
        log.info(
          `Newsdesk is serving ${config.siteUrl} (listening on ${config.host}:${config.port} with ${count} workers, data in ${config.dataDir})`,
        );
    });
    worker.once('exit', (code, signal) => {
      if (workers.get(id) === worker) workers.delete(id);
      if (stopping) return;
      log.error({ worker: id, code, signal }, 'a worker stopped; starting another');
      fork(id);
    });
  };
  for (let id = 1; id <= count; id++) fork(id);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping every worker');
    const timer = setTimeout(() => {
      log.error(`workers took over ${STOP_MS / 1000} s to stop; exiting`);
      for (const worker of workers.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_MS + 1000);
    timer.unref();
    const exits = [...workers.values()].map(
      (worker) =>
        new Promise<number>((resolve) => {
          if (worker.process.exitCode !== null) return resolve(worker.process.exitCode);
          // A worker still starting has no handler yet and dies of the signal itself: it served
          // nothing and holds no views, so that is a clean stop too.
          worker.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' ? 0 : 1)));
          worker.process.kill('SIGTERM');
        }),
    );
    const codes = await Promise.all(exits);
    process.exit(codes.every((code) => code === 0) ? 0 : 1);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
