import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, type AuditReport } from '../../scripts/audit.js';

/** Reports shaped as `npm audit --json` (report version 2) writes them. */
const report = (found: [string, string][]): AuditReport => ({
  vulnerabilities: Object.fromEntries(
    found.map(([name, severity]) => [name, { name, severity, fixAvailable: true }]),
  ),
});

test('the audit policy: high or critical in runtime dependencies fails, the rest is listed', () => {
  const clean = decide(report([]), report([]));
  assert.equal(clean.exit, 0);
  assert.match(clean.lines.join('\n'), /no high or critical advisory in the runtime dependencies/);

  const runtimeHigh = decide(
    report([['fastify', 'high']]),
    report([
      ['fastify', 'high'],
      ['eslint', 'low'],
    ]),
  );
  assert.equal(runtimeHigh.exit, 1);
  assert.match(
    runtimeHigh.lines.join('\n'),
    /high or critical in runtime dependencies: fastify \(high, fix available\)/,
  );
  assert.match(runtimeHigh.lines.join('\n'), /not blocking: eslint \(low, fix available\)/);

  const devCritical = decide(
    report([['sharp', 'moderate']]),
    report([
      ['sharp', 'moderate'],
      ['lighthouse', 'critical'],
    ]),
  );
  assert.equal(devCritical.exit, 0, 'development-only dependencies do not fail the build');
  assert.match(
    devCritical.lines.join('\n'),
    /not blocking: sharp \(moderate, fix available\), lighthouse \(critical/,
  );
});

test('the audit policy: an advisory service that does not answer is said, not failed', () => {
  const offline = decide(
    {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    },
    {},
  );
  assert.equal(offline.exit, 0);
  assert.deepEqual(offline.lines, [
    'npm audit: the advisory service did not answer (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk); not checked',
  ]);
});
