import type { Db } from '../../db/database.js';
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

/** Records the article as it now stands; call inside the transaction of the save. */
export async function writeRevision(db: Db, article: Article, actor: Actor, at: string): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: article.id,
      version: article.version,
      created_at: at,
      user_id: actor.id,
      user_name: actor.name,
      status: article.status,
      snapshot: JSON.stringify(snapshotOf(article)),
    })
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
  return {
    version: row.version,
    createdAt: row.created_at,
    userName: row.user_name,
    status: row.status,
    snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
  };
}
