import type { Db } from '../../db/database.js';
import {
  countVisible,
  getSettings,
  listSections,
  listSitemapArticles,
  listSitemapTags,
  listVisible,
  sectionChanges,
  sitemapPageChanges,
} from '../../content/index.js';
import { newsSitemap, sitemapIndex, urlset, type SitemapUrl } from './sitemap.builder.js';

/** Articles per sitemap page; the protocol allows 50,000, and smaller pages are cheaper to rebuild. */
export const SITEMAP_PAGE_SIZE = 1000;

/** Google News reads articles of the last two days, at most 1,000 of them. */
const NEWS_WINDOW_MS = 48 * 3600_000;
const NEWS_MAX = 1000;

export interface SitemapContext {
  db: Db;
  /** Public base URL, no trailing slash. */
  siteUrl: string;
  now: Date;
  pageSize: number;
}

/**
 * `/sitemap.xml`. A small site gets one urlset of everything; past one page
 * of articles it becomes an index of `/sitemaps/pages.xml` and
 * `/sitemaps/articles-1.xml`, `-2`, ... oldest first.
 */
export async function mainSitemap(ctx: SitemapContext): Promise<string> {
  const now = ctx.now.toISOString();
  const total = await countVisible(ctx.db, now, {});
  if (total <= ctx.pageSize) {
    const [pages, articles] = await Promise.all([pageUrls(ctx), articleUrls(ctx, 1)]);
    return urlset([...pages, ...(articles ?? [])]);
  }
  const [pages, changes] = await Promise.all([pageUrls(ctx), sitemapPageChanges(ctx.db, now, ctx.pageSize)]);
  return sitemapIndex([
    { loc: `${ctx.siteUrl}/sitemaps/pages.xml`, lastmod: pages[0]?.lastmod },
    ...changes.map((lastmod, i) => ({ loc: `${ctx.siteUrl}/sitemaps/articles-${i + 1}.xml`, lastmod })),
  ]);
}

/** `/sitemaps/pages.xml`: home, sections and tags. */
export async function pagesSitemap(ctx: SitemapContext): Promise<string> {
  return urlset(await pageUrls(ctx));
}

/** `/sitemaps/articles-N.xml`, or undefined past the last page. */
export async function articlesSitemap(ctx: SitemapContext, page: number): Promise<string | undefined> {
  const urls = await articleUrls(ctx, page);
  return urls && urlset(urls);
}

/** `/news-sitemap.xml`. */
export async function newsSitemapXml(ctx: SitemapContext): Promise<string> {
  const now = ctx.now.toISOString();
  const from = new Date(ctx.now.getTime() - NEWS_WINDOW_MS).toISOString();
  const [settings, articles] = await Promise.all([
    getSettings(ctx.db),
    listVisible(ctx.db, now, { from }, { limit: NEWS_MAX, offset: 0 }),
  ]);
  return newsSitemap(articles, ctx.siteUrl, { name: settings.name, language: settings.language });
}

/** Home, every section, and tags that have visible articles; each as new as its newest article. */
async function pageUrls(ctx: SitemapContext): Promise<SitemapUrl[]> {
  const now = ctx.now.toISOString();
  const [sections, changes, tags, newest] = await Promise.all([
    listSections(ctx.db),
    sectionChanges(ctx.db, now),
    listSitemapTags(ctx.db, now),
    listVisible(ctx.db, now, {}, { limit: 1, offset: 0 }),
  ]);
  return [
    { loc: `${ctx.siteUrl}/`, lastmod: newest[0]?.publishedAt },
    ...sections.map((s) => ({ loc: `${ctx.siteUrl}/sections/${s.slug}`, lastmod: changes.get(s.id) })),
    ...tags.map((t) => ({ loc: `${ctx.siteUrl}/tags/${t.slug}`, lastmod: t.modifiedAt })),
  ];
}

/** One page of article URLs (from 1); undefined past the last, though page 1 always exists. */
async function articleUrls(ctx: SitemapContext, page: number): Promise<SitemapUrl[] | undefined> {
  const articles = await listSitemapArticles(ctx.db, ctx.now.toISOString(), {
    limit: ctx.pageSize,
    offset: (page - 1) * ctx.pageSize,
  });
  if (page > 1 && articles.length === 0) return undefined;
  return articles.map((a) => ({ loc: ctx.siteUrl + a.path, lastmod: a.modifiedAt }));
}
