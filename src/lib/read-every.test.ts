import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEvery } from './read-every.js';

/** A read whose answers come when the test says. */
function controlled() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { read, pending };
}

test('the first read is waited for, and shared by the callers meanwhile', async () => {
  const { read, pending } = controlled();
  const kept = readEvery(1000, read);
  const [a, b] = [kept(), kept()];
  assert.equal(pending.length, 1);
  pending[0].resolve(7);
  assert.deepEqual(await Promise.all([a, b]), [7, 7]);
  assert.equal(await kept(), 7);
  assert.equal(pending.length, 1, 'no second read within the time');
});

test('once old, the last answer is given while a newer one is read', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 0 });
  const { read, pending } = controlled();
  const kept = readEvery(1000, read);
  const first = kept();
  pending[0].resolve(1);
  assert.equal(await first, 1);
  t.mock.timers.tick(1001);
  assert.equal(await kept(), 1, 'the old answer, not a wait');
  assert.equal(pending.length, 2, 'a newer one asked for');
  assert.equal(await kept(), 1);
  assert.equal(pending.length, 2, 'asked for once');
  pending[1].resolve(2);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await kept(), 2);
});

test('a failed first read is not kept; a failed later one keeps the last answer a while longer', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 0 });
  const { read, pending } = controlled();
  const kept = readEvery(1000, read);
  const failing = kept();
  pending[0].reject(new Error('down'));
  await assert.rejects(failing, /down/);
  const second = kept();
  assert.equal(pending.length, 2);
  pending[1].resolve(5);
  assert.equal(await second, 5);
  t.mock.timers.tick(1001);
  assert.equal(await kept(), 5);
  pending[2].reject(new Error('down again'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await kept(), 5, 'the last good answer');
  assert.equal(pending.length, 3, 'not tried again at once');
  t.mock.timers.tick(1001);
  assert.equal(await kept(), 5);
  assert.equal(pending.length, 4, 'but once the time has passed again');
});
