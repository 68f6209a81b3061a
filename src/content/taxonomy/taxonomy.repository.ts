import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { caselessEquals } from '../../db/dialect.js';
import type { AuthorRow, SectionRow, SourceRow, TagRow } from '../../db/schema.js';
import { type AppError, invalidInput } from '../../lib/app-error.js';
import { dependsOn } from '../../lib/dependencies.js';
import { slugify } from '../../lib/slugify.js';

/**
 * Sections, tags, authors and sources: the named things articles point at.
 * Each has a unique slug that is its public URL.
 */
export type TaxonomyTable = 'sections' | 'tags' | 'authors' | 'sources';
export interface TaxonomyRows {
  sections: SectionRow;
  tags: TagRow;
  authors: AuthorRow;
  sources: SourceRow;
}

export async function findBySlug<T extends TaxonomyTable>(
  db: Db,
  table: T,
  slug: string,
): Promise<TaxonomyRows[T] | undefined> {
  // The four tables share id/slug/name; Kysely cannot type a query over a union of tables.
  const row = (await db
    .selectFrom(table as 'tags')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst()) as TaxonomyRows[T] | undefined;
  if (row) dependsOn(`${SINGULAR[table]}-${row.id}`);
  return row;
}

/** `tags` to `tag`: the dependency key's spelling (src/lib/dependencies.ts). */
export const SINGULAR = { sections: 'section', tags: 'tag', authors: 'author', sources: 'source' } as const;

export async function findById<T extends TaxonomyTable>(
  db: Db,
  table: T,
  id: number,
): Promise<TaxonomyRows[T] | undefined> {
  return (await db
    .selectFrom(table as 'tags')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as TaxonomyRows[T] | undefined;
}

export async function listSections(db: Db): Promise<SectionRow[]> {
  dependsOn('sections');
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
}

export async function listAuthors(db: Db): Promise<AuthorRow[]> {
  return db.selectFrom('authors').selectAll().orderBy('name').execute();
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('sources').selectAll().orderBy('name').execute();
}

/**
 * The tags with these names, created when new. Names differing only in case or
 * accents ("nato", "NATO") are one tag: the slug decides. The old slug of a
 * renamed or merged tag gives the tag it now is.
 */
export async function ensureTags(db: Db, names: string[]): Promise<TagRow[]> {
  const tags: TagRow[] = [];
  for (const [i, raw] of names.entries()) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const slug = slugify(name);
    if (!slug) continue;
    // A tag of this very name, wherever its address (an editor may have given "C++" /tags/cpp).
    // By the tags_name index (name collate nocase): "c++" finds "C++" too, as the same tag should.
    const byName = await db
      .selectFrom('tags')
      .selectAll()
      .where(caselessEquals(db, 'name', name))
      .executeTakeFirst();
    if (byName) {
      if (!tags.some((t) => t.id === byName.id)) tags.push(byName);
      continue;
    }
    const listed = tags.find((t) => t.slug === slug);
    if (listed) {
      if (sameTagName(listed.name, name)) continue;
      throw sharedAddress(i, name, listed);
    }
    const bySlug = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (bySlug && !sameTagName(bySlug.name, name)) throw sharedAddress(i, name, bySlug);
    // A renamed or merged tag's old name still finds the tag it became.
    const existing =
      bySlug ??
      (await db
        .selectFrom('tag_redirects')
        .innerJoin('tags', 'tags.id', 'tag_redirects.tag_id')
        .selectAll('tags')
        .where('tag_redirects.old_slug', '=', slug)
        .executeTakeFirst());
    if (existing && tags.some((t) => t.id === existing.id)) continue;
    tags.push(
      existing ??
        (await db.insertInto('tags').values({ slug, name }).returningAll().executeTakeFirstOrThrow()),
    );
  }
  return tags;
}

/**
 * Two tag names are one tag when they differ only in case, accents, spacing,
 * separators or `&` for "and" ("covid-19", "COVID 19"; "São Paulo", "Sao
 * Paulo"); "C++" is not "C", though both would have the address /tags/c.
 */
export function sameTagName(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('en')
      .replace(/&/g, 'and')
      .replace(/[\s\-_.,·'’]+/g, '');
  return fold(a) === fold(b);
}

/**
 * The tags at this address or of this name (case aside, by the tags_name
 * index): at most two, which the caller tells apart by name (sameTagName).
 * Finds, never creates: what a draft from a partner's item may be tagged with.
 *
 * ```sql
 * select id, name from tags where slug = :slug or name = :name collate nocase
 * ```
 */
export async function tagsAtOrNamed(
  db: Db,
  slug: string,
  name: string,
): Promise<Pick<TagRow, 'id' | 'name'>[]> {
  return db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('slug', '=', slug), caselessEquals(db, 'name', name)]))
    .execute();
}

/** Every tag's id: what exists before an import adds some. */
export async function allTagIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('tags').select('id').execute()).map((r) => r.id);
}

/**
 * The section of each of the newest `limit` published articles carrying a
 * tag, newest first: one range of the article_tags_live index (tag_id,
 * live_at), so a tag on 100,000 articles costs what a rare one does.
 *
 * ```sql
 * select a.section_id from article_tags t join articles a on a.id = t.article_id
 * where t.tag_id = :tagId and t.live_at is not null order by t.live_at desc limit :limit
 * ```
 */
