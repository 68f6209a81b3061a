/**
 * scripts/test-postgres.sh with PGTEST_HUGE_PAGES=1 and PGTEST_SHARED_BUFFERS,
 * the way the benchmark's PostgreSQL is started: a server of its own on huge
 * pages, with the shared buffers asked for, the kernel asked
 * for the pages it lacks, and those given back by `stop`. Skipped where the
 * script cannot ask (not root, or the kernel's setting is read-only) or
 * PostgreSQL's server programs are missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { freePort } from '../helpers/ports.js';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/test-postgres.sh');
const NR_HUGEPAGES = '/proc/sys/vm/nr_hugepages';

function skipped(): string | false {
  if (!fs.existsSync('/usr/lib/postgresql')) return 'PostgreSQL’s server programs are not installed';
  if (process.getuid?.() !== 0) return 'asking the kernel for huge pages needs root';
  try {
    fs.accessSync(NR_HUGEPAGES, fs.constants.W_OK);
    return false;
  } catch {
    return `${NR_HUGEPAGES} cannot be written here`;
  }
}

const reserved = () => Number(fs.readFileSync(NR_HUGEPAGES, 'utf8'));

test(
  'PGTEST_HUGE_PAGES=1: a server on huge pages with the shared buffers asked for, and the pages given back at stop',
  { skip: skipped() },
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hugepages-'));
    const env = {
      ...process.env,
      PGTEST_DIR: dir,
      PGTEST_PORT: String(await freePort()),
      PGTEST_HUGE_PAGES: '1',
      PGTEST_SHARED_BUFFERS: '192MB',
    };
    const before = reserved();
    const start = spawnSync('bash', [SCRIPT, 'start'], { env, encoding: 'utf8' });
    try {
      // The kernel may have no 2 MB runs of memory left to give (after long uptime): not the script's fault.
      if (start.status !== 0 && /memory too fragmented/.test(start.stderr)) {
        t.skip(start.stderr.trim());
        return;
      }
      assert.equal(start.status, 0, start.stderr);
      const url = /TEST_DATABASE_URL=(\S+)/.exec(start.stdout)?.[1];
      assert.ok(url, start.stdout);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ huge_pages: string }>('show huge_pages');
        // With `on`, PostgreSQL refuses to start at all rather than run without them.
        assert.equal(rows[0].huge_pages, 'on');
      } finally {
        await client.end();
      }
      const added = fs.existsSync(path.join(dir, 'hugepages-added'))
        ? Number(fs.readFileSync(path.join(dir, 'hugepages-added'), 'utf8'))
        : 0;
      assert.equal(reserved(), before + added, 'the kernel holds what the script asked for');
    } finally {
      const stop = spawnSync('bash', [SCRIPT, 'stop'], { env, encoding: 'utf8' });
      assert.equal(stop.status, 0, stop.stderr);
    }
    assert.equal(reserved(), before, 'given back');
    assert.equal(fs.existsSync(dir), false, 'the server’s folder removed');
  },
);
