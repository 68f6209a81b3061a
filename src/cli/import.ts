import fs from 'node:fs';
import { phasedProgress } from './progress.js';
import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../config.js';
import { SYSTEM } from '../content/users/permissions.js';
import type { ImportReport } from '../ingest/import/index.js';
import { MAX_EXPORT_BYTES, tooLarge, type ImportPlan } from '../ingest/import/plan.js';
import { createServices } from '../services.js';
import { importSiteAction } from './site-archive.js';

/**
 * `newsdesk import wordpress|ghost FILE [--dry-run] [--media fetch|link]
 * [--section SLUG] [--old-url URL] [--json]`: moves a site in (see
 * src/ingest/import/). The whole file is read before anything is written;
 * a file that cannot be read is an error and changes nothing. A progress
 * bar on a terminal; at the end, a report of what was added, what was left
 * out and why.
 */
export function importCommand(program: Command, config: () => Config): void {
  const command = program
    .command('import')
    .description(
      'move a site in: an archive from `newsdesk export` (FILE.tar.gz or FILE.tar.zst) into an empty site, or a WordPress or Ghost export',
    )
    .argument('[archive]', 'a site archive from `newsdesk export`')
    .action(async (archive: string | undefined) => {
      if (archive === undefined) return command.help({ error: true });
      await importSiteAction(archive, config);
    });
  const formats: [ImportPlan['format'], string][] = [
    ['wordpress', 'a WordPress export (Tools → Export → All content; WXR 1.0–1.2)'],
    ['ghost', 'a Ghost export (Settings → Migration → Export content; JSON)'],
  ];
  for (const [format, description] of formats) {
    command
      .command(format)
      .description(`import ${description}`)
      .argument('<file>', 'the export file')
      .option('--dry-run', 'read the file and say what would be imported; write nothing')
      .option(
        '--media <how>',
        'pictures: "fetch" them into the media library, or "link" to their old addresses',
        parseMedia,
        'fetch',
      )
      .option(
        '--section <slug>',
        'the section for posts without a category (default "news", made if missing)',
      )
      .option('--old-url <url>', "the old site's address (Ghost exports name it __GHOST_URL__)", parseUrl)
      .option('--json', 'print the report as JSON')
      .action(
        async (
          file: string,
          opts: {
            dryRun?: boolean;
            media: 'fetch' | 'link';
            section?: string;
            oldUrl?: string;
            json?: boolean;
          },
        ) => {
          if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
          const bytes = fs.statSync(file).size;
          if (bytes > MAX_EXPORT_BYTES) throw tooLarge(file, bytes);
          // Reading is the long part of a large export (about 1 ms a post): say so before it starts.
          if (process.stderr.isTTY && !opts.json) process.stderr.write(`reading ${file} …\n`);
          const { importPlan, readExport } = await import('../ingest/import/index.js');
          const plan = readExport(format, fs.readFileSync(file, 'utf8'), { oldUrl: opts.oldUrl });
          const settings = config();
          const services = await createServices({ ...settings, demo: false });
          const bar = phasedProgress(process.stderr.isTTY && !opts.json);
          try {
            const report = await importPlan(services.content, plan, {
              actor: SYSTEM,
              dryRun: opts.dryRun,
              media: opts.media,
              section: opts.section,
              outbound: services.outbound,
              store: services.media,
              onProgress: bar.onProgress,
            });
            bar.stop();
            console.log(opts.json ? JSON.stringify(report, null, 2) : describeReport(report));
          } finally {
            bar.stop();
            await services.stop();
          }
        },
      );
  }
}

/** The report in words, for people. */
export function describeReport(report: ImportReport): string {
  const names = (list: string[]) => (list.length ? ` (${list.join(', ')})` : '');
  const statuses = Object.entries(report.articles.byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const lines = [
    `${report.dryRun ? 'Would import' : 'Imported'} from ${report.origin}${report.dryRun ? ' (dry run: nothing was written)' : ''}`,
    `  articles: ${report.articles.added} ${report.dryRun ? 'to add' : 'added'}${statuses ? ` (${statuses})` : ''}, ${report.articles.already} already imported`,
    `  sections: ${report.sections.added.length} new${names(report.sections.added)}, ${report.sections.existing.length} existing`,
    `  tags: ${report.tags.added} new, ${report.tags.existing} existing`,
    `  bylines: ${report.authors.added.length} new${names(report.authors.added)}, ${report.authors.existing.length} existing`,
    `  pictures: ${report.pictures.fetched} ${report.dryRun ? 'to fetch' : 'fetched'}, ${report.pictures.already} already in the library, ${report.pictures.linked} linked to the old site`,
    `  old addresses redirected: ${report.redirects}`,
  ];
  if (report.comments) lines.push(`  comments: ${report.comments} left behind (Newsdesk has no comments)`);
  const left = [...report.skipped, ...report.tags.refused];
  if (left.length) lines.push('', 'Not imported:', ...left.map((s) => `  - ${s.what}: ${s.why}`));
  if (report.pictures.failed.length)
    lines.push('', 'Pictures not fetched:', ...report.pictures.failed.map((f) => `  - ${f.url}: ${f.why}`));
  const worth = report.items.filter((i) => i.notes.length || i.dropped.length);
  if (worth.length) {
    lines.push('', 'Worth a look:');
    for (const item of worth) {
      lines.push(`  - "${item.title}"${item.path ? ` (${item.path})` : ''}:`);
      for (const note of item.notes) lines.push(`      ${note}`);
      for (const dropped of item.dropped) lines.push(`      left out ${dropped}`);
    }
  }
  return lines.join('\n');
}

function parseMedia(raw: string): 'fetch' | 'link' {
  if (raw !== 'fetch' && raw !== 'link') throw new InvalidArgumentError('must be "fetch" or "link"');
  return raw;
}

function parseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // Said below.
  }
  throw new InvalidArgumentError('must be an http(s) address, like https://old.example');
}
