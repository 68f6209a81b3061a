import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, sqliteOnly, type Config } from '../config.js';
import { AppError } from '../lib/app-error.js';
import { isEmptySite, seedDemo } from '../content/demo/seed-demo.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { s3Location } from '../content/media/media.s3.js';
import { migrateToLatest, openDatabase, openSiteDatabase } from '../db/database.js';
import { serve } from '../main.js';
import { rebuildAllRelated } from '../related/index.js';
import { createServices } from '../services.js';
import { extractCommand } from './extract.js';
import { generateCommand } from './generate.js';
import { importCommand } from './import.js';
import { exportCommand } from './site-archive.js';
import { userCommands } from './users.js';

/** `newsdesk serve | migrate | seed | reindex | backup | restore | generate | extract | export | import | user | token`. Commands call services, never HTTP. */
export function cli(env: NodeJS.ProcessEnv): Command {
  const program = new Command('newsdesk')
    .description('Newsdesk: a news publishing platform')
    .showHelpAfterError();
  const config = (overrides: Partial<Config> = {}) => loadConfig(env, overrides);

  program
    .command('serve')
    .description('serve the site (migrates the database first)')
    .option('--demo', 'fill an empty site with demo content (same as NEWSDESK_DEMO=1)')
    .option('-p, --port <port>', 'port to listen on (default PORT or 3000)', parsePort)
    .option(
      '-w, --workers <n>',
      'worker processes sharing the port (default WORKERS or one per core)',
      parseWorkers,
    )
    .action(async (opts: { demo?: boolean; port?: number; workers?: number }) => {
      const overrides: Partial<Config> = {};
      if (opts.demo) Object.assign(overrides, { demo: true });
      if (opts.port !== undefined) Object.assign(overrides, { port: opts.port });
      if (opts.workers !== undefined) Object.assign(overrides, { workers: opts.workers });
      const settings = config(overrides);
      await serve(settings, settings.workers);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const db = openSiteDatabase(config());
      try {
        const ran = await migrateToLatest(db);
        console.log(ran.length ? `applied: ${ran.join(', ')}` : 'the database is up to date');
      } finally {
        await db.destroy();
      }
    });

  program
    .command('seed')
    .description('fill an empty site with demo content')
    .action(async () => {
      const services = await createServices(config({ demo: false }));
      try {
        if (!(await isEmptySite(services.db))) {
          console.error('the site already has content: demo content is only added to an empty site');
          process.exitCode = 1;
          return;
        }
        const ids = await seedDemo(services.content, services.media);
        await services.search.rebuild();
        await rebuildAllRelated(services.db, services.now().toISOString());
        console.log(`added ${ids.size} demo articles`);
      } finally {
        await services.stop();
      }
    });

  program
    .command('reindex')
    .description('rebuild the search index and related articles')
    .action(async () => {
      const services = await createServices(config({ demo: false }));
      try {
        const count = await services.search.rebuild();
        await rebuildAllRelated(services.db, services.now().toISOString());
        console.log(`indexed ${count} articles`);
      } finally {
        await services.stop();
      }
    });

  program
    .command('backup')
    .description('copy the site database to FILE, whole, while the site keeps running')
    .argument('<file>', 'the new backup file (must not exist yet)')
    .action((file: string) => {
      const settings = sqliteOnly(config(), 'backup', 'pg_dump backs up a PostgreSQL database');
      console.log(`backing up ${settings.dataDir} …`);
      const report = backupDatabase(settings, file);
      const s3 = settings.media.s3;
      const media = s3 ? s3Location(s3) : `${settings.dataDir}/media`;
      console.log(
        `backed up ${report.articles.toLocaleString('en-GB')} articles to ${report.file} ` +
          `(${megabytes(report.bytes)} MB, ${report.seconds} s); media files are in ${media}, not in the backup`,
      );
    });

  program
    .command('restore')
    .description('bring a backup made by `newsdesk backup` into an empty site')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const settings = sqliteOnly(config(), 'restore', 'pg_restore brings a pg_dump back');
      const report = await restoreDatabase(settings, file, async () => {
        const db = openDatabase(settings);
        try {
          return await migrateToLatest(db);
        } finally {
          await db.destroy();
        }
      });
      console.log(
        `restored ${report.articles.toLocaleString('en-GB')} articles from ${report.file} into ${settings.dataDir}` +
          (report.migrated.length ? ` (brought up to date: ${report.migrated.join(', ')})` : ''),
      );
    });

  generateCommand(program, () => config());
  extractCommand(program, () => config());
  exportCommand(program, () => config());
  importCommand(program, () => config());
  userCommands(program, () => config());
  return program;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function parseWorkers(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError('must be an integer from 1 to 64');
  return n;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return port;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await cli(env).parseAsync(argv);
  } catch (error) {
    // Bad input (configuration, arguments, refused values): the message, no stack.
    if (
      error instanceof ConfigError ||
      error instanceof AppError ||
      (error instanceof Error && !(error instanceof TypeError))
    ) {
      console.error(`newsdesk: ${error.message}`);
      process.exit(error instanceof ConfigError ? 2 : 1);
    }
    throw error;
  }
}
