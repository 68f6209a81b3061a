import type { ArticleRow, ArticleStatus } from '../../db/schema.js';
import type { BodyDoc } from '../body/body.types.js';

export interface Named {
  id: number;
  slug: string;
  name: string;
}

/** An article as pages, feeds and the API show it. */
export interface Article {
  id: number;
  slug: string;
  /** `/articles/:id/:slug`, relative to the site. */
  path: string;
  title: string;
  lead: string;
  body: BodyDoc;
  status: ArticleStatus;
  featured: boolean;
  section: Named;
  source: (Named & { url: string | null }) | null;
  tags: Named[];
  authors: Named[];
  corrections: { createdAt: string; text: string }[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** When an editor last marked the article as updated for readers. */
  revisedAt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  /** The media library image that represents the article: top of the page, lists, share cards. */
  featuredImage: number | null;
  views: number;
  /** Editors' picks for related articles, by id. */
  picks: number[];
  /** Goes up with every save; send it back to save without overwriting someone else's changes. */
  version: number;
  createdBy: number | null;
  updatedBy: number | null;
}

/** An article in a list: enough for a headline, a standfirst and a dateline. */
export interface ArticleSummary {
  id: number;
  slug: string;
  path: string;
  title: string;
  lead: string;
  section: Named;
  publishedAt: string;
  views: number;
}

export function articlePath(row: Pick<ArticleRow, 'id' | 'slug'>): string {
  return `/articles/${row.id}/${row.slug}`;
}

/** What an editor or importer sends to create or change an article. */
export interface ArticleInput {
  title: string;
  lead?: string;
  /** A ProseMirror document; checked by sanitiseBody. */
  body: unknown;
  section: string;
  tags?: string[];
  /** Author slugs. */
  authors?: string[];
  /** Source slug, or null for the newsroom's own reporting. */
  source?: string | null;
  status?: ArticleStatus;
  /** ISO-8601; defaults to now when published without one. */
  publishedAt?: string | null;
  slug?: string;
  featured?: boolean;
  /** Editors' picks for related articles, by id, in order. */
  picks?: number[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  /** A media library id, or null for none. */
  featuredImage?: number | null;
}

/** What a save sends besides the fields: the version it was based on. */
export interface SaveOptions {
  /** The version the editor opened; a save on top of a newer one is refused (EDIT_CONFLICT). */
  expectedVersion?: number;
  /** Audit action to record instead of the one the change implies (e.g. `article.restore`). */
  action?: string;
  /**
   * A change readers need not be told about (a typo, a link filled in): the
   * article is not marked "Updated". Corrections are never minor.
   */
  minor?: boolean;
}
