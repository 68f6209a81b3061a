import type { SnippetPart } from './search-index.js';

/**
 * Snippets: the few words around the match, with the matched words marked.
 * The index keeps no copy of the text (article_search is contentless), so a
 * snippet is made here from the article's own text for the page's hits only,
 * with FTS5's notion of a word (unicode61: letters and numbers, case and
 * accents folded). No HTML is built: the template wraps match parts in <mark>
 * and escapes everything.
 */

/** Words a snippet shows. */
export const SNIPPET_TOKENS = 24;

const TOKEN = /[\p{L}\p{N}]+/gu;
const ELLIPSIS = '…';

/** Text as the index may hold it: without private-use characters. */
export function indexableText(text: string): string {
  // Asked first by code unit (the private-use area, and the surrogates that begin planes 15 and
  // 16), which is quicker than the Unicode property over a whole story; most texts have none.
  return PRIVATE_USE_UNITS.test(text) ? text.replace(/\p{Co}/gu, '') : text;
}

const PRIVATE_USE_UNITS = /[\uE000-\uF8FF\uDB80-\uDBFF]/;

/** A term of a MATCH expression made by toMatchExpression: its words, folded, and whether the last is a prefix. */
export interface Term {
  words: string[];
  prefix: boolean;
  /** The term as the MATCH expression has it, e.g. `"bulg"*`. */
  fts: string;
}

/**
 * The terms of an expression from toMatchExpression (quoted strings, ANDed,
 * a trailing `*` for a prefix); inside the quotes, words as the tokenizer sees them.
 *
 * @example termsOf('"prime minister" AND "bulg"*') // [{ words: ['prime', 'minister'], prefix: false, fts: '"prime minister"' }, { words: ['bulg'], prefix: true, fts: '"bulg"*' }]
 */
export function termsOf(expression: string): Term[] {
  return [...expression.matchAll(/"([^"]*)"(\*?)/g)]
    .map(([fts, text, star]) => ({ words: (text.match(TOKEN) ?? []).map(fold), prefix: star === '*', fts }))
    .filter((t) => t.words.length > 0);
}

/**
 * The snippet for a hit: the body around its best run of matches; else the
 * standfirst around its match, or its opening words when only the headline or
 * tags matched.
 */
export function makeSnippet(body: string, lead: string, terms: Term[]): SnippetPart[] {
  const cleanLead = indexableText(lead);
  return around(indexableText(body), terms) ?? around(cleanLead, terms) ?? opening(cleanLead);
}

/**
 * Which of `terms` (by index) occur in `text`, by the same rules as snippets.
 * Ranking asks it of each candidate's headline and standfirst (1,400 texts a
 * search), so a term is looked for where its first word occurs, the text is
 * not split into words: splitting them all, `"the minister"` allocated 4 MB
 * a search and `government` 1.1 MB; now 0.6 MB each (docs/PERFORMANCE.md).
 */
export function termsIn(text: string, terms: Term[]): Set<number> {
  const folded = fold(indexableText(text));
  const found = new Set<number>();
  terms.forEach((term, t) => {
    if (occursIn(folded, term)) found.add(t);
  });
  return found;
}

/**
 * Whether `term` is among the words of `folded` (a folded text): its first
 * word found as a whole word (or, for a beginning, at a word's start), and each
 * next word as the word after it. A word is a run of TOKEN's characters, as
 * eachWord reads them.
 */
function occursIn(folded: string, term: Term): boolean {
  const { words, prefix } = term;
  const last = words.length - 1;
  for (let at = folded.indexOf(words[0]); at >= 0; at = folded.indexOf(words[0], at + 1)) {
    if (wordBefore(folded, at)) continue;
    let end = at + words[0].length;
    if (!(prefix && last === 0) && wordAt(folded, end)) continue;
    let i = 1;
    for (; i <= last; i++) {
      // The next word: past what is between (no letters or numbers; a code unit at a time, as the
      // second half of a surrogate pair begins no word).
      let next = end;
      while (next < folded.length && !wordAt(folded, next)) next++;
      const word = words[i];
      if (!folded.startsWith(word, next)) break;
      end = next + word.length;
      if (!(prefix && i === last) && wordAt(folded, end)) break;
    }
    if (i > last) return true;
  }
  return false;
}

/** Whether a letter or number (TOKEN's) begins at `i`. */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  return code < 0x80 ? isAsciiWord(code) : isLetterOrNumber(text.codePointAt(i)!);
}

/** Whether a letter or number (TOKEN's) ends just before `i`. */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 0x80) return isAsciiWord(code);
  // The second half of a surrogate pair: the character is the pair.
  if (code >= 0xdc00 && code <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isLetterOrNumber(text.codePointAt(i - 2)!);
  }
  return isLetterOrNumber(code);
}

