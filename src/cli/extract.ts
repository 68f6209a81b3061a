import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import type { ExtractedArticle } from '../ingest/extract-html.js';
import { outboundPolicy } from '../ingest/outbound.js';
import { isTimeZone } from '../lib/dateline.js';

/**
 * `newsdesk extract FILE|URL [--json] [--time-zone ZONE]`: the article in a
 * news page (an HTML file in any declared charset, a URL fetched under the
 * outbound policy, or a `.txt` file of copied text). Prints the title,
 * byline, date, lead and tags, then the body as paragraphs separated by
 * blank lines; or, with `--json`, one object: `title`, `byline`,
 * `published`, `lead`, `tags`, `section`, `text`, `images`. A page with no
 * article in it is an error, with a non-zero exit.
 */
export function extractCommand(program: Command, config: () => Config): void {
  program
    .command('extract')
    .description('print the article in a news page: an HTML file, a URL, or a .txt file of copied text')
    .argument('<source>', 'a file, or an http(s) URL')
    .option('--json', 'print one JSON object instead of text')
    .option('--time-zone <zone>', 'the zone of a date the page shows without one (default UTC)', 'UTC')
    .action(async (source: string, opts: { json?: boolean; timeZone: string }) => {
      if (!isTimeZone(opts.timeZone))
        throw new Error(`--time-zone: "${opts.timeZone}" is not a known time zone`);
      const article = await read(source, opts.timeZone, config);
      const text = article.paragraphs.join('\n\n');
      if (opts.json) {
        const { title, byline, published, lead, tags, section, images } = article;
        console.log(JSON.stringify({ title, byline, published, lead, tags, section, text, images }, null, 2));
        return;
      }
      const head = [
        article.title,
        article.byline && `By ${article.byline}`,
        article.published,
        article.section && `Section: ${article.section}`,
        article.tags.length ? `Tags: ${article.tags.join(', ')}` : null,
      ].filter(Boolean);
      // The lead once: pages often repeat it as the body's first paragraph.
      const body = article.paragraphs[0] === article.lead ? article.paragraphs.slice(1) : article.paragraphs;
      console.log([head.join('\n'), article.lead, ...body].filter(Boolean).join('\n\n'));
    });
}

async function read(source: string, timeZone: string, config: () => Config): Promise<ExtractedArticle> {
  const { extractFromFile, extractFromUrl } = await import('../ingest/extract.js');
  if (/^https?:\/\//i.test(source))
    return extractFromUrl(source, outboundPolicy(config().outboundAllow), timeZone);
  if (!fs.existsSync(source)) throw new Error(`${source}: no such file`);
  return extractFromFile(fs.readFileSync(source), source, timeZone);
}
