import type { Db } from '../../db/database.js';
import { AppError, invalidInput } from '../../lib/app-error.js';
import { slugify } from '../../lib/slugify.js';
import { oneLine, stripControl } from '../../lib/text.js';
import { findById, findBySlug, type TaxonomyRows, type TaxonomyTable } from './taxonomy.repository.js';

/**
 * Field rules shared by sections, tags, sources and authors. Everything here
 * is plain text: stored as typed (minus control characters) and escaped by
 * the templates that show it.
 */

/** A required one-line name: spaces collapsed, 1 to `max` characters. */
export function cleanName(input: unknown, field = 'name', max = 100): string {
  const name = oneLine(String(input ?? ''));
  if (!name) throw invalidInput(field, 'must not be empty');
  if (name.length > max) throw invalidInput(field, `must be at most ${max} characters`);
  return name;
}

/** Optional text of several lines (a bio, a description), at most `max` characters. */
export function cleanText(input: unknown, field: string, max: number): string {
  const text = stripControl(String(input ?? ''))
    .replace(/\r\n?/g, '\n')
    .trim();
  if (text.length > max)
    throw invalidInput(field, `must be at most ${max} characters (it has ${text.length})`);
  return text;
}

/**
 * The slug as typed, made URL-safe ("World News" -> "world-news"), or made
 * from the name when left empty.
 */
export function cleanSlug(input: unknown, name: string): string {
  const typed = String(input ?? '').trim();
  const slug = slugify(typed || name);
  if (!slug)
    throw invalidInput('slug', typed ? `"${typed}" has no letters or digits` : 'give one: the name has none');
  return slug;
}

/** An http(s) address, or null when empty. */
export function cleanUrl(input: unknown, field: string): string | null {
  const text = String(input ?? '').trim();
  if (!text) return null;
  if (text.length > 500) throw invalidInput(field, 'must be at most 500 characters');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidInput(field, `"${text}" is not a web address (it should start with https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidInput(field, 'must start with http:// or https://');
  if (/\s/.test(text)) throw invalidInput(field, 'must not contain spaces');
  return text;
}

/** A positive integer id from a form or JSON. */
export function cleanId(input: unknown, field: string): number {
  const id = typeof input === 'number' ? input : Number(String(input ?? '').trim());
  if (!Number.isSafeInteger(id) || id < 1) throw invalidInput(field, 'must be an id (a whole number)');
  return id;
}

export const NOUN: Record<TaxonomyTable, string> = {
  sections: 'section',
  tags: 'tag',
  sources: 'source',
  authors: 'author',
};

/** Refuses a slug another row of the same table already has. */
export async function assertSlugFree(
  db: Db,
  table: TaxonomyTable,
  slug: string,
  exceptId: number | null,
): Promise<void> {
  const other = await findBySlug(db, table, slug);
  if (other && other.id !== exceptId) {
    const hint = table === 'tags' ? ': merge the two tags instead' : '';
    throw new AppError(
      'SLUG_TAKEN',
      `slug: "${slug}" is already used by the ${NOUN[table]} "${other.name}"${hint}`,
    );
  }
}

/** A row by id, or a 404 naming what was missing. */
export async function existing<T extends TaxonomyTable>(
  db: Db,
  table: T,
  id: number,
): Promise<TaxonomyRows[T]> {
  const row = await findById(db, table, id);
  if (!row) throw new AppError('NOT_FOUND', `${NOUN[table]} ${id} not found`);
  return row;
}
