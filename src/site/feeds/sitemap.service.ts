import type { Db } from '../../db/database.js';
import {
  countTagSitemapPages,
  getSettings,
  lastSitemapPage,
  listSections,
  listSitemapArticles,
  listSitemapPages,
  listSitemapTags,
  listVisible,
  sectionChanges,
} from '../../content/index.js';
import { newsSitemap, sitemapIndex, urlset, type SitemapUrl } from './sitemap.builder.js';

/** Google News reads articles of the last two days, at most 1,000 of them. */
const NEWS_WINDOW_MS = 48 * 3600_000;
const NEWS_MAX = 1000;

export interface SitemapContext {
  db: Db;
  /** Public base URL, no trailing slash. */
  siteUrl: string;
  now: Date;
}

/**
 * `/sitemap.xml`. A site whose articles fit one sitemap page (ids up to
 * 1,000) gets one urlset of everything; a larger one an index of
 * `/sitemaps/pages.xml`, `/sitemaps/tags-N.xml` and `/sitemaps/articles-N.xml`
 * (by id range, oldest first), each article page with its last change as the
 * database keeps it. The index costs one row per page, never a count.
 */
export async function mainSitemap(ctx: SitemapContext): Promise<string> {
  const now = ctx.now.toISOString();
  const [pages, tagPages] = await Promise.all([listSitemapPages(ctx.db, now), countTagSitemapPages(ctx.db)]);
  if ((pages.at(-1)?.page ?? 1) <= 1 && tagPages <= 1) {
    const [home, tags, articles] = await Promise.all([pageUrls(ctx), tagUrls(ctx, 1), articleUrls(ctx, 1)]);
    return urlset([...home, ...tags, ...articles]);
  }
  const home = await pageUrls(ctx);
  return sitemapIndex([
    { loc: `${ctx.siteUrl}/sitemaps/pages.xml`, lastmod: home[0]?.lastmod },
    ...Array.from({ length: tagPages }, (_, i) => ({ loc: `${ctx.siteUrl}/sitemaps/tags-${i + 1}.xml` })),
    ...pages.map((p) => ({ loc: `${ctx.siteUrl}/sitemaps/articles-${p.page}.xml`, lastmod: p.lastmod })),
  ]);
}

/** `/sitemaps/pages.xml`: home and sections. */
export async function pagesSitemap(ctx: SitemapContext): Promise<string> {
  return urlset(await pageUrls(ctx));
}

/** `/sitemaps/tags-N.xml`, or undefined past the last page. */
export async function tagsSitemap(ctx: SitemapContext, page: number): Promise<string | undefined> {
  if (page > (await countTagSitemapPages(ctx.db))) return undefined;
  return urlset(await tagUrls(ctx, page));
}

/** `/sitemaps/articles-N.xml`, or undefined past the last page. */
export async function articlesSitemap(ctx: SitemapContext, page: number): Promise<string | undefined> {
  if (page > (await lastSitemapPage(ctx.db))) return undefined;
  return urlset(await articleUrls(ctx, page));
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

/** Home and every section, each as new as its newest article. */
async function pageUrls(ctx: SitemapContext): Promise<SitemapUrl[]> {
  const now = ctx.now.toISOString();
  const [sections, changes, newest] = await Promise.all([
    listSections(ctx.db),
    sectionChanges(ctx.db, now),
    listVisible(ctx.db, now, {}, { limit: 1, offset: 0 }),
  ]);
  return [
    { loc: `${ctx.siteUrl}/`, lastmod: newest[0]?.publishedAt },
    ...sections.map((s) => ({ loc: `${ctx.siteUrl}/sections/${s.slug}`, lastmod: changes.get(s.id) })),
  ];
}

/** The tags of one tag page that have visible articles. */
async function tagUrls(ctx: SitemapContext, page: number): Promise<SitemapUrl[]> {
  const tags = await listSitemapTags(ctx.db, ctx.now.toISOString(), page);
  return tags.map((t) => ({ loc: `${ctx.siteUrl}/tags/${t.slug}`, lastmod: t.modifiedAt }));
}

/** One page of article URLs, from 1. */
async function articleUrls(ctx: SitemapContext, page: number): Promise<SitemapUrl[]> {
  const articles = await listSitemapArticles(ctx.db, ctx.now.toISOString(), page);
  return articles.map((a) => ({ loc: ctx.siteUrl + a.path, lastmod: a.modifiedAt }));
}
