/**
 * `node --import tsx bench/extraction-f1.ts`: how well `extractHtml` finds
 * an article's body, as token-level F1 against the body a person marked by
 * hand, for every page in test/fixtures/extract/ that has a sibling
 * `.expected.txt`. Tokens are lower-cased runs of letters and digits (any
 * script); overlap counts each token as often as both sides have it. Writes
 * bench/results/extraction-f1.json and prints a table.
 *
 * The pages are our own, written to look like real news sites' markup (a
 * news theme with full metadata, an old-style Bulgarian site in
 * windows-1251, a WordPress theme, an agency wire page); the rules were
 * written with them in view, so this is a development set, not a held-out
 * measure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml, extractHtml } from '../src/ingest/extract-html.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/extract');

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function f1(found: string[], expected: string[]): { precision: number; recall: number; f1: number } {
  const counts = new Map<string, number>();
  for (const t of expected) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of found) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const precision = found.length ? overlap / found.length : 0;
  const recall = expected.length ? overlap / expected.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const rows = fs
  .readdirSync(FIXTURES)
  .filter(
    (name) =>
      name.endsWith('.html') && fs.existsSync(path.join(FIXTURES, name.replace(/\.html$/, '.expected.txt'))),
  )
  .sort()
  .map((name) => {
    const article = extractHtml(decodeHtml(fs.readFileSync(path.join(FIXTURES, name))), { timeZone: 'UTC' });
    const expected = fs.readFileSync(path.join(FIXTURES, name.replace(/\.html$/, '.expected.txt')), 'utf8');
    return { page: name, ...f1(tokens(article.paragraphs.join('\n')), tokens(expected)) };
  });
const mean = (key: 'precision' | 'recall' | 'f1') => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
const result = {
  date: new Date().toISOString(),
  pages: rows,
  mean: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
};
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/extraction-f1.json'), JSON.stringify(result, null, 2) + '\n');
const pct = (n: number) => n.toFixed(3);
console.log('| page | precision | recall | F1 |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.page} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`);
console.log(
  `| **mean** | ${pct(result.mean.precision)} | ${pct(result.mean.recall)} | **${pct(result.mean.f1)}** |`,
);
