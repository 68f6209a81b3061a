/**
 * `npm run bench`: the demo site's hot paths in-process (bench/demo.ts), or
 * with `-- --articles 10000,100000` every path over HTTP on generated
 * archives of those sizes (bench/archive.ts). Results go to bench/results/.
 */
import { parseArgs } from 'node:util';
import { benchArchives } from './archive.js';
import { benchDemo } from './demo.js';

const { values } = parseArgs({ options: { articles: { type: 'string' } } });
if (values.articles) {
  const sizes = values.articles.split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 100))
    throw new Error(`--articles: a comma-separated list of sizes of at least 100, got "${values.articles}"`);
  await benchArchives(sizes);
} else {
  await benchDemo();
}
