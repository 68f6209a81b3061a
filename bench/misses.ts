/**
 * Page-cache misses over HTTP, on one worker: how many a second, and the
 * worker's CPU for each (from /proc), with its memory before and after.
 * `npm run bench` gives the spike's figures beside nginx; this is for
 * weighing a change to the miss path.
 *
 *   node --import tsx bench/misses.ts [SECONDS] [WARMUP]
 *   node --import tsx bench/misses.ts --against DIR [--bursts N] [--seconds S]
 *
 * `newsdesk serve --workers 1` on a copy of the generated archive of 100,000
 * articles, page cache on; wrk (one thread, 8 connections a worker) asks for the
 * newest articles, each once.
 *
 * Alone: SECONDS (8 by default) of misses on the newest 30,000 articles,
 * after WARMUP seconds (0 by default) on the 10,000 before them. The CPU is
 * given whole and on the main thread: the rest is V8's own threads (the
 * optimising compiler, the collector's helpers).
 *
 * `--against DIR`: this checkout and the one in DIR (another version, with
 * its own `node_modules`, e.g. a `git worktree` of the commit before, with a
 * link to this one's) serve at once, each on its own copy of the archive,
 * and take turns: N bursts (12) of S seconds (2), the same articles for both
 * in each, who goes first changing every burst, after 8 s of warm-up each.
 * Run one after the other, the same version gave 456 and 617 misses a second
 * an hour apart on these shared machines; in turns, the noise falls on both.
 * It prints each burst's CPU a miss for both and their ratio, then the
 * ratio of the totals and the median of the bursts'. `--workers N` (1)
 * serves each with N workers, as the spike does with one a core.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureArchive, ROOT, startServer, stop, workingCopy } from './archive.js';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    against: { type: 'string' },
    bursts: { type: 'string' },
    seconds: { type: 'string' },
    workers: { type: 'string' },
  },
});

interface Server {
  name: string;
  child: ChildProcess;
  base: string;
  dataDir: string;
}

const WORKERS = Number(options.workers ?? 1);

/** `newsdesk serve --workers N` from the checkout in `root`, over its own copy of the archive. */
async function serve(name: string, root: string): Promise<Server> {
  const { dataDir } = await workingCopy(100_000);
  const { server, base } = await startServer(dataDir, {}, ['--workers', String(WORKERS)], root);
  return { name, child: server, base, dataDir };
}

/** The CPU a server has used so far, in ms: its process's and its workers'. */
function serverCpu(pid: number): number {
  const children = fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return children.reduce((sum, child) => sum + cpu(Number(child)), cpu(pid));
}

/** The CPU the process has used so far, in ms (utime and stime, in ticks of 10 ms), or its main thread's. */
function cpu(pid: number, main = false): number {
  const fields = fs
    .readFileSync(main ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory, MB: all, and what is not a mapped file (the heap, SQLite's cache, the pages). */
function memory(pid: number): string {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const mb = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(rollup)![1]) / 1024);
  return `${mb('Rss')} MB resident (${mb('Anonymous')} anonymous)`;
}

/** The newest published articles' paths, newest first. */
function newestPaths(dataDir: string, count: number): string[] {
  const archive = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    const rows = archive
      .prepare(
        `select id, slug from articles where status = 'published' and published_at <= ? order by published_at desc limit ?`,
      )
      .all(new Date().toISOString(), count) as { id: number; slug: string }[];
    return rows.map((a) => `/articles/${a.id}/${a.slug}`);
  } finally {
    archive.close();
  }
}

/** A wrk script asking for each of `list` in turn. */
function script(work: string, name: string, list: string[]): string {
  fs.writeFileSync(path.join(work, `${name}.txt`), list.join('\n'));
  fs.writeFileSync(
    path.join(work, `${name}.lua`),
    `function init(args) paths = {} for line in io.lines("${work}/${name}.txt") do paths[#paths + 1] = line end i = 0 end
function request() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end`,
  );
  return path.join(work, `${name}.lua`);
}

