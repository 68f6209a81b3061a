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
  article_revisions: ArticleRevisionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  sign_in_failures: SignInFailuresTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  media: MediaTable;
  tag_redirects: TagRedirectsTable;
  article_counts: ArticleCountsTable;
  sitemap_pages: SitemapPagesTable;
  site_views_daily: SiteViewsDailyTable;
  article_views_week: ArticleViewsWeekTable;
  article_view_totals: ArticleViewTotalsTable;
  related_queue: RelatedQueueTable;
  search_queue: SearchQueueTable;
  system_state: SystemStateTable;
  partner_feeds: PartnerFeedsTable;
  incoming_items: IncomingItemsTable;
  import_records: ImportRecordsTable;
  redirects: RedirectsTable;
}

/*
 * Columns marked "kept by triggers" are maintained by the database itself
 * (migration 0004): code reads them and never writes them.
 */
/** Articles of any status that use a tag, author, section or source; kept by triggers. */
type ArticleCount = ColumnType<number, never, never>;
/**
 * An article's published_at while it is published, else null, or its
 * updated_at; kept by triggers. The bulk path passes them when it inserts.
 */
type ListingTime = ColumnType<string | null, string | null | undefined, never>;

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
  article_count: ArticleCount;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  article_count: ArticleCount;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  photo_media_id: ColumnType<number | null, number | null | undefined, number | null>;
  article_count: ArticleCount;
}

/** The old slug of a renamed or merged tag, so its old URLs redirect. */
export interface TagRedirectsTable {
  old_slug: string;
  tag_id: number;
  created_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  url: string | null;
  article_count: ArticleCount;
}

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';

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
  /** Goes up by one with every save; a save based on an older version is refused. */
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  updated_by: number | null;
  featured_image_id: number | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
  live_at: ListingTime;
  /** The article's updated_at; kept by triggers. */
  updated_at: ListingTime;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
  live_at: ListingTime;
  /** The article's updated_at; kept by triggers. */
  updated_at: ListingTime;
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

export type Role = 'contributor' | 'author' | 'editor' | 'admin';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-case. */
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  /** The byline this user writes under. */
  author_id: number | null;
  created_at: string;
  disabled_at: string | null;
  /** Base32 TOTP secret: being set up while totp_enabled_at is null, in force once it is set. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The time step of the last code taken: a code works once. */
  totp_last_step: number | null;
}

/** A user's one-time recovery codes, as sha256. */
export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

/** A failed sign-in, kept for the throttle's window (content/users/sign-in-throttle.ts). */
export interface SignInFailuresTable {
  /** As typed, trimmed and lower-cased; whether or not an account has it. */
  email: string;
  at: string;
}

/** A sign-in that passed the password and waits for the second factor; id is sha256 of the cookie's token. */
export interface SignInChallengesTable {
  id: string;
  user_id: number;
  /** Where to go once signed in (a checked /admin path). */
  next: string;
  expires_at: string;
  attempts: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the cookie's token: a stolen database does not give working cookies. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  user_agent: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  /** Kept as it was at the time, so the log still reads after a user is removed. */
  user_name: string;
  action: string;
  article_id: number | null;
  subject: string;
  /** JSON */
  details: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  created_at: string;
  user_id: number | null;
  user_name: string;
  status: ArticleStatus;
  /** JSON of the editable fields, see content/revisions */
  snapshot: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Stored file name under DATA_DIR/media, e.g. `2026/11/abc123.jpg`. */
  file: string;
  original_name: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON list of resized variants: { width, file, mime }[] */
  variants: string;
  user_id: number | null;
  created_at: string;
}

/** How many articles have each status; kept by triggers. */
export interface ArticleCountsTable {
  status: ArticleStatus;
  n: number;
}

/** Per 1,000 article ids (page 1 is ids 1-1000), when its visible articles last changed; kept by triggers. */
export interface SitemapPagesTable {
  page: number;
  lastmod: string;
}

/** All articles' views per site day; written with article_views_daily. */
export interface SiteViewsDailyTable {
  day: string;
  views: number;
}

/** Each article's views over the last seven site days (system_state `views.weekFrom` on). */
export interface ArticleViewsWeekTable {
  article_id: number;
  views: number;
}

/** An article's views of all time (migration 0012); an article never read has no row. */
export interface ArticleViewTotalsTable {
  article_id: number;
  views: number;
}

/** Articles whose related list must be computed again; drained by src/related off the request path. */
/** Articles whose search entries are to be written again, off the request path (migration 0005). */
export interface SearchQueueTable {
  article_id: number;
  queued_at: string;
}

export interface RelatedQueueTable {
  article_id: number;
  queued_at: string;
  /** 1 for the article that changed: once its list is new, the articles in it are queued too. */
  cascade: ColumnType<number, number | undefined, number>;
}

/** Small facts the rooms keep between runs, e.g. how far the views roll-up has got. */
export interface SystemStateTable {
  key: string;
  value: string;
}

export type UserRow = Selectable<UsersTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;
/** The taxonomy's rows as code writes them; `article_count` is read where a page shows it. */
export type SectionRow = Omit<Selectable<SectionsTable>, 'article_count'>;
export type TagRow = Omit<Selectable<TagsTable>, 'article_count'>;
export type AuthorRow = Omit<Selectable<AuthorsTable>, 'article_count'>;
export type SourceRow = Omit<Selectable<SourcesTable>, 'article_count'>;

/** A feed a source is subscribed through (migration 0007). */
export interface PartnerFeedsTable {
  id: Generated<number>;
  source_id: number;
  url: string;
  interval_seconds: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_success_at: string | null;
  /** The last failure, in words; null after a success. */
  last_error: string | null;
  /** Failures in a row: the back-off grows with them. */
  failures: Generated<number>;
  next_fetch_at: string;
  created_at: string;
}

export type IncomingStatus = 'new' | 'dismissed' | 'used';

/** An item a partner feed brought, once (migration 0007). */
export interface IncomingItemsTable {
  id: Generated<number>;
  feed_id: number;
  source_id: number;
  guid: string;
  link: string | null;
  title: string;
  summary: string;
  text: string;
  author: string | null;
  /** JSON array of strings. */
  categories: string;
  published_at: string | null;
  fetched_at: string;
  duplicate_of: number | null;
  status: Generated<IncomingStatus>;
  article_id: number | null;
}

/** What a post, term, author or picture of an old site became here (migration 0008). */
export interface ImportRecordsTable {
  origin: string;
  key: string;
  kind: 'article' | 'section' | 'tag' | 'author' | 'media';
  target_id: number;
  imported_at: string;
}

/** An old address that answers with a permanent redirect (migration 0008). */
export interface RedirectsTable {
  path: string;
  article_id: number | null;
  target: string | null;
  created_at: string;
}
