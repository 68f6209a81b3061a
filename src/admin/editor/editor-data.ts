import type { ArticleStatus, Role } from '../../db/schema.js';
import type { BodyDoc } from '../../content/body/body.types.js';

/**
 * An article as the admin API sends it (articleJson in routes/articles.api.ts;
 * the editor route assigns one to this type, so the compiler keeps them in step).
 */
export interface ArticleJson {
  id: number;
  path: string;
  slug: string;
  title: string;
  lead: string;
  body: BodyDoc;
  status: ArticleStatus;
  featured: boolean;
  section: string;
  tags: string[];
  authors: string[];
  source: string | null;
  picks: number[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revisedAt: string | null;
  corrections: { createdAt: string; text: string }[];
  seoTitle: string | null;
  seoDescription: string | null;
  /** A media library id. */
  featuredImage: number | null;
  views: number;
  version: number;
}

/**
 * An image of the media library as the editor shows it: `src` is the
 * original's address, `thumb` its smallest stored size.
 */
export interface LibraryImage {
  id: number;
  src: string;
  thumb: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface Choice {
  slug: string;
  name: string;
}

export interface Headline {
  title: string;
  status: ArticleStatus;
}

/**
 * What the editor page embeds in `<script type="application/json" id="editor-data">`
 * for the browser code: the article as last saved, the lists the sidebar
 * offers, and what this user may do with it.
 */
export interface EditorData {
  /** null for a new article. */
  article: ArticleJson | null;
  csrfToken: string;
  user: { id: number; name: string; role: Role };
  /** Whether this user may save this article at all, and publish, schedule or unpublish it. */
  canEdit: boolean;
  canPublish: boolean;
  /** The site's time zone: the publish-time field shows and takes wall-clock times in it. */
  timeZone: string;
  /** The server's clock when the page was made, so "now" in the browser matches the server's. */
  serverNow: string;
  sections: Choice[];
  authors: Choice[];
  sources: Choice[];
  /** Current headlines of the articles the body's related blocks and the picks point at, by id. */
  headlines: Record<string, Headline>;
  /** The featured image's library data, so its panel shows it without a request; null when there is none. */
  featuredImage: LibraryImage | null;
  /** Author slugs a new article starts with: the user's own byline. */
  defaultAuthors: string[];
}
