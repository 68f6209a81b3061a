import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freePort } from '../helpers/ports.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function waitFor(
  url: string,
  child: { exitCode: number | null },
  log: () => string,
): Promise<Response> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer from ${url} within 60 s:\n${log()}`);
}

test('npm start on an empty data folder serves the demo site, and stops gracefully', async (t) => {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-start-'));
  // Exactly what `npm start` runs (package.json "start"), as a child process.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.split(' ');
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SITE_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const home = await waitFor(`http://127.0.0.1:${port}/`, child, () => output);
  assert.equal(home.status, 200);
  const html = await home.text();
  assert.match(html, /The Sofia Ledger/);
  const link =
    /href="(\/articles\/\d+\/nato-has-rejected-russias-request-to-withdraw-troops-from-bulgaria-and-romania)"/.exec(
      html,
    );
  assert.ok(link, 'the home page links the NATO article');
  const article = await fetch(`http://127.0.0.1:${port}${link[1]}`);
  assert.equal(article.status, 200);
  assert.match(await article.text(), /January 22, 2022, Saturday \/\/ 12:06/);
  assert.ok(fs.existsSync(path.join(dataDir, 'newsdesk.db')), 'the database is in DATA_DIR');

  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0, `a graceful stop exits 0:\n${output.slice(-2000)}`);
});
