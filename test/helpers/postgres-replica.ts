import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CleanUp } from './build-app.js';
import { POSTGRES_SKIPPED } from './postgres.js';

/** Debian's PostgreSQL server programs, the newest installed. */
const BIN = fs.existsSync('/usr/lib/postgresql')
  ? fs
      .readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(a) - Number(b))
      .map((version) => path.join('/usr/lib/postgresql', version, 'bin'))
      .filter((bin) => fs.existsSync(path.join(bin, 'pg_basebackup')))
      .at(-1)
  : undefined;

/** Why the replica tests cannot run here, or false. */
export const REPLICA_SKIPPED =
  POSTGRES_SKIPPED ||
  (BIN === undefined && process.env.CI !== 'true'
    ? 'read replica skipped: PostgreSQL’s server programs are not installed (apt-get install postgresql)'
    : false);

export interface ReplicatedPostgres {
  /** The database `newsdesk` on the primary, and the same on its streaming replica. */
  primary: string;
  replica: string;
  /** Stops the replica replaying the primary's log (`pg_wal_replay_pause`), or starts it again. */
  replay(on: boolean): Promise<void>;
}

/**
 * A PostgreSQL primary and a streaming replica of it, each its own server on
 * 127.0.0.1, made for one test (initdb, then `pg_basebackup -R`) and removed
 * after it. As root the servers run as the `postgres` user, which
 * PostgreSQL requires.
 */
export async function replicatedPostgres(t: CleanUp): Promise<ReplicatedPostgres> {
  if (!BIN) throw new Error('PostgreSQL’s server programs are not installed: apt-get install postgresql');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync('chown', ['postgres:', root]);
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(BIN, program);
    const result = spawnSync(
      command,
      asRoot ? ['-u', 'postgres', '--', path.join(BIN, program), ...args] : args,
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (result.status !== 0)
      throw new Error(`${program} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  };
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const server = (name: string, port: number) => [
    '-D',
    path.join(root, name),
    '-l',
    path.join(root, `${name}.log`),
    '-w',
    '-t',
    '60',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off`,
  ];
  const stop = (name: string) => {
    if (fs.existsSync(path.join(root, name, 'postmaster.pid')))
      run('pg_ctl', ['-D', path.join(root, name), '-m', 'immediate', '-w', 'stop']);
  };
  t.after(async () => {
    for (const name of ['replica', 'primary']) {
      try {
        stop(name);
      } catch {
        // Removed below all the same.
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  run('initdb', [
    '-D',
    path.join(root, 'primary'),
    '-U',
    'newsdesk',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  run('pg_ctl', ['start', ...server('primary', primaryPort)]);
  await query(`postgres://newsdesk@127.0.0.1:${primaryPort}/postgres`, 'create database newsdesk');
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'newsdesk',
    '-D',
    path.join(root, 'replica'),
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  run('pg_ctl', ['start', ...server('replica', replicaPort)]);
  const replica = `postgres://newsdesk@127.0.0.1:${replicaPort}/newsdesk`;
  return {
    primary: `postgres://newsdesk@127.0.0.1:${primaryPort}/newsdesk`,
    replica,
    replay: (on) => query(replica, on ? 'select pg_wal_replay_resume()' : 'select pg_wal_replay_pause()'),
  };
}

async function query(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A port nothing listens on now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
