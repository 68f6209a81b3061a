import type { Kysely } from 'kysely';

/**
 * Partner and agency feeds, and the items they bring (issue 9).
 *
 * - `partner_feeds`: a feed URL a source is subscribed through, how often to
 *   fetch it, what the last answer said (ETag, Last-Modified) for a
 *   conditional GET, and its health: the last success, the last error in
 *   words, how many failures in a row, and when to try next.
 * - `incoming_items`: what the feeds brought, once each: by (source, GUID),
 *   by link, and by near-identical text (ingest/feed-poller.ts): a second
 *   partner's copy of the same wire story is kept as `duplicate_of` the
 *   first, so the queue shows it once, with both credits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partner_feeds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(600))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetched_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_fetch_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_feeds_next').on('partner_feeds').column('next_fetch_at').execute();
  await db.schema
    .createTable('incoming_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('partner_feeds.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('categories', 'text', (c) => c.notNull()) // JSON array of strings
    .addColumn('published_at', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'integer', (c) => c.references('incoming_items.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new')) // new | dismissed | used
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addUniqueConstraint('incoming_items_source_guid', ['source_id', 'guid'])
    .execute();
  await db.schema.createIndex('incoming_items_link').on('incoming_items').column('link').execute();
  await db.schema.createIndex('incoming_items_fetched').on('incoming_items').column('fetched_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incoming_items').execute();
  await db.schema.dropTable('partner_feeds').execute();
}
