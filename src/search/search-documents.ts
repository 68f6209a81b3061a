import { bodyText, stillVisibleTo, type BodyDoc, type LongText } from '../content/index.js';
import type { Db } from '../db/database.js';
import { indexableText } from './snippet.js';

/** An article as the search index stores it: plain text per column. */
export interface SearchDocument {
  id: number;
  title: string;
  lead: string;
  /** The body's text, or its UTF-8 bytes already made indexable (indexableText), from the bulk path. */
  body: LongText;
  /** Tag names, space-joined. */
  tags: string;
}

export type DocumentSelection = { ids: number[] } | { afterId: number; beforeId?: number; limit: number };

/**
 * Articles visible at `now`, as documents, in id order: the given ids, or the
 * next `limit` after `afterId` (and below `beforeId`), to walk all articles in batches.
 * Two queries: the articles (primary key), then their tags (article_tags_pk).
 */
export async function visibleDocuments(
  db: Db,
  now: string,
  selection: DocumentSelection,
): Promise<SearchDocument[]> {
  let query = db
    .selectFrom('articles')
    .select(['articles.id', 'articles.title', 'articles.lead', 'articles.body'])
    .where(stillVisibleTo(db, now))
    .orderBy('articles.id');
  if ('ids' in selection) {
    if (selection.ids.length === 0) return [];
    query = query.where('articles.id', 'in', selection.ids);
  } else {
    query = query.where('articles.id', '>', selection.afterId).limit(selection.limit);
    if (selection.beforeId !== undefined) query = query.where('articles.id', '<', selection.beforeId);
  }
  const rows = await query.execute();
  const articleIds = rows.map((r) => r.id);
  const tags = await tagNames(db, articleIds);
  return rows.map((row) =>
    searchDocument({
      id: row.id,
      title: row.title,
      lead: row.lead,
      bodyText: bodyText(JSON.parse(row.body) as BodyDoc),
      tags: tags.get(row.id) ?? [],
    }),
  );
}

/**
 * An article as the index stores it, from its text (bodyText() of its body) and tag names.
 * Body text given as UTF-8 bytes must have been through indexableText already.
 */
export function searchDocument(article: {
  id: number;
  title: string;
  lead: string;
  bodyText: LongText;
  tags: string[];
}): SearchDocument {
  return {
    id: article.id,
    title: indexableText(article.title),
    lead: indexableText(article.lead),
    body: typeof article.bodyText === 'string' ? indexableText(article.bodyText) : article.bodyText,
    tags: indexableText(article.tags.join(' ')),
  };
}

async function tagNames(db: Db, articleIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (articleIds.length === 0) return names;
  const rows = await db
    .selectFrom('article_tags')
    // CROSS JOIN keeps article_tags (by primary key) the outer loop.
    .crossJoin('tags')
    .whereRef('tags.id', '=', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
  for (const row of rows) names.set(row.article_id, [...(names.get(row.article_id) ?? []), row.name]);
  return names;
}
