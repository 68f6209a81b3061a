/**
 * `npm run bench`: a breaking-news spike, on a generated archive of 100,000
 * articles (`--articles N` for another size), measured with wrk against
 * 127.0.0.1 only, each run bounded in time:
 *
 * (a) nginx serving the article page's own HTML as a static file: the limit;
 * (b) the article page on a page-cache hit; (c) on a miss (a different
 *     article every request); (d) the home page; (g) /feed.xml;
 * (e) search p50/p95/p99 over a fixed query set, one request at a time,
 *     uncached (each URL new);
 * (f) view beacons a second, and the exact count written after; then the
 *     same beacons to the same route in a bare Fastify on as many workers
 *     (bench/fastify-control.ts): what Node's HTTP does here beside wrk;
 * the ceiling for (b) and (f), which Newsdesk answers before routing: a bare
 *     `node:http` on as many workers giving back the very answers Newsdesk
 *     gave, recorded, with no work (bench/node-control.ts);
 * (h) the article page through Varnish, when varnishd is installed;
 * and the server's resident memory at the end.
 *
 * Before (b), the server is warmed for BENCH_WARMUP seconds (10 by default; 0
 * for none) by wrk over older article pages, the home page and the feed, none
 * of which the timed runs ask for: a spike comes to a site that has been
 * serving readers, whose code the JIT has compiled, not to one started a
 * moment before (docs/PERFORMANCE.md, 2026-12-02, measured both ways).
 *
 * Every figure is also given as a ratio to (a), measured in the same run.
 * Writes bench/results/spike-N.json and prints the table.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  ensureArchive,
  FIXED_QUERIES,
  freePort,
  request,
  RESULTS,
  ROOT,
  childrenRss,
  rss,
  startServer,
  stop,
  summary,
  waitFor,
  workingCopy,
} from './archive.js';
import type { RecordedAnswer } from './node-control.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const CONNECTIONS = 32;
const SEARCHES = 200;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests per second as a share of nginx's. */
  ratio?: number;
}

export interface SpikeResult {
  articles: number;
  date: string;
  node: string;
  cpus: number;
  connections: number;
  seconds: number;
  /** Seconds the server was warmed before (b), on pages no timed run asks for. */
  warmup?: number;
  nginx: Load;
  articleHit: Load;
  /** (h) The article page through Varnish with docs/varnish/default.vcl; absent without varnishd. */
  varnishHit?: Load;
  articleMiss: Load;
  home: Load;
  feed: Load;
  search: { p50: number; p95: number; p99: number };
  beacons: Load & { counted: number; written: number };
  /** (f) The same beacons to the same route in a bare Fastify on as many workers: Node's HTTP here. */
  beaconControl?: Load;
  /** The ceiling for (b) and (f): Newsdesk's recorded answers from a bare node:http, same workers. */
  ceiling?: { hit: Load; beacons: Load };
  workers: number;
  /** Resident memory of each worker, and of the primary that forks them. */
  rssMb: { workers: number[]; primary: number };
  /** Of each worker's, what is its own (RssAnon: not the Node binary and libraries every process shares). */
  anonMb?: number[];
}

