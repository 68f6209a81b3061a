import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerExecArgv } from './main.js';

const MB = 1024 * 1024;

test('workers get a heap limit that grows with the page cache (and room for remembered visitors), unless NODE_OPTIONS or the command line sets one', () => {
  assert.deepEqual(workerExecArgv(['--enable-source-maps'], '', 32 * MB), [
    '--enable-source-maps',
    '--max-old-space-size=292',
  ]);
  assert.deepEqual(workerExecArgv([], '', 1024 * MB), ['--max-old-space-size=1284']);
  assert.deepEqual(workerExecArgv([], '', 0), ['--max-old-space-size=260']);
  assert.deepEqual(workerExecArgv(['--max-old-space-size=512'], '', 32 * MB), ['--max-old-space-size=512']);
  assert.deepEqual(workerExecArgv([], '--max-old-space-size=1024 --trace-warnings', 32 * MB), []);
});
