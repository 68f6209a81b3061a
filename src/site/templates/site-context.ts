import type { Named, SiteSettings } from '../../content/index.js';

/** What every page template receives besides its own data. */
export interface SiteContext {
  settings: SiteSettings;
  sections: Named[];
  /** Public base URL, no trailing slash. */
  siteUrl: string;
  /** The path of this page, for the canonical link and active menu item. */
  path: string;
  /** Current time, for the header's date. */
  now: Date;
  assets: { css: string; js: string };
}

export function absoluteUrl(site: Pick<SiteContext, 'siteUrl'>, path: string): string {
  return site.siteUrl + path;
}
