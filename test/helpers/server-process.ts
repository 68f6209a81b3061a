import { spawn } from 'node:child_process';
import path from 'node:path';
import type { CleanUp } from './build-app.js';
import { freePort } from './ports.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  base: string;
  /** What it printed so far. */
  log: () => string;
  /** Stops it gracefully (SIGTERM); resolves with its exit code. */
  stop: () => Promise<number | null>;
}

/**
 * `newsdesk serve` as an operator starts it, in a child process on a free
 * port of 127.0.0.1, with `env` added; resolves once it answers `/`, and
 * stops it after the test if the test did not.
 */
export async function serveProcess(
  t: CleanUp,
  env: Record<string, string>,
  args: string[] = ['--workers', '1'],
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/newsdesk.js', 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  t.after(async () => void (await stop()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log}`);
    try {
      await fetch(`${base}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${base} within 90 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { base, log: () => log, stop };
}
