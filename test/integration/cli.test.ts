import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildTestApp } from '../helpers/build-app.js';
import { newsdesk } from '../helpers/site-on-disk.js';

test('the first administrator and an API token from the command line', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-cli-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // The password comes from standard input when none is given and there is no terminal.
  const add = newsdesk(
    dataDir,
    ['user', 'add', '--role', 'admin', '--email', 'Chief@Example.org', '--name', 'Chief Editor'],
    { input: 'a long enough secret\n' },
  );
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stdout, /created admin chief@example\.org/);

  const bad = newsdesk(dataDir, [
    'user',
    'add',
    '--role',
    'boss',
    '--email',
    'x@example.org',
    '--password',
    'a long enough secret',
  ]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--role must be one of contributor, author, editor, admin, got "boss"/);
  const short = newsdesk(dataDir, [
    'user',
    'add',
    '--role',
    'author',
    '--email',
    'x@example.org',
    '--password',
    'short',
  ]);
  assert.equal(short.code, 1);
  assert.match(short.stderr, /password: must be at least 10 characters/);
  const missing = newsdesk(dataDir, ['token', 'create', '--email', 'nobody@example.org', '--name', 'x']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /there is no user nobody@example\.org/);

  const token = newsdesk(dataDir, [
    'token',
    'create',
    '--email',
    'chief@example.org',
    '--name',
    'wire importer',
  ]);
  assert.equal(token.code, 0, token.stderr);
  const secret = token.stdout.trim();
  assert.match(secret, /^nd_[A-Za-z0-9_-]{43}$/);

  const list = newsdesk(dataDir, ['user', 'list']);
  assert.match(list.stdout, /admin\tchief@example\.org\tChief Editor/);

  // The app on the same data folder knows both.
  const { app } = await buildTestApp(t, { config: { dataDir } });
  const me = await app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${secret}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.role, 'admin');
  assert.equal(
    (await app.inject('/admin/setup')).statusCode,
    404,
    'setup is closed once an administrator exists',
  );
});
