import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SYSTEM, updateArticle } from '../../src/content/index.js';
import { buildDemoApp } from '../helpers/build-app.js';
import { halfWritten, newsdesk } from '../helpers/site-on-disk.js';
import { paragraphs, publishedArticle } from '../helpers/factories.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Backups and restores of a demo site, with room for a busy machine. */
const slowNewsdesk = (dataDir: string, args: string[]) => newsdesk(dataDir, args, { timeoutMs: 120_000 });

test('a backup taken while the site writes restores into an empty site, whole', async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-backup-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const { app, config } = await buildDemoApp(t);
  const { content } = app.services;
  const file = path.join(folder, 'site.db');
  const count = () =>
    app.services.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  // Publish and edit without pause while `newsdesk backup` runs in its own process.
  const before = await count();
  const backup = spawn(process.execPath, ['bin/newsdesk.js', 'backup', file], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: config.dataDir, LOG_LEVEL: 'silent' },
  });
  let output = '';
  backup.stdout.on('data', (chunk) => (output += chunk));
  backup.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => backup.on('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  let written = 0;
  while (running) {
    const input = { title: `Written during the backup ${written + 1}`, section: 'politics' };
    const article = await publishedArticle(content, input);
    await updateArticle(content, SYSTEM, article.id, {
      ...input,
      body: paragraphs('Edited once.'),
      status: 'published',
      publishedAt: article.publishedAt,
    });
    written++;
    // The database answers synchronously: give the event loop a turn to see the backup end.
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(await exited, 0, output);
  assert.match(output, /backed up \d[\d,]* articles to .*site\.db/);
  assert.ok(written > 0, 'the site was written to while the backup ran');
  t.diagnostic(`${written} articles published and edited while the backup ran`);
  const after = await count();

  // The copy is one instant of the site: whole, and nothing half-saved.
  const copy = new SQLite(file, { readonly: true });
  const inCopy = copy.prepare('select count(*) from articles').pluck().get() as number;
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(halfWritten(copy), 0);
  copy.close();
  assert.ok(before <= inCopy && inCopy <= after, `${before} <= ${inCopy} <= ${after}`);

  // Restored into an empty site, the site serves it.
  const restoredDir = path.join(folder, 'restored');
  const restore = slowNewsdesk(restoredDir, ['restore', file]);
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, new RegExp(`restored ${inCopy.toLocaleString('en-GB')} articles`));
  const restored = await buildApp(
    loadConfig({ DATA_DIR: restoredDir, SITE_URL: 'https://news.example.org', LOG_LEVEL: 'silent' }),
  );
  t.after(() => restored.close());
  const last = await restored.services.db
    .selectFrom('articles')
    .select(['id', 'slug', 'title'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const page = await restored.inject(`/articles/${last.id}/${last.slug}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(last.title));
  await restored.close();

  // Never over a site with content; the site keeps what it had.
  const again = slowNewsdesk(restoredDir, ['restore', file]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already has articles, sections; restore goes into an empty site/);
  const kept = new SQLite(path.join(restoredDir, 'newsdesk.db'), { readonly: true });
  assert.equal(kept.prepare('select count(*) from articles').pluck().get(), inCopy);
  kept.close();
  // Never over an existing file.
  const twice = slowNewsdesk(config.dataDir, ['backup', file]);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /already exists; give a new file name/);
});

test('a damaged, cut short or foreign file is refused, and the site is left as it was', async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-restore-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const { config } = await buildDemoApp(t);
  const file = path.join(folder, 'site.db');
  assert.equal(slowNewsdesk(config.dataDir, ['backup', file]).code, 0);
  const whole = fs.readFileSync(file);

  const cut = path.join(folder, 'cut.db');
  fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
  const foreign = path.join(folder, 'foreign.db');
  const other = new SQLite(foreign);
  other.exec('create table notes (id integer primary key, text text)');
  other.close();
  const text = path.join(folder, 'notes.txt');
  fs.writeFileSync(text, 'not a database at all\n');

  const target = path.join(folder, 'target');
  for (const [name, message] of [
    [cut, /is not a whole SQLite database|is damaged/],
    [foreign, /is a SQLite database, but not a Newsdesk site/],
    [text, /is not a whole SQLite database/],
    [path.join(folder, 'missing.db'), /does not exist/],
  ] as const) {
    const result = slowNewsdesk(target, ['restore', name]);
    assert.equal(result.code, 1, `${name}: ${result.stdout}`);
    assert.match(result.stderr, message);
    assert.equal(fs.existsSync(path.join(target, 'newsdesk.db')), false, `${name} left a database behind`);
  }
});
