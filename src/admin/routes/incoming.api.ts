import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  addFeed,
  dismissIncoming,
  listFeeds,
  listIncoming,
  removeFeed,
} from '../../ingest/incoming.service.js';
import { actor } from '../auth.js';
import { idParams } from './taxonomy.routes.js';

type Id = { Params: { id: number } };

/** Partner feeds (subscriptions and their health) and the Incoming queue, in the admin API. */
export function incomingApi(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get(
    '/api/admin/feeds',
    { schema: { tags: ['incoming'], summary: 'Partner feeds, each with its health' } },
    async (request) => ({ feeds: await listFeeds(db, actor(request)) }),
  );

  app.post<{ Body: { source: string; url: string; intervalMinutes?: number } }>(
    '/api/admin/feeds',
    {
      schema: {
        tags: ['incoming'],
        summary:
          'Subscribe a source to a feed (RSS, Atom or JSON Feed), fetched at once and then every interval',
        body: {
          type: 'object',
          required: ['source', 'url'],
          properties: {
            source: { type: 'string', description: 'the source slug the items are credited to' },
            url: { type: 'string', maxLength: 1000 },
            intervalMinutes: { type: 'integer', minimum: 5, maximum: 1440, description: 'default 10' },
          },
        },
      },
    },
    async (request, reply) => {
      const feed = await addFeed(db, actor(request), request.body, services.now());
      return reply.code(201).send(feed);
    },
  );

  app.delete<Id>(
    '/api/admin/feeds/:id',
    { schema: { tags: ['incoming'], summary: 'Unsubscribe; the feed’s items go with it', params: idParams } },
    async (request, reply) => {
      await removeFeed(db, actor(request), request.params.id, services.now());
      return reply.code(204).send();
    },
  );

  app.get<{
    Querystring: { source?: string; q?: string; status?: 'new' | 'dismissed' | 'used'; page?: number };
  }>(
    '/api/admin/incoming',
    {
      schema: {
        tags: ['incoming'],
        summary:
          'The Incoming queue: new items, newest first, each story once with the other partners that sent it',
        querystring: {
          type: 'object',
          properties: {
            source: { type: 'string' },
            q: { type: 'string', maxLength: 200 },
            status: { type: 'string', enum: ['new', 'dismissed', 'used'] },
            page: { type: 'integer', minimum: 1, default: 1 },
          },
        },
      },
    },
    async (request) => {
      const { page = 1, ...filter } = request.query;
      return listIncoming(db, actor(request), { ...filter, limit: 50, offset: (page - 1) * 50 });
    },
  );

  app.post<Id>(
    '/api/admin/incoming/:id/dismiss',
    {
      schema: {
        tags: ['incoming'],
        summary: 'Take an item (and its copies from other partners) off the queue',
        params: idParams,
      },
    },
    async (request, reply) => {
      await dismissIncoming(db, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
