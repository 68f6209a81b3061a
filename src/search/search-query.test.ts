import { test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { MAX_QUERY_LENGTH, toMatchExpression, typedQuery } from './search-query.js';

test('words become quoted terms that must all match', () => {
  assert.equal(toMatchExpression('NATO summit'), '"NATO" AND "summit"');
  assert.equal(toMatchExpression('  nato \t\n summit  '), '"nato" AND "summit"');
});

test('text in double quotes stays a phrase', () => {
  assert.equal(toMatchExpression('"prime  minister" resigns'), '"prime minister" AND "resigns"');
  assert.equal(toMatchExpression('„Народно събрание“'), '"Народно събрание"');
});

test('a trailing star on a word of two or more characters searches by prefix', () => {
  assert.equal(toMatchExpression('bulg*'), '"bulg"*');
  assert.equal(toMatchExpression('бълг**'), '"бълг"*');
  assert.equal(toMatchExpression('b*'), '"b"');
  assert.equal(toMatchExpression('nato-*'), '"nato-"');
  assert.equal(toMatchExpression('*'), null);
});

test('an unbalanced quote leaves the rest as plain words', () => {
  assert.equal(toMatchExpression('"nato summit'), '"nato" AND "summit"');
  assert.equal(toMatchExpression('"a b" "c'), '"a b" AND "c"');
  assert.equal(toMatchExpression('"'), null);
  assert.equal(toMatchExpression('""'), null);
});

test('FTS operators and syntax are searched as text or dropped', () => {
  assert.equal(toMatchExpression('NATO AND'), '"NATO"');
  assert.equal(toMatchExpression('OR'), null);
  assert.equal(toMatchExpression('NEAR(a b)'), '"a" AND "b"');
  assert.equal(
    toMatchExpression('title:nato ^start -russia +x {a b}'),
    '"title:nato" AND "^start" AND "-russia" AND "+x" AND "a" AND "b"',
  );
  assert.equal(toMatchExpression('war and peace'), '"war" AND "and" AND "peace"');
});

test('nothing searchable left gives null', () => {
  for (const q of [
    '',
    '   ',
    '🔥🚀',
    '!!! ... ---',
    '( ) : ^ * " -',
    '\u0000\u0007\u001b\u007f',
    '\uE000\uE001',
    '\uD800',
  ]) {
    assert.equal(toMatchExpression(q), null, JSON.stringify(q));
  }
});

test('private-use and control characters never reach the index', () => {
  assert.equal(toMatchExpression('na\uE000to\u0000summit'), '"nato" AND "summit"');
});

test('repeated terms are asked once', () => {
  assert.equal(toMatchExpression('nato NATO Nato'), '"nato"');
});

test('long input is capped in length and number of terms', () => {
  const expression = toMatchExpression(
    'word '.repeat(2000).replace(/word/g, () => `w${Math.random().toString(36).slice(2, 8)}`),
  );
  assert.ok(expression);
  assert.equal(expression.split(' AND ').length, 20);
  assert.ok(typedQuery('x'.repeat(10_000)).length <= MAX_QUERY_LENGTH);
});

test('typedQuery tidies what is shown back to the reader', () => {
  assert.equal(typedQuery('  "nato\u0000 summit"\n '), '"nato summit"');
  assert.equal(typedQuery(undefined as unknown as string), '');
});

test('whatever is typed, FTS5 accepts the expression', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec(`create virtual table t using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`);
  sqlite.prepare('insert into t (title, body) values (?, ?)').run('NATO summit', 'Bulgaria and Romania');
  const match = sqlite.prepare('select rowid from t where t match ?');
  const alphabet = [...'"\'*^:()-+{}[];,./\\|&%$#@!?~` \t\n\u0000aéЖ1😀\uE000'].concat([
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'nato',
    'DROP TABLE',
  ]);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    const q = Array.from(
      { length: 1 + Math.floor(random() * 30) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join('');
    const expression = toMatchExpression(q);
    if (expression !== null)
      assert.doesNotThrow(() => match.all(expression), `${JSON.stringify(q)} -> ${expression}`);
  }
  sqlite.close();
});
