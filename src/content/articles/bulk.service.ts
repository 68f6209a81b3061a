import type { ArticleStatus } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../users/permissions.js';
import {
  deleteArticle,
  getArticle,
  isVisible,
  updateArticle,
  type ServiceContext,
} from './articles.service.js';
import type { Article } from './articles.table.js';
import { snapshotOf } from './revisions.repository.js';

export const BULK_ACTIONS = ['publish', 'unpublish', 'draft', 'review', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many articles in one request: a page of the list and then some. */
export const BULK_MAX = 200;

export interface BulkOutcome {
  /** Changed as asked. */
  done: { id: number; title: string }[];
  /** Already as asked (or the action does not apply), so left alone. */
  unchanged: { id: number; title: string; why: string }[];
  /** Refused by the rules (permission, edit conflict, invalid content) or not found. */
  refused: { id: number; title: string; reason: string }[];
  /** Failed unexpectedly; the caller logs `error`. */
  failed: { id: number; title: string; error: unknown }[];
}

const TARGET: Record<Exclude<BulkAction, 'delete'>, ArticleStatus> = {
  publish: 'published',
  unpublish: 'unpublished',
  draft: 'draft',
  review: 'review',
};

/**
 * Applies one action to each article in turn, as `actor`, through the same
 * services as a single save: each article is its own transaction, so one
 * refusal (a contributor may not publish) leaves the others changed.
 * "Publish" makes an article visible now: one scheduled for later, or without
 * a time, is published at once; one that had a time already keeps it.
 */
export async function applyBulkAction(
  ctx: ServiceContext,
  actor: Actor,
  ids: number[],
  action: BulkAction,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: [], unchanged: [], refused: [], failed: [] };
  for (const id of [...new Set(ids)].slice(0, BULK_MAX)) {
    let title = `article ${id}`;
    try {
      const article = await getArticle(ctx.db, id);
      title = article.title;
      if (action === 'delete') {
        await deleteArticle(ctx, actor, id);
        outcome.done.push({ id, title });
        continue;
      }
      const now = ctx.now().toISOString();
      const why = unchangedBecause(article, action, now);
      if (why) {
        outcome.unchanged.push({ id, title, why });
        continue;
      }
      const publishedAt =
        action === 'publish' && (article.publishedAt === null || article.publishedAt > now)
          ? now
          : article.publishedAt;
      await updateArticle(
        ctx,
        actor,
        id,
        { ...snapshotOf(article), status: TARGET[action], publishedAt },
        {
          expectedVersion: article.version,
        },
      );
      outcome.done.push({ id, title });
    } catch (error) {
      if (error instanceof AppError && error.status < 500)
        outcome.refused.push({ id, title, reason: error.message });
      else outcome.failed.push({ id, title, error });
    }
  }
  return outcome;
}

function unchangedBecause(
  article: Article,
  action: Exclude<BulkAction, 'delete'>,
  now: string,
): string | null {
  const { status, publishedAt } = article;
  switch (action) {
    case 'publish':
      return isVisible(status, publishedAt, now) ? 'already published' : null;
    case 'unpublish':
      return status === 'published' || status === 'scheduled' ? null : 'not published';
    case 'draft':
      return status === 'draft' ? 'already a draft' : null;
    case 'review':
      return status === 'review' ? 'already in review' : null;
  }
}
