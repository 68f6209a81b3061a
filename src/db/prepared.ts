import type { Compilable, CompiledQuery } from 'kysely';
import { dialectOf, readAtOnce, type Db } from './database.js';

/**
 * A query built and compiled by Kysely once, then run with new values each
 * time: for the statements every reader page runs. Building Kysely's query
 * tree and compiling it to SQL costs more than SQLite takes to run such a
 * statement (a summary by id: about 85 µs of 110; docs/PERFORMANCE.md).
 *
 * `build` is called with a stand-in for each argument (for an array, an
 * array of as many stand-ins), once for each dialect and each length of the
 * array arguments. It must use its arguments only as values in the query,
 * never to choose its shape; an argument that does not end up among the
 * compiled query's parameters is refused when the query is built.
 *
 * On SQLite a read runs at once, unless a transaction holds the connection
 * (`readAtOnce`); otherwise, and on PostgreSQL, through Kysely.
 *
 * @example
 * const articleById = prepared((db, id: number) => db.selectFrom('articles').selectAll().where('id', '=', id));
 * const [row] = await articleById(db, 12);
 */
export function prepared<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const made = new Map<string, Template<R>>();
  return async (db, ...args) => {
    let key: string = dialectOf(db);
    for (const arg of args) key += Array.isArray(arg) ? `,${arg.length}` : ',';
    let template = made.get(key);
    if (!template) {
      // Lists of any length could make any number of them; a page's lists are short.
      if (made.size >= TEMPLATES) made.delete(made.keys().next().value!);
      made.set(key, (template = compile(db, build, args)));
    }
    const parameters = template.parameters.map((fill) => fill(args));
    const rows = readAtOnce<R>(db, template.query.sql, parameters);
    if (rows) return rows;
    const result = await db.executeQuery<R>({ ...template.query, parameters });
    return result.rows;
  };
}

/** Compiled queries kept for each prepared query: each dialect and length of its lists. */
const TEMPLATES = 100;

/** A compiled query, and how to make each of its parameters from the arguments. */
interface Template<R> {
  query: CompiledQuery<R>;
  parameters: ((args: readonly unknown[]) => unknown)[];
}

function compile<A extends unknown[], R>(
  db: Db,
  build: (db: Db, ...args: A) => Compilable<R>,
  args: A,
): Template<R> {
  // A stand-in is a string no one types: the compiled parameters are searched for it.
  const where = new Map<string, [arg: number, item: number | undefined]>();
  const standIn = (arg: number, item?: number) => {
    const value = `\u0000prepared ${arg} ${item ?? ''}`;
    where.set(value, [arg, item]);
    return value;
  };
  const standIns = args.map((arg, i) => (Array.isArray(arg) ? arg.map((_, j) => standIn(i, j)) : standIn(i)));
  const query = build(db, ...(standIns as A)).compile();
  const used = new Set<number>();
  const parameters = query.parameters.map((value) => {
    const found = typeof value === 'string' ? where.get(value) : undefined;
    if (!found) return () => value;
    const [arg, item] = found;
    used.add(arg);
    return item === undefined
      ? (given: readonly unknown[]) => given[arg]
      : (given: readonly unknown[]) => (given[arg] as unknown[])[item];
  });
  args.forEach((arg, i) => {
    if (!used.has(i) && !(Array.isArray(arg) && arg.length === 0))
      throw new Error(`prepared query: argument ${i + 1} is not a parameter of ${query.sql}`);
  });
  return { query, parameters };
}
