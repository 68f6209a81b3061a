import { bodyText, visibleTo, type BodyDoc } from '../content/index.js';
import type { Db } from '../db/database.js';
import { indexableText } from './snippet.js';

/** An article as the search index stores it: plain text per column. */
export interface SearchDocument {
  id: number;
  title: string;
  lead: string;
  body: string;
  /** Tag names, space-joined. */
  tags: string;
}

export type DocumentSelection = { ids: number[] } | { afterId: number; limit: number };

/**
 * Articles visible at `now`, as documents, in id order: the given ids, or the
 * next `limit` after `afterId` (to walk all articles in batches).
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
    .where(visibleTo(now))
    .orderBy('articles.id');
  if ('ids' in selection) {
    if (selection.ids.length === 0) return [];
    query = query.where('articles.id', 'in', selection.ids);
  } else {
    query = query.where('articles.id', '>', selection.afterId).limit(selection.limit);
  }
  const rows = await query.execute();
  const articleIds = rows.map((r) => r.id);
  const tags = await tagNames(db, articleIds);
  return rows.map((row) => ({
    id: row.id,
    title: indexableText(row.title),
    lead: indexableText(row.lead),
    body: indexableText(bodyText(JSON.parse(row.body) as BodyDoc)),
    tags: indexableText((tags.get(row.id) ?? []).join(' ')),
  }));
}

async function tagNames(db: Db, articleIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (articleIds.length === 0) return names;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
  for (const row of rows) names.set(row.article_id, [...(names.get(row.article_id) ?? []), row.name]);
  return names;
}
