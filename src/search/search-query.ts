/**
 * What a reader types, turned into an FTS5 MATCH expression that cannot fail.
 *
 * Every term is written as an FTS5 string (`"..."`), inside which only `"` is
 * special and we never let one through; so operators, column filters, `^`,
 * `NEAR(`, brackets and SQL-looking text are just text for the tokenizer.
 * Terms are ANDed: a hit must contain all of them.
 *
 * @example toMatchExpression('NATO summit')          // '"NATO" AND "summit"'
 * @example toMatchExpression('"prime minister" bulg*') // '"prime minister" AND "bulg"*'
 * @example toMatchExpression('🔥 -- ()')             // null
 */

/** Longer input is cut here before parsing, so a 10 MB paste costs nothing. */
export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 20;
/** A prefix of one character would expand to a large part of the vocabulary. */
const MIN_PREFIX_LENGTH = 2;

/** Upper-case FTS5 operators typed out of habit; dropped, since terms are ANDed anyway. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

// unicode61 makes tokens of letters, numbers and private-use characters; the
// last carry our snippet markers (see snippet.ts), so they never reach a query.
const TOKEN_CHAR = /[\p{L}\p{N}]/u;
const PREFIX_WORD = /[\p{L}\p{N}]+\*+$/u;
const CONTROL = /[\p{Cc}\p{Cs}]/gu;
const PRIVATE_USE = /\p{Co}/gu;
// Brackets split words too, so `NEAR(a b)` reads as the words it holds.
const WORD_SEPARATOR = /[\s(){}[\]]+/;
const TYPOGRAPHIC_QUOTES = /[“”„«»]/g;

/** The query as typed, tidied for showing back to the reader ("results for …"). */
export function typedQuery(input: string): string {
  return clean(input).replace(/\s+/g, ' ').trim();
}

/** A safe FTS5 MATCH expression for `input`, or null when nothing searchable is left. */
export function toMatchExpression(input: string): string | null {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const term of parseTerms(clean(input))) {
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * What an editor types in the back office, as an FTS5 expression over
 * article_titles: each word (letters and digits, the first eight) must start
 * a word of the headline or standfirst. Words are quoted, so nothing typed is
 * ever FTS5 syntax. Null when nothing typed is a word.
 *
 * @example headlineExpression('Bulg nato') // '"bulg"* AND "nato"*'
 */
export function headlineExpression(typed: string): string | null {
  const words =
    clean(typed)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(' AND ') : null;
}

function clean(input: string): string {
  // Typed as a string, but it comes from a query string; never trust that.
  return (typeof input === 'string' ? input : '')
    .slice(0, MAX_QUERY_LENGTH)
    .replace(CONTROL, ' ')
    .replace(PRIVATE_USE, '')
    .replace(TYPOGRAPHIC_QUOTES, '"');
}

/**
 * Text between a pair of double quotes is a phrase; everything else, including
 * what follows an unbalanced quote, is words separated by white space or brackets.
 */
function* parseTerms(text: string): Generator<string> {
  const parts = text.split('"');
  const balanced = parts.length % 2 === 1;
  for (const [i, part] of parts.entries()) {
    const isPhrase = i % 2 === 1 && (balanced || i < parts.length - 1);
    if (isPhrase) {
      const phrase = part.replace(/\s+/g, ' ').trim();
      if (TOKEN_CHAR.test(phrase)) yield `"${phrase}"`;
    } else {
      for (const word of part.split(WORD_SEPARATOR)) {
        const term = wordTerm(word);
        if (term) yield term;
      }
    }
  }
}

function wordTerm(word: string): string | null {
  if (!TOKEN_CHAR.test(word)) return null;
  if (OPERATORS.has(word.replace(/[^\p{L}\p{N}]/gu, ''))) return null;
  const bare = word.replace(/\*+$/, '');
  const lastRun = /[\p{L}\p{N}]+$/u.exec(bare)?.[0] ?? '';
  const isPrefix = PREFIX_WORD.test(word) && [...lastRun].length >= MIN_PREFIX_LENGTH;
  return isPrefix ? `"${bare}"*` : `"${bare}"`;
}
