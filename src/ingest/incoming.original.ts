import type { Db } from '../db/database.js';
import { itemsOfArticle, unlinkedCopiesOf } from './incoming.repository.js';

/** The partner's item an article was written from, as the editor shows it beside the body. */
export interface OriginalItem {
  source: string;
  link: string | null;
  title: string;
  summary: string;
  text: string;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  /** Other partners' copies of the same story, merged into it. */
  alsoFrom: { source: string; link: string | null }[];
}

/**
 * The incoming item this article was written from ("Write from this" links
 * it and its copies from other partners through `article_id`), or undefined.
 * The item itself is the one the others are duplicates of; when it is gone
 * (its feed removed), the oldest copy left (itemsOfArticle).
 */
export async function findOriginal(db: Db, articleId: number): Promise<OriginalItem | undefined> {
  const [item, ...linked] = await itemsOfArticle(db, articleId);
  if (!item) return undefined;
  // Copies that came after the draft was written are merged into the item but not linked to the article.
  const later = await unlinkedCopiesOf(db, item.id);
  return {
    source: item.name,
    link: item.link,
    title: item.title,
    summary: item.summary,
    text: item.text,
    author: item.author,
    publishedAt: item.published_at,
    fetchedAt: item.fetched_at,
    alsoFrom: [...linked, ...later]
      .sort((a, b) => a.id - b.id)
      .map((copy) => ({ source: copy.name, link: copy.link })),
  };
}
