import { Feed, type Category, type Item } from 'feed';
import type { Article } from '../../content/index.js';
import { absoluteRelated, articleHtml } from './feed.html.js';
import type { FeedArticles } from './feed.loader.js';
import { attributeText, cdataText, elementText, htmlText, inertText } from './feed.text.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Each format's file name, after the path of the page it follows: `/feed.xml`, `/sections/defense/feed.atom`. */
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'feed.atom',
  json: 'feed.json',
};

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What a feed is about: the whole site, or one section or tag. */
export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  siteName: string;
  /** Public base URL, no trailing slash. */
  siteUrl: string;
  /** Path of the page the feed follows: '' for the site, `/sections/defense` for a section. */
  basePath: string;
}

/** The feed's own URL in each format. */
export function feedUrls(siteUrl: string, basePath: string): Record<FeedFormat, string> {
  return {
    rss: `${siteUrl}${basePath}/${FEED_FILES.rss}`,
    atom: `${siteUrl}${basePath}/${FEED_FILES.atom}`,
    json: `${siteUrl}${basePath}/${FEED_FILES.json}`,
  };
}

/**
 * An article's id in every feed: `https://site/articles/123`. It is a real
 * URL (it redirects to the article) and, unlike the canonical URL, it stays
 * the same when an editor changes the slug, so readers never see a duplicate.
 */
export function feedItemId(siteUrl: string, article: Pick<Article, 'id'>): string {
  return `${siteUrl}/articles/${article.id}`;
}

/** When readers last saw a change: the publication time, or a later marked revision. */
export function itemUpdated(article: Article): Date {
  const published = article.publishedAt ?? article.createdAt;
  return new Date(article.revisedAt && article.revisedAt > published ? article.revisedAt : published);
}

/**
 * Renders one feed document. `now` dates an empty feed; otherwise the feed
 * is as new as its newest item, so the document only changes when content does.
 */
export function renderFeed(
  format: FeedFormat,
  channel: FeedChannel,
  content: FeedArticles,
  now: Date,
): string {
  const { siteUrl } = channel;
  const urls = feedUrls(siteUrl, channel.basePath);
  const updated = content.articles
    .map(itemUpdated)
    .reduce<Date | undefined>((a, b) => (a && a > b ? a : b), undefined);
  const feed = new Feed({
    id: urls.atom,
    title: elementText(channel.title),
    description: elementText(channel.description),
    link: `${siteUrl}${channel.basePath || '/'}`,
    language: channel.language,
    updated: updated ?? now,
    generator: 'Newsdesk',
    feedLinks: urls,
    // Atom needs an author for entries that have none: the newsroom.
    author: { name: elementText(channel.siteName), link: `${siteUrl}/` },
  });
  const related = absoluteRelated(content.related, siteUrl);
  for (const article of content.articles) {
    feed.addItem(feedItem(format, article, articleHtml(article, related, siteUrl), siteUrl));
  }
  switch (format) {
    case 'rss':
      return feed.rss2();
    case 'atom':
      return feed.atom1();
    case 'json':
      return jsonFeed11(feed.json1(), channel, content.articles);
  }
}

/** One item; the formats disagree on which fields are text and which HTML. */
function feedItem(format: FeedFormat, article: Article, html: string, siteUrl: string): Item {
  const names = article.authors.map((a) => elementText(inertText(a.name)));
  const item: Item = {
    id: feedItemId(siteUrl, article),
    link: siteUrl + article.path,
    // JSON Feed's title and summary are plain text, which some readers render as HTML.
    title: inertText(article.title),
    description: article.lead ? inertText(article.lead) : undefined,
    content: html,
    date: itemUpdated(article),
    published: new Date(article.publishedAt ?? article.createdAt),
    category: categories(format, article),
  };
  if (format === 'rss') {
    // RSS titles are plain text; its description is HTML. Authors go in
    // dc:creator, since RSS's own <author> must be an e-mail address. (The
    // library declares the dc namespace whenever an item has content.)
    item.title = cdataText(inertText(article.title));
    item.description = article.lead ? htmlText(article.lead) : undefined;
    if (names.length) item.extensions = [{ name: 'dc:creator', objects: { _text: names.join(', ') } }];
  } else if (format === 'atom') {
    // type="html": the text is HTML, so plain text is escaped once more.
    item.title = htmlText(article.title);
    item.description = article.lead ? htmlText(article.lead) : undefined;
    item.author = article.authors.map((a) => ({
      name: elementText(a.name),
      link: `${siteUrl}/authors/${a.slug}`,
    }));
  }
  return item;
}

/** The section, then the tags. */
function categories(format: FeedFormat, article: Article): Category[] {
  const all = [article.section, ...article.tags];
  if (format === 'atom') return all.map((c) => ({ term: c.slug, name: attributeText(c.name) }));
  return all.map((c) => ({ name: elementText(inertText(c.name)) }));
}

/**
 * The library writes JSON Feed 1.0 with one author an item. Version 1.1 has
 * `authors` lists and `language`; the rest is the same.
 */
function jsonFeed11(json: string, channel: FeedChannel, articles: Article[]): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] };
  feed.version = 'https://jsonfeed.org/version/1.1';
  feed.language = channel.language;
  delete feed.author;
  feed.authors = [{ name: channel.siteName, url: `${channel.siteUrl}/` }];
  feed.items.forEach((item, i) => {
    delete item.author;
    const authors = articles[i].authors;
    if (authors.length)
      item.authors = authors.map((a) => ({
        name: inertText(a.name),
        url: `${channel.siteUrl}/authors/${a.slug}`,
      }));
  });
  return JSON.stringify(feed);
}
