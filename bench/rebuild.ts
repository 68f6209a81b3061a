/**
 * Search's rebuild on a PostgreSQL site nothing else uses, as an import
 * runs it (`rebuild({ alone: true })`): its time, then, after `VACUUM
 * ANALYZE`, the size of each of the search table's indexes.
 *
 *   node --import tsx bench/rebuild.ts DATABASE_URL
 *
 * It writes every entry of that database's index anew: use a copy, such as
 * the one `npm run bench -- --articles N --postgres` leaves.
 */
import { sql } from 'kysely';
import { openPostgres } from '../src/db/postgres.js';
import { createSearchIndex } from '../src/search/index.js';

const url = process.argv[2];
if (!url) throw new Error('usage: bench/rebuild.ts DATABASE_URL');
const db = openPostgres(url);
try {
  const index = createSearchIndex(db, () => new Date());
  const started = performance.now();
  const count = await index.rebuild({ alone: true });
  console.log(`${count} articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql`vacuum analyze article_search`.execute(db);
  const { rows } = await sql<{ name: string; mb: string }>`select indexrelname as name,
      round(pg_relation_size(indexrelid) / 1048576.0) as mb
    from pg_stat_user_indexes where relname = 'article_search' order by 1`.execute(db);
  for (const row of rows) console.log(`${row.name}: ${row.mb} MB`);
} finally {
  await db.destroy();
}
