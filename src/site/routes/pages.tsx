import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { pageNumber, paginate, PAGE_SIZE } from '../pagination.js';
import { sendPage } from '../render.js';
import { siteContext } from '../site-context.builder.js';
import { SearchPage } from '../templates/search-page.js';
import { SupportPage } from '../templates/simple-pages.js';

export function pageRoutes(app: FastifyInstance, services: AppServices): void {
  app.get<{ Querystring: { q?: string | string[]; page?: string } }>('/search', async (request, reply) => {
    const raw = request.query.q;
    const q = (Array.isArray(raw) ? raw.join(' ') : (raw ?? '')).slice(0, 500).trim();
    const number = pageNumber(request.query.page);
    const site = await siteContext(services, request);
    const offset = (number - 1) * PAGE_SIZE;
    const results = await services.search.search(q, { limit: PAGE_SIZE, offset });
    const { pages } = paginate(number, results.total);
    const base = `/search?q=${encodeURIComponent(q)}`;
    reply.header('cache-control', 'public, max-age=60');
    return sendPage(
      reply,
      <SearchPage site={site} results={results} pageInfo={{ page: number, pages, base }} />,
    );
  });

  app.get('/support', async (request, reply) => {
    return sendPage(reply, <SupportPage site={await siteContext(services, request)} />);
  });
}
