import type SQLite from 'better-sqlite3';
import { sql as kyselySql } from 'kysely';
import { dialectOf, sqliteHandle, type Db } from '../../db/database.js';
import { takeTurns } from '../../db/dialect.js';
import type { ArticleStatus } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { slugify } from '../../lib/slugify.js';
import { sanitiseBody } from '../body/body.sanitise.js';
import { bodyText } from '../body/body.text.js';
import { plainText } from '../articles/articles.service.js';
import { revisionRow } from '../articles/revisions.repository.js';
import { SYSTEM, type Actor } from '../users/permissions.js';

/**
 * The bulk path: many whole articles in one transaction, for the synthetic
 * archive (`newsdesk generate`), imports and restores. Two steps:
 *
 * 1. `prepareArticle` checks one article as the editor's save checks it
 *    (plain-text title and lead, the body against the allow-list) and
 *    serialises it. It needs no database, so it can run in a worker thread.
 * 2. `BulkWriter.write` checks what needs the site (known section, tags,
 *    authors and source; unique slugs) and stores the batch with its tags,
 *    byline and a first revision, inside the caller's transaction.
 *
 * What the database keeps by trigger (listing columns, counts, sitemap
 * pages, headline search) follows by itself. The site search and related
 * lists are the caller's next step: `search.addDocuments` in the same
 * transaction, and the related queue. No events are emitted.
 */
export interface BulkArticle {
  title: string;
  lead: string;
  /** A ProseMirror document; checked by sanitiseBody. */
  body: unknown;
  sectionId: number;
  sourceId: number | null;
  tagIds: number[];
  authorIds: number[];
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  featured?: boolean;
  /** All-time views, for imported or generated readership. */
  views?: number;
  /** The address wanted (an import keeps the old site's); another is chosen when taken. */
  slug?: string;
  /** The media library image that represents the article. */
  featuredImageId?: number | null;
  seoDescription?: string | null;
}

/**
 * Long text as a string, or as its UTF-8 bytes: a worker thread hands those
 * over without a copy (transferred), where a string would be serialised and
 * read back, which costs more than the database's own work on it.
 */
export type LongText = string | Uint8Array;

/** An article that passed prepareArticle: checked text, the body as stored and as plain text. */
export interface PreparedArticle extends Omit<BulkArticle, 'body'> {
  /** The sanitised body as the database stores it (JSON). */
  bodyJson: LongText;
  /** bodyText() of the body: what search indexes. */
  bodyText: LongText;
}

/**
 * Prepared articles ready to send to another thread: their long text as
 * UTF-8 views into one buffer, to be listed as transferred (`buffer`).
 */
export function packArticles(articles: PreparedArticle[]): {
  articles: PreparedArticle[];
  buffer: ArrayBuffer;
} {
  let bytes = 0;
  for (const a of articles) bytes += byteLength(a.bodyJson) + byteLength(a.bodyText);
  const buffer = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  const put = (text: LongText): Uint8Array => {
    const start = at;
    if (typeof text === 'string') at += buffer.write(text, at, 'utf8');
    else at += (buffer.set(text, at), text.byteLength);
    return new Uint8Array(buffer.buffer, buffer.byteOffset + start, at - start);
  };
  return {
    articles: articles.map((a) => ({ ...a, bodyJson: put(a.bodyJson), bodyText: put(a.bodyText) })),
    buffer: buffer.buffer as ArrayBuffer,
  };
}

const byteLength = (text: LongText) =>
  typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.byteLength;

/**
 * Checks and serialises one article; throws naming the field
 * (`articles[12].body.content[3]: …` with `at = 'articles[12]'`).
 */
