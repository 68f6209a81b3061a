import type { Db } from '../../db/database.js';
import {
  listVisible,
  visibleArticlesByIds,
  relatedBlockIds,
  summariesByIds,
  type Article,
  type ArticleSummary,
  type ListFilter,
} from '../../content/index.js';

/** How many articles a feed carries: the newest. */
export const FEED_SIZE = 30;

export interface FeedArticles {
  /** Visible articles, newest first. */
  articles: Article[];
  /** The visible targets of the articles' inline related blocks. */
  related: ArticleSummary[];
}

/**
 * The newest visible articles for a feed, whole, with what their inline
 * related blocks point at: one indexed list query, the articles whole in
 * seven queries for all of them, and one query for all related targets.
 */
export async function loadFeedArticles(
  db: Db,
  now: string,
  filter: ListFilter,
  limit = FEED_SIZE,
): Promise<FeedArticles> {
  const summaries = await listVisible(db, now, filter, { limit, offset: 0 });
  const articles = await visibleArticlesByIds(
    db,
    now,
    summaries.map((s) => s.id),
  );
  const relatedIds = [...new Set(articles.flatMap((a) => relatedBlockIds(a.body)))];
  const related = await summariesByIds(db, now, relatedIds);
  return { articles, related };
}