/** wrk for `seconds` with `lua` against `base`: how many answers, and how many were not 2xx or 3xx. */
function load(base: string, lua: string, seconds: number): { answered: number; failed: number } {
  const out = execFileSync('wrk', ['-t1', `-c${8 * WORKERS}`, `-d${seconds}s`, '-s', lua, base], {
    encoding: 'utf8',
  });
  return {
    answered: Number(/(\d+) requests in/.exec(out)![1]),
    failed: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

async function alone(seconds: number, warmup: number): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-misses-'));
  const server = await serve('this', ROOT);
  try {
    const paths = newestPaths(server.dataDir, 40_000);
    const misses = script(work, 'misses', paths.slice(0, 30_000));
    const warm = script(work, 'warm', paths.slice(30_000));
    const pid = server.child.pid!;
    const before = memory(pid);
    if (warmup > 0) load(server.base, warm, warmup);
    const started = cpu(pid);
    const startedMain = cpu(pid, true);
    const { answered, failed } = load(server.base, misses, seconds);
    const used = cpu(pid) - started;
    const usedMain = cpu(pid, true) - startedMain;
    console.log(
      `${Math.round(answered / seconds)} misses a second, ${(used / answered).toFixed(2)} ms of the worker's CPU each (${(usedMain / answered).toFixed(2)} on its main thread), ${failed} not 2xx, after ${warmup} s of warm-up`,
    );
    console.log(`memory: ${before} after the start, ${memory(pid)} after the misses`);
  } finally {
    await stop(server.child);
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

async function inTurns(other: string, bursts: number, seconds: number): Promise<void> {
  if (
    !fs.existsSync(path.join(other, 'bin', 'newsdesk.js')) ||
    !fs.existsSync(path.join(other, 'node_modules'))
  )
    throw new Error(`--against ${other}: not a checkout of Newsdesk with its node_modules`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-misses-'));
  const servers: Server[] = [];
  try {
    servers.push(await serve('other', path.resolve(other)));
    servers.push(await serve('this', ROOT));
    const paths = newestPaths(servers[1]!.dataDir, 60_000);
    const per = Math.floor(paths.length / (bursts + 1));
    const lua = Array.from({ length: bursts + 1 }, (_, b) =>
      script(work, `b${b}`, paths.slice(b * per, (b + 1) * per)),
    );
    for (const s of servers) load(s.base, lua[0]!, 8);
    const total = new Map(servers.map((s) => [s.name, { answered: 0, ms: 0 }]));
    const ratios: number[] = [];
    for (let b = 1; b <= bursts; b++) {
      const each = new Map<string, number>();
      for (const s of b % 2 ? servers : [...servers].reverse()) {
        const started = serverCpu(s.child.pid!);
        const { answered, failed } = load(s.base, lua[b]!, seconds);
        if (failed > 0) throw new Error(`${s.name}: ${failed} answers were not 2xx or 3xx`);
        const ms = serverCpu(s.child.pid!) - started;
        const sum = total.get(s.name)!;
        sum.answered += answered;
        sum.ms += ms;
        each.set(s.name, ms / answered);
      }
      ratios.push(each.get('this')! / each.get('other')!);
      console.log(
        `burst ${b}: other ${each.get('other')!.toFixed(2)} ms of CPU a miss, this ${each.get('this')!.toFixed(2)}, this/other ${ratios.at(-1)!.toFixed(3)}`,
      );
    }
    const [o, t] = [total.get('other')!, total.get('this')!];
    const sorted = ratios.sort((a, b) => a - b);
    console.log(
      `other: ${(o.ms / o.answered).toFixed(3)} ms of CPU a miss, ${Math.round(o.answered / bursts / seconds)} misses a second; this: ${(t.ms / t.answered).toFixed(3)} ms, ${Math.round(t.answered / bursts / seconds)} a second`,
    );
    console.log(
      `this/other: ${(t.ms / t.answered / (o.ms / o.answered)).toFixed(3)} over all bursts, median of bursts ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}`,
    );
  } finally {
    for (const s of servers) {
      await stop(s.child);
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await ensureArchive(100_000);
if (options.against !== undefined)
  await inTurns(options.against, Number(options.bursts ?? 12), Number(options.seconds ?? 2));
else await alone(Number(positionals[0] ?? 8), Number(positionals[1] ?? 0));
