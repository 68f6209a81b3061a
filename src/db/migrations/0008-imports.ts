import type { Kysely } from 'kysely';

/**
 * Moving in from another platform (issue 9).
 *
 * - `import_records`: what each post, term, author and picture of an old
 *   site became here, by the old site (`origin`) and the thing's own stable
 *   key there ("post:11", "media:https://…"). A second import of the same
 *   export finds its posts here and adds nothing.
 * - `redirects`: old addresses that keep working. A path (decoded, without
 *   its trailing slash) answers with a permanent redirect to an article,
 *   wherever it is now (`article_id`), or to a fixed path (`target`: a
 *   section, tag or author page). Only asked when no route matched.
 * - indexes on `incoming_items.article_id` and `duplicate_of`: the editor
 *   looks up the partner's copy a draft was written from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_records')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // article | section | tag | author | media
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_records_pk', ['origin', 'key'])
    .execute();
  await db.schema
    .createTable('redirects')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
    .addColumn('target', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The editor finds the partner's copy an article was written from (issue 9's item beside the editor).
  await db.schema.createIndex('incoming_items_article').on('incoming_items').column('article_id').execute();
  await db.schema
    .createIndex('incoming_items_duplicate')
    .on('incoming_items')
    .column('duplicate_of')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incoming_items_duplicate').execute();
  await db.schema.dropIndex('incoming_items_article').execute();
  await db.schema.dropTable('redirects').execute();
  await db.schema.dropTable('import_records').execute();
}
