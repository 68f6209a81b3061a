/**
 * The control for the beacon row of `npm run bench`: the beacon's route in a
 * bare Fastify (no hooks, no database, no counting) on as many workers as
 * Newsdesk runs, so the table says in the same run how far Node's HTTP goes
 * on this machine with wrk beside it. PORT and WORKERS come from the
 * environment; SIGTERM stops it.
 */
import cluster from 'node:cluster';
import Fastify from 'fastify';

const workers = Number(process.env.WORKERS ?? 1);
const port = Number(process.env.PORT);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = Fastify();
  app.get('/', async () => 'ok');
  app.post('/api/articles/:id/views', async (_request, reply) => {
    reply.code(202).header('cache-control', 'no-store');
    return { counted: true, views: 1 };
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