export async function sectionsOfTagged(db: Db, tagId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_tags as t')
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .select('a.section_id')
    .where('t.tag_id', '=', tagId)
    .where('t.live_at', 'is not', null)
    .orderBy('t.live_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.section_id);
}

function sharedAddress(i: number, name: string, tag: TagRow): AppError {
  return invalidInput(
    `tags[${i}]`,
    `"${name}" and the tag "${tag.name}" would share one address (/tags/${tag.slug}): use "${tag.name}", or a name with other letters`,
  );
}

/** Whether the site has any section yet: a site without one has no content at all. */
export async function hasSections(db: Db): Promise<boolean> {
  return (await db.selectFrom('sections').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertSection(db: Db, row: Omit<SectionRow, 'id'>): Promise<SectionRow> {
  return db.insertInto('sections').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertAuthor(
  db: Db,
  row: Omit<AuthorRow, 'id' | 'photo_media_id'> & { photo_media_id?: number | null },
): Promise<AuthorRow> {
  return db.insertInto('authors').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSource(db: Db, row: Omit<SourceRow, 'id'>): Promise<SourceRow> {
  return db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Many new terms of one kind at once, 200 a statement (a generated newsroom's); their ids, in order. */
export async function insertTerms(
  db: Db,
  table: TaxonomyTable,
  rows: ({ slug: string; name: string } & Record<string, unknown>)[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insertInto(table as 'tags')
      .values(rows.slice(i, i + 200) as { slug: string; name: string }[])
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/**
 * The section or author a term from elsewhere (an import) already is: the
 * row of `recordedId` if it still exists, else the one at `slug`, else one
 * of the same name (case aside); undefined when none is.
 *
 * ```sql
 * select id from sections where id = :recordedId or slug = :slug or name = :name collate nocase
 * order by id = :recordedId desc, slug = :slug desc
 * ```
 */
export async function matchingTerm(
  db: Db,
  table: 'sections' | 'authors',
  term: { recordedId: number | undefined; slug: string; name: string },
): Promise<number | undefined> {
  const recorded = term.recordedId ?? -1;
  const found = await db
    .selectFrom(table)
    .select('id')
    .where((eb) =>
      eb.or([eb('id', '=', recorded), eb('slug', '=', term.slug), caselessEquals(db, 'name', term.name)]),
    )
    .orderBy(sql`id = ${recorded}`, 'desc')
    .orderBy(sql`slug = ${term.slug}`, 'desc')
    .executeTakeFirst();
  return found?.id;
}

// What the back office lists and changes. Counts include articles of every status.

export interface Counted {
  articles: number;
}

export async function listSectionsWithCounts(db: Db): Promise<(SectionRow & Counted)[]> {
  return db
    .selectFrom('sections')
    .select(['id', 'slug', 'name', 'description', 'position', 'article_count as articles'])
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export async function listSourcesWithCounts(db: Db): Promise<(SourceRow & Counted)[]> {
  return db
    .selectFrom('sources')
    .select(['id', 'slug', 'name', 'url', 'article_count as articles'])
    .orderBy('name')
    .execute();
}

export async function listAuthorsWithCounts(db: Db): Promise<(AuthorRow & Counted)[]> {
  return db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'bio', 'photo_media_id', 'article_count as articles'])
    .orderBy('name')
    .execute();
}

/** How many articles (any status) use this section, source, author or tag: the kept count (migration 0004). */
export async function countArticlesOf(db: Db, table: TaxonomyTable, id: number): Promise<number> {
  const row = await db
    .selectFrom(table as 'tags')
    .select('article_count')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.article_count ?? 0;
}

export async function nextSectionPosition(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Gives the sections positions 0, 1, 2... in the order of `ids`. */
export async function writeSectionOrder(db: Db, ids: number[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable('sections').set({ position }).where('id', '=', id).execute();
  }
}

export async function updateSectionRow(db: Db, id: number, row: Omit<SectionRow, 'id' | 'position'>) {
  await db.updateTable('sections').set(row).where('id', '=', id).execute();
}

export async function updateSourceRow(db: Db, id: number, row: Omit<SourceRow, 'id'>) {
  await db.updateTable('sources').set(row).where('id', '=', id).execute();
}

export async function updateAuthorRow(db: Db, id: number, row: Omit<AuthorRow, 'id'>) {
  await db.updateTable('authors').set(row).where('id', '=', id).execute();
}

export async function deleteRow(db: Db, table: TaxonomyTable, id: number): Promise<void> {
  await db
    .deleteFrom(table as 'tags')
    .where('id', '=', id)
    .execute();
}

/** Articles citing this source lose it (the foreign key would too; said here for PostgreSQL and readers). */
export async function clearSource(db: Db, sourceId: number): Promise<void> {
  await db.updateTable('articles').set({ source_id: null }).where('source_id', '=', sourceId).execute();
}

export async function mediaExists(db: Db, id: number): Promise<boolean> {
  return (await mediaFile(db, id)) !== undefined;
}

/** The stored file of a media library image, e.g. `2026/11/abc.jpg`. */
export async function mediaFile(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('media').select('file').where('id', '=', id).executeTakeFirst();
  return row?.file;
}