export async function benchSpike(size: number): Promise<void> {
  for (const tool of ['wrk', 'nginx'])
    if (!which(tool)) throw new Error(`${tool} is needed: apt-get install ${tool}`);
  await ensureArchive(size);
  const { dataDir } = await workingCopy(size);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-spike-'));
  // nginx's workers run as an unprivileged user: they must be able to read the page.
  fs.chmodSync(work, 0o755);
  const workers = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
  const { server, base } = await startServer(dataDir, {}, ['--workers', String(workers)]);
  let nginx: { child: ChildProcess; base: string } | undefined;
  let varnish: { child: ChildProcess; base: string } | undefined;
  let control: { child: ChildProcess; base: string } | undefined;
  try {
    const newest = articlePaths(dataDir, 24_000);
    const paths = newest.slice(0, 20_000);
    const article = paths[0];
    // (a) The limit: the same bytes as a file.
    const page = await request(base, article);
    fs.mkdirSync(path.join(work, 'www'));
    fs.writeFileSync(path.join(work, 'www', 'article.html'), page.body);
    nginx = await startNginx(work);
    const result: Partial<SpikeResult> = {};
    result.nginx = await wrk(`${nginx.base}/article.html`);
    if (WARMUP > 0) {
      fs.writeFileSync(path.join(work, 'warm.txt'), newest.slice(20_000).join('\n'));
      await wrk(
        base + newest[20_000],
        script(work, 'warm.lua', warmScript(path.join(work, 'warm.txt'))),
        WARMUP,
      );
    }
    // (b) to (d), (g): warm once, then load.
    await request(base, article);
    result.articleHit = await wrk(`${base}${article}`);
    fs.writeFileSync(path.join(work, 'paths.txt'), paths.slice(1).join('\n'));
    result.articleMiss = await wrk(
      base + paths[1],
      script(work, 'miss.lua', missScript(path.join(work, 'paths.txt'))),
    );
    await request(base, '/');
    result.home = await wrk(`${base}/`);
    await request(base, '/feed.xml');
    result.feed = await wrk(`${base}/feed.xml`);
    // (h) Behind Varnish, if it is installed.
    if (which('varnishd')) {
      varnish = await startVarnish(work, Number(new URL(base).port));
      await request(varnish.base, article);
      result.varnishHit = await wrk(`${varnish.base}${article}`);
      await stop(varnish.child);
      varnish = undefined;
    }
    // (e) Search, uncached: every URL new.
    const samples: number[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const q = encodeURIComponent(FIXED_QUERIES[i % FIXED_QUERIES.length]);
      const started = performance.now();
      const answer = await request(base, `/search?q=${q}&bench=${i}`);
      samples.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`search ${q}: ${answer.status}`);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    result.search = {
      ...summary(samples),
      p99: Math.round(sorted[Math.floor(sorted.length * 0.99)] * 10) / 10,
    };
    // (f) Beacons: a different reader each, all counted; then the total written.
    const before = totalViews(dataDir);
    const ids = paths.slice(0, 1000).map((p) => Number(p.split('/')[2]));
    // The same script for Newsdesk and both controls; its URL is only wrk's first.
    const beaconsLua = script(work, 'beacons.lua', beaconScript(ids));
    const beacon = `/api/articles/${ids[0]}/views`;
    const beacons = await wrk(`${base}${beacon}`, beaconsLua);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    result.beacons = { ...beacons, counted: beacons.counted ?? 0, written: totalViews(dataDir) - before };
    control = await startControl(workers);
    result.beaconControl = await wrk(`${control.base}${beacon}`, beaconsLua);
    await stop(control.child);
    control = undefined;
    // The ceiling: the hit's and a beacon's answers as Newsdesk gives them, from a bare node:http.
    fs.writeFileSync(
      path.join(work, 'answers.json'),
      JSON.stringify({
        get: recorded(await request(base, article)),
        post: recorded(
          await request(base, beacon, {
            method: 'POST',
            headers: {
              'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Reader/ceiling',
              'content-length': '0',
            },
          }),
        ),
      }),
    );
    control = await startControl(workers, 'node-control.ts', { ANSWERS: path.join(work, 'answers.json') });
    result.ceiling = {
      hit: await wrk(`${control.base}${article}`),
      beacons: await wrk(`${control.base}${beacon}`, beaconsLua),
    };
    await stop(control.child);
    control = undefined;
    const eachWorker = (part: 'VmRSS' | 'RssAnon') =>
      workers > 1 ? childrenRss(server, part) : [rss(server, part)];
    result.rssMb = { workers: eachWorker('VmRSS'), primary: rss(server) };
    result.anonMb = eachWorker('RssAnon');

    const limit = result.nginx.rps;
    for (const load of [
      result.articleHit,
      result.articleMiss,
      result.home,
      result.feed,
      result.beacons,
      ...(result.beaconControl ? [result.beaconControl] : []),
      ...(result.ceiling ? [result.ceiling.hit, result.ceiling.beacons] : []),
      ...(result.varnishHit ? [result.varnishHit] : []),
    ])
      load!.ratio = Math.round((load!.rps / limit) * 1000) / 1000;
    const full: SpikeResult = {
      articles: size,
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmup: WARMUP,
      workers,
      ...(result as Omit<
        SpikeResult,
        'articles' | 'date' | 'node' | 'cpus' | 'connections' | 'seconds' | 'warmup' | 'workers'
      >),
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `spike-${size}.json`), `${JSON.stringify(full, null, 2)}\n`);
    console.log(spikeTable(full));
  } finally {
    if (nginx) await stop(nginx.child);
    if (varnish) await stop(varnish.child);
    if (control) await stop(control.child);
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function spikeTable(r: SpikeResult): string {
  const row = (name: string, load: Load) =>
    `| ${name} | ${Math.round(load.rps).toLocaleString('en')} | ${load.ratio === undefined ? '1' : load.ratio} | ${load.p50} | ${load.p99} | ${load.errors} |`;
  return [
    `${r.articles.toLocaleString('en')} articles, ${r.workers} worker(s) on ${r.cpus} cores, Node ${r.node}, wrk ${r.connections} connections, ${r.seconds} s each${r.warmup ? ` after ${r.warmup} s of warm-up` : ', no warm-up'}, ${r.date.slice(0, 10)}`,
    '',
    '| what | requests/s | ratio to nginx | p50 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    row('(a) nginx, the article as a static file', r.nginx),
    row('(b) article page, cache hit', r.articleHit),
    row('(c) article page, cache miss', r.articleMiss),
    row('(d) home page', r.home),
    row('(g) /feed.xml', r.feed),
    ...(r.varnishHit ? [row('(h) article page through Varnish, hit', r.varnishHit)] : []),
    row('(f) view beacons', r.beacons),
    ...(r.beaconControl
      ? [row('(f) control: the beacon route in a bare Fastify, same workers', r.beaconControl)]
      : []),
    ...(r.ceiling
      ? [
          row('(b) ceiling: the hit’s answer from a bare node:http, same workers', r.ceiling.hit),
          row('(f) ceiling: a beacon’s answer from a bare node:http, same workers', r.ceiling.beacons),
        ]
      : []),
    '',
    `(e) search, one at a time, uncached: p50 ${r.search.p50} ms, p95 ${r.search.p95} ms, p99 ${r.search.p99} ms`,
    `(f) beacons answered "counted" ${r.beacons.counted.toLocaleString('en')}, views written ${r.beacons.written.toLocaleString('en')}` +
      (r.beacons.written > r.beacons.counted && r.beacons.written - r.beacons.counted <= r.connections
        ? ` (the ${r.beacons.written - r.beacons.counted} more: beacons in flight on wrk's ${r.connections} connections when it stopped reading, counted and written but their answers not read)`
        : ''),
    `resident memory after, each worker: ${r.rssMb.workers.join(', ')} MB` +
      (r.anonMb ? `, of which its own (anonymous) ${r.anonMb.join(', ')} MB` : '') +
      ` (the primary: ${r.rssMb.primary} MB)`,
  ].join('\n');
}

/** Runs wrk for SECONDS at CONNECTIONS; parses requests/s, p50, p99, errors (and a script's `counted`). */
async function wrk(
  url: string,
  scriptFile?: string,
  seconds = SECONDS,
): Promise<Load & { counted?: number }> {
  const args = [
    '-t2',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    ...(scriptFile ? ['-s', scriptFile] : []),
    url,
  ];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`)),
    );
  });
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (!m) return NaN;
    const n = Number(m[1]);
    return Math.round((m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n) * 100) / 100;
  };
  const errors =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
    [...out.matchAll(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/g)]
      .flatMap((m) => m.slice(1).map(Number))
      .reduce((a, b) => a + b, 0);
  const counted = /^counted: (\d+)/m.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: ms('50'),
    p99: ms('99'),
    errors,
    ...(counted ? { counted: Number(counted[1]) } : {}),
  };
}

function script(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Each wrk thread walks its own share of the paths, so no article is asked twice. */
function missScript(pathsFile: string): string {
  return `
local threads, count = {}, 0
function setup(thread) count = count + 1; thread:set("id", count); table.insert(threads, thread) end
function init(args)
  paths = {}
  for line in io.lines("${pathsFile}") do paths[#paths + 1] = line end
  i = id
end
function request() i = i + 2; return wrk.format("GET", paths[(i % #paths) + 1]) end
`;
}

/** An answer as bench/node-control.ts gives it back: without what each connection or moment has its own of. */
function recorded(answer: {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}): RecordedAnswer {
  const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return {
    status: answer.status,
    headers: Object.entries(answer.headers).flatMap(([name, value]) =>
      skip.has(name) || value === undefined ? [] : [value].flat().flatMap((v) => [name, v]),
    ),
    body: Buffer.from(answer.body).toString('base64'),
  };
}

/** Older article pages in turn, the home page and the feed between them: the warm-up's readers. */
function warmScript(pathsFile: string): string {
  return `
function init(args)
  paths = {}
  for line in io.lines("${pathsFile}") do paths[#paths + 1] = line end
  i = 0
end
function request()
  i = i + 1
  if i % 20 == 0 then return wrk.format("GET", "/") end
  if i % 20 == 10 then return wrk.format("GET", "/feed.xml") end
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`;
}

/** A different reader (user agent) on every beacon, over a thousand articles; counts the answers that counted. */
function beaconScript(ids: number[]): string {
  return `
local threads, count = {}, 0
function setup(thread) count = count + 1; thread:set("id", count); table.insert(threads, thread) end
function init(args) ids = {${ids.join(',')}}; i = 0; counted = 0 end
function request()
  i = i + 1
  local headers = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Reader/" .. id .. "." .. i, ["Content-Length"] = "0" }
  return wrk.format("POST", "/api/articles/" .. ids[(i % #ids) + 1] .. "/views", headers, "")
end
function response(status, headers, body)
  if status == 202 and string.find(body, '"counted":true', 1, true) then counted = counted + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("counted") end
  io.write("counted: " .. total .. "\\n")
end
`;
}

async function startNginx(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes ${os.cpus().length};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${dir}/www; }
}
`,
  );
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await request(base, '/article.html')).status === 200) return { child, base };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(
        `nginx did not start: ${fs.readFileSync(path.join(dir, 'nginx-error.log'), 'utf8').slice(-500)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A control server (bench/fastify-control.ts unless named) on a free port, with as many workers as Newsdesk. */
async function startControl(
  workers: number,
  file = 'fastify-control.ts',
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', file)], {
    env: { ...process.env, ...env, PORT: String(port), WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(base);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { child, base };
}

/** Varnish with the shipped VCL, in front of the server at `backendPort`. */
async function startVarnish(
  dir: string,
  backendPort: number,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const vcl = path.join(dir, 'default.vcl');
  fs.writeFileSync(
    vcl,
    fs
      .readFileSync(path.join(ROOT, 'docs', 'varnish', 'default.vcl'), 'utf8')
      .replace('.port = "3000"', `.port = "${backendPort}"`),
  );
  fs.chmodSync(vcl, 0o644);
  const child = spawn(
    'varnishd',
    ['-F', '-a', `127.0.0.1:${port}`, '-f', vcl, '-n', path.join(dir, 'varnish'), '-s', 'malloc,256m'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if ((await request(base, '/').catch(() => undefined))?.status === 200) return { child, base };
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error('varnishd did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The newest visible articles' paths, newest first. */
function articlePaths(dataDir: string, n: number): string[] {
  const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    const rows = db
      .prepare(
        `select id, slug from articles where status = 'published' and published_at <= ? order by published_at desc limit ?`,
      )
      .all(new Date().toISOString(), n) as { id: number; slug: string }[];
    return rows.map((r) => `/articles/${r.id}/${r.slug}`);
  } finally {
    db.close();
  }
}

function totalViews(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    return Number(
      (db.prepare('select coalesce(sum(views), 0) as n from article_view_totals').get() as { n: number }).n,
    );
  } finally {
    db.close();
  }
}

function which(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
