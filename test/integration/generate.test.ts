import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';

/*
 * `newsdesk generate`: a synthetic archive with a real newsroom's shape, and
 * a run stopped half-way that leaves only whole articles behind.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-generate-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function one<T>(db: Database.Database, query: string): T {
  return db.prepare(query).get() as T;
}

/** What must hold of any generated site, whole or stopped: every article whole, every kept count true. */
function assertConsistent(db: Database.Database): void {
  assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  const orphans = one<{ n: number }>(
    db,
    `select count(*) as n from articles a where not exists (select 1 from article_revisions r where r.article_id = a.id)
       or not exists (select 1 from article_tags t where t.article_id = a.id)`,
  );
  assert.equal(orphans.n, 0, 'every article has its revision and its tags');
  const counts = one<{ kept: number; real: number }>(
    db,
    `select (select sum(article_count) from tags) as kept, (select count(*) from article_tags) as real`,
  );
  assert.equal(counts.kept, counts.real, 'tags.article_count adds up');
  const statuses = one<{ kept: number; real: number }>(
    db,
    `select (select sum(n) from article_counts) as kept, (select count(*) from articles) as real`,
  );
  assert.equal(statuses.kept, statuses.real, 'article_counts adds up');
  const listing = one<{ n: number }>(
    db,
    `select count(*) as n from article_tags t join articles a on a.id = t.article_id
     where t.updated_at is not a.updated_at
        or t.live_at is not (case when a.status = 'published' then a.published_at end)`,
  );
  assert.equal(listing.n, 0, 'the listing columns follow their articles');
  // Each visible article is searchable, and has a related list or waits for one in the queue.
  const unsearchable = one<{ n: number }>(
    db,
    `select count(*) as n from articles a where a.status = 'published' and a.published_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       and not exists (select 1 from article_search s where s.rowid = a.id)`,
  );
  assert.equal(unsearchable.n, 0);
  const listless = one<{ n: number }>(
    db,
    `select count(*) as n from articles a where a.status = 'published' and a.published_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       and not exists (select 1 from article_related r where r.article_id = a.id)
       and not exists (select 1 from related_queue q where q.article_id = a.id)`,
  );
  assert.equal(listless.n, 0);
}

test('generate fills an empty site with a newsroom-shaped archive', async (t) => {
  const dataDir = tempDir(t);
  const run = spawnSync(
    process.execPath,
    ['bin/newsdesk.js', 'generate', '--articles', '3000', '--seed', '4'],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^generated 3000 articles in [\d.]+ s/m);

  const db = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
  t.after(() => db.close());
  assertConsistent(db);
  const shape = one<Record<string, number>>(
    db,
    `select (select count(*) from articles) as articles, (select count(*) from sections) as sections,
      (select count(*) from authors) as authors, (select count(*) from sources) as sources,
      (select count(*) from tags) as tags, (select max(article_count) from tags) as topTag,
      (select count(*) from article_related) as related, (select count(*) from related_queue) as queued,
      (select count(*) from article_views_daily) as days, (select count(*) from article_views_week) as week`,
  );
  assert.equal(shape.articles, 3000);
  assert.equal(shape.sections, 8);
  assert.equal(shape.authors, 50);
  assert.equal(shape.sources, 20);
  assert.ok(shape.tags > 1500, `about 2,000 tags, got ${shape.tags}`);
  const share = shape.topTag / shape.articles;
  assert.ok(share > 0.35 && share < 0.55, `the most used tag is on about 45% of articles, got ${share}`);
  assert.ok(shape.related > 3000 * 4, 'related lists were built at the end');
  assert.equal(shape.queued, 0, 'and the queue is empty');
  assert.ok(shape.days > 0 && shape.week > 0, 'recent articles have daily views and a week of most read');
  const span = one<{ first: string; last: string }>(
    db,
    `select min(published_at) as first, max(published_at) as last from articles where status = 'published'`,
  );
  const years = (Date.parse(span.last) - Date.parse(span.first)) / (365.25 * 86_400_000);
  assert.ok(years > 9.5 && years <= 10.1, `ten years of dates, got ${years}`);
  // Ids follow time, as on a real site.
  const outOfOrder = one<{ n: number }>(
    db,
    `select count(*) as n from articles a join articles b on b.id = a.id + 1
     where a.status = 'published' and b.status = 'published' and b.published_at < a.published_at`,
  );
  assert.equal(outOfOrder.n, 0);

  // The same seed gives the same archive; and generate refuses a site that has content.
  const again = spawnSync(process.execPath, ['bin/newsdesk.js', 'generate', '--articles', '10'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  assert.equal(again.status, 1);
  assert.match(again.stderr, /the site already has content/);
});

test('SIGTERM during a long generate stops it within 10 s, with only whole articles written', async (t) => {
  const dataDir = tempDir(t);
  const child = spawn(process.execPath, ['bin/newsdesk.js', 'generate', '--articles', '500000'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  t.after(() => child.kill('SIGKILL'));

  // Wait for a few batches to be committed, as a reader of the database sees them.
  const file = path.join(dataDir, 'newsdesk.db');
  await committedArticles(file, child, 3000, () => output);
  const signalled = Date.now();
  child.kill('SIGTERM');
  const code = await exited;
  const seconds = (Date.now() - signalled) / 1000;
  assert.ok(seconds < 10, `stopped in ${seconds} s`);
  assert.equal(code, 130, output);
  assert.match(output, /stopped: \d+ articles written whole/);

  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const written = one<{ n: number }>(db, 'select count(*) as n from articles').n;
  assert.ok(written >= 3000 && written < 500_000);
  assert.equal(written % 1000, 0, 'batches of 1,000 are written whole or not at all');
  assertConsistent(db);
  assert.ok(
    one<{ n: number }>(db, 'select count(*) as n from related_queue').n > 0,
    'related lists wait in the queue',
  );
});

test('kill -9 during a long generate leaves whole batches only, consistent', async (t) => {
  const dataDir = tempDir(t);
  const child = spawn(process.execPath, ['bin/newsdesk.js', 'generate', '--articles', '500000'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  t.after(() => child.kill('SIGKILL'));
  const file = path.join(dataDir, 'newsdesk.db');
  await committedArticles(file, child, 2000, () => '');
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  // Opened for writing, as the next start would: SQLite replays the WAL up to the last commit.
  const db = new Database(file);
  t.after(() => db.close());
  const written = one<{ n: number }>(db, 'select count(*) as n from articles').n;
  assert.ok(written >= 2000, `${written} articles`);
  assert.equal(written % 1000, 0, 'a batch cut short by the kill left nothing');
  assertConsistent(db);
});

/** Waits until a reader of `file` sees at least `count` articles committed by the generate `child`. */
async function committedArticles(file: string, child: ChildProcess, count: number, output: () => string) {
  for (let articles = 0; articles < count;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (child.exitCode !== null) assert.fail(`generate stopped early: ${output()}`);
    if (!fs.existsSync(file)) continue;
    const db = new Database(file, { readonly: true });
    try {
      articles = one<{ n: number }>(db, `select count(*) as n from articles`).n;
    } catch {
      // The schema is still being created.
    } finally {
      db.close();
    }
  }
}
