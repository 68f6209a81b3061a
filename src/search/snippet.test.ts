import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexableText, makeSnippet, pairKey, termsIn, termsOf, wordPairs } from './snippet.js';

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

test('words are runs of letters and numbers in any script, folded as the index folds them', () => {
  const text = 'Café prices — “São Paulo’s” İstanbul office, СОФИЯ 2026, ½ price, 𝒜lpha';
  const found = (q: string) => [...termsIn(text, termsOf(q))];
  assert.deepEqual(found('"cafe"'), [0], 'accents folded');
  assert.deepEqual(found('"sao paulo"'), [0], 'a phrase across curly quotes');
  assert.deepEqual(found('"софия"'), [0], 'Cyrillic, case folded');
  assert.deepEqual(found('"2026"'), [0]);
  assert.deepEqual(found('"lpha"'), [], 'an astral letter belongs to its word');
  assert.deepEqual(found('"paulo"*'), [0], 'a beginning');
  assert.deepEqual(found('"aulo"'), [], 'not the middle of a word');
  assert.deepEqual(found('"prices" AND "nowhere"'), [0], 'each term on its own');
});

test('a snippet marks the words as written, wherever the text has letters beyond ASCII', () => {
  const body = 'Before — the İzmir ferry. Officials in São Tomé said “ferries” ran late; the Ferry resumed.';
  const snippet = makeSnippet(body, 'A lead.', termsOf('"ferry"'));
  assert.deepEqual(marked(snippet), ['ferry', 'Ferry']);
  assert.equal(snippet.map((p) => p.text).join(''), body);
  assert.deepEqual(marked(makeSnippet(body, '', termsOf('"sao" AND "tome"'))), ['São', 'Tomé']);
  assert.deepEqual(marked(makeSnippet(body, '', termsOf('"izmir"'))), ['İzmir']);
});

test('private-use characters, in any plane, are left out as the index leaves them out', () => {
  assert.equal(indexableText('na\uE000to \uF8FFsummit'), 'nato summit');
  // U+F0000 and U+10FFFD: planes 15 and 16, written as surrogate pairs.
  assert.equal(indexableText('fer\u{F0000}ry \u{10FFFD}port'), 'ferry port');
  // Letters outside the Basic Multilingual Plane that are not private use stay.
  assert.equal(indexableText('𝒜lpha 😀 ferry'), '𝒜lpha 😀 ferry');
  assert.deepEqual(marked(makeSnippet('The fer\uE000ry left.', '', termsOf('"ferry"'))), ['ferry']);
});

test("a text's word pairs are its neighbouring words as a phrase matches them, within each text", () => {
  const pairs = wordPairs(['São Paulo’s mayor', 'Mayor\uE000s said: COVID-19']);
  const expected = [
    ['sao', 'paulo'],
    ['paulo', 's'],
    ['s', 'mayor'],
    ['mayors', 'said'],
    ['said', 'covid'],
    ['covid', '19'],
  ];
  assert.deepEqual(pairs, new Set(expected.map(([a, b]) => pairKey(a, b))));
  assert.ok(!pairs.has(pairKey('mayor', 'mayors')), 'no pair across two texts');
  // A phrase's words give the same keys (toMatchExpression's terms).
  const [term] = termsOf('"SAO Paulo"');
  assert.ok(pairs.has(pairKey(term.words[0], term.words[1])));
  assert.ok(Number.isSafeInteger(pairKey('a', 'b')) && pairKey('a', 'b') !== pairKey('b', 'a'));
});
