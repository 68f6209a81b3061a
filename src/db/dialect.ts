import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type Db } from './database.js';

/**
 * The few places SQLite and PostgreSQL are written differently, each named
 * for what it means, so that a repository says what it wants once.
 */

/**
 * `column` as a term no index may serve: for rows already found another way
 * (by id, a join), whose other columns are only checked. SQLite's unary `+`
 * keeps its planner from leading with that column's index, which would walk
 * every row it matches to keep a few; PostgreSQL's planner weighs its
 * statistics and needs no such hint (and has no unary `+` on text).
 */
export function unindexed<T>(db: Db, column: string): RawBuilder<T> {
  return dialectOf(db) === 'postgres' ? sql<T>`${sql.ref(column)}` : sql<T>`+${sql.ref(column)}`;
}

/** `value`, compared with `column` regardless of ASCII letter case (the `tags_name` index serves it on both). */
export function caselessEquals(db: Db, column: string, value: string): RawBuilder<boolean> {
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`lower(${sql.ref(column)}) = lower(${value})`
    : sql<boolean>`${sql.ref(column)} = ${value} collate nocase`;
}

/** `column`, ordered regardless of ASCII letter case. */
export function caselessOrder(db: Db, column: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres'
    ? sql<string>`lower(${sql.ref(column)})`
    : sql<string>`${sql.ref(column)} collate nocase`;
}
