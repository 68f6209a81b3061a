/**
 * `npm run audit:check`: npm's advisories against our dependencies, with the policy
 * in docs/SECURITY.md ("Dependencies"):
 * - a high or critical advisory in a runtime dependency fails (exit 1);
 * - moderate and low ones, and any in development-only dependencies, are
 *   listed and do not fail;
 * - when the advisory service does not answer (machines that reach only the
 *   package registry), it says so in one line and does not fail.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What `npm audit --json` writes (version 2 of its report), as far as the policy reads it. */
export interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; fixAvailable?: unknown }>;
  message?: string;
  statusCode?: number;
  error?: { summary?: string };
}

/** The policy, on two `npm audit --json` reports: runtime dependencies only, and all. */
export function decide(runtime: AuditReport, all: AuditReport): { exit: 0 | 1; lines: string[] } {
  if (!runtime.vulnerabilities) {
    const why = [runtime.message, runtime.error?.summary, runtime.statusCode].find(Boolean) ?? 'no answer';
    return {
      exit: 0,
      lines: [`npm audit: the advisory service did not answer (${String(why).split('\n')[0]}); not checked`],
    };
  }
  type Found = NonNullable<AuditReport['vulnerabilities']>[string];
  const list = (report: AuditReport, only: (v: Found) => boolean = () => true) =>
    Object.values(report.vulnerabilities ?? {})
      .filter(only)
      .map((v) => `${v.name} (${v.severity}${v.fixAvailable ? ', fix available' : ''})`);
  const blocking = list(runtime, (v) => v.severity === 'high' || v.severity === 'critical');
  const others = list(all).filter((line) => !blocking.includes(line));
  const lines = others.length ? [`npm audit: not blocking: ${others.join(', ')}`] : [];
  if (blocking.length)
    return {
      exit: 1,
      lines: [...lines, `npm audit: high or critical in runtime dependencies: ${blocking.join(', ')}`],
    };
  return {
    exit: 0,
    lines: [...lines, 'npm audit: no high or critical advisory in the runtime dependencies'],
  };
}

function audit(args: string[]): AuditReport {
  try {
    return JSON.parse(
      execFileSync('npm', ['audit', '--json', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
  } catch (error) {
    // npm audit exits 1 both when it finds something and when it cannot ask: the JSON says which.
    const failed = error as { stdout?: string; message: string };
    try {
      return JSON.parse(failed.stdout ?? '') as AuditReport;
    } catch {
      return { message: failed.message };
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runtime = audit(['--omit=dev']);
  const { exit, lines } = decide(runtime, runtime.vulnerabilities ? audit([]) : runtime);
  for (const line of lines) (exit ? console.error : console.log)(line);
  process.exit(exit);
}
