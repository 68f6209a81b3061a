/**
 * DATABASE_URL is all it takes: the command line and the server on a real
 * PostgreSQL server (TEST_DATABASE_URL; skipped without one), as an operator
 * runs them: `migrate`, a user, the commands that work on the SQLite file
 * refusing clearly, and `serve` filling an empty site with the demo and
 * answering readers, search included.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { serveProcess } from '../helpers/server-process.js';
import { newsdesk } from '../helpers/site-on-disk.js';

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
    const server = await serveProcess(t, { ...env, DATA_DIR: dataDir }, ['--workers', '1', '--demo']);
    const base = server.base;
    const home = await fetch(`${base}/`);
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
    assert.ok((await search.text()).includes(first[1]), `searching "${word}" finds the article`);
    assert.ok(
      !fs.existsSync(path.join(dataDir, 'newsdesk.db')),
      'the site lives in PostgreSQL, not in a file',
    );
    assert.equal(await server.stop(), 0, server.log());
  });
});
