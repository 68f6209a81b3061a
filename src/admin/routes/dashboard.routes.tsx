import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  atLeast,
  can,
  countByStatus,
  dailyViews,
  existingArticleIds,
  getSettings,
  listAudit,
  listForAdmin,
  listMostRead,
  listScheduled,
} from '../../content/index.js';
import { forbidden } from '../../lib/app-error.js';
import { localDay } from '../../lib/dateline.js';
import { renderAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { takeFlash } from '../flash.js';
import { AuditPage } from '../pages/audit-page.js';
import { DashboardPage } from '../pages/dashboard-page.js';

const AUDIT_PER_PAGE = 50;
const CHART_DAYS = 30;

/** The dashboard every role starts on, and the audit log for editors. */
export function dashboardRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get('/admin', async (request, reply) => {
    const me = actor(request);
    const flash = takeFlash(request, reply);
    const settings = await getSettings(db);
    const now = services.now();
    // Days are the site's days: "today" in Sofia starts at 22:00 UTC in winter.
    const today = localDay(now, settings.timeZone);
    const editor = atLeast(me, 'editor');
    const [views, mostRead, scheduled, counts, ownDrafts, review, audit] = await Promise.all([
      dailyViews(db, today, CHART_DAYS),
      listMostRead(db, now.toISOString(), 'week', today, { limit: 8, offset: 0 }),
      listScheduled(db, 8),
      countByStatus(db),
      me.id === null
        ? { rows: [] }
        : listForAdmin(db, services.search, { status: 'draft', createdBy: me.id }, { limit: 6, offset: 0 }),
      editor ? listForAdmin(db, services.search, { status: 'review' }, { limit: 8, offset: 0 }) : undefined,
      editor ? listAudit(db, { limit: 10, offset: 0 }) : undefined,
    ]);
    const activity = audit && {
      rows: audit,
      existing: await existingArticleIds(
        db,
        audit.flatMap((r) => (r.articleId === null ? [] : [r.articleId])),
      ),
    };
    return renderAdminPage(services, request, reply, { notice: flash.notice }, (ctx) => (
      <DashboardPage
        ctx={ctx}
        timeZone={settings.timeZone}
        views={views}
        mostRead={mostRead}
        scheduled={scheduled}
        counts={counts}
        ownDrafts={ownDrafts.rows}
        review={review?.rows}
        activity={activity}
      />
    ));
  });

  app.get<{ Querystring: { article?: string; page?: string } }>('/admin/audit', async (request, reply) => {
    const me = actor(request);
    if (!can.readAudit(me)) throw forbidden('read the audit log');
    const rawArticle = request.query.article?.trim() ?? '';
    const articleId = /^[1-9]\d{0,12}$/.test(rawArticle) ? Number(rawArticle) : undefined;
    const error =
      rawArticle && articleId === undefined
        ? `Article number: "${rawArticle}" is not an article number (e.g. 42).`
        : undefined;
    const pageNumber = Number(request.query.page);
    const page = Number.isSafeInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1;
    // One row more than a page tells whether there is an older page, without counting the log.
    const rows = await listAudit(db, {
      articleId,
      limit: AUDIT_PER_PAGE + 1,
      offset: (page - 1) * AUDIT_PER_PAGE,
    });
    const shown = rows.slice(0, AUDIT_PER_PAGE);
    const [existing, settings] = await Promise.all([
      existingArticleIds(
        db,
        shown.flatMap((r) => (r.articleId === null ? [] : [r.articleId])),
      ),
      getSettings(db),
    ]);
    return renderAdminPage(services, request, reply, { status: error ? 400 : 200 }, (ctx) => (
      <AuditPage
        ctx={ctx}
        timeZone={settings.timeZone}
        rows={shown}
        existing={existing}
        page={page}
        hasMore={rows.length > AUDIT_PER_PAGE}
        articleId={articleId}
        error={error}
      />
    ));
  });
}
