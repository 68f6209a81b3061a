import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { caselessLike, caselessOrder } from '../../db/dialect.js';
import { containing } from '../../db/like.js';
import type { TagRow } from '../../db/schema.js';

/**
 * Tags as the back office manages them, and their redirects. A redirect row
 * names the tag (not a slug), so an old slug always leads straight to the
 * tag's current slug: chains are one hop however often a tag is renamed.
 */

export interface TagListRow extends TagRow {
  articles: number;
}

export type TagSort = 'name' | 'articles';

/**
 * Tags whose name or slug contains `q`, with how many articles (any status)
 * use each: the count the database keeps (migration 0004), so sorting by it
 * walks the tags_article_count index.
 *
 * ```sql
 * select tags.*, article_count as articles from tags
 * where name like '%q%' or slug like '%q%' order by article_count desc, name limit ? offset ?
 * ```
 */
export async function listTagsWithCounts(
  db: Db,
  options: { q?: string; sort: TagSort; limit: number; offset: number },
): Promise<{ total: number; rows: TagListRow[] }> {
  const like = options.q ? containing(options.q) : undefined;
  let base = db.selectFrom('tags');
  if (like) {
    base = base.where((eb) =>
      eb.or([eb('tags.name', caselessLike(db), like), eb('tags.slug', caselessLike(db), like)]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let query = base
    .select(['tags.id', 'tags.slug', 'tags.name', 'tags.article_count as articles'])
    .limit(options.limit)
    .offset(options.offset);
  query =
    options.sort === 'articles'
      ? query.orderBy('tags.article_count', 'desc').orderBy('tags.name')
      : query.orderBy(caselessOrder(db, 'tags.name')).orderBy('tags.id');
  return { total: Number(total), rows: await query.execute() };
}

/** Every tag with the articles that use it (any status): the count the database keeps. */
export async function tagsWithUses(db: Db): Promise<{ slug: string; name: string; uses: number }[]> {
  return db.selectFrom('tags').select(['slug', 'name', 'article_count as uses']).execute();
}

/** The old slugs that lead to this tag. */
export async function redirectsTo(db: Db, tagId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tag_redirects')
    .select('old_slug')
    .where('tag_id', '=', tagId)
    .orderBy('old_slug')
    .execute();
  return rows.map((r) => r.old_slug);
}

/** The current slug of the tag an old slug now leads to. */
export async function findTagRedirect(db: Db, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('tag_redirects')
    .innerJoin('tags', 'tags.id', 'tag_redirects.tag_id')
    .select('tags.slug')
    .where('tag_redirects.old_slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug;
}

/** Points `oldSlug` at a tag; a slug that is a tag's live slug again needs no redirect. */
export async function writeRedirect(db: Db, oldSlug: string, tagId: number, at: string): Promise<void> {
  await db
    .insertInto('tag_redirects')
    .values({ old_slug: oldSlug, tag_id: tagId, created_at: at })
    .onConflict((oc) => oc.column('old_slug').doUpdateSet({ tag_id: tagId, created_at: at }))
    .execute();
}

export async function dropRedirect(db: Db, slug: string): Promise<void> {
  await db.deleteFrom('tag_redirects').where('old_slug', '=', slug).execute();
}

export async function updateTagRow(db: Db, id: number, row: { name: string; slug: string }): Promise<void> {
  await db.updateTable('tags').set(row).where('id', '=', id).execute();
}

export async function tagArticleIds(db: Db, tagId: number): Promise<number[]> {
  const rows = await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).execute();
  return rows.map((r) => r.article_id);
}

/**
 * Moves every article of tag `fromId` to tag `intoId`, keeping each article's
 * tag order; articles that already had both keep one. Then the old tag's
 * redirects follow it, and its own slug redirects too.
 */
export async function moveTag(db: Db, fromId: number, intoId: number, fromSlug: string, at: string) {
  await sql`
    insert into article_tags (article_id, tag_id, position, live_at, updated_at)
    select article_id, ${intoId}, position, live_at, updated_at from article_tags as a
    where a.tag_id = ${fromId}
      and not exists (select 1 from article_tags as b where b.article_id = a.article_id and b.tag_id = ${intoId})
  `.execute(db);
  await db.deleteFrom('article_tags').where('tag_id', '=', fromId).execute();
  await db.updateTable('tag_redirects').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute();
  await writeRedirect(db, fromSlug, intoId, at);
}
