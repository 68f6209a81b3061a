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

test('a term is found in a text exactly when it is among its words, as TOKEN splits them (10,000 random texts)', () => {
  // The rule spelled out plainly: the folded text split by TOKEN, and the term's words in a row.
  const reference = (text: string, q: string) => {
    const words =
      indexableText(text)
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    return termsOf(q).flatMap((term, t) => {
      const n = term.words.length;
      for (let i = 0; i + n <= words.length; i++) {
        const all = term.words.every((w, j) =>
          term.prefix && j === n - 1 ? words[i + j].startsWith(w) : words[i + j] === w,
        );
        if (all) return [t];
      }
      return [];
    });
  };
  const pieces = [
    'fer',
    'ry',
    'port',
    'São',
    'İz',
    'mir',
    'café',
    'СОФ',
    'ия',
    '𝒜',
    '😀',
    '2026',
    'e\u0301',
    '\uE000',
  ];
  const gaps = [' ', ' ', '-', '’', '“', ', ', '. ', ''];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const phrase = (count: number) =>
    Array.from(
      { length: count },
      () => pieces[random(pieces.length)] + (random(3) ? '' : pieces[random(pieces.length)]),
    )
      .map((word, i) => (i ? gaps[random(gaps.length)] : '') + word)
      .join('');
  for (let round = 0; round < 10_000; round++) {
    const text = phrase(1 + random(12));
    // Terms from the text's own words (so that many match), or from anywhere.
    const source = random(2) ? text : phrase(3);
    const words = (source.match(/[\p{L}\p{N}]+/gu) ?? ['ferry']).slice(0, 1 + random(3));
    const q = `"${words.join(' ')}"${random(3) ? '' : '*'} AND "${pieces[random(pieces.length)]}"`;
    if (termsOf(q).length === 0) continue;
    assert.deepEqual(
      [...termsIn(text, termsOf(q))].sort(),
      reference(text, q),
      `${JSON.stringify(text)} ${q}`,
    );
  }
});
