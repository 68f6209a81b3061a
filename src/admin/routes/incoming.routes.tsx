import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { getSettings, listSources } from '../../content/index.js';
import {
  addFeed,
  dismissIncoming,
  listFeeds,
  listIncoming,
  removeFeed,
  writeFromItem,
} from '../../ingest/incoming.service.js';
import { renderAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash } from '../flash.js';
import type { AdminContext } from '../pages/admin-layout.js';
import { IncomingPage } from '../pages/incoming-page.js';
import type { FormProblem } from '../pages/manage-kit.js';
import { attempt, field, idParams, pageContext, sendAdminPage, type FormBody } from './taxonomy.routes.js';

type Id = { Params: { id: number } };
type Query = { Querystring: { source?: string; q?: string; page?: string } };

/** The Incoming page: the queue, its actions, and the feeds behind it. */
export function incomingRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  async function page(
    request: FastifyRequest<Query>,
    reply: FastifyReply,
    problem?: FormProblem,
    status = 200,
  ) {
    const me = actor(request);
    const number = Math.max(1, Math.min(1000, Number(request.query.page) || 1));
    const filter = {
      source: request.query.source || undefined,
      q: request.query.q?.slice(0, 200) || undefined,
    };
    const [queue, feeds, sources, settings] = await Promise.all([
      listIncoming(db, me, { ...filter, limit: 50, offset: (number - 1) * 50 }),
      listFeeds(db, me),
      listSources(db),
      getSettings(db),
    ]);
    const view = (ctx: AdminContext, shown?: FormProblem) => (
      <IncomingPage
        ctx={ctx}
        items={queue.items}
        total={queue.total}
        page={number}
        filter={filter}
        sources={sources.map((s) => ({ slug: s.slug, name: s.name }))}
        feeds={feeds}
        timeZone={settings.timeZone}
        problem={shown}
      />
    );
    if (problem) return renderAdminPage(services, request, reply, { status }, (ctx) => view(ctx, problem));
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, view(ctx, error));
  }

  app.get<Query>('/admin/incoming', async (request, reply) => page(request, reply));

  app.post<Id>(
    '/admin/incoming/:id/write',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      const { articleId } = await writeFromItem(services.content, actor(request), request.params.id);
      return redirectWithFlash(reply, `/admin/articles/${articleId}/edit`, {
        notice: 'A draft from the partner’s copy, its source credited: now write it in our own words.',
      });
    },
  );

  app.post<Id>(
    '/admin/incoming/:id/dismiss',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      await dismissIncoming(db, actor(request), request.params.id);
      return redirectWithFlash(reply, '/admin/incoming', { notice: 'Dismissed.' });
    },
  );

  app.post<{ Body: FormBody } & Query>(
    '/admin/feeds',
    { config: { form: ['source', 'url', 'intervalMinutes'] } },
    async (request, reply) => {
      const minutes = field(request.body, 'intervalMinutes').trim();
      const result = await attempt(() =>
        addFeed(
          db,
          actor(request),
          {
            source: field(request.body, 'source'),
            url: field(request.body, 'url'),
            intervalMinutes: minutes === '' ? undefined : Number(minutes),
          },
          services.now(),
        ),
      );
      if (!result.ok) return page(request, reply, result.problem, result.status);
      return redirectWithFlash(reply, '/admin/incoming#feeds', {
        notice: `Feed added for ${result.value.source.name}: it is read within a minute.`,
      });
    },
  );

  app.post<Id>(
    '/admin/feeds/:id/delete',
    { schema: { params: idParams }, config: { form: [] } },
    async (request, reply) => {
      await removeFeed(db, actor(request), request.params.id, services.now());
      return redirectWithFlash(reply, '/admin/incoming#feeds', { notice: 'Feed removed.' });
    },
  );
}
