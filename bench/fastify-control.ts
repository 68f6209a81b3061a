/**
 * The control for the beacon row of `npm run bench`: the beacon's route in a
 * bare Fastify (no hooks, no database, no counting) on as many workers as
 * Newsdesk runs, so the table says in the same run how far Node's HTTP goes
 * on this machine with wrk beside it. PORT and WORKERS come from the
 * environment; SIGTERM stops it.
 */
import Fastify from 'fastify';
import { controlPort, forkControlWorkers } from './control-workers.js';

if (!forkControlWorkers()) {
  const app = Fastify();
  app.get('/', async () => 'ok');
  app.post('/api/articles/:id/views', async (_request, reply) => {
    reply.code(202).header('cache-control', 'no-store');
    return { counted: true, views: 1 };
  });
  await app.listen({ port: controlPort, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
