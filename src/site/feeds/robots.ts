/**
 * `/robots.txt`: crawl everything readers see; keep crawlers out of the back
 * office, the JSON API (and its view beacon) and search results, which are
 * endless and duplicate the article pages. Names both sitemaps.
 */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    '',
  ].join('\n');
}
