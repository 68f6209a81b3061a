/**
 * PostgreSQL's schema against SQLite's: the same tables, columns and
 * indexes, and the same counts and listing columns kept after the same
 * writes (SQLite's triggers, PostgreSQL's PL/pgSQL); several processes
 * migrating one database at once. Against a real PostgreSQL server
 * (TEST_DATABASE_URL), skipped without one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  dialectOf,
  migrateToLatest,
  openDatabase,
  POSTGRES_MIGRATIONS,
  type Db,
} from '../../src/db/database.js';
import type { CleanUp } from '../helpers/build-app.js';
import { freshPostgres, POSTGRES_SKIPPED } from '../helpers/postgres.js';

/**
 * Search's own tables, which differ by design: FTS5 tables and their shadows, and PostgreSQL's
 * tsvector table and headline words (migration 0014). (And its columns made from a row's others,
 * `articles.title_words`: left out below.)
 */
const SEARCH_TABLES = /^(article_search|article_titles|tag_names|headline_words)(_|$)/;

async function bothDatabases(t: CleanUp): Promise<{ sqlite: Db; postgres: Db }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pg-schema-'));
  const sqlite = openDatabase({ dataDir });
  const postgres = (await freshPostgres(t)).open();
  t.after(async () => {
    await sqlite.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await migrateToLatest(sqlite);
  await migrateToLatest(postgres);
  return { sqlite, postgres };
}

interface Column {
  name: string;
  type: string;
  nullable: boolean;
}

async function sqliteTables(db: Db): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table'
      and name not like 'sqlite_%' and name not like 'kysely_%' and sql not like 'create virtual%'
      and sql not like 'CREATE VIRTUAL%'`.execute(db);
  const tables = new Map<string, Column[]>();
  for (const { name } of rows.filter((r) => !SEARCH_TABLES.test(r.name))) {
    const columns = await sql<{ name: string; type: string; notnull: number; pk: number }>`
      select name, type, "notnull", pk from pragma_table_info(${name})`.execute(db);
    tables.set(
      name,
      columns.rows.map((c) => ({
        name: c.name,
        type: c.type.toLowerCase() === 'real' ? 'double precision' : c.type.toLowerCase(),
        // A primary key column is never null (SQLite says so only for INTEGER PRIMARY KEY).
        nullable: c.notnull === 0 && c.pk === 0,
      })),
    );
  }
  return tables;
}

async function postgresTables(db: Db): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%' and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const tables = new Map<string, Column[]>();
  for (const row of rows.filter((r) => !SEARCH_TABLES.test(r.table_name))) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type, nullable: row.is_nullable === 'YES' });
    tables.set(row.table_name, columns);
  }
  return tables;
}

describe('PostgreSQL schema', { skip: POSTGRES_SKIPPED }, () => {
  test('has every table, column and index SQLite has, with the same types and nullability', async (t) => {
    const { sqlite, postgres } = await bothDatabases(t);
    assert.equal(dialectOf(sqlite), 'sqlite');
    assert.equal(dialectOf(postgres), 'postgres');
    const expected = await sqliteTables(sqlite);
    const actual = await postgresTables(postgres);
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    for (const [table, columns] of expected) {
      const byName = (list: Column[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
      assert.deepEqual(byName(actual.get(table)!), byName(columns), table);
    }
    const sqliteIndexes = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex%'`.execute(
      sqlite,
    );
    const postgresIndexes = await sql<{ indexname: string }>`
      select indexname from pg_indexes where schemaname = 'public'`.execute(postgres);
    const names = new Set(postgresIndexes.rows.map((r) => r.indexname));
    for (const { name } of sqliteIndexes.rows) assert.ok(names.has(name), `index ${name}`);
    // Search's indexes, PostgreSQL's own.
    for (const name of [
      'article_search_entries',
      'article_search_headline_pairs',
      'articles_title_words',
      'tags_name_words',
      'headline_words_pkey',
    ])
      assert.ok(names.has(name), `index ${name}`);
    // A list is ordered by time, then id: its index ends in id, as SQLite's end in the rowid, so
    // that a deep page walks index entries only (migration 0010).
    const listings = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename = 'articles'
        and indexname ~ '_(published|updated|updated_at)$'`.execute(postgres);
    assert.equal(listings.rows.length, 7);
    for (const { indexname, indexdef } of listings.rows) assert.match(indexdef, /, id\)$/, indexname);
    // A sitemap page's columns beside the ids, so that a page is read from the index alone (migration 0017).
    const sitemap = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = 'articles_sitemap'`.execute(postgres);
    assert.match(
      sitemap.rows[0]?.indexdef ?? '',
      /\(id\) INCLUDE \(slug, status, published_at, updated_at\)$/,
    );
    // Search's documents and pairs in one index with each row's id, so that the newest span of
    // ids is one more condition of it (migration 0015).
    const entries = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = 'article_search_entries'`.execute(postgres);
    assert.match(
      entries.rows[0]?.indexdef ?? '',
      /USING gin \(document, pairs, \(\(article_id\)::bigint\)\)$/,
    );
  });

  test('keeps the same counts, listing columns and sitemap pages as SQLite after the same writes', async (t) => {
    const { sqlite, postgres } = await bothDatabases(t);
    for (const db of [sqlite, postgres]) await sameWrites(db);
    const [expected, actual] = await Promise.all([kept(sqlite), kept(postgres)]);
    assert.deepEqual(actual, expected);
    // And they are what the writes imply, not merely equal.
    assert.deepEqual(expected.sections, [
      { slug: 'news', article_count: 0 },
      { slug: 'sport', article_count: 2 },
    ]);
    assert.deepEqual(expected.tags, [
      { slug: 'ice', article_count: 0 },
      { slug: 'snow', article_count: 2 },
    ]);
    assert.deepEqual(expected.counts, [{ status: 'published', n: 2 }]);
    assert.deepEqual(
      expected.links.map((l) => [l.article_id, l.live_at]),
      [
        [1, AT.first],
        [2, AT.later],
        [1, AT.first],
      ],
    );
  });

  test('two processes starting on one new database at once: the schema is made once, and both go on', async (t) => {
    const database = await freshPostgres(t);
    const [one, two] = [database.open(2), database.open(2)];
    const ran = await Promise.all([migrateToLatest(one), migrateToLatest(two)]);
    assert.deepEqual(ran.flat(), POSTGRES_MIGRATIONS);
    const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(one);
    assert.equal(rows[0].n, POSTGRES_MIGRATIONS.length);
  });
});

const AT = {
  first: '2026-03-01T08:00:00.000Z',
  later: '2026-03-02T09:30:00.000Z',
  edited: '2026-03-03T10:00:00.000Z',
};

/** The same writes, through Kysely, on either database: links without listing columns, moves, status changes, deletes. */
async function sameWrites(db: Db): Promise<void> {
  await db
    .insertInto('sections')
    .values([
      { slug: 'news', name: 'News', description: '', position: 0 },
      { slug: 'sport', name: 'Sport', description: '', position: 1 },
    ])
    .execute();
  await db.insertInto('sources').values({ slug: 'agency', name: 'Agency', url: null }).execute();
  await db
    .insertInto('tags')
    .values([
      { slug: 'ice', name: 'Ice' },
      { slug: 'snow', name: 'Snow' },
    ])
    .execute();
  await db.insertInto('authors').values({ slug: 'jane', name: 'Jane', bio: '' }).execute();
  const article = (id: number, status: 'published' | 'draft', section: number, at: string | null) => ({
    id,
    slug: `a-${id}`,
    title: `Article ${id}`,
    lead: '',
    body: '{"type":"doc","content":[]}',
    section_id: section,
    source_id: 1,
    status,
    published_at: at,
    created_at: AT.first,
    updated_at: AT.first,
  });
  await db
    .insertInto('articles')
    .values([
      article(1, 'published', 1, AT.first),
      article(2, 'draft', 2, null),
      article(1001, 'published', 1, AT.first),
    ])
    .execute();
  await db
    .insertInto('article_tags')
    .values([
      { article_id: 1, tag_id: 1, position: 0 },
      { article_id: 1, tag_id: 2, position: 1 },
      { article_id: 2, tag_id: 1, position: 0 },
    ])
    .execute();
  await db.insertInto('article_authors').values({ article_id: 1, author_id: 1, position: 0 }).execute();
  // Publish the draft; move the first to sport without its source; move a tag; delete.
  await db
    .updateTable('articles')
    .set({ status: 'published', published_at: AT.later, updated_at: AT.later })
    .where('id', '=', 2)
    .execute();
  await db.updateTable('articles').set({ section_id: 2, source_id: null }).where('id', '=', 1).execute();
  await db.updateTable('article_tags').set({ tag_id: 2 }).where('article_id', '=', 2).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', 1).where('tag_id', '=', 1).execute();
  await db.updateTable('articles').set({ updated_at: AT.edited }).where('id', '=', 1001).execute();
  await db.deleteFrom('articles').where('id', '=', 1001).execute();
}

async function kept(db: Db) {
  const count = <T extends 'sections' | 'sources' | 'tags' | 'authors'>(table: T) =>
    db
      .selectFrom(table as 'tags')
      .select(['slug', 'article_count'])
      .orderBy('slug')
      .execute();
  const links = [
    ...(await db
      .selectFrom('article_tags')
      .select(['article_id', 'live_at', 'updated_at'])
      .orderBy('article_id')
      .orderBy('tag_id')
      .execute()),
    ...(await db
      .selectFrom('article_authors')
      .select(['article_id', 'live_at', 'updated_at'])
      .orderBy('article_id')
      .execute()),
  ];
  const pages = await db.selectFrom('sitemap_pages').selectAll().orderBy('page').execute();
  return {
    sections: await count('sections'),
    sources: await count('sources'),
    tags: await count('tags'),
    authors: await count('authors'),
    counts: await db.selectFrom('article_counts').selectAll().where('n', '>', 0).orderBy('status').execute(),
    links,
    // Page 2 lost its only article just now: its time is the deletion's, so only whether it moved on is compared.
    sitemap: pages.map((p) => ({ page: p.page, lastmod: p.page === 2 ? p.lastmod > AT.edited : p.lastmod })),
  };
}
