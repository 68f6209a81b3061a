/**
 * The least work `newsdesk generate` could do per article on this machine:
 * each step alone, on one thread, in the most favourable setting (a fresh
 * database with no journal, no indexes and no triggers). Whatever the design,
 * the two cores cannot share out less than the sum.
 *
 *   node --import tsx bench/generation-floor.ts [--articles 20000]
 *
 * Prints µs an article per step; writes nothing but a scratch database in the
 * system's temporary folder, removed at the end.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { parseArgs } from 'node:util';
import { packArticles, prepareArticle } from '../src/content/bulk/bulk-writer.js';
import { archiveArticles, bulkInput, syntheticNewsroom } from '../src/content/synthetic/archive-plan.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' } } });
const n = Number(values.articles);
const rows: [string, number][] = [];
const step = <T>(name: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  rows.push([name, ((performance.now() - started) * 1000) / n]);
  return result;
};

const { plan, stories, random } = syntheticNewsroom(1);
const written = step('write the stories', () => [
  ...archiveArticles(random, stories, plan, n, new Date('2026-11-01T00:00:00Z')),
]);
const prepared = step('check and serialise (prepareArticle)', () =>
  written.map((a, i) => prepareArticle(bulkInput(a), `articles[${i}]`)),
);
step('hand over between threads (packArticles: UTF-8 bytes)', () => packArticles(prepared));
// Not counted: what the handover cost as objects (both sides of postMessage's structured clone).
const started = performance.now();
v8.deserialize(v8.serialize(prepared));
const asObjects = ((performance.now() - started) * 1000) / n;

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-floor-'));
try {
  const db = new Database(join(folder, 'floor.db'));
  db.pragma('journal_mode = off');
  db.pragma('synchronous = off');
  db.pragma('cache_size = -1048576');
  db.exec(`
    create table articles (id integer primary key, slug text, title text, lead text, body text,
      section_id integer, status text, published_at text, created_at text, updated_at text, view_count integer);
    create table article_tags (article_id integer, tag_id integer, position integer, live_at text,
      updated_at text, primary key (article_id, tag_id)) without rowid;
    create virtual table article_search using fts5(title, lead, body, tags, content = '',
      contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    create virtual table article_titles using fts5(title, lead, content = '',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '3');`);
  const insert = (
    name: string,
    statement: string,
    each: (a: (typeof prepared)[number], id: number) => unknown[][],
  ) => {
    const run = db.prepare(statement);
    step(name, () =>
      db.transaction(() => prepared.forEach((a, i) => each(a, i + 1).forEach((p) => run.run(p))))(),
    );
  };
  insert('article rows, no index', 'insert into articles values (?,?,?,?,?,?,?,?,?,?,?)', (a, id) => [
    [
      id,
      `slug-${id}`,
      a.title,
      a.lead,
      a.bodyJson,
      a.sectionId,
      a.status,
      a.publishedAt,
      a.createdAt,
      a.updatedAt,
      0,
    ],
  ]);
  insert('tag rows, primary key only', 'insert into article_tags values (?,?,?,?,?)', (a, id) =>
    a.tagIds.map((tag, position) => [id, tag, position, a.publishedAt, a.updatedAt]),
  );
  insert(
    'site search (FTS5)',
    'insert into article_search (rowid, title, lead, body, tags) values (?,?,?,?,?)',
    (a, id) => [[id, a.title, a.lead, a.bodyText, a.tagIds.join(' ')]],
  );
  insert(
    'headline search (FTS5)',
    'insert into article_titles (rowid, title, lead) values (?,?,?)',
    (a, id) => [[id, a.title, a.lead]],
  );
  db.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const total = rows.reduce((sum, [, us]) => sum + us, 0);
for (const [name, us] of rows) console.log(`${us.toFixed(0).padStart(6)} µs  ${name}`);
console.log(
  `${total.toFixed(0).padStart(6)} µs  in all: at most ${Math.floor(2e6 / total)} articles a second on two cores, ` +
    'before indexes, triggers, revisions, related lists and commits',
);
console.log(
  `(handing the articles over as objects instead would cost ${asObjects.toFixed(0)} µs an article)`,
);
