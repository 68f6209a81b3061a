import type { Config } from './config.js';
import { buildApp } from './app.js';

/**
 * Starts the server and stops it gracefully on SIGINT/SIGTERM: stop taking
 * requests, finish the ones under way, write buffered view counts, close the
 * database.
 */
export async function serve(config: Config): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      app.log.error('graceful stop took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
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
  app.log.info(
    `Newsdesk is serving ${config.siteUrl} (listening on ${config.host}:${config.port}, data in ${config.dataDir})`,
  );
}
