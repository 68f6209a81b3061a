import type { ArticleSummary } from '../../content/index.js';
import { xmlElement, XML_DECLARATION } from './xml.js';

/** One `<url>` of a sitemap; `loc` absolute. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** A `<urlset>`: at most 50,000 URLs by the protocol; callers page before that. */
export function urlset(urls: SitemapUrl[]): string {
  return document(
    `<urlset xmlns="${SITEMAP_NS}">`,
    urls.map((u) => entry('url', u)),
    '</urlset>',
  );
}

/** A `<sitemapindex>` of other sitemaps. */
export function sitemapIndex(sitemaps: SitemapUrl[]): string {
  return document(
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    sitemaps.map((s) => entry('sitemap', s)),
    '</sitemapindex>',
  );
}

export interface NewsPublication {
  name: string;
  /** The site's language setting (`en`, `en-GB`, `zh-Hant`). */
  language: string;
}

/**
 * A Google News sitemap: articles of the last two days, each with the
 * publication's name and language, its publication time and headline. On
 * a day with none, the front page alone, without news fields: the protocol
 * wants at least one URL, and the front page is where the next story will be.
 */
export function newsSitemap(
  articles: ArticleSummary[],
  siteUrl: string,
  publication: NewsPublication,
): string {
  const pub =
    '<news:publication>' +
    xmlElement('news:name', publication.name) +
    xmlElement('news:language', newsLanguage(publication.language)) +
    '</news:publication>';
  const urls = articles.map(
    (a) =>
      '<url>' +
      xmlElement('loc', siteUrl + a.path) +
      '<news:news>' +
      pub +
      xmlElement('news:publication_date', a.publishedAt) +
      xmlElement('news:title', a.title) +
      '</news:news></url>',
  );
  if (!urls.length) urls.push(`<url>${xmlElement('loc', `${siteUrl}/`)}</url>`);
  return document(`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, urls, '</urlset>');
}

/**
 * Google News wants an ISO 639 code, two or three letters, except zh-cn and
 * zh-tw for Simplified and Traditional Chinese.
 *
 * @example newsLanguage('en-GB') // 'en'
 */
export function newsLanguage(language: string): string {
  const [primary = 'en', ...rest] = language.toLowerCase().split(/[-_]/);
  if (primary !== 'zh') return primary;
  return rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part)) ? 'zh-tw' : 'zh-cn';
}

function entry(name: 'url' | 'sitemap', item: SitemapUrl): string {
  const lastmod = item.lastmod ? xmlElement('lastmod', item.lastmod) : '';
  return `<${name}>${xmlElement('loc', item.loc)}${lastmod}</${name}>`;
}

function document(open: string, children: string[], close: string): string {
  return `${XML_DECLARATION}\n${open}\n${children.map((c) => `  ${c}\n`).join('')}${close}\n`;
}
