/**
 * `kill -9` in the middle of publishing, editing and a beacon flood: the
 * server gets no chance to tidy up, and what it had answered must still be
 * there, whole, when the site starts again; beacons may lose at most what
 * arrived in the last second (they are written once a second).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { demoSiteOnDisk, halfWritten, send } from '../helpers/site-on-disk.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

test('kill -9 while publishing, editing and counting views: nothing half-written, no answered save lost', async (t) => {
  const { dataDir, port, env, token, article: nato } = await demoSiteOnDisk(t, 'kill');
  // Keep-alive connections: the load is as fast as one client can make it.
  const ask = (url: string, options: Parameters<typeof send>[2] = {}) =>
    send(port, url, { ...options, agent });

  // One process (no cluster), in a process group of its own so that nothing of it outlives the kill.
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'newsdesk.js'), 'serve', '--workers', '1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  });
  const deadline = Date.now() + 60_000;
  while (
    !(await ask('/').then(
      (a) => a.status === 200,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`the server never answered:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Writers and readers at full speed for three seconds or more, then kill -9 without warning.
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created: { id: number; word: string }[] = [];
  const edited = new Map<number, number>(); // id -> version the server answered with
  const counted: number[] = []; // when each counted beacon was answered
  let killed = false;
  let killedAt = 0;
  const publisher = async () => {
    for (let n = 0; !killed; n++) {
      const word = `durable${created.length}x${n}`;
      const answer = await ask('/api/admin/articles', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          title: `A story filed just before the crash ${word}`,
          lead: 'Saved while the server was killed.',
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body ${word}.` }] }],
          },
          section: 'politics',
          tags: ['Crash test'],
          status: 'published',
          publishedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      }).catch(() => undefined);
      if (answer?.status !== 201) continue;
      const article = JSON.parse(answer.body);
      created.push({ id: article.id, word });
      const edit = await ask(`/api/admin/articles/${article.id}`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({
          title: article.title,
          lead: 'Edited once before the crash.',
          body: article.body,
          section: 'politics',
          tags: ['Crash test'],
          status: 'published',
          publishedAt: article.publishedAt,
          version: article.version,
        }),
      }).catch(() => undefined);
      if (edit?.status === 200) edited.set(article.id, JSON.parse(edit.body).version);
    }
  };
  const reader = async (lane: number) => {
    for (let n = 0; !killed; n++) {
      const answer = await ask(`/api/articles/${nato.id}/views`, {
        method: 'POST',
        headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Reader/${lane}.${n}` },
      }).catch(() => undefined);
      if (answer?.status === 202 && JSON.parse(answer.body).counted) counted.push(Date.now());
    }
  };
  const load = Promise.all([publisher(), publisher(), reader(1), reader(2), reader(3)]);
  // Three seconds of load at least, and until enough is in flight to mean something (a busy
  // machine does less in three seconds), for a minute at most.
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (Date.now() - started >= 3000 && created.length >= 5 && counted.length >= 100) break;
  }
  killedAt = Date.now();
  process.kill(-child.pid!, 'SIGKILL');
  killed = true;
  assert.equal(await exited, 'SIGKILL');
  await load;
  agent.destroy();
  assert.ok(created.length >= 5, `only ${created.length} articles were published before the kill`);
  assert.ok(counted.length >= 100, `only ${counted.length} views were counted before the kill`);
  t.diagnostic(
    `${created.length} published, ${edited.size} edited, ${counted.length} views counted, then kill -9`,
  );

  // The database as the crash left it (opening it replays the WAL, as the next start would).
  const db = new Database(path.join(dataDir, 'newsdesk.db'));
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(halfWritten(db), 0, 'every article has the revision of its version');
    const version = db.prepare('select version from articles where id = ?').pluck();
    for (const { id } of created)
      assert.ok(version.get(id) !== undefined, `article ${id} was answered 201 and lost`);
    for (const [id, v] of edited) assert.equal(version.get(id), v, `the edit of ${id} was answered and lost`);
    const views =
      Number(
        db
          .prepare('select coalesce((select views from article_view_totals where article_id = ?), 0)')
          .pluck()
          .get(nato.id),
      ) - nato.view_count;
    const settled = counted.filter((at) => at < killedAt - 1500).length;
    assert.ok(views <= counted.length, `${views} views written, only ${counted.length} counted`);
    assert.ok(
      views >= settled,
      `${views} views written; ${settled} were counted more than a second before the kill`,
    );
    t.diagnostic(
      `${views} of ${counted.length} counted views were written (${settled} were over a second old)`,
    );
  } finally {
    db.close();
  }

  // The next start serves and finds every answered article.
  const again = await buildApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  t.after(() => again.close());
  for (const { word } of created.slice(-3)) {
    const search = await again.inject(`/search?q=${word}`);
    assert.equal(search.statusCode, 200);
    assert.match(search.body, new RegExp(word), `search finds ${word} after the crash`);
  }
});
