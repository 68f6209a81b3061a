/**
 * A soak test, not part of `npm test`: `node --import tsx bench/soak.ts
 * [--minutes 10] [--articles 10000]`. One `newsdesk serve` process (WORKERS=1)
 * on a generated archive, loaded on 127.0.0.1 for the given minutes by a
 * steady mix: readers on article, home, section and tag pages; view beacons
 * from distinct readers; searches; an editor publishing and editing through
 * the admin API. Every 10 s it samples the process's resident memory and the
 * answers so far. At the end it stops the server (SIGTERM) and checks that the
 * views written equal the views the beacons were told were counted.
 *
 * Writes bench/results/soak.json and prints a summary: memory by minute,
 * requests and errors by kind, the view totals.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { savableFields } from '../src/admin/routes/articles.api.js';
import {
  ensureArchive,
  FIXED_QUERIES,
  request,
  RESULTS,
  rss,
  startServer,
  stop,
  workingCopy,
  type RequestOptions,
} from './archive.js';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, articles: { type: 'string', default: '10000' } },
});
const minutes = Number(values.minutes);
const size = Number(values.articles);
if (!(minutes > 0 && minutes <= 60)) throw new Error('--minutes: from 0 to 60');

type Kind = 'page' | 'beacon' | 'search' | 'edit';
const LANES: Record<Kind, number> = { page: 6, beacon: 4, search: 1, edit: 1 };

await ensureArchive(size);
const { dataDir, token } = await workingCopy(size);
const { server, base } = await startServer(dataDir, { WORKERS: '1' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

const send = (url: string, options: Omit<RequestOptions, 'agent' | 'timeoutMs'> = {}) =>
  request(base, url, { ...options, agent, timeoutMs: 30_000 });

const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
const articles = db
  .prepare(`select id, slug from articles where status = 'published' order by random() limit 2000`)
  .all() as { id: number; slug: string }[];
const sections = (db.prepare('select slug from sections').all() as { slug: string }[]).map((s) => s.slug);
const tags = (
  db.prepare('select slug from tags order by article_count desc limit 200').all() as { slug: string }[]
).map((t) => t.slug);
const viewsBefore = Number(
  db.prepare('select coalesce(sum(views), 0) from article_view_totals').pluck().get(),
);
db.close();

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
const done: Record<Kind, number> = { page: 0, beacon: 0, search: 0, edit: 0 };
const errors: Record<Kind, string[]> = { page: [], beacon: [], search: [], edit: [] };
let counted = 0;
let readers = 0;
const endAt = Date.now() + minutes * 60_000;
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function one(kind: Kind): Promise<void> {
  const article = pick(articles);
  if (kind === 'page') {
    const url = pick([
      `/articles/${article.id}/${article.slug}`,
      `/articles/${article.id}/${article.slug}`,
      '/',
      `/sections/${pick(sections)}`,
      `/tags/${pick(tags)}`,
      '/most-read',
    ]);
    const answer = await send(url);
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
  } else if (kind === 'beacon') {
    const answer = await send(`/api/articles/${article.id}/views`, {
      method: 'POST',
      headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Soak/${readers++}` },
    });
    if (answer.status !== 202) throw new Error(`beacon: ${answer.status}`);
    if ((JSON.parse(answer.body) as { counted: boolean }).counted) counted++;
  } else if (kind === 'search') {
    const url = `/search?q=${encodeURIComponent(pick(FIXED_QUERIES))}&page=${1 + Math.floor(Math.random() * 3)}`;
    const answer = await send(url);
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
  } else {
    // An editor: now a new story, now an edit of one, at a newsroom's busiest pace.
    const current = await send(`/api/admin/articles/${article.id}`, { headers: auth });
    if (current.status !== 200) throw new Error(`read ${article.id}: ${current.status}`);
    // What the API answered, less what it keeps itself, is what it takes back.
    const fields = savableFields(JSON.parse(current.body));
    const edit = await send(`/api/admin/articles/${article.id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ ...fields, lead: `Updated at ${new Date().toISOString()}.` }),
    });
    if (edit.status !== 200) throw new Error(`edit ${article.id}: ${edit.status} ${edit.body.slice(0, 200)}`);
    const created = await send('/api/admin/articles', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        ...fields,
        version: undefined,
        slug: undefined,
        title: `Soak story ${done.edit} ${Date.now()}`,
        status: 'published',
        publishedAt: new Date().toISOString(),
      }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.body.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function lane(kind: Kind): Promise<void> {
  while (Date.now() < endAt) {
    try {
      await one(kind);
      done[kind]++;
    } catch (error) {
      errors[kind].push((error as Error).message);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const samples: { second: number; rssMb: number; requests: number; errors: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => {
  samples.push({
    second: Math.round((Date.now() - started) / 1000),
    rssMb: rss(server),
    requests: Object.values(done).reduce((a, b) => a + b, 0),
    errors: Object.values(errors).reduce((a, b) => a + b.length, 0),
  });
  const last = samples[samples.length - 1];
  console.error(`  ${last.second} s: ${last.rssMb} MB, ${last.requests} requests, ${last.errors} errors`);
}, 10_000);
await Promise.all(
  (Object.entries(LANES) as [Kind, number][]).flatMap(([kind, n]) =>
    Array.from({ length: n }, () => lane(kind)),
  ),
);
clearInterval(sampler);
agent.destroy();
await stop(server);

const after = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
const written =
  Number(after.prepare('select coalesce(sum(views), 0) from article_view_totals').pluck().get()) -
  viewsBefore;
after.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const byMinute = Array.from({ length: Math.ceil(minutes) }, (_, m) => {
  const inMinute = samples.filter((s) => s.second > m * 60 && s.second <= (m + 1) * 60).map((s) => s.rssMb);
  return inMinute.length ? Math.max(...inMinute) : null;
});
const result = {
  date: new Date().toISOString(),
  node: process.version,
  articles: size,
  minutes,
  lanes: LANES,
  requests: done,
  errors: Object.fromEntries(
    Object.entries(errors).map(([k, list]) => [k, { count: list.length, first: list.slice(0, 3) }]),
  ),
  views: { counted, written, exact: counted === written },
  rssMbByMinute: byMinute,
  samples,
};
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`soak: ${minutes} min, one process, ${size.toLocaleString('en-GB')} articles`);
for (const kind of Object.keys(done) as Kind[])
  console.log(
    `  ${kind.padEnd(7)} ${String(done[kind]).padStart(8)} answered, ${errors[kind].length} errors`,
  );
console.log(
  `  views   ${counted} counted, ${written} written${counted === written ? ' (exact)' : ' (NOT EXACT)'}`,
);
console.log(`  memory  highest resident MB each minute: ${byMinute.join(', ')}`);
if (counted !== written || Object.values(errors).some((list) => list.length)) process.exitCode = 1;
