import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES } from './app-error.js';

test('docs/ERRORS.md lists exactly the error codes, with their statuses', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/ERRORS.md'), 'utf8');
  const documented = Object.fromEntries(
    [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map(([, code, status]) => [
      code,
      Number(status),
    ]),
  );
  assert.deepEqual(documented, { ...ERROR_CODES });
});
