/**
 * Page-cache misses over HTTP, on one worker: how many a second, and the
 * worker's CPU for each (from /proc), with its memory before and after. For
 * weighing a change to the miss path against the version before it, run
 * alternately: `npm run bench` gives the spike's figures beside nginx.
 *
 *   node --import tsx bench/misses.ts [SECONDS] [WARMUP]
 *
 * `newsdesk serve --workers 1` on a copy of the generated archive of 100,000
 * articles, page cache on; wrk (one thread, 8 connections, SECONDS, 8 by
 * default) asks for the newest 30,000 articles, each once, after WARMUP
 * seconds (0 by default) of misses on the 10,000 before them. The CPU is
 * given whole and on the main thread: the rest is V8's own threads (the
 * optimising compiler, the collector's helpers).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureArchive, startServer, stop, workingCopy } from './archive.js';

const SECONDS = Number(process.argv[2] ?? 8);
const WARMUP = Number(process.argv[3] ?? 0);
await ensureArchive(100_000);
const { dataDir } = await workingCopy(100_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-misses-'));
const { server, base } = await startServer(dataDir, {}, ['--workers', '1']);
try {
  const archive = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  const paths = (
    archive
      .prepare(
        `select id, slug from articles where status = 'published' and published_at <= ? order by published_at desc limit 40000`,
      )
      .all(new Date().toISOString()) as { id: number; slug: string }[]
  ).map((a) => `/articles/${a.id}/${a.slug}`);
  archive.close();
  const lua = (name: string, list: string[]) => {
    fs.writeFileSync(path.join(work, `${name}.txt`), list.join('\n'));
    fs.writeFileSync(
      path.join(work, `${name}.lua`),
      `function init(args) paths = {} for line in io.lines("${work}/${name}.txt") do paths[#paths + 1] = line end i = 0 end
function request() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end`,
    );
    return path.join(work, `${name}.lua`);
  };
  const misses = lua('misses', paths.slice(0, 30_000));
  const warm = lua('warm', paths.slice(30_000));
  const pid = server.pid!;
  /** The worker's CPU so far, in ms (utime and stime, in ticks of 10 ms), or its main thread's. */
  const cpu = (main = false) => {
    const fields = fs
      .readFileSync(main ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  /** Resident memory, MB: all, and what is not a mapped file (the heap, SQLite's cache, the pages). */
  const memory = () => {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const mb = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(rollup)![1]) / 1024);
    return `${mb('Rss')} MB resident (${mb('Anonymous')} anonymous)`;
  };
  const before = memory();
  if (WARMUP > 0)
    execFileSync('wrk', ['-t1', '-c8', `-d${WARMUP}s`, '-s', warm, base + paths[0]], { encoding: 'utf8' });
  const started = cpu();
  const startedMain = cpu(true);
  const out = execFileSync('wrk', ['-t1', '-c8', `-d${SECONDS}s`, '-s', misses, base + paths[0]], {
    encoding: 'utf8',
  });
  const used = cpu() - started;
  const usedMain = cpu(true) - startedMain;
  const answered = Number(/(\d+) requests in/.exec(out)![1]);
  const failed = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  console.log(
    `${Math.round(answered / SECONDS)} misses a second, ${(used / answered).toFixed(2)} ms of the worker's CPU each (${(usedMain / answered).toFixed(2)} on its main thread), ${failed} not 2xx, after ${WARMUP} s of warm-up`,
  );
  console.log(`memory: ${before} after the start, ${memory()} after the misses`);
} finally {
  await stop(server);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}
