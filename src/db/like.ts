import { sql, type RawBuilder } from 'kysely';

/**
 * A LIKE pattern for text that contains `text` as typed: `%` and `_` are
 * characters, not wildcards (escaped, with the `escape` clause SQLite needs
 * for it). For `column like containing(q)`.
 *
 * @example eb('tags.name', 'like', containing('50%')) // tags.name like '%50\%%' escape '\'
 */
export function containing(text: string): RawBuilder<string> {
  return sql<string>`${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}
