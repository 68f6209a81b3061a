import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { tempDatabase } from '../../test/helpers/factories.js';

// SQLite's rows come as arrays and are made into objects by a function written for each statement's columns.

test('rows are objects with every column by name, in order, with its value and type', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  await db
    .insertInto('sections')
    .values([
      { slug: 'news', name: 'News', description: 'What "happened" \u2028 today', position: 2 },
      { slug: 'sport', name: 'Sport', description: '', position: 1 },
    ])
    .execute();
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').execute();
  assert.deepEqual(
    rows.map((r) => Object.keys(r)),
    [0, 1].map(() => ['id', 'slug', 'name', 'description', 'position', 'article_count']),
  );
  assert.deepEqual(
    rows.map(({ slug, description, position }) => ({ slug, description, position })),
    [
      { slug: 'sport', description: '', position: 1 },
      { slug: 'news', description: 'What "happened" \u2028 today', position: 2 },
    ],
  );
  assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype);
  // Kysely's streaming reads the same rows one at a time.
  const streamed = [];
  for await (const row of db.selectFrom('sections').select(['slug', 'name']).orderBy('position').stream())
    streamed.push(row);
  assert.deepEqual(streamed, [
    { slug: 'sport', name: 'Sport' },
    { slug: 'news', name: 'News' },
  ]);
});

test('names no JavaScript would write plainly come through; of two columns of one name, the later one', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  const { rows } = await sql<
    Record<string, unknown>
  >`select 1 as "a b", 2 as "it's", 3 as "}; x = {", 4 as "__proto__", 5 as "a b", null as "n"`.execute(db);
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  assert.deepEqual(Object.keys(row), ['a b', "it's", '}; x = {', '__proto__', 'n']);
  assert.equal(row['a b'], 5);
  assert.equal(row["it's"], 2);
  assert.equal(row['}; x = {'], 3);
  assert.equal(
    Object.getOwnPropertyDescriptor(row, '__proto__')?.value,
    4,
    'an own property, not the prototype',
  );
  assert.equal(Object.getPrototypeOf(row), Object.prototype);
  assert.equal(row.n, null);
});

test('a statement kept from before the schema changed gives the columns it has now: one added, one renamed', async (t) => {
  const changes = [
    {
      change: sql`alter table notes add column author text default 'desk'`,
      after: { id: 1, text: 'first', author: 'desk' },
    },
    { change: sql`alter table notes rename column text to body`, after: { id: 1, body: 'first' } },
  ];
  for (const { change, after } of changes) {
    const { db, close } = await tempDatabase();
    t.after(close);
    await sql`create table notes (id integer primary key, text text)`.execute(db);
    await sql`insert into notes (text) values ('first')`.execute(db);
    const all = () => sql<Record<string, unknown>>`select * from notes`.execute(db).then((r) => r.rows);
    assert.deepEqual(await all(), [{ id: 1, text: 'first' }]);
    await change.execute(db);
    assert.deepEqual(await all(), [after]);
  }
});
