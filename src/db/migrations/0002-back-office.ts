import { sql, type Kysely } from 'kysely';

/**
 * The back office: users and roles, sessions, API tokens, the audit log,
 * article revisions and media; articles gain the review and unpublished
 * statuses, a version for conflict detection and an owner.
 *
 * SQLite cannot change a CHECK constraint in place, so `articles` is rebuilt
 * by SQLite's documented procedure: foreign keys off (outside a transaction,
 * where the pragma takes effect), copy into a new table inside one
 * transaction, check the keys, foreign keys back on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('contributor', 'author', 'editor', 'admin')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie's token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_article').on('audit_log').columns(['article_id', 'at']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql`create table articles_new (
      id integer primary key autoincrement,
      slug text not null unique,
      title text not null,
      lead text not null default '',
      body text not null,
      section_id integer not null references sections(id),
      source_id integer references sources(id) on delete set null,
      status text not null check (status in ('draft', 'review', 'scheduled', 'published', 'unpublished')),
      featured integer not null default 0,
      published_at text,
      created_at text not null,
      updated_at text not null,
      revised_at text,
      seo_title text,
      seo_description text,
      view_count integer not null default 0,
      version integer not null default 1,
      created_by integer references users(id) on delete set null,
      updated_by integer references users(id) on delete set null,
      featured_image_id integer references media(id) on delete set null
    )`.execute(db);
    await sql`insert into articles_new (id, slug, title, lead, body, section_id, source_id, status, featured,
      published_at, created_at, updated_at, revised_at, seo_title, seo_description, view_count)
      select id, slug, title, lead, body, section_id, source_id, status, featured,
      published_at, created_at, updated_at, revised_at, seo_title, seo_description, view_count from articles`.execute(
      db,
    );
    await sql`drop table articles`.execute(db);
    await sql`alter table articles_new rename to articles`.execute(db);
    await sql`create index articles_status_published on articles (status, published_at)`.execute(db);
    await sql`create index articles_section_published on articles (section_id, status, published_at)`.execute(
      db,
    );
    await sql`create index articles_source on articles (source_id)`.execute(db);
    await sql`create index articles_created_by on articles (created_by)`.execute(db);
    await sql`create index articles_updated_at on articles (updated_at)`.execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length)
      throw new Error(`foreign keys broken by the articles rebuild: ${JSON.stringify(broken.rows)}`);
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => {});
    throw error;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_version', ['article_id', 'version'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0002-back-office cannot be reverted: restore a backup instead');
}
