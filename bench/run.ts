/**
 * `npm run bench`: a breaking-news spike against a generated archive of
 * 100,000 articles, with nginx serving the same page as the yardstick
 * (bench/spike.ts; `-- --spike N` for another size).
 *
 * `npm run bench -- --articles 10000,100000`: every path over HTTP, uncached,
 * on generated archives of those sizes (bench/archive.ts); with `--postgres`,
 * the same archives moved into PostgreSQL (the server TEST_DATABASE_URL names);
 * `--reuse` serves the database an earlier `--postgres` run left instead of moving again;
 * before the paths, the database is read into memory as a database server holds it, unless `--cold`.
 * `npm run bench -- --demo`: the demo site's hot paths in-process (bench/demo.ts).
 * `npm run bench -- --import N`: a WordPress export of N posts moved in (bench/import.ts).
 *
 * Results go to bench/results/.
 */
import { parseArgs } from 'node:util';
import { benchArchives } from './archive.js';
import { benchDemo } from './demo.js';
import { benchImport } from './import.js';
import { benchSpike } from './spike.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    spike: { type: 'string' },
    demo: { type: 'boolean' },
    import: { type: 'string' },
    postgres: { type: 'boolean' },
    reuse: { type: 'boolean' },
    cold: { type: 'boolean' },
  },
});
const size = (raw: string) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 100) throw new Error(`a size of at least 100 articles, got "${raw}"`);
  return n;
};
if (values.demo) await benchDemo();
else if (values.import) await benchImport(size(values.import));
else if (values.articles)
  await benchArchives(values.articles.split(',').map(size), values.postgres ? 'postgres' : 'sqlite', {
    reuse: values.reuse,
    cold: values.cold,
  });
else await benchSpike(size(values.spike ?? '100000'));
