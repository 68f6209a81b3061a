/**
 * The newsroom's model and rules. Routes, the CLI and other rooms use what is
 * exported here; SQL stays in the repositories.
 */
export { ContentEvents, type ContentEvent, type ContentEventMap } from './events.js';
export type { Article, ArticleInput, ArticleSummary, Named } from './articles/articles.table.js';
export { articlePath } from './articles/articles.table.js';
export {
  addCorrection,
  createArticle,
  getArticle,
  getVisibleArticle,
  isVisible,
  updateArticle,
  type ServiceContext,
} from './articles/articles.service.js';
export {
  countTagSitemapPages,
  lastSitemapPage,
  listSitemapArticles,
  listSitemapPages,
  listSitemapTags,
  sectionChanges,
  SITEMAP_PAGE_SIZE,
  type SitemapArticle,
} from './articles/sitemap.repository.js';
export { publishDue, startScheduler } from './articles/scheduler.js';
export {
  findFeatured,
  placesOf,
  visibleViews,
  listMostRead,
  listVisible,
  listVisibleEach,
  summariesByIds,
  visibleArticlesByIds,
  stillVisibleTo,
  visibleTo,
  type ListFilter,
  type MostReadPeriod,
} from './articles/articles.repository.js';
export {
  ensureTags,
  findBySlug,
  insertAuthor,
  insertSection,
  insertSource,
  insertTerms,
  listAuthors,
  listSections,
  listSources,
} from './taxonomy/taxonomy.repository.js';
export { DEFAULT_SETTINGS, getSettings, saveSettings, type SiteSettings } from './settings/settings.js';
export type { BodyDoc, Block, Inline, Mark } from './body/body.types.js';
export { sanitiseBody, isSafeUrl } from './body/body.sanitise.js';
export { bodyText, relatedBlockIds } from './body/body.text.js';
export {
  actorOf,
  authenticate,
  changeRole,
  createApiToken,
  createSession,
  createUser,
  deleteAllSessions,
  deleteSession,
  findApiToken,
  findSession,
  findUser,
  findUserByEmail,
  hasAdministrator,
  hasAnyUser,
  listUsers,
  SESSION_DAYS,
  type NewUser,
  type User,
} from './users/users.service.js';
export { atLeast, can, ROLES, SYSTEM, type Actor } from './users/permissions.js';
export {
  answerChallenge,
  beginTwoFactor,
  confirmTwoFactor,
  findChallenge,
  pendingTwoFactor,
  recoveryCodesLeft,
  startChallenge,
  turnOffTwoFactor,
  type TwoFactorSetup,
} from './users/two-factor.service.js';
export { SignInThrottle } from './users/sign-in-throttle.js';
export { listAudit, recordAudit, type AuditRow } from './audit/audit.repository.js';
export {
  getRevision,
  listRevisions,
  snapshotOf,
  type Revision,
  type RevisionSnapshot,
} from './articles/revisions.repository.js';
export { deleteArticle } from './articles/articles.service.js';
export type { SaveOptions } from './articles/articles.table.js';
export {
  findHeadlines,
  listForAdmin,
  type AdminArticleRow,
  type AdminListFilter,
  type HeadlineSearch,
} from './articles/admin-list.repository.js';
export { restoreRevision } from './articles/revisions.service.js';
export {
  applyBulkAction,
  BULK_ACTIONS,
  BULK_MAX,
  type BulkAction,
  type BulkOutcome,
} from './articles/bulk.service.js';
export type { LongText } from './bulk/bulk-writer.js';
export {
  addDays,
  countByStatus,
  dailyViews,
  existingArticleIds,
  listScheduled,
  popularTags,
  type DayViews,
  type ScheduledArticle,
} from './dashboard/dashboard.repository.js';
// Managing the newsroom: sections, tags, sources, authors, users and settings.
export {
  createSection,
  deleteSection,
  getSectionFor,
  listSectionsFor,
  moveSection,
  reorderSections,
  updateSection,
  type AdminSection,
  type SectionInput,
} from './taxonomy/sections.service.js';
export {
  deleteTag,
  findTagByName,
  getTagFor,
  listTagsFor,
  mergeTags,
  renameTag,
  TAGS_PER_PAGE,
  type AdminTag,
  type TagList,
} from './taxonomy/tags.service.js';
export { findTagRedirect, tagsWithUses, type TagListRow, type TagSort } from './taxonomy/tags.repository.js';
export {
  createSource,
  deleteSource,
  getSourceFor,
  listSourcesFor,
  updateSource,
  type AdminSource,
  type SourceInput,
} from './taxonomy/sources.service.js';
export {
  BIO_MAX,
  createAuthor,
  deleteAuthor,
  getAuthorFor,
  listAuthorsFor,
  updateAuthor,
  type AdminAuthor,
  type AuthorInput,
} from './taxonomy/authors.service.js';
export {
  changeOwnPassword,
  getUserFor,
  listUsersFor,
  resetPassword,
  setUserDisabled,
  updateUserName,
} from './users/users.service.js';
export {
  dateExample,
  getSettingsFor,
  updateSettings,
  validateSettings,
  type SettingsChanges,
} from './settings/settings.js';
export {
  browseMedia,
  deleteMedia,
  getMedia,
  mayChange as mayChangeMedia,
  MEDIA_PAGE_SIZE,
  tooLarge as uploadTooLarge,
  updateMedia,
  uploadMedia,
  type MediaText,
  type MediaUpload,
} from './media/media.service.js';
export { articlesUsingMedia, loadBodyMedia } from './media/media.repository.js';
export {
  DiskMediaStore,
  openMediaStore,
  STORED_CACHE_CONTROL,
  STORED_TYPES,
  type MediaStore,
  type StoredFile,
} from './media/media.storage.js';
export { loadSharp, MAX_PIXELS, MAX_UPLOAD_BYTES } from './media/media.images.js';
export {
  mediaFallback,
  mediaLargest,
  mediaSrcset,
  mediaUrl,
  setMediaBaseUrl,
  type Media,
  type MediaVariant,
} from './media/media.table.js';
