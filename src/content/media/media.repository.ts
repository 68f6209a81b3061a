import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { containing } from '../../db/like.js';
import { dependsOn } from '../../lib/dependencies.js';
import type { MediaTable } from '../../db/schema.js';
import type { BodyDoc } from '../body/body.types.js';
import { toMedia, type Media } from './media.table.js';

/** `media` joined to its uploader's name. */
function selectMedia(db: Db) {
  return db
    .selectFrom('media')
    .leftJoin('users', 'users.id', 'media.user_id')
    .selectAll('media')
    .select('users.name as uploader');
}

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<number> {
  const { id } = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findMedia(db: Db, id: number): Promise<Media | undefined> {
  const row = await selectMedia(db).where('media.id', '=', id).executeTakeFirst();
  return row ? toMedia(row) : undefined;
}

/**
 * The library, newest first; `q` matches words in the file name, alt text,
 * caption or credit.
 *
 * SQL: `select media.*, users.name from media left join users ... where (lower(original_name) like ? or ...)
 * order by created_at desc, id desc limit ? offset ?`; a newsroom's library is
 * small enough (thousands of rows) for a scan.
 */
export async function listMedia(
  db: Db,
  filter: { q?: string },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: Media[] }> {
  let query = selectMedia(db);
  let count = db.selectFrom('media');
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = containing(word);
    const matches = sql<boolean>`(lower(media.original_name) like ${like} or lower(media.alt) like ${like}
      or lower(media.caption) like ${like} or lower(media.credit) like ${like})`;
    query = query.where(matches);
    count = count.where(matches);
  }
  const { n } = await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('media.created_at', 'desc')
    .orderBy('media.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(n), rows: rows.map(toMedia) };
}

export async function updateMediaText(
  db: Db,
  id: number,
  text: { alt: string; caption: string; credit: string },
): Promise<void> {
  await db.updateTable('media').set(text).where('id', '=', id).execute();
}

export async function deleteMediaRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

/**
 * The library images a body shows (and `extraIds`, such as the featured
 * image), by id, in one query: what the reader page needs for `srcset`. Ids with no row (the image was deleted) are simply absent.
 */
export async function loadBodyMedia(
  db: Db,
  doc: BodyDoc,
  extraIds: number[] = [],
): Promise<Map<number, Media>> {
  const ids = [
    ...new Set([
      ...extraIds,
      ...doc.content.flatMap((b) =>
        b.type === 'image' && b.attrs.mediaId !== undefined ? [b.attrs.mediaId] : [],
      ),
    ]),
  ];
  if (!ids.length) return new Map();
  dependsOn(...ids.map((id) => `media-${id}`));
  const rows = await mediaByIds(db, ids);
  return new Map(rows.map((row) => [row.id, toMedia(row)]));
}

const mediaByIds = prepared((db, ids: number[]) => selectMedia(db).where('media.id', 'in', ids));

/**
 * Articles that show this image: by `mediaId` in the body, by its file's
 * address in an image's `src`, or as the featured image. For the warning
 * before deletion; the newest twenty are plenty.
 */
export async function articlesUsingMedia(
  db: Db,
  media: { id: number; file: string },
): Promise<{ id: number; title: string; status: string }[]> {
  const stem = media.file.replace(/\.[a-z]+$/, '');
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'status'])
    .where((eb) =>
      eb.or([
        eb('featured_image_id', '=', media.id),
        eb('body', 'like', `%"mediaId":${media.id},%`),
        eb('body', 'like', `%"mediaId":${media.id}}%`),
        // The address's path ends in the file's name whatever the base (MEDIA_BASE_URL).
        eb('body', 'like', `%/${stem}%`),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute();
}
