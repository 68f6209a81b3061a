/**
 * `npm run bench -- --import N`: moving in a WordPress export of N posts
 * (our fixture's two posts, one in block markup and one classic, repeated
 * with other titles, categories and tags), pictures linked (`--media link`:
 * fetching is the network's time, not ours).
 *
 * Measures reading the file into a plan, writing the plan (one transaction
 * by the bulk path, then search, related lists and caches told), a second
 * run of the same file (adds nothing), and the peak memory. The yardstick,
 * in the same run: the same articles saved one by one through the service
 * every editor's save goes through (createArticle), on a sample of them.
 *
 * Writes bench/results/import-N.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createArticle, SYSTEM } from '../src/content/index.js';
import { importPlan } from '../src/ingest/import/importer.js';
import { readWordpress } from '../src/ingest/import/wordpress.js';
import { DEFAULT_OUTBOUND } from '../src/ingest/outbound.js';
import { createServices } from '../src/services.js';

const FIXTURE = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'import', 'wordpress.xml');
const SAMPLE = 300;

/** The fixture with its two published posts repeated to `n` posts. */
export function bigExport(n: number): string {
  const xml = fs.readFileSync(FIXTURE, 'utf8');
  const items = [...xml.matchAll(/<item>[^]*?<\/item>/g)].map((m) => m[0]);
  const templates = items.filter((item) => /<wp:post_id>1[12]<\/wp:post_id>/.test(item));
  const sections = ['city-hall', 'weather', 'sport', 'business', 'culture', 'island', 'schools', 'health'];
  const posts: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = 10_000 + i;
    const section = sections[i % sections.length];
    posts.push(
      templates[i % 2]
        .replace(/<wp:post_id>\d+<\/wp:post_id>/, `<wp:post_id>${id}</wp:post_id>`)
        .replace(/<title><!\[CDATA\[/, `<title><![CDATA[Story ${i}: `)
        .replace(/<wp:post_name><!\[CDATA\[/, `<wp:post_name><![CDATA[story-${i}-`)
        .replace(/<link>([^<]*?)\/<\/link>/, `<link>$1-${i}/</link>`)
        .replace(
          /nicename="(city-hall|weather)"><!\[CDATA\[[^\]]*/,
          `nicename="${section}"><![CDATA[${section}`,
        )
        .replace(
          /nicename="(harbour|flooding)"><!\[CDATA\[[^\]]*/,
          `nicename="topic-${i % 200}"><![CDATA[Topic ${i % 200}`,
        )
        .replace(/<wp:comment>[^]*?<\/wp:comment>/g, ''),
    );
  }
  const start = xml.indexOf('<item>');
  const end = xml.lastIndexOf('</item>') + '</item>'.length;
  return `${xml.slice(0, start)}${posts.join('\n')}${xml.slice(end)}`;
}

async function site() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-import-'));
  const services = await createServices(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { demo: false }),
  );
  return {
    services,
    done: async () => {
      await services.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function benchImport(n: number): Promise<void> {
  const xml = bigExport(n);
  const seconds = (from: number) => Math.round(performance.now() - from) / 1000;
  const options = (services: Awaited<ReturnType<typeof site>>['services']) => ({
    actor: SYSTEM,
    media: 'link' as const,
    outbound: DEFAULT_OUTBOUND,
    store: services.media,
  });

  const a = await site();
  let started = performance.now();
  const plan = readWordpress(xml);
  const read = seconds(started);
  started = performance.now();
  const report = await importPlan(a.services.content, plan, options(a.services));
  const write = seconds(started);
  started = performance.now();
  const again = await importPlan(a.services.content, readWordpress(xml), options(a.services));
  const rerun = seconds(started);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (report.articles.added !== n || again.articles.added !== 0)
    throw new Error(`imported ${report.articles.added} of ${n}, then ${again.articles.added} again`);

  // The yardstick: a sample of the same articles saved one by one, as the editor saves.
  const b = await site();
  const section = { slug: 'news', name: 'News' };
  await b.services.db
    .insertInto('sections')
    .values({ ...section, description: '', position: 0 })
    .execute();
  const sample = plan.items.slice(0, Math.min(SAMPLE, n));
  started = performance.now();
  for (const item of sample)
    await createArticle(b.services.content, SYSTEM, {
      title: item.title,
      lead: item.lead,
      body: item.body,
      section: 'news',
      tags: ['Harbour'],
      status: item.status,
    });
  const oneByOnePerSecond = Math.round(sample.length / seconds(started));
  await a.done();
  await b.done();

  const perSecond = Math.round(n / (read + write));
  const result = {
    posts: n,
    fileMb: Math.round(Buffer.byteLength(xml) / 1024 / 102.4) / 10,
    seconds: { read, write, total: Math.round((read + write) * 1000) / 1000, rerun },
    perSecond,
    peakMb,
    oneByOne: { sample: sample.length, perSecond: oneByOnePerSecond },
    ratio: Math.round((perSecond / oneByOnePerSecond) * 10) / 10,
    machine: { cpus: os.cpus().length, node: process.version },
    at: new Date().toISOString(),
  };
  const out = path.resolve(import.meta.dirname, 'results', `import-${n}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `import of ${n} posts (${result.fileMb} MB): read ${read} s, write ${write} s (${perSecond}/s), ` +
      `second run ${rerun} s, peak ${peakMb} MB; one by one through createArticle ${oneByOnePerSecond}/s ` +
      `(the import ${result.ratio}x that)\n→ ${path.relative(process.cwd(), out)}`,
  );
}
