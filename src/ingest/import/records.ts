import type { Db } from '../../db/database.js';
import type { ImportRecordsTable } from '../../db/schema.js';

/**
 * What each thing of an old site became here (table `import_records`), by
 * the site (`origin`, see originOf) and the thing's own key there
 * ("post:11", "tag:harbour", "media:https://…"): how a second import of the
 * same export knows what it already brought.
 */
export async function recordsOf(db: Db, origin: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('import_records')
    .select(['key', 'target_id'])
    .where('origin', '=', origin)
    .execute();
  return new Map(rows.map((r) => [r.key, r.target_id]));
}

export async function record(
  db: Db,
  row: { origin: string; key: string; kind: ImportRecordsTable['kind']; id: number; at: string },
): Promise<void> {
  await db
    .insertInto('import_records')
    .values({ origin: row.origin, key: row.key, kind: row.kind, target_id: row.id, imported_at: row.at })
    .onConflict((oc) => oc.columns(['origin', 'key']).doUpdateSet({ target_id: row.id, imported_at: row.at }))
    .execute();
}

export async function forget(db: Db, origin: string, keys: string[]): Promise<void> {
  if (keys.length)
    await db.deleteFrom('import_records').where('origin', '=', origin).where('key', 'in', keys).execute();
}
