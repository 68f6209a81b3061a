import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../users/permissions.js';
import { getArticle, updateArticle, type ServiceContext } from './articles.service.js';
import type { Article } from './articles.table.js';
import { getRevision } from './revisions.repository.js';

/**
 * Brings back an old revision's text and fields as a NEW revision: older
 * revisions stay, and the status, publication time and slug stay as they are
 * now (restoring words never publishes, unpublishes or moves an article).
 * Permissions and the version check are updateArticle's; the audit log
 * records `article.restore`. The back office's page and the admin API both call this.
 *
 * @example await restoreRevision(ctx, 12, 3, actor, 7) // article 12 now at version 8, with version 3's text
 */
export async function restoreRevision(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  version: number,
  expectedVersion?: number,
): Promise<Article> {
  const current = await getArticle(ctx.db, id);
  const revision = await getRevision(ctx.db, id, version);
  if (!revision) throw new AppError('NOT_FOUND', `article ${id} has no version ${version}`);
  return updateArticle(
    ctx,
    actor,
    id,
    {
      ...revision.snapshot,
      status: current.status,
      publishedAt: current.publishedAt,
      slug: current.slug,
    },
    { expectedVersion, action: 'article.restore' },
  );
}
