import type { Db } from '../../db/database.js';
import type { AuthorRow, SectionRow, SourceRow, TagRow } from '../../db/schema.js';
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
  return (await db
    .selectFrom(table as 'tags')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst()) as TaxonomyRows[T] | undefined;
}

export async function listSections(db: Db): Promise<SectionRow[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
}

export async function listAuthors(db: Db): Promise<AuthorRow[]> {
  return db.selectFrom('authors').selectAll().orderBy('name').execute();
}

/**
 * The tags with these names, created when new. Names differing only in case or
 * accents ("nato", "NATO") are one tag: the slug decides.
 */
export async function ensureTags(db: Db, names: string[]): Promise<TagRow[]> {
  const tags: TagRow[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const slug = slugify(name);
    if (!slug || tags.some((t) => t.slug === slug)) continue;
    const existing = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    tags.push(
      existing ??
        (await db.insertInto('tags').values({ slug, name }).returningAll().executeTakeFirstOrThrow()),
    );
  }
  return tags;
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
