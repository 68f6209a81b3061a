import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { ArticleStatus } from '../../db/schema.js';
import type { Actor } from '../users/permissions.js';
import type { BodyDoc } from '../body/body.types.js';
import type { Article, ArticleInput } from './articles.table.js';

/** What a revision keeps: the editable fields, as an editor would send them again. */
export type RevisionSnapshot = Required<Omit<ArticleInput, 'slug' | 'body'>> & {
  slug: string;
  body: BodyDoc;
};

export function snapshotOf(article: Article): RevisionSnapshot {
  return {
    title: article.title,
    lead: article.lead,
    body: article.body,
    section: article.section.slug,
    tags: article.tags.map((t) => t.name),
    authors: article.authors.map((a) => a.slug),
    source: article.source?.slug ?? null,
    status: article.status,
    publishedAt: article.publishedAt,
    slug: article.slug,
    featured: article.featured,
    picks: article.picks,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    featuredImage: article.featuredImage,
  };
}

/**
 * Records the article as it now stands; call inside the transaction of the
 * save. The revision of the current version keeps its body by reference
 * (`"body": null`, the article's own body), so an archive holds each text
 * once; the next save writes the body into it first (settleRevision).
 */
export async function writeRevision(db: Db, article: Article, actor: Actor, at: string): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values(revisionRow(article.id, article.version, at, actor, article.status, snapshotOf(article)))
    .execute();
}

/** A revision row whose body is the article's current one (see writeRevision). */
export function revisionRow(
  articleId: number,
  version: number,
  at: string,
  actor: Actor,
  status: ArticleStatus,
  snapshot: Omit<RevisionSnapshot, 'body'>,
) {
  return {
    article_id: articleId,
    version,
    created_at: at,
    user_id: actor.id,
    user_name: actor.name,
    status,
    snapshot: JSON.stringify({ ...snapshot, body: null }),
  };
}

/**
 * Before the article's body changes: its current revision takes the body it
 * had by reference. `body` is the article's stored body JSON as it was.
 *
 * `update article_revisions set snapshot = json_set(snapshot, '$.body', json(:body))
 *  where article_id = :id and json_type(snapshot, '$.body') = 'null'`
 *
 * (PostgreSQL: the same through jsonb, whose text puts the keys in its own order.)
 */
export async function settleRevision(db: Db, articleId: number, body: string): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db
    .updateTable('article_revisions')
    .set({
      snapshot: postgres
        ? sql`jsonb_set(snapshot::jsonb, '{body}', ${body}::jsonb)::text`
        : sql`json_set(snapshot, '$.body', json(${body}))`,
    })
    .where('article_id', '=', articleId)
    .where(
      postgres
        ? sql<boolean>`snapshot::jsonb -> 'body' = 'null'::jsonb`
        : sql<boolean>`json_type(snapshot, '$.body') = 'null'`,
    )
    .execute();
}

export interface Revision {
  version: number;
  createdAt: string;
  userName: string;
  status: ArticleStatus;
}

export async function listRevisions(db: Db, articleId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(['version', 'created_at', 'user_name', 'status'])
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    userName: r.user_name,
    status: r.status,
  }));
}

export async function getRevision(
  db: Db,
  articleId: number,
  version: number,
): Promise<(Revision & { snapshot: RevisionSnapshot }) | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const snapshot = JSON.parse(row.snapshot) as Omit<RevisionSnapshot, 'body'> & { body: BodyDoc | null };
  // The current version's body is the article's own (see writeRevision).
  const body =
    snapshot.body ??
    (JSON.parse(
      (await db.selectFrom('articles').select('body').where('id', '=', articleId).executeTakeFirstOrThrow())
        .body,
    ) as BodyDoc);
  return {
    version: row.version,
    createdAt: row.created_at,
    userName: row.user_name,
    status: row.status,
    snapshot: { ...snapshot, body },
  };
}
