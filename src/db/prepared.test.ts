import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { tempDatabase } from '../../test/helpers/factories.js';
import { ENGINES } from '../../test/helpers/postgres.js';
import { observeQueries, sqliteHandle, type Db } from './database.js';
import { prepared } from './prepared.js';

const sectionsNamed = prepared((db, names: string[], after: number, limit: number) =>
  db
    .selectFrom('sections')
    .select(['id', 'name'])
    .where('name', 'in', names)
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit),
);

async function seed(db: Db): Promise<void> {
  const names = ['News', 'Sport', 'Culture', 'Business', 'Science'];
  await db
    .insertInto('sections')
    .values(names.map((name, position) => ({ slug: name.toLowerCase(), name, description: '', position })))
    .execute();
}

for (const engine of ENGINES) {
  describe(`prepared queries on ${engine.name}`, { skip: engine.skip }, () => {
    test('each call runs with its own values, lists of any length, in the order the query puts them', async (t) => {
      const db = await engine.open(t);
      await seed(db);
      const names = async (...args: Parameters<typeof sectionsNamed> extends [Db, ...infer A] ? A : never) =>
        (await sectionsNamed(db, ...args)).map((row) => row.name);
      assert.deepEqual(await names(['Sport', 'Science'], -1, 10), ['Sport', 'Science']);
      assert.deepEqual(await names(['News', 'Sport', 'Culture'], 0, 10), ['Sport', 'Culture']);
      assert.deepEqual(await names(['News', 'Sport', 'Culture'], -1, 2), ['News', 'Sport']);
      assert.deepEqual(await names(['Culture'], 5, 10), []);
      // The same call again after others: the query kept for one list length is not reused for another.
      assert.deepEqual(await names(['Sport', 'Science'], 1, 10), ['Science']);
    });

    test('its values are parameters, never SQL', async (t) => {
      const db = await engine.open(t);
      await seed(db);
      const hostile = `News') or 1=1 --`;
      assert.deepEqual(await sectionsNamed(db, [hostile], -1, 10), []);
    });
  });
}

test('a query is built once for each length of its lists, and the same SQL runs each time', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  await seed(db);
  let built = 0;
  const counted = prepared((db: Db, ids: number[]) => {
    built++;
    return db.selectFrom('sections').select('name').where('id', 'in', ids);
  });
  const seen: string[] = [];
  const stop = observeQueries(db, (query) => seen.push(query.sql));
  for (const ids of [[1], [2], [1, 2], [3, 4], [5]]) await counted(db, ids);
  stop();
  assert.equal(built, 2);
  assert.equal(new Set(seen).size, 2);
  assert.deepEqual((await counted(db, [4, 2])).map((row) => row.name).sort(), ['Business', 'Sport']);
});

test('an argument that would shape the query, not fill it, is refused when the query is built', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  const shaped = prepared((db: Db, direction: string) =>
    db.selectFrom('sections').select('name').orderBy(sql.raw(direction)),
  );
  await assert.rejects(shaped(db, 'name desc'), /prepared query: argument 1 is not a parameter of select/);
});

test('on SQLite a prepared read runs at once, except while a transaction holds the connection: it never sees uncommitted rows', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  await seed(db);
  const seen: string[] = [];
  const stop = observeQueries(db, (query) => seen.push(query.sql));
  t.after(stop);
  // Outside a transaction the rows are there before the first await returns to the event loop.
  let settled = false;
  const now = sectionsNamed(db, ['News', 'Opinion'], -1, 10).then((rows) => ((settled = true), rows));
  await Promise.resolve();
  assert.equal(settled, true, 'answered at once');
  assert.deepEqual(
    (await now).map((row) => row.name),
    ['News'],
  );
  assert.equal(seen.length, 1, 'observed like any other statement');

  let rollBack!: () => void;
  const held = new Promise<void>((resolve) => (rollBack = resolve));
  const transaction = db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('sections')
        .values({ slug: 'opinion', name: 'Opinion', description: '', position: 9 })
        .execute();
      await held;
      throw new Error('rolled back');
    })
    .catch((error: Error) => error.message);
  while (!sqliteHandle(db).inTransaction) await new Promise((resolve) => setImmediate(resolve));
  settled = false;
  const during = sectionsNamed(db, ['News', 'Opinion'], -1, 10).then((rows) => ((settled = true), rows));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'waits for the transaction');
  rollBack();
  assert.equal(await transaction, 'rolled back');
  assert.deepEqual(
    (await during).map((row) => row.name),
    ['News'],
    'the rolled-back section never shows',
  );
});

test('on SQLite a prepared read during a stream of rows answers at once, and the stream goes on', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  await seed(db);
  const rows = db.selectFrom('sections').select('name').orderBy('position').stream();
  const stream = rows[Symbol.asyncIterator]();
  assert.equal((await stream.next()).value?.name, 'News');
  assert.deepEqual(
    (await sectionsNamed(db, ['Sport'], -1, 10)).map((row) => row.name),
    ['Sport'],
  );
  const rest = [];
  for (let next = await stream.next(); !next.done; next = await stream.next()) rest.push(next.value.name);
  assert.deepEqual(rest, ['Sport', 'Culture', 'Business', 'Science']);
});
