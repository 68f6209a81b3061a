import type { FastifyRequest } from 'fastify';
import { getSettings, listSections } from '../content/index.js';
import type { AppServices } from '../app.js';
import type { SiteContext } from './templates/site-context.js';

/**
 * Settings, menu and asset URLs every page needs: two small reads, kept
 * beside the cached pages (`PageCache.part`) until a change names them.
 */
export async function siteContext(services: AppServices, request: FastifyRequest): Promise<SiteContext> {
  const { db, pages } = services;
  const [settings, sections] = await Promise.all([
    pages.part('settings', ['settings'], () => getSettings(db)),
    pages.part('sections', ['sections'], () => listSections(db)),
  ]);
  return {
    settings,
    sections: sections.map((s) => ({ id: s.id, slug: s.slug, name: s.name })),
    siteUrl: services.config.siteUrl,
    path: request.url,
    now: services.now(),
    assets: services.assets,
  };
}
