import type { Kysely } from 'kysely';

/**
 * Articles whose search entries are to be written again off the request path
 * (a tag on tens of thousands of them renamed, merged or deleted), oldest
 * first; a restart picks up what is left.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_queue')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_queue_order')
    .on('search_queue')
    .columns(['queued_at', 'article_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_queue').execute();
}
