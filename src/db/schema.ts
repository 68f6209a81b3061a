import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Times are ISO-8601 strings in UTC
 * (`2022-01-22T10:06:00.000Z`), which sort correctly as text.
 */
export interface Database {
  settings: SettingsTable;
  sections: SectionsTable;
  tags: TagsTable;
  authors: AuthorsTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  article_authors: ArticleAuthorsTable;
  article_corrections: ArticleCorrectionsTable;
  article_related_picks: ArticleRelatedPicksTable;
  article_related: ArticleRelatedTable;
  article_views_daily: ArticleViewsDailyTable;
}

export interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
}

export interface SourcesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  url: string | null;
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  lead: string;
  /** The structured body as JSON, see content/body/body.types.ts */
  body: string;
  section_id: number;
  source_id: number | null;
  status: ArticleStatus;
  featured: ColumnType<number, number | undefined, number>;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  /** Set when an editor marks a change as an update readers should see. */
  revised_at: string | null;
  seo_title: string | null;
  seo_description: string | null;
  view_count: ColumnType<number, number | undefined, number>;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  created_at: string;
  text: string;
}

export interface ArticleRelatedPicksTable {
  article_id: number;
  related_id: number;
  position: number;
}

/** Computed on publish and change by src/related; never written by editors. */
export interface ArticleRelatedTable {
  article_id: number;
  related_id: number;
  position: number;
  score: number;
}

export interface ArticleViewsDailyTable {
  article_id: number;
  /** The day in the site's time zone, YYYY-MM-DD. */
  day: string;
  views: number;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;
export type SectionRow = Selectable<SectionsTable>;
export type TagRow = Selectable<TagsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type SourceRow = Selectable<SourcesTable>;
