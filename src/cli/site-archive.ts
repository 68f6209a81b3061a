import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { getSettings } from '../content/index.js';
import { settleAfterLoad } from '../db/database.js';
import { checkExportTarget, exportSite } from '../db/site-export.js';
import { importSite } from '../db/site-import.js';
import { createServices } from '../services.js';
import { progressLines } from './progress.js';

/** This Newsdesk's version, as package.json gives it: the manifest names it. */
const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * `newsdesk export FILE.tar.gz|FILE.tar.zst`: the whole site (content,
 * revisions, users, settings, counts, pictures) in one archive, from either
 * database and either media store (see src/db/site-archive.ts).
 */
export function exportCommand(program: Command, config: () => Config): void {
  program
    .command('export')
    .description('write the whole site (content, users, settings, counts, pictures) to one archive')
    .argument('<file>', 'the new archive: NAME.tar.gz or NAME.tar.zst (must not exist yet)')
    .action(async (file: string) => {
      // Said before any database is opened (or made).
      checkExportTarget(file);
      const services = await createServices({ ...config(), demo: false });
      const progress = progressLines();
      const signals = exitOnSignal('the export stopped; its partial archive is removed');
      try {
        const settings = await getSettings(services.db);
        const report = await exportSite({
          db: services.db,
          media: services.media,
          file,
          site: { name: settings.name, url: services.config.siteUrl },
          version: VERSION,
          onProgress: progress.onProgress,
        });
        progress.stop();
        console.log(
          `exported ${report.articles.toLocaleString('en-GB')} articles (${report.rows.toLocaleString('en-GB')} rows) ` +
            `and ${report.mediaFiles.toLocaleString('en-GB')} picture files to ${report.file} ` +
            `(${megabytes(report.bytes)} MB, ${report.seconds} s)`,
        );
      } finally {
        signals.off();
        progress.stop();
        await services.stop();
      }
    });
}

/** `newsdesk import FILE.tar.gz|FILE.tar.zst`: an archive from `newsdesk export` into an empty site. */
export async function importSiteAction(file: string, config: () => Config): Promise<void> {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`${file}: no such file`);
  const services = await createServices({ ...config(), demo: false });
  const progress = progressLines();
  const signals = exitOnSignal(
    'the import stopped; no rows were kept (pictures it had already stored stay, and a new import uses them)',
  );
  try {
    const report = await importSite({
      db: services.db,
      media: services.media,
      file,
      onProgress: progress.onProgress,
    });
    signals.saying(
      'the import stopped after its rows were in, while building the search index: ' +
        'run `newsdesk reindex` to finish it',
    );
    // The archive carries related lists as they were; only the search index is built anew,
    // by as many connections as the database takes at once: nothing else uses the new site yet.
    const indexed = await services.search.rebuild({ alone: true, onProgress: progress.onProgress });
    progress.stop();
    await settleAfterLoad(services.db);
    console.log(
      `imported ${report.articles.toLocaleString('en-GB')} articles (${report.rows.toLocaleString('en-GB')} rows) ` +
        `and ${report.mediaFiles.toLocaleString('en-GB')} picture files from ${report.file} ` +
        `(${report.from.site}, exported from ${report.from.database} at ${report.from.createdAt}) ` +
        `into ${services.config.databaseUrl ? 'PostgreSQL' : services.config.dataDir} and ${services.media.location}; ` +
        `${indexed.toLocaleString('en-GB')} articles indexed for search (${report.seconds} s)`,
    );
  } finally {
    signals.off();
    progress.stop();
    await services.stop();
  }
}

/**
 * Ctrl-C or SIGTERM ends the command at once, through `process.exit`, so
 * that what it wrote so far is removed on the way out (removedOnExit): a
 * partial archive, an unpacked copy in TMPDIR. The database keeps nothing
 * of an import cut short while its rows go in (one transaction, never
 * committed); cut short after, while the search index is built, it keeps
 * them, and `saying` tells what to run.
 */
function exitOnSignal(saying: string): { off: () => void; saying: (now: string) => void } {
  const exit = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: ${saying}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', exit);
  process.once('SIGTERM', exit);
  return {
    off: () => {
      process.off('SIGINT', exit);
      process.off('SIGTERM', exit);
    },
    saying: (now) => {
      saying = now;
    },
  };
}
