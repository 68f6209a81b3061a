/**
 * Search's statements, word by word, on a PostgreSQL site: each word
 * searched as the site does (`createSearchIndex(...).search`), with the time
 * of each statement it made, the slowest searches first. For finding which
 * step of a slow search is slow; `npm run bench` gives the percentiles.
 *
 *   node --import tsx bench/search-words.ts DATABASE_URL [TITLES] [SHOWN]
 *
 * The words are those of more than six letters in TITLES (20) random
 * articles' headlines, or WORDS (comma-separated) if set. Run it twice: the
 * first pass reads from disk what the second finds in memory. ADMIN=1 asks
 * the back office's list instead (`listForAdmin` with the word, a page of 50).
 * PASSES=n searches the words n times in the one process and shows the last
 * pass: its connections warm, as a running server's are.
 */
import { sql } from 'kysely';
import { openPostgres } from '../src/db/postgres.js';
import { listForAdmin } from '../src/content/index.js';
import { createSearchIndex } from '../src/search/index.js';

const [url, titles = '20', shown = '5'] = process.argv.slice(2);
if (!url) throw new Error('usage: bench/search-words.ts DATABASE_URL [TITLES] [SHOWN]');
let steps: string[] = [];
const db = openPostgres(url, {
  log: (event) => {
    if (event.level === 'query')
      steps.push(
        `${Math.round(event.queryDurationMillis)} ms ${event.query.sql.replace(/\s+/g, ' ').slice(0, 120)}`,
      );
  },
});
const index = createSearchIndex(db, () => new Date());
const { rows } = await sql<{ title: string }>`select title from articles
  where id in (select id from articles order by random() limit ${Number(titles)})`.execute(db);
const words = process.env.WORDS
  ? process.env.WORDS.split(',')
  : [...new Set(rows.flatMap((r) => r.title.split(/\s+/).filter((x) => x.length > 6)))];
let results: { word: string; ms: number; total: number; steps: string[] }[] = [];
for (let pass = Number(process.env.PASSES ?? 1); pass > 0; pass--) {
  results = [];
  for (const word of words) {
    steps = [];
    const started = performance.now();
    const found = process.env.ADMIN
      ? await listForAdmin(db, index, { q: word }, { limit: 50, offset: 0 })
      : await index.search(word, { limit: 20, offset: 0 });
    results.push({ word, ms: Math.round(performance.now() - started), total: found.total, steps });
  }
}
results.sort((a, b) => b.ms - a.ms);
for (const r of results.slice(0, Number(shown)))
  console.log(`${r.ms} ms ${r.word} (${r.total})\n  ${r.steps.join('\n  ')}`);
console.log(results.map((r) => `${r.word}:${r.ms}`).join(' '));
await db.destroy();
