import type { ArticleSummary, ContentEvents, HeadlineSearch } from '../content/index.js';
import type { Db } from '../db/database.js';
import type { SearchDocument } from './search-documents.js';

/**
 * Site search, one interface whatever the database: sqlite-fts.ts implements
 * it with FTS5. The index holds only articles readers may see, and every
 * search checks visibility again, so nothing unpublished or future-dated shows
 * even if an event was missed. It also finds articles of any status by their
 * headline and standfirst for the back office (HeadlineSearch).
 */
export interface SearchIndex extends HeadlineSearch {
  /** (Re)indexes the article if readers may see it now, otherwise removes it. */
  indexArticle(articleId: number): Promise<void>;
  /**
   * (Re)indexes these articles the same way, inside the caller's transaction
   * `trx`: the bulk path writes articles and their index entries together.
   */
  indexArticles(trx: Db, articleIds: number[]): Promise<void>;
  /**
   * Adds new articles the caller has in hand and knows readers may see
   * (searchDocument() of each), inside its transaction: the bulk path's
   * way, with no second read of what it just wrote.
   */
  addDocuments(trx: Db, documents: SearchDocument[]): Promise<void>;
  removeArticle(articleId: number): Promise<void>;
  /**
   * Many writes are coming (the queue drains): the index stops tidying
   * itself inside each write, where the work comes in long uneven runs, and
   * `tidy()` after each batch does a bounded share of it instead; `bulk(false)`
   * when done. Called with false at start too, in case a drain was cut short.
   */
  bulk(on: boolean): Promise<void>;
  tidy(): Promise<void>;
  /**
   * Reindexes every visible article from scratch; returns how many. In one
   * transaction: readers keep the old index until the new one commits.
   *
   * `alone`: nothing else reads or writes the site meanwhile (an import into
   * a new site). Then the entries are written by several connections at once,
   * a batch a statement, as far as the engine takes writers side by side
   * (PostgreSQL: its cores; SQLite takes one writer, and rebuilds as above);
   * stopped halfway, the index holds what was written until `newsdesk reindex`.
   * `onProgress`: articles indexed so far, of about how many.
   */
  rebuild(options?: {
    alone?: boolean;
    onProgress?: (progress: { phase: string; done: number; total: number }) => void;
  }): Promise<number>;
  /**
   * Best matches first for whatever the reader typed; never throws on the query.
   *
   * @example await index.search('"prime minister" bulg*', { limit: 20, offset: 0 })
   */
  search(q: string, page: { limit: number; offset: number }): Promise<SearchResults>;
}

export interface SearchResults {
  /**
   * How many visible articles match, across all pages; with `more`, how many
   * were ranked, and more match than that (the page then says "more than").
   */
  total: number;
  /** More articles match than were ranked: `total` is a lower bound. */
  more: boolean;
  hits: SearchHit[];
  /** The query as typed, tidied, for showing back to the reader. */
  query: string;
}

export interface SearchHit {
  article: ArticleSummary;
  snippet: SnippetPart[];
}

/** A piece of a snippet; the template wraps match parts in <mark>. Plain text, no HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Keeps the index in step with what readers may see: an article at once, the
 * many articles of a renamed, merged or deleted tag (tag names are indexed)
 * through the queue, off the request path.
 */
export function wireSearch(
  events: ContentEvents,
  index: SearchIndex,
  later: { queue(articleIds: number[], at: string): Promise<void> },
  now: () => Date,
): void {
  events.on('article.published', ({ articleId }) => index.indexArticle(articleId));
  events.on('article.unpublished', ({ articleId }) => index.removeArticle(articleId));
  events.on('articles.retagged', ({ articleIds }) => later.queue(articleIds, now().toISOString()));
  events.on('articles.imported', ({ articleIds }) => later.queue(articleIds, now().toISOString()));
}
