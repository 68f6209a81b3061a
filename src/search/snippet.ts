import type { SnippetPart } from './search-index.js';

/**
 * FTS5's snippet() wraps matches in markers we choose. Private-use characters
 * cannot come from readers' text because we strip them before indexing, so
 * splitting on them is exact, and no HTML is ever built here: the template
 * wraps the matched parts in <mark> and escapes everything.
 */
export const MATCH_OPEN = '\uE000';
export const MATCH_CLOSE = '\uE001';

/** Text as the index may hold it: without private-use characters (the markers among them). */
export function indexableText(text: string): string {
  return text.replace(/\p{Co}/gu, '');
}

/** Whether snippet() found a match in the text it returned. */
export function hasMatch(marked: string): boolean {
  return marked.includes(MATCH_OPEN);
}

/**
 * @example snippetParts('… the \uE000NATO\uE001 summit') // [{ text: '… the ', match: false }, { text: 'NATO', match: true }, { text: ' summit', match: false }]
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(MATCH_OPEN).entries()) {
    // Before the first marker there is no match; after each, the match runs to MATCH_CLOSE.
    const [matched, rest] = (i === 0 ? ['', piece] : splitOnce(piece, MATCH_CLOSE)).map(indexableText);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
