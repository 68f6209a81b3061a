import type { Db } from '../../db/database.js';

/** Every stored setting, its value as JSON text. Settings never stored read as their defaults (settings.ts). */
export async function storedSettings(db: Db): Promise<{ key: string; value: string }[]> {
  return db.selectFrom('settings').select(['key', 'value']).execute();
}

/** Stores one setting's value (as JSON text), replacing what it had. */
export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
