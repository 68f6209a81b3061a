import { readGhost } from './ghost.js';
import type { ImportPlan } from './plan.js';
import { readWordpress } from './wordpress.js';

/**
 * Moving a site in: an export read into a plan, then the plan written
 * (importer.ts). Its callers, the `import` command and the admin API, load
 * this module with `await import()`: its parsers (linkedom, TipTap's schema,
 * an XML parser, marked) stay out of the processes that serve readers.
 */
export function readExport(
  format: ImportPlan['format'],
  text: string,
  options: { oldUrl?: string } = {},
): ImportPlan {
  return format === 'wordpress' ? readWordpress(text) : readGhost(text, options);
}

export { importPlan, type ImportOptions, type ImportReport } from './importer.js';
