import type { Kysely } from 'kysely';

/** Renamed and merged tags keep their old URLs working; authors get a photo. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tag_redirects')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('authors')
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').dropColumn('photo_media_id').execute();
  await db.schema.dropTable('tag_redirects').execute();
}
