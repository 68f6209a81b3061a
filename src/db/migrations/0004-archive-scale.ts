import { sql, type Kysely } from 'kysely';

/**
 * A real newsroom's archive (100,000 to 1,000,000 articles): every list a
 * page shows is read from an index in the order it is shown, and every count
 * a page shows is kept, not counted. What the database now maintains itself,
 * with triggers, so that no writer (services, scheduler, bulk import, tag
 * merge) can forget it:
 *
 * 1. Listing columns. `article_tags` and `article_authors` carry their
 *    article's `live_at` (its `published_at` while its status is published,
 *    else null) and `updated_at`, so that a tag's or an author's newest
 *    articles are one index range: (tag_id, live_at) for readers,
 *    (tag_id, updated_at) for the back office. A writer may pass them (the
 *    bulk path does); a trigger fills them otherwise, and keeps them in step
 *    with the article.
 * 2. Counts. `article_count` on tags, authors, sections and sources (articles
 *    of any status), and `article_counts` per status.
 * 3. Sitemap pages. `sitemap_pages` holds, per 1,000 article ids, the time
 *    the list of visible articles in that range last changed.
 * 4. Search. `article_search` keeps no copy of the text (contentless).
 *    `article_titles`, an FTS5 index of every article's
 *    headline and standfirst whatever its status (the back office's list
 *    and the editor's related-article picker find words through it, upper-case
 *    Cyrillic included), reading its text from `articles` itself; and
 *    `tag_names`, the same over tag names.
 *
 * Also new: the views rolled up per site day and over the last seven days,
 * the queue of related lists to refresh, and indexes for the remaining
 * orders (featured, most read, the back office's list).
 */

