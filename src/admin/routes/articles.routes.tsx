import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  applyBulkAction,
  BULK_ACTIONS,
  BULK_MAX,
  countByStatus,
  getArticle,
  getSettings,
  listAuthors,
  listForAdmin,
  listSections,
  popularTags,
  type BulkAction,
  type BulkOutcome,
} from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { renderAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash, takeFlash } from '../flash.js';
import { ArticlesListPage, ConfirmDeletePage, type ListQuery } from '../pages/articles-list-page.js';
import { adminFilter } from './articles.api.js';
import { revisionRoutes } from './revisions.routes.js';

const PER_PAGE = 50;

type BulkBody = { action?: string; ids?: string | string[]; return?: string; confirm?: string };

/** The back office's article list, its bulk actions, and each article's history. */
export function articlesRoutes(app: FastifyInstance, services: AppServices): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/admin/articles', async (request, reply) => {
    const flash = takeFlash(request, reply);
    const query = listQuery(request.query);
    const me = actor(request);
    let filter: Awaited<ReturnType<typeof adminFilter>> | undefined;
    let error = flash.error;
    try {
      filter = await adminFilter(services, query, me.id);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      error = e.message;
    }
    const [list, counts, sections, authors, tags, settings] = await Promise.all([
      filter
        ? listForAdmin(services.db, services.search, filter, {
            limit: PER_PAGE,
            offset: ((query.page ?? 1) - 1) * PER_PAGE,
          })
        : { total: 0, more: false, hasNext: false, rows: [] },
      countByStatus(services.db),
      listSections(services.db),
      listAuthors(services.db),
      popularTags(services.db, 200),
      getSettings(services.db),
    ]);
    return renderAdminPage(
      services,
      request,
      reply,
      { notice: flash.notice, status: filter ? 200 : 400 },
      (ctx) => (
        <ArticlesListPage
          ctx={ctx}
          timeZone={settings.timeZone}
          rows={list.rows}
          total={list.total}
          more={list.more}
          page={query.page ?? 1}
          pages={list.more ? undefined : Math.max(1, Math.ceil(list.total / PER_PAGE))}
          hasNext={list.hasNext}
          perPage={PER_PAGE}
          query={query}
          counts={counts}
          sections={sections}
          authors={authors}
          tags={tags}
          error={error}
        />
      ),
    );
  });

  app.post<{ Body: BulkBody }>(
    '/admin/articles/bulk',
    { config: { form: ['ids[]', 'action', 'confirm', 'return'] } },
    async (request, reply) => {
      const me = actor(request);
      const body = request.body ?? {};
      const returnTo = safeReturn(body.return);
      const ids = [body.ids ?? []]
        .flat()
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0);
      const action = BULK_ACTIONS.find((a) => a === body.action);
      if (!action)
        return redirectWithFlash(reply, returnTo, {
          error: 'action: choose what to do with the selected articles, then Apply.',
        });
      if (ids.length === 0)
        return redirectWithFlash(reply, returnTo, { error: 'Select at least one article, then Apply.' });
      if (ids.length > BULK_MAX)
        return redirectWithFlash(reply, returnTo, { error: `ids: at most ${BULK_MAX} articles at a time.` });
      if (action === 'delete' && body.confirm !== '1') return confirmDelete(request, reply, ids, returnTo);

      const outcome = await applyBulkAction(services.content, me, ids, action);
      for (const { id, error } of outcome.failed)
        request.log.error({ err: error, articleId: id, action }, 'bulk action failed');
      const message = describeOutcome(action, outcome);
      return redirectWithFlash(
        reply,
        returnTo,
        outcome.done.length ? { notice: message } : { error: message },
      );
    },
  );

  async function confirmDelete(
    request: FastifyRequest,
    reply: FastifyReply,
    ids: number[],
    returnTo: string,
  ) {
    const articles: { id: number; title: string }[] = [];
    for (const id of ids) {
      const article = await getArticle(services.db, id).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'ARTICLE_NOT_FOUND') return undefined;
        throw error;
      });
      if (article) articles.push({ id, title: article.title });
    }
    if (articles.length === 0)
      return redirectWithFlash(reply, returnTo, { error: 'The selected articles no longer exist.' });
    return renderAdminPage(services, request, reply, {}, (ctx) => (
      <ConfirmDeletePage ctx={ctx} articles={articles} returnTo={returnTo} />
    ));
  }

  revisionRoutes(app, services);
}

/** The query string as the list reads it: known keys only, page a positive integer. */
function listQuery(raw: Record<string, string | undefined>): ListQuery {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const page = Number(raw.page);
  return {
    q: text(raw.q)?.slice(0, 200),
    status: text(raw.status),
    section: text(raw.section),
    author: text(raw.author),
    tag: text(raw.tag),
    mine: raw.mine === '1' ? '1' : undefined,
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** Back to the list the form came from: only ever a list URL on this site. */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/admin\/articles(\?[^#\s]*)?$/.test(value)
    ? value
    : '/admin/articles';
}

const DONE: Record<BulkAction, string> = {
  publish: 'published',
  unpublish: 'unpublished',
  draft: 'moved to draft',
  review: 'submitted for review',
  delete: 'deleted',
};

/** Refusals named one by one up to this many; then "and n more". */
const NAMED = 3;

/**
 * One line for the editor: "3 published; 1 already published; 1 refused:
 * “Title”: your role does not allow you to …".
 */
export function describeOutcome(action: BulkAction, outcome: BulkOutcome): string {
  const parts: string[] = [];
  if (outcome.done.length) parts.push(`${outcome.done.length} ${DONE[action]}`);
  const why = new Map<string, number>();
  for (const u of outcome.unchanged) why.set(u.why, (why.get(u.why) ?? 0) + 1);
  for (const [reason, n] of why) parts.push(`${n} ${reason}`);
  const named = (list: { title: string; reason: string }[]) =>
    list
      .slice(0, NAMED)
      .map((r) => `“${r.title}”: ${r.reason}`)
      .join('; ') + (list.length > NAMED ? `; and ${list.length - NAMED} more` : '');
  if (outcome.refused.length) parts.push(`${outcome.refused.length} refused: ${named(outcome.refused)}`);
  if (outcome.failed.length)
    parts.push(
      `${outcome.failed.length} failed: ${named(outcome.failed.map((f) => ({ title: f.title, reason: 'unexpected error, logged for the administrator' })))}`,
    );
  return `${parts.join('; ')}.`;
}