function isAsciiWord(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Pairs kept of one article: well beyond a story's (a few hundred), bounded for a book's. */
const MOST_PAIRS = 20_000;

/**
 * Each different pair of neighbouring words in `texts` (each text on its
 * own: no pair spans two), as a phrase's words are matched (`"sao paulo"` in
 * `São Paulo’s`), each as pairKey has it; at most MOST_PAIRS of them.
 * PostgreSQL finds phrases by them (postgres-fts.ts).
 */
export function wordPairs(texts: string[]): Set<number> {
  const pairs = new Set<number>();
  for (const text of texts) {
    const words = tokens(indexableText(text));
    for (let i = 1; i < words.length && pairs.size < MOST_PAIRS; i++)
      pairs.add(pairKey(words[i - 1].word, words[i].word));
  }
  return pairs;
}

/**
 * Two folded words side by side, as a number of 53 bits (cyrb53, a public-domain
 * hash): 8 bytes in an index entry whatever the words. Two different pairs
 * sharing one is about as likely, among a million articles' tens of millions
 * of pairs, as one in a hundred million searches finding one story too many.
 */
export function pairKey(first: string, second: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = `${first} ${second}`;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

interface Token {
  start: number;
  end: number;
  word: string;
}

function tokens(text: string): Token[] {
  // Lower-cased once (when that keeps every character where it was, as it does but for a few
  // letters such as `İ`); then only a word with a letter beyond ASCII needs folding on its own.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const words: Token[] = [];
  const lowered = source === lower;
  eachWord(source, (start, end, ascii) => {
    const word = source.slice(start, end);
    words.push({ start, end, word: ascii ? (lowered ? word : word.toLowerCase()) : fold(word) });
  });
  return words;
}

/**
 * Each run of letters and numbers in `text` (TOKEN's words, in order), and whether it is
 * plain ASCII: a loop over the characters, asking TOKEN's class only beyond ASCII. Matching
 * TOKEN itself took 150-180 µs on a 3,000-character story, most of a snippet's time.
 */
function eachWord(text: string, visit: (start: number, end: number, ascii: boolean) => void): void {
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    if (code < 0x80) {
      inWord = isAsciiWord(code);
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      inWord = isLetterOrNumber(point);
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code >= 0x80) ascii = false;
    } else if (start >= 0) {
      visit(start, i, ascii);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) visit(start, text.length, ascii);
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Beyond ASCII, whether a character is TOKEN's, remembered for the Basic Multilingual Plane. */
const bmpClass = new Uint8Array(0x10000);
function isLetterOrNumber(point: number): boolean {
  if (point > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(point));
  if (bmpClass[point] === 0) bmpClass[point] = LETTER_OR_NUMBER.test(String.fromCharCode(point)) ? 1 : 2;
  return bmpClass[point] === 1;
}

/** Lower case, accents removed: unicode61 with remove_diacritics. Plain ASCII needs only the first. */
function fold(text: string): string {
  return isAscii(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * The window of SNIPPET_TOKENS words with the most different terms (then the
 * most matches), centred on its matches; undefined when nothing matches.
 */
function around(text: string, terms: Term[]): SnippetPart[] | undefined {
  const words = tokens(text);
  const matches: { first: number; last: number; term: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    terms.forEach((term, t) => {
      if (matchesAt(words, i, term)) matches.push({ first: i, last: i + term.words.length - 1, term: t });
    });
  }
  if (matches.length === 0) return undefined;
  let best = { score: -1, from: 0, to: 0 };
  for (const [a, anchor] of matches.entries()) {
    const inside = matches.slice(a).filter((m) => m.last < anchor.first + SNIPPET_TOKENS);
    const score = 1000 * new Set(inside.map((m) => m.term)).size + inside.length;
    if (score > best.score) best = { score, from: anchor.first, to: Math.max(...inside.map((m) => m.last)) };
  }
  const slack = SNIPPET_TOKENS - (best.to - best.from + 1);
  let first = Math.max(0, best.from - Math.floor(slack / 2));
  const last = Math.min(words.length - 1, first + SNIPPET_TOKENS - 1);
  first = Math.max(0, Math.min(first, last - SNIPPET_TOKENS + 1));
  const shown = matches.filter((m) => m.first >= first && m.last <= last);
  return parts(text, words, first, last, shown);
}

/** The opening words of a text, unmarked. */
function opening(text: string): SnippetPart[] {
  const words = tokens(text);
  if (words.length === 0) return text.trim() ? [{ text: text.trim(), match: false }] : [];
  return parts(text, words, 0, Math.min(words.length, SNIPPET_TOKENS) - 1, []);
}

function matchesAt(words: Token[], i: number, term: Term): boolean {
  const n = term.words.length;
  if (i + n > words.length) return false;
  for (let j = 0; j < n; j++) {
    const word = words[i + j].word;
    const wanted = term.words[j];
    const last = j === n - 1;
    if (last && term.prefix ? !word.startsWith(wanted) : word !== wanted) return false;
  }
  return true;
}

/** Words first..last of `text` (the text's own ends when the window reaches them), matches marked. */
function parts(
  text: string,
  words: Token[],
  first: number,
  last: number,
  matches: { first: number; last: number }[],
): SnippetPart[] {
  const from = first === 0 ? 0 : words[first].start;
  const to = last === words.length - 1 ? text.length : words[last].end;
  const out: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const previous = out[out.length - 1];
    if (previous && previous.match === match) previous.text += piece;
    else out.push({ text: piece, match });
  };
  if (first > 0) push(ELLIPSIS, false);
  let at = from;
  for (const m of matches.sort((a, b) => a.first - b.first)) {
    const start = words[m.first].start;
    if (start < at) continue;
    push(text.slice(at, start), false);
    push(text.slice(start, words[m.last].end), true);
    at = words[m.last].end;
  }
  push(to === text.length ? text.slice(at, to).trimEnd() : text.slice(at, to), false);
  if (last < words.length - 1) push(ELLIPSIS, false);
  if (first === 0 && out[0]) out[0] = { ...out[0], text: out[0].text.trimStart() };
  return out.filter((p) => p.text);
}