/** Articles per sitemap page, by id range: ids 1-1000 are page 1. Also in site/feeds/sitemap.service.ts. */
export const SITEMAP_PAGE_IDS = 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  // 1. Listing columns and their indexes. The two tables become WITHOUT ROWID: their primary
  //    key is the table, one B-tree fewer per row.
  for (const [table, key, parent] of [
    ['article_tags', 'tag_id', 'tags'],
    ['article_authors', 'author_id', 'authors'],
  ] as const) {
    const t = sql.table(table);
    const next = sql.table(`${table}_next`);
    const k = sql.ref(key);
    await sql`create table ${next} (
      article_id integer not null references articles (id) on delete cascade,
      ${k} integer not null references ${sql.table(parent)} (id) on delete cascade,
      position integer not null,
      live_at text,
      updated_at text,
      primary key (article_id, ${k})
    ) without rowid`.execute(db);
    await sql`insert into ${next} (article_id, ${k}, position, live_at, updated_at)
      select l.article_id, l.${k}, l.position,
        case when a.status = 'published' then a.published_at end, a.updated_at
      from ${t} l join articles a on a.id = l.article_id`.execute(db);
    await sql`drop table ${t}`.execute(db);
    await sql`alter table ${next} rename to ${t}`.execute(db);
    await db.schema.createIndex(`${table}_live`).on(table).columns([key, 'live_at', 'article_id']).execute();
    await db.schema
      .createIndex(`${table}_updated`)
      .on(table)
      .columns([key, 'updated_at', 'article_id'])
      .execute();
  }

  // 2. Counts, filled from what is there.
  for (const table of ['tags', 'authors', 'sections', 'sources'] as const) {
    await db.schema
      .alterTable(table)
      .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await sql`update tags set article_count = (select count(*) from article_tags where tag_id = tags.id)`.execute(
    db,
  );
  await sql`update authors set article_count = (select count(*) from article_authors where author_id = authors.id)`.execute(
    db,
  );
  await sql`update sections set article_count = (select count(*) from articles where section_id = sections.id)`.execute(
    db,
  );
  await sql`update sources set article_count = (select count(*) from articles where source_id = sources.id)`.execute(
    db,
  );
  // The back office's tag list, by use or by name.
  await sql`create index tags_article_count on tags (article_count desc, name)`.execute(db);
  await sql`create index tags_name on tags (name collate nocase, id)`.execute(db);
  await db.schema
    .createTable('article_counts')
    .addColumn('status', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into article_counts (status, n) select status, count(*) from articles group by status`.execute(
    db,
  );

  // 3. Sitemap pages.
  await db.schema
    .createTable('sitemap_pages')
    .addColumn('page', 'integer', (c) => c.primaryKey())
    .addColumn('lastmod', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into sitemap_pages (page, lastmod)
    select (id - 1) / ${sql.lit(SITEMAP_PAGE_IDS)} + 1, max(max(updated_at, published_at))
    from articles where status = 'published' group by 1`.execute(db);

  // 4. Site search keeps no copy of the text it indexes (contentless, rows deletable by id);
  //    the index itself moves over as it is. Snippets come from the articles (src/search/snippet.ts).
  await sql`create virtual table article_search_next using fts5(
    title, lead, body, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into article_search_next (rowid, title, lead, body, tags)
    select rowid, title, lead, body, tags from article_search`.execute(db);
  await sql`drop table article_search`.execute(db);
  await sql`alter table article_search_next rename to article_search`.execute(db);

  // Headline search: an external-content FTS5 table over articles (no second copy of the text).
  await sql`create virtual table article_titles using fts5(
    title, lead, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
  )`.execute(db);
  await sql`insert into article_titles (article_titles) values ('rebuild')`.execute(db);
  // Tag names, for search to find which tags hold a word without reading every tag.
  await sql`create virtual table tag_names using fts5(
    name, content = 'tags', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into tag_names (tag_names) values ('rebuild')`.execute(db);

  await createTriggers(db);

  // 4. Indexes for the remaining orders.
  await db.schema.dropIndex('articles_source').execute();
  await db.schema
    .createIndex('articles_source_published')
    .on('articles')
    .columns(['source_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('articles_featured')
    .on('articles')
    .columns(['featured', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('articles_most_read')
    .on('articles')
    .columns(['status', 'view_count', 'published_at'])
    .execute();
  // The back office's list: newest change first, whole or by status, section or creator.
  await db.schema
    .createIndex('articles_status_updated')
    .on('articles')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('articles_section_updated')
    .on('articles')
    .columns(['section_id', 'updated_at'])
    .execute();
  await db.schema.dropIndex('articles_created_by').execute();
  await db.schema
    .createIndex('articles_created_by_updated')
    .on('articles')
    .columns(['created_by', 'updated_at'])
    .execute();

  // 5. Views: a day's most read by index; per-day site totals; the last seven days rolled up.
  await db.schema.dropIndex('article_views_daily_day').execute();
  await db.schema
    .createIndex('article_views_daily_top')
    .on('article_views_daily')
    .columns(['day', 'views', 'article_id'])
    .execute();
  await db.schema
    .createTable('site_views_daily')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('views', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into site_views_daily (day, views) select day, sum(views) from article_views_daily group by day`.execute(
    db,
  );
  // Filled by src/views on its first flush (it knows the site's day), then kept as views arrive.
  await db.schema
    .createTable('article_views_week')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('views', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_views_week_top')
    .on('article_views_week')
    .columns(['views', 'article_id'])
    .execute();

  // 6. Work that runs off the request path, and small facts the rooms keep.
  await db.schema
    .createTable('related_queue')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    // 1 for the article that changed: once its list is new, the articles in it are queued too.
    .addColumn('cascade', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('related_queue_order')
    .on('related_queue')
    .columns(['queued_at', 'article_id'])
    .execute();
  await db.schema
    .createTable('system_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/**
 * The triggers. Conditions are written so that a save that changes nothing a
 * list shows (a view count, a lead) touches no listing or count row.
 */
async function createTriggers(db: Kysely<unknown>): Promise<void> {
  const page = (id: string) => sql.raw(`(${id} - 1) / ${SITEMAP_PAGE_IDS} + 1`);
  const liveAt = (row: string) =>
    sql.raw(`case when ${row}.status = 'published' then ${row}.published_at end`);

  for (const [table, key, parent] of [
    ['article_tags', 'tag_id', 'tags'],
    ['article_authors', 'author_id', 'authors'],
  ] as const) {
    const t = sql.raw(table);
    const k = sql.raw(key);
    const p = sql.raw(parent);
    // A writer that knows the article's times passes them (the bulk path); otherwise they are filled here.
    await sql`create trigger ${sql.raw(`${table}_listed`)} after insert on ${t} when new.updated_at is null begin
      update ${t} set
        live_at = (select ${liveAt('a')} from articles a where a.id = new.article_id),
        updated_at = (select a.updated_at from articles a where a.id = new.article_id)
      where article_id = new.article_id and ${k} = new.${k};
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_added`)} after insert on ${t} begin
      update ${p} set article_count = article_count + 1 where id = new.${k};
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_removed`)} after delete on ${t} begin
      update ${p} set article_count = article_count - 1 where id = old.${k};
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_moved`)} after update of ${k} on ${t} begin
      update ${p} set article_count = article_count - 1 where id = old.${k};
      update ${p} set article_count = article_count + 1 where id = new.${k};
    end`.execute(db);
  }

  // Headline search follows every insert, change of headline or standfirst, and delete.
  await sql`create trigger article_titles_added after insert on articles begin
    insert into article_titles (rowid, title, lead) values (new.id, new.title, new.lead);
  end`.execute(db);
  await sql`create trigger article_titles_removed after delete on articles begin
    insert into article_titles (article_titles, rowid, title, lead) values ('delete', old.id, old.title, old.lead);
  end`.execute(db);
  await sql`create trigger article_titles_changed after update of title, lead on articles begin
    insert into article_titles (article_titles, rowid, title, lead) values ('delete', old.id, old.title, old.lead);
    insert into article_titles (rowid, title, lead) values (new.id, new.title, new.lead);
  end`.execute(db);

  await sql`create trigger tag_names_added after insert on tags begin
    insert into tag_names (rowid, name) values (new.id, new.name);
  end`.execute(db);
  await sql`create trigger tag_names_removed after delete on tags begin
    insert into tag_names (tag_names, rowid, name) values ('delete', old.id, old.name);
  end`.execute(db);
  await sql`create trigger tag_names_changed after update of name on tags begin
    insert into tag_names (tag_names, rowid, name) values ('delete', old.id, old.name);
    insert into tag_names (rowid, name) values (new.id, new.name);
  end`.execute(db);

  await sql`create trigger articles_added after insert on articles begin
    update sections set article_count = article_count + 1 where id = new.section_id;
    update sources set article_count = article_count + 1 where id = new.source_id;
    insert into article_counts (status, n) values (new.status, 1)
      on conflict (status) do update set n = n + 1;
    insert into sitemap_pages (page, lastmod)
      select ${page('new.id')}, max(new.updated_at, new.published_at) where new.status = 'published'
      on conflict (page) do update set lastmod = max(lastmod, excluded.lastmod);
  end`.execute(db);

  await sql`create trigger articles_removed after delete on articles begin
    update sections set article_count = article_count - 1 where id = old.section_id;
    update sources set article_count = article_count - 1 where id = old.source_id;
    update article_counts set n = n - 1 where status = old.status;
    insert into sitemap_pages (page, lastmod)
      select ${page('old.id')}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where old.status = 'published'
      on conflict (page) do update set lastmod = max(lastmod, excluded.lastmod);
  end`.execute(db);

  await sql`create trigger articles_changed
    after update of status, published_at, updated_at, section_id, source_id, slug on articles begin
    update article_tags set live_at = ${liveAt('new')}, updated_at = new.updated_at
      where article_id = new.id and (live_at is not ${liveAt('new')} or updated_at is not new.updated_at);
    update article_authors set live_at = ${liveAt('new')}, updated_at = new.updated_at
      where article_id = new.id and (live_at is not ${liveAt('new')} or updated_at is not new.updated_at);
    update sections set article_count = article_count - 1
      where id = old.section_id and old.section_id is not new.section_id;
    update sections set article_count = article_count + 1
      where id = new.section_id and old.section_id is not new.section_id;
    update sources set article_count = article_count - 1
      where id = old.source_id and old.source_id is not new.source_id;
    update sources set article_count = article_count + 1
      where id = new.source_id and old.source_id is not new.source_id;
    update article_counts set n = n - 1 where status = old.status and old.status is not new.status;
    insert into article_counts (status, n) select new.status, 1 where old.status is not new.status
      on conflict (status) do update set n = n + 1;
    insert into sitemap_pages (page, lastmod)
      select ${page('new.id')}, max(new.updated_at, coalesce(new.published_at, new.updated_at))
      where new.status = 'published' or old.status = 'published'
      on conflict (page) do update set lastmod = max(lastmod, excluded.lastmod);
  end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0004-archive-scale cannot be reverted: restore a backup instead');
}
