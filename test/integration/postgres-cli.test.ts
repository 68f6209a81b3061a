/**
 * DATABASE_URL is all it takes: the command line and the server on a real
 * PostgreSQL server (TEST_DATABASE_URL; skipped without one), as an operator
 * runs them: `migrate`, a user, the commands that work on the SQLite file
 * refusing clearly, and `serve` filling an empty site with the demo and
 * answering readers, search included.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { freePort } from '../helpers/ports.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { newsdesk } from '../helpers/site-on-disk.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('DATABASE_URL: PostgreSQL from the command line', { skip: POSTGRES_SKIPPED }, () => {
  test('migrate, add a user, refuse the SQLite-only commands, and serve the demo site with search', async (t) => {
    const { url } = await freshPostgres(t);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pg-cli-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATABASE_URL: url };

    const migrate = newsdesk(dataDir, ['migrate'], { env });
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stdout, /applied: 0008-schema/);
    assert.match(newsdesk(dataDir, ['migrate'], { env }).stdout, /the database is up to date/);

    const add = newsdesk(
      dataDir,
      ['user', 'add', '--role', 'editor', '--email', 'desk@example.org', '--name', 'Night Desk'],
      { env, input: 'a long enough secret\n' },
    );
    assert.equal(add.code, 0, add.stderr);
    assert.match(newsdesk(dataDir, ['user', 'list'], { env }).stdout, /desk@example\.org/);

    const backup = newsdesk(dataDir, ['backup', path.join(dataDir, 'site.db')], { env });
    assert.equal(backup.code, 2);
    assert.match(backup.stderr, /works on the SQLite file in DATA_DIR.*pg_dump/);
    assert.ok(!fs.existsSync(path.join(dataDir, 'newsdesk.db')), 'no SQLite file was made');

    // The server, with the demo: DATABASE_URL is all it takes.
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/newsdesk.js', 'serve', '--workers', '1', '--demo'], {
      cwd: ROOT,
      env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    t.after(async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    });
    const base = `http://127.0.0.1:${port}`;
    const home = await waitFor(`${base}/`, child, () => log);
    assert.equal(home.status, 200);
    const page = await home.text();
    const first = /href="(\/articles\/\d+\/[^"]+)"/.exec(page);
    assert.ok(first, 'the home page lists articles');
    const article = await fetch(base + first[1]);
    assert.equal(article.status, 200);
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(await article.text())?.[1] ?? '';
    assert.ok(title.length > 0, 'the article has a headline');
    const word = title.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w))!;
    const search = await fetch(`${base}/search?q=${encodeURIComponent(word)}`);
    assert.equal(search.status, 200);
    assert.match(await search.text(), new RegExp(first[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.ok(!fs.existsSync(path.join(dataDir, 'newsdesk.db')), 'the site lives in PostgreSQL, not in a file');
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, log);
  });
});

async function waitFor(url: string, child: { exitCode: number | null }, log: () => string): Promise<Response> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer from ${url} within 90 s:\n${log()}`);
}
