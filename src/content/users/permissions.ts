import type { ArticleStatus, Role } from '../../db/schema.js';

/**
 * Who is asking. Every service that changes data takes one: it decides what
 * they may do and names them in the audit log.
 */
export interface Actor {
  /** null for the system itself (demo seeding, the scheduler, CLI imports). */
  id: number | null;
  name: string;
  role: Role;
  /** The byline the user writes under, if any. */
  authorId: number | null;
}

export const SYSTEM: Actor = { id: null, name: 'Newsdesk', role: 'admin', authorId: null };

export const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];

const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

export function atLeast(actor: Actor, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

interface OwnedArticle {
  created_by: number | null;
  status: ArticleStatus;
}

const isOwn = (actor: Actor, article: OwnedArticle) => actor.id !== null && article.created_by === actor.id;

/**
 * The newsroom's rules, in one place:
 * - a contributor writes drafts and submits them for review; edits own
 *   articles until they are scheduled or published;
 * - an author also publishes, schedules and unpublishes own articles;
 * - an editor does all of that to every article, and manages sections, tags,
 *   sources, authors and media;
 * - an administrator also manages users and settings.
 */
export const can = {
  editArticle(actor: Actor, article: OwnedArticle): boolean {
    if (atLeast(actor, 'editor')) return true;
    if (!isOwn(actor, article)) return false;
    if (actor.role === 'author') return true;
    return article.status === 'draft' || article.status === 'review' || article.status === 'unpublished';
  },
  /** Publish, schedule, unpublish: anything that changes what readers see. */
  publishArticle(actor: Actor, article: OwnedArticle | null): boolean {
    if (atLeast(actor, 'editor')) return true;
    return actor.role === 'author' && (article === null || isOwn(actor, article));
  },
  deleteArticle(actor: Actor, article: OwnedArticle): boolean {
    if (atLeast(actor, 'editor')) return true;
    return isOwn(actor, article) && (article.status === 'draft' || article.status === 'review');
  },
  manageTaxonomy: (actor: Actor) => atLeast(actor, 'editor'),
  manageMedia: (actor: Actor) => atLeast(actor, 'editor'),
  manageUsers: (actor: Actor) => atLeast(actor, 'admin'),
  manageSettings: (actor: Actor) => atLeast(actor, 'admin'),
  /** Bringing a whole site in from WordPress or Ghost: sections, bylines, pictures and published articles at once. */
  importSite: (actor: Actor) => atLeast(actor, 'admin'),
  readAudit: (actor: Actor) => atLeast(actor, 'editor'),
};
