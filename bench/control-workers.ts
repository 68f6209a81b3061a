import cluster from 'node:cluster';

/** The port a control server of `npm run bench` listens on (PORT). */
export const controlPort = Number(process.env.PORT);

/**
 * For a control server of `npm run bench` (bench/fastify-control.ts,
 * bench/node-control.ts): with WORKERS above one, the primary forks that
 * many workers, each running the same file, stops them all on SIGTERM and
 * waits for them, and gets true (it serves nothing itself); a worker, or the
 * one process of a single worker, gets false and serves.
 */
export function forkControlWorkers(): boolean {
  const workers = Number(process.env.WORKERS ?? 1);
  if (!cluster.isPrimary || workers <= 1) return false;
  for (let i = 0; i < workers; i++) cluster.fork();
  process.once('SIGTERM', () => {
    // Gone first, the primary left each worker's last word to it (its server closing) on a broken
    // pipe: an unhandled EPIPE and a stack trace at the end of every run.
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on('exit', () => --left === 0 && process.exit(0));
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  return true;
}
