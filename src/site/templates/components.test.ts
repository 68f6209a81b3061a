import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount } from './components.js';

test('counts are grouped in threes exactly as Intl.NumberFormat groups them for en-US', () => {
  const intl = new Intl.NumberFormat('en-US');
  const values = [
    0,
    1,
    12,
    999,
    1000,
    1001,
    12_345,
    999_999,
    1_000_000,
    123_456_789,
    Number.MAX_SAFE_INTEGER,
  ];
  for (const n of [...values, ...values.map((v) => -v), 1.5, -2.25, 2 ** 60, NaN, Infinity]) {
    assert.equal(formatCount(n), intl.format(n), `formatCount(${n})`);
  }
  for (let n = 0; n < 2_000_000; n += 997) assert.equal(formatCount(n), intl.format(n), `formatCount(${n})`);
});
