import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { getSettings } from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { escapeXml } from '../feeds/xml.js';
import { pageNumber, PAGE_SIZE } from '../pagination.js';
import { sendPage } from '../render.js';
import { siteContext } from '../site-context.builder.js';
import { SearchPage } from '../templates/search-page.js';
import { SupportPage } from '../templates/simple-pages.js';

export function pageRoutes(app: FastifyInstance, services: AppServices): void {
  app.get<{ Querystring: { q?: string | string[]; page?: string } }>(
    '/search',
    { config: { budget: 'search' } },
    async (request, reply) => {
      const raw = request.query.q;
      const q = (Array.isArray(raw) ? raw.join(' ') : (raw ?? '')).slice(0, 500).trim();
      const number = pageNumber(request.query.page);
      const site = await siteContext(services, request);
      const offset = (number - 1) * PAGE_SIZE;
      const results = await services.search.search(q, { limit: PAGE_SIZE, offset });
      if (number > 1 && results.hits.length === 0)
        throw new AppError('NOT_FOUND', `page ${number} not found: the results end before it`);
      const hasNext = offset + results.hits.length < results.total;
      const base = `/search?q=${encodeURIComponent(q)}`;
      reply.header('cache-control', 'public, max-age=60');
      return sendPage(
        reply,
        <SearchPage site={site} results={results} pageInfo={{ page: number, hasNext, base }} />,
      );
    },
  );

  // The site's initial, in its serif, on the ink colour: a favicon with nothing to upload.
  app.get('/favicon.svg', async (request, reply) => {
    const { name } = await getSettings(services.db);
    const initial = escapeXml([...name.replace(/^the\s+/i, '')][0]?.toUpperCase() ?? 'N');
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400');
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#1a1a1a"/><text x="32" y="47" font-family="Georgia, serif" font-size="44" font-weight="700" text-anchor="middle" fill="#fdfcf9">${initial}</text></svg>`;
  });
  app.get('/favicon.ico', async (request, reply) => reply.redirect('/favicon.svg', 301));

  app.get('/support', async (request, reply) => {
    return sendPage(reply, <SupportPage site={await siteContext(services, request)} />);
  });
}
