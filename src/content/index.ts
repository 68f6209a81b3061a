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
  updateArticle,
  type ServiceContext,
} from './articles/articles.service.js';
export {
  listSitemapArticles,
  listSitemapTags,
  sectionChanges,
  sitemapPageChanges,
  type SitemapArticle,
} from './articles/sitemap.repository.js';
export { publishDue, startScheduler } from './articles/scheduler.js';
export {
  countVisible,
  findFeatured,
  listMostRead,
  listVisible,
  summariesByIds,
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
  listAuthors,
  listSections,
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
  hasAdministrator,
  listUsers,
  SESSION_DAYS,
  type NewUser,
  type User,
} from './users/users.service.js';
export { atLeast, can, ROLES, SYSTEM, type Actor } from './users/permissions.js';
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
} from './articles/admin-list.repository.js';
