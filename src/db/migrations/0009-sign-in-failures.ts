import type { Kysely } from 'kysely';

/**
 * The sign-in throttle in the database (issue 8): failed sign-ins per email,
 * counted by every process and every instance alike. Before, each process
 * counted its own, so with two workers, or two instances, one could guess a
 * password twice as often. A row a failure, kept for the throttle's window.
 * The same on both databases: PostgreSQL runs this migration too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_email')
    .on('sign_in_failures')
    .columns(['email', 'at'])
    .execute();
  await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}