export function prepareArticle(
  input: BulkArticle,
  at: string,
): PreparedArticle & { bodyJson: string; bodyText: string } {
  if (input.status === 'published' && !input.publishedAt)
    throw new AppError('INVALID_INPUT', `${at}.publishedAt: a published article needs a time`);
  try {
    const body = sanitiseBody(input.body);
    const { body: _unused, ...rest } = input;
    void _unused;
    return {
      ...rest,
      title: plainText(input.title, 'title', 300, true),
      lead: plainText(input.lead, 'lead', 1000, false),
      seoDescription: input.seoDescription
        ? plainText(input.seoDescription, 'seoDescription', 500, false)
        : null,
      bodyJson: JSON.stringify(body),
      bodyText: bodyText(body),
      tagIds: [...new Set(input.tagIds)],
      authorIds: [...new Set(input.authorIds)],
    };
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${at}.${error.message}`, { cause: error });
    throw error;
  }
}

type Names = Map<number, { slug: string; name: string }>;

export class BulkWriter {
  readonly #sections: Names;
  readonly #tags: Names;
  readonly #authors: Names;
  readonly #sources: Names;
  readonly #actor: Actor;
  readonly #statements: BulkStatements;

  private constructor(
    taxonomy: Record<'sections' | 'tags' | 'authors' | 'sources', Names>,
    actor: Actor,
    statements: BulkStatements,
  ) {
    this.#sections = taxonomy.sections;
    this.#tags = taxonomy.tags;
    this.#authors = taxonomy.authors;
    this.#sources = taxonomy.sources;
    this.#actor = actor;
    this.#statements = statements;
  }

  /**
   * Loads the taxonomy the articles will point at (by id): sections, tags,
   * authors, sources. Inside a transaction that has just added some, pass it
   * as `reader`: the database itself would wait for that transaction to end.
   */
  static async open(db: Db, actor: Actor = SYSTEM, reader: Db = db): Promise<BulkWriter> {
    const load = async (table: 'sections' | 'tags' | 'authors' | 'sources'): Promise<Names> => {
      const rows = await reader
        .selectFrom(table as 'tags')
        .select(['id', 'slug', 'name'])
        .execute();
      return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
    };
    return new BulkWriter(
      {
        sections: await load('sections'),
        tags: await load('tags'),
        authors: await load('authors'),
        sources: await load('sources'),
      },
      actor,
      dialectOf(db) === 'postgres' ? postgresStatements() : sqliteStatements(sqliteHandle(db)),
    );
  }

  /** A tag's name as stored, for the search index. */
  tagName(id: number): string {
    return this.#tags.get(id)?.name ?? '';
  }

  /**
   * Writes articles (raw, or already through prepareArticle) inside the
   * caller's transaction `trx`; returns their new ids, in order. A bad article
   * throws naming its place in the batch, and the transaction then writes
   * nothing of the batch.
   */
  async write(trx: Db, articles: (BulkArticle | PreparedArticle)[]): Promise<number[]> {
    if (articles.length === 0) return [];
    const sql = this.#statements;
    // Two writers at once would take the same ids (SQLite's writers take turns already).
    await takeTurns(trx, 'articles.bulk');
    // 1. Check every article before writing any.
    const clean = articles.map((input, i) => {
      const at = `articles[${i}]`;
      const prepared = 'bodyJson' in input ? input : prepareArticle(input, at);
      this.#checkReferences(prepared, at);
      return prepared;
    });
    // 2. Ids follow the highest so far; slugs are unique in the batch and the site.
    const firstId = (await sql.lastId(trx)) + 1;
    const taken = new Set<string>();
    const slugs: string[] = [];
    for (const [i, a] of clean.entries()) {
      const base = slugify(a.slug || a.title) || 'article';
      let slug = base;
      for (let n = 1; taken.has(slug) || (await sql.slugTaken(trx, slug)); n++)
        slug = n === 1 ? `${base}-${firstId + i}` : `${base}-${firstId + i}-${n}`;
      taken.add(slug);
      slugs.push(slug);
    }
    // 3. Write: articles, then what points at them, many rows a statement (each statement sets up
    //    its tables, indexes and triggers once). The listing columns the triggers would otherwise
    //    fill are given, to save a second write of each row.
    const ids = clean.map((_, i) => firstId + i);
    await sql.articles(
      trx,
      clean.map((a, i) => [
        ids[i],
        slugs[i],
        a.title,
        a.lead,
        a.bodyJson,
        a.sectionId,
        a.sourceId,
        a.status,
        a.featured ? 1 : 0,
        a.publishedAt,
        a.createdAt,
        a.updatedAt,
        1,
        this.#actor.id,
        this.#actor.id,
        a.featuredImageId ?? null,
        a.seoDescription ?? null,
      ]),
    );
    const read = clean.flatMap((a, i) => (a.views ? [{ article_id: ids[i]!, views: a.views }] : []));
    for (let start = 0; start < read.length; start += 1000)
      await trx
        .insertInto('article_view_totals')
        .values(read.slice(start, start + 1000))
        .execute();
    const liveAt = (a: PreparedArticle) => (a.status === 'published' ? a.publishedAt : null);
    await sql.tags(
      trx,
      clean.flatMap((a, i) =>
        a.tagIds.map((tagId, position) => [ids[i], tagId, position, liveAt(a), a.updatedAt]),
      ),
    );
    await sql.authors(
      trx,
      clean.flatMap((a, i) =>
        a.authorIds.map((authorId, position) => [ids[i], authorId, position, liveAt(a), a.updatedAt]),
      ),
    );
    // The first revision holds its body by reference, as every current revision does.
    await sql.revisions(
      trx,
      clean.map((a, i) => {
        const r = revisionRow(ids[i], 1, a.createdAt, this.#actor, a.status, {
          title: a.title,
          lead: a.lead,
          section: this.#sections.get(a.sectionId)!.slug,
          tags: a.tagIds.map((t) => this.#tags.get(t)!.name),
          authors: a.authorIds.map((t) => this.#authors.get(t)!.slug),
          source: a.sourceId === null ? null : this.#sources.get(a.sourceId)!.slug,
          status: a.status,
          publishedAt: a.publishedAt,
          slug: slugs[i],
          featured: a.featured === true,
          picks: [],
          seoTitle: null,
          seoDescription: a.seoDescription ?? null,
          featuredImage: a.featuredImageId ?? null,
        });
        return [r.article_id, r.version, r.created_at, r.user_id, r.user_name, r.status, r.snapshot];
      }),
    );
    return ids;
  }

  #checkReferences(article: PreparedArticle, at: string): void {
    const known = (names: Names, id: number | null, field: string) => {
      if (id !== null && !names.has(id))
        throw new AppError('INVALID_INPUT', `${at}.${field}: there is no ${id}`);
    };
    known(this.#sections, article.sectionId, 'sectionId');
    known(this.#sources, article.sourceId, 'sourceId');
    article.tagIds.forEach((id, i) => known(this.#tags, id, `tagIds[${i}]`));
    article.authorIds.forEach((id, i) => known(this.#authors, id, `authorIds[${i}]`));
  }
}

/** What the bulk path writes with, inside the caller's transaction `trx`. */
interface BulkStatements {
  lastId(trx: Db): Promise<number>;
  slugTaken(trx: Db, slug: string): Promise<boolean>;
  articles(trx: Db, rows: unknown[][]): Promise<void>;
  tags(trx: Db, rows: unknown[][]): Promise<void>;
  authors(trx: Db, rows: unknown[][]): Promise<void>;
  revisions(trx: Db, rows: unknown[][]): Promise<void>;
}

const ARTICLE_COLUMNS = [
  'id',
  'slug',
  'title',
  'lead',
  'body',
  'section_id',
  'source_id',
  'status',
  'featured',
  'published_at',
  'created_at',
  'updated_at',
  'version',
  'created_by',
  'updated_by',
  'featured_image_id',
  'seo_description',
];
const LINK_COLUMNS = (key: string) => ['article_id', key, 'position', 'live_at', 'updated_at'];
const REVISION_COLUMNS = [
  'article_id',
  'version',
  'created_at',
  'user_id',
  'user_name',
  'status',
  'snapshot',
];

/**
 * PostgreSQL's: many rows an INSERT through Kysely, bodies given as UTF-8
 * bytes decoded; the articles' id sequence moved past the ids written, so
 * that articles saved one at a time afterwards do not take them again.
 */
function postgresStatements(): BulkStatements {
  const decoder = new TextDecoder();
  const insert =
    (table: 'articles' | 'article_tags' | 'article_authors' | 'article_revisions', columns: string[]) =>
    async (trx: Db, rows: unknown[][]) => {
      for (let i = 0; i < rows.length; i += POSTGRES_ROWS_PER_INSERT) {
        const values = rows
          .slice(i, i + POSTGRES_ROWS_PER_INSERT)
          .map((row) =>
            Object.fromEntries(
              row.map((value, c) => [
                columns[c],
                value instanceof Uint8Array ? decoder.decode(value) : value,
              ]),
            ),
          );
        await trx
          .insertInto(table)
          .values(values as never)
          .execute();
      }
    };
  const articles = insert('articles', ARTICLE_COLUMNS);
  return {
    async lastId(trx) {
      const row = await trx
        .selectFrom('articles')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    async slugTaken(trx, slug) {
      return (
        (await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst()) !==
        undefined
      );
    },
    async articles(trx, rows) {
      await articles(trx, rows);
      await kyselySql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`.execute(
        trx,
      );
    },
    tags: insert('article_tags', LINK_COLUMNS('tag_id')),
    authors: insert('article_authors', LINK_COLUMNS('author_id')),
    revisions: insert('article_revisions', REVISION_COLUMNS),
  };
}

