import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerExecArgv } from './main.js';

test('workers get a heap limit, unless NODE_OPTIONS or the command line already sets one', () => {
  assert.deepEqual(workerExecArgv(['--enable-source-maps']), [
    '--enable-source-maps',
    '--max-old-space-size=192',
  ]);
  assert.deepEqual(workerExecArgv(['--max-old-space-size=512']), ['--max-old-space-size=512']);
  assert.deepEqual(workerExecArgv([], '--max-old-space-size=1024 --trace-warnings'), []);
});
