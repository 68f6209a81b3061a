/**
 * `newsdesk serve --workers 2`, as a real cluster of processes on one port:
 * a change made through one worker reaches the cached pages of both, view
 * beacons spread over both add up exactly once they stop, SIGTERM stops
 * them all gracefully, and each worker runs with its memory's bounds.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import Database from 'better-sqlite3';
import { demoSiteOnDisk, send } from '../helpers/site-on-disk.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('two workers: one cache truth, exact view totals, a graceful stop', async (t) => {
  // The demo site, an editor and a token, made before the server starts.
  const { dataDir, port, env, token, article } = await demoSiteOnDisk(t, 'workers');
  const url = `/articles/${article.id}/${article.slug}`;

  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'newsdesk.js'), 'serve', '--workers', '2'], {
    // Unset, the workers' own bound applies.
    env: { ...process.env, ...env, MALLOC_ARENA_MAX: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  // Both workers answer, and both come to hold the article page.
  const deadline = Date.now() + 60_000;
  const hits = new Set<string>();
  while (hits.size < 2) {
    if (Date.now() > deadline) throw new Error(`both workers never served a cached page:\n${output}`);
    const answer = await send(port, url).catch(() => undefined);
    if (answer?.status === 200 && answer.headers['x-cache'] === 'hit')
      hits.add(String(answer.headers['x-served-by']));
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual([...hits].sort(), ['worker-1', 'worker-2']);

  // Each worker's heap limit and malloc arenas (workerExecArgv, workerEnv), as its process has them.
  const workers = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  assert.equal(workers.length, 2);
  for (const pid of workers) {
    const read = (file: string) => fs.readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0');
    assert.ok(read('environ').includes('MALLOC_ARENA_MAX=2'), `worker ${pid}'s environment`);
    assert.ok(
      read('cmdline').some((arg) => arg.startsWith('--max-old-space-size=')),
      `worker ${pid}'s heap limit`,
    );
  }

  // An edit through whichever worker takes it: the next request to either shows it.
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const current = await send(port, `/api/admin/articles/${article.id}`, { headers: auth });
  assert.equal(current.status, 200, current.body);
  const fields = savableFields(JSON.parse(current.body));
  const saved = await send(port, `/api/admin/articles/${article.id}`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ ...fields, title: 'NATO answers Moscow: the troops stay' }),
  });
  assert.equal(saved.status, 200, saved.body);
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const answer = await send(port, url);
    assert.match(
      answer.body,
      /NATO answers Moscow: the troops stay/,
      `request ${i} (${answer.headers['x-served-by']})`,
    );
    seen.add(String(answer.headers['x-served-by']));
  }
  assert.equal(seen.size, 2, 'both workers answered after the edit');

  // Beacons from 400 different readers, over both workers, 20 at a time.
  const before = totalViews(dataDir);
  let counted = 0;
  const served = new Set<string>();
  for (let batch = 0; batch < 20; batch++) {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(port, `/api/articles/${article.id}/views`, {
          method: 'POST',
          headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Reader/${batch}.${i}` },
        }),
      ),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 202);
      if (JSON.parse(answer.body).counted) counted++;
      served.add(String(answer.headers['x-served-by']));
    }
  }
  assert.equal(counted, 400);
  assert.equal(served.size, 2, 'beacons reached both workers');

  child.kill('SIGTERM');
  assert.equal(await exited, 0, `a graceful stop exits 0:\n${output.slice(-2000)}`);
  assert.equal(
    totalViews(dataDir) - before,
    400,
    'every counted view was written by the worker that took it',
  );
});

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
