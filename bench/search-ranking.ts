/**
 * `node --import tsx bench/search-ranking.ts [--articles N]`: the bounded
 * search's first ten against the ranking it replaced (bm25 of every match,
 * weights title 10, lead 4, body 1, tags 6, times the same recency boost), on
 * a generated archive (bench/.cache, as `npm run bench` makes it) and a fixed
 * set of queries: how many of the old first ten are in the new first ten,
 * and whether the first result is the same. Prints a table; writes
 * bench/results/search-ranking-N.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { createSearchIndex } from '../src/search/index.js';
import { toMatchExpression } from '../src/search/search-query.js';

const QUERIES = [
  'said',
  'government',
  'minister',
  'police',
  'energy prices',
  'minister said',
  '"the minister"',
  'min*',
  'elections',
  'football',
  'health care',
  'market',
  'council',
  'court ruling',
  'strike',
  'budget',
  'floods',
  'university',
  'climate',
  'hospital',
];

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const size = Number(values.articles);
const dir = path.join(import.meta.dirname, '.cache', `archive-${size}-seed-1`);
if (!fs.existsSync(path.join(dir, 'generated.json')))
  throw new Error(`no archive of ${size} articles in ${dir}: run npm run bench -- --articles ${size} first`);
// Read only: a copy, so the cached archive stays as generated.
const copy = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'newsdesk-ranking-'));
fs.copyFileSync(path.join(dir, 'newsdesk.db'), path.join(copy, 'newsdesk.db'));
const db = openDatabase({ dataDir: copy });
const now = new Date().toISOString();
const index = createSearchIndex(db, () => new Date(now));

const rows: { query: string; matches: number; overlap: number; sameFirst: boolean }[] = [];
for (const query of QUERIES) {
  const expression = toMatchExpression(query)!;
  const old = await sql<{ id: number }>`
    select articles.id from article_search cross join articles
    where article_search match ${expression} and articles.id = article_search.rowid
      and articles.status = 'published' and articles.published_at <= ${now}
    order by bm25(article_search, 10.0, 4.0, 1.0, 6.0)
      * (1 + 1 / (1 + max(0, julianday(${now}) - julianday(articles.published_at)) / 30.0)),
      articles.published_at desc, articles.id desc
    limit 10`.execute(db);
  const matches = await sql<{ n: number }>`
    select count(*) as n from article_search where article_search match ${expression}`.execute(db);
  const now10 = (await index.search(query, { limit: 10, offset: 0 })).hits.map((h) => h.article.id);
  const before = old.rows.map((r) => r.id);
  rows.push({
    query,
    matches: matches.rows[0].n,
    overlap: before.filter((id) => now10.includes(id)).length,
    sameFirst: before[0] === now10[0],
  });
}
await db.destroy();
fs.rmSync(copy, { recursive: true, force: true });

const mean = rows.reduce((n, r) => n + r.overlap, 0) / rows.length;
const lines = [
  `| query | matches | old first ten in the new first ten | same first result |`,
  `|---|---|---|---|`,
  ...rows.map((r) => `| \`${r.query}\` | ${r.matches} | ${r.overlap} / 10 | ${r.sameFirst ? 'yes' : 'no'} |`),
  `| **mean** | | ${mean.toFixed(1)} / 10 | ${rows.filter((r) => r.sameFirst).length} of ${rows.length} |`,
];
console.log(lines.join('\n'));
fs.writeFileSync(
  path.join(import.meta.dirname, 'results', `search-ranking-${size}.json`),
  `${JSON.stringify({ articles: size, date: new Date().toISOString(), rows }, null, 2)}\n`,
);
