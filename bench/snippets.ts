/**
 * Search's own work in JavaScript, on texts from a generated archive:
 * ranking 700 candidates (termsIn on each headline and standfirst) and
 * making a page's 20 snippets (makeSnippet on stories), three rounds.
 *
 *   node --import tsx bench/snippets.ts [ARCHIVE_DB] [OTHER_MODULE]
 *
 * ARCHIVE_DB is a SQLite archive (default: the 100,000-article one that
 * `npm run bench -- --articles 100000` keeps in bench/.cache). OTHER_MODULE,
 * a copy of src/search/snippet.ts from before a change (`git show
 * REV:src/search/snippet.ts > /tmp/snippet-old.ts`), is timed beside the
 * current one, alternately, after checking that both give the same answers
 * for every text and query here.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bodyText, type BodyDoc } from '../src/content/index.js';
import * as current from '../src/search/snippet.js';

type Snippets = Pick<typeof current, 'termsOf' | 'termsIn' | 'makeSnippet'>;

const [file = 'bench/.cache/archive-100000-seed-1/newsdesk.db', other] = process.argv.slice(2);
const db = new Database(file, { readonly: true, fileMustExist: true });
const rows = db.prepare('select title, lead, body from articles order by random() limit 3000').all() as {
  title: string;
  lead: string;
  body: string;
}[];
db.close();
const stories = rows.slice(0, 200).map((r) => bodyText(JSON.parse(r.body) as BodyDoc));
const QUERIES = [
  '"government"',
  '"minister"',
  '"bulg"*',
  '"prime minister"',
  '"flood" AND "river"',
  '"energy" AND "pri"*',
  '"the" AND "minister"',
  '"café"',
  '"софия"',
];
// Texts in other scripts and with private-use characters, beside the archive's English.
const EXTRA = [
  'Café in São Paulo: prices rise',
  'Премиерът на България и София',
  'PRIME Minister flood-river energy-prices 2026',
  'na\uE000to fer\u{F0000}ry İstanbul ΣΟΦΙΑ',
];

const modules: [string, Snippets][] = [['current', current]];
if (other) modules.push([path.basename(other), (await import(path.resolve(other))) as Snippets]);
if (modules.length === 2) {
  const [[, a], [, b]] = modules;
  for (const q of QUERIES) {
    const terms = a.termsOf(q);
    assert.deepEqual(b.termsOf(q), terms);
    for (const text of [...rows.flatMap((r) => [r.title, r.lead]), ...EXTRA])
      assert.deepEqual(a.termsIn(text, terms), b.termsIn(text, terms), `${q} in ${text}`);
    for (const story of [...stories, ...EXTRA])
      assert.deepEqual(a.makeSnippet(story, rows[0].lead, terms), b.makeSnippet(story, rows[0].lead, terms));
  }
  console.log(
    `the same answers for ${QUERIES.length} queries on ${rows.length * 2} headlines and standfirsts and ${stories.length} stories`,
  );
}

const mean = (f: () => void) => {
  const started = performance.now();
  for (let i = 0; i < 20; i++) f();
  return (performance.now() - started) / 20;
};
for (let round = 1; round <= 3; round++) {
  for (const [name, m] of modules) {
    const terms = m.termsOf('"minister"');
    const ranking = mean(() => {
      for (const r of rows.slice(0, 700)) {
        m.termsIn(r.title, terms);
        m.termsIn(r.lead, terms);
      }
    });
    const snippets = mean(() => {
      for (const story of stories.slice(0, 20)) m.makeSnippet(story, rows[0].lead, terms);
    });
    console.log(
      `round ${round}, ${name}: ranking 700 candidates ${ranking.toFixed(2)} ms, 20 snippets ${snippets.toFixed(2)} ms`,
    );
  }
}