/** Rows per INSERT on PostgreSQL: 18 columns of 500 rows is well under its 65,535 parameters. */
const POSTGRES_ROWS_PER_INSERT = 500;

/**
 * SQLite's: the bulk path's SQL, prepared once, on the connection the
 * caller's transaction holds (sqliteHandle): the inserts a Kysely query
 * would build, without building one per batch.
 */
function sqliteStatements(sqlite: SQLite.Database): BulkStatements {
  const lastId = sqlite.prepare('select max(id) as id from articles');
  const slugTaken = sqlite.prepare('select 1 from articles where slug = ?').pluck();
  const now = (write: (rows: unknown[][]) => void) => async (_trx: Db, rows: unknown[][]) => write(rows);
  return {
    lastId: async () => Number((lastId.get() as { id: number | null }).id ?? 0),
    slugTaken: async (_trx, slug) => slugTaken.get(slug) !== undefined,
    // The body may come as UTF-8 bytes (LongText): the cast makes them the text they spell.
    articles: now(
      insertMany(
        sqlite,
        'articles',
        ARTICLE_COLUMNS.map((column) => (column === 'body' ? ['body', TEXT] : column)),
      ),
    ),
    tags: now(insertMany(sqlite, 'article_tags', LINK_COLUMNS('tag_id'))),
    authors: now(insertMany(sqlite, 'article_authors', LINK_COLUMNS('author_id'))),
    revisions: now(insertMany(sqlite, 'article_revisions', REVISION_COLUMNS)),
  };
}

/** Rows per INSERT statement: well under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 100;

/** A parameter that may be UTF-8 bytes (LongText), stored as the text they spell. */
const TEXT = 'cast(? as text)';

/**
 * Inserts rows ROWS_PER_INSERT a statement, with one prepared statement per row count used.
 * A column is a name, or a name and its parameter's expression (TEXT).
 */
function insertMany(sqlite: SQLite.Database, table: string, columns: (string | [string, string])[]) {
  const prepared = new Map<number, SQLite.Statement>();
  const names = columns.map((c) => (typeof c === 'string' ? c : c[0]));
  const row = `(${columns.map((c) => (typeof c === 'string' ? '?' : c[1])).join(', ')})`;
  const statement = (rows: number) => {
    let found = prepared.get(rows);
    if (!found) {
      found = sqlite.prepare(
        `insert into ${table} (${names.join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}`,
      );
      prepared.set(rows, found);
    }
    return found;
  };
  return (rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      statement(chunk.length).run(chunk.flat());
    }
  };
}
