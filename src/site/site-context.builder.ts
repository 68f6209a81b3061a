import type { FastifyRequest } from 'fastify';
import { getSettings, listSections, type Named } from '../content/index.js';
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
    sections: menuOf(sections),
    siteUrl: services.config.siteUrl,
    path: request.url,
    now: services.now(),
    assets: services.assets,
  };
}

/**
 * The menu for the sections as read: the same array for as long as they are
 * kept, so that the frame rendered for it is kept too (`Layout`).
 */
const menus = new WeakMap<readonly Named[], Named[]>();

function menuOf(sections: readonly Named[]): Named[] {
  let menu = menus.get(sections);
  if (!menu) menus.set(sections, (menu = sections.map((s) => ({ id: s.id, slug: s.slug, name: s.name }))));
  return menu;
}
