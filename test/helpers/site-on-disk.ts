/**
 * A site in a folder, worked on from outside the test process: the demo site
 * made on disk (demoSiteOnDisk), requests to it served by a child process
 * (send), the command line run on it (newsdesk), and a check of its database
 * as a crash or a copy left it (halfWritten).
 */
import type SQLite from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createApiToken, createUser, SYSTEM } from '../../src/content/index.js';
import { ALL_TIME_VIEWS } from '../../src/content/articles/articles.repository.js';
import { createServices } from '../../src/services.js';
import type { CleanUp } from './build-app.js';
import { NATO_SLUG } from './build-app.js';
import { freePort } from './ports.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * A demo site on disk, for a test that serves it with `newsdesk serve` in a
 * process of its own: the environment to start it with (a free port on
 * 127.0.0.1), an editor's API token, and the NATO article as it was before
 * the server started. The folder goes after the test.
 */
export async function demoSiteOnDisk(t: CleanUp, name: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-${name}-`));
  t.after(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SITE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
  };
  const services = await createServices(loadConfig({ ...env, NEWSDESK_DEMO: '1' }));
  const editor = await createUser(
    services.db,
    SYSTEM,
    { email: 'desk@example.org', name: 'Desk Editor', role: 'editor', password: 'a long test password' },
    new Date(),
  );
  const token = await createApiToken(services.db, editor.id, 'test', new Date());
  const article = await services.db
    .selectFrom('articles')
    .select(['id', 'slug', ALL_TIME_VIEWS.as('view_count')])
    .where('slug', '=', NATO_SLUG)
    .executeTakeFirstOrThrow();
  await services.stop();
  return { dataDir, port, env, token, article };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request to 127.0.0.1:port; on a connection of its own unless an agent is
 * given (so that a cluster hands each to the next worker).
 */
export function send(
  port: number,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: url,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent ?? false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Articles whose current version has no revision: a save cut in half (0 in a sound database). */
export function halfWritten(db: SQLite.Database): number {
  return db
    .prepare(
      `select count(*) from articles a where not exists
         (select 1 from article_revisions r where r.article_id = a.id and r.version = a.version)`,
    )
    .pluck()
    .get() as number;
}

/** `newsdesk …` run to its end on the site in `dataDir`, with `input` on its standard input. */
export function newsdesk(dataDir: string, args: string[], options: CommandOptions = {}) {
  const result = spawnSync(process.execPath, ['bin/newsdesk.js', ...args], {
    ...where(dataDir, options),
    input: options.input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process: for commands that talk to a
 * server the test itself runs (a local S3 server, say).
 */
export function newsdeskAsync(
  dataDir: string,
  args: string[],
  options: CommandOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/newsdesk.js', ...args], {
    ...where(dataDir, options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.input ?? '');
  options.started?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

interface CommandOptions {
  input?: string;
  /** newsdeskAsync only: the command's process, as soon as it is started (to signal it, say). */
  started?: (child: ChildProcess) => void;
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Where and for how long both run `newsdesk …`: on the site in `dataDir`, with `env` added. */
function where(dataDir: string, options: CommandOptions) {
  return {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  };
}
