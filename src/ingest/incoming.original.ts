import type { Db } from '../db/database.js';

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
 * (its feed removed), the oldest copy left.
 *
 * ```sql
 * select … from incoming_items i join sources s on s.id = i.source_id
 * where i.article_id = ? order by i.duplicate_of is not null, i.id
 * ```
 */
export async function findOriginal(db: Db, articleId: number): Promise<OriginalItem | undefined> {
  const [item, ...linked] = await db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select([
      'i.id',
      'i.link',
      'i.title',
      'i.summary',
      'i.text',
      'i.author',
      'i.published_at',
      'i.fetched_at',
      's.name',
    ])
    .where('i.article_id', '=', articleId)
    .orderBy((eb) => eb('i.duplicate_of', 'is not', null))
    .orderBy('i.id')
    .execute();
  if (!item) return undefined;
  // Copies that came after the draft was written are merged into the item but not linked to the article.
  const later = await db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.link', 's.name'])
    .where('i.duplicate_of', '=', item.id)
    .where('i.article_id', 'is', null)
    .orderBy('i.id')
    .execute();
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
