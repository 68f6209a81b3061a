import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerExecArgv } from './main.js';

const MB = 1024 * 1024;

test('workers get a heap limit that grows with the page cache and a smaller young generation, unless NODE_OPTIONS or the command line sets them', () => {
  const young = '--max-semi-space-size=4';
  assert.deepEqual(workerExecArgv(['--enable-source-maps'], '', 32 * MB), [
    '--enable-source-maps',
    '--max-old-space-size=192',
    young,
  ]);
  assert.deepEqual(workerExecArgv([], '', 1024 * MB), ['--max-old-space-size=1184', young]);
  assert.deepEqual(workerExecArgv([], '', 0), ['--max-old-space-size=160', young]);
  assert.deepEqual(workerExecArgv(['--max-old-space-size=512'], '', 32 * MB), [
    '--max-old-space-size=512',
    young,
  ]);
  assert.deepEqual(workerExecArgv([], '--max-old-space-size=1024 --trace-warnings', 32 * MB), [young]);
  assert.deepEqual(workerExecArgv(['--max-semi-space-size=16'], '--max-old-space-size=1024', 32 * MB), [
    '--max-semi-space-size=16',
  ]);
});
