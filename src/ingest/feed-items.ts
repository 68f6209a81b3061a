import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { escapeHtml, oneLine, stripControl } from '../lib/text.js';
import { htmlLine } from './body-from-html.js';
import { decodeHtml } from './extract-html.js';

/**
 * A partner's or an agency's feed, read into items an editor can work from.
 * RSS 0.9x–2.0, RSS 1.0 and Atom are read by @rowanmanning/feed-parser,
 * built and tested on real-world feeds and lenient with broken XML; JSON Feed
 * is JSON, read here. What real feeds get wrong is settled on the way in:
 *
 * - the charset is the one the answer, the XML declaration or a byte-order
 *   mark names (windows-1251 for many Bulgarian outlets), UTF-8 otherwise;
 * - titles, summaries and text are plain text: HTML in them is read as HTML
 *   (tags dropped, entities decoded, so a double-escaped `&amp;amp;` is `&`);
 * - links are absolute http(s), resolved against the feed's address;
 * - a date that cannot be read, or lies more than a day ahead, is no date;
 * - an item without a GUID is known by its link, or by a hash of its title
 *   and text; an item with neither title nor text is skipped;
 * - a cut-off file gives the items before the cut; a file with none at all,
 *   or that is not a feed, is an error saying so.
 */
export interface FeedItem {
  /** Stable across fetches: the item's GUID or id, else its link, else a hash of its text. */
  guid: string;
  link: string | null;
  title: string;
  /** ISO 8601 in UTC, or null. */
  published: string | null;
  summary: string;
  /** The item's full text when the feed carries it, paragraphs separated by blank lines. */
  text: string;
  author: string | null;
  categories: string[];
}

export interface ReadFeed {
  title: string;
  items: FeedItem[];
}

/** A day: a feed's clock may be ahead of ours by a time zone, not by more. */
const AHEAD_MS = 24 * 3600_000;

export function readFeed(
  bytes: Uint8Array,
  options: { contentType?: string; url: string; now: Date },
): ReadFeed {
  const text = decodeHtml(bytes, options.contentType);
  const trimmed = text.trimStart();
  const json = /json/i.test(options.contentType ?? '') || trimmed.startsWith('{');
  return json ? readJsonFeed(trimmed, options) : readXmlFeed(text, options);
}

function readXmlFeed(xml: string, options: { url: string; now: Date }): ReadFeed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new Error(`${options.url} is not a feed Newsdesk can read (RSS, Atom or JSON Feed)`, {
      cause: error,
    });
  }
  const items = feed.items.flatMap((item) =>
    toItem(
      {
        id: item.id,
        link: item.url,
        title: item.title,
        published: item.published ?? item.updated,
        summary: item.description,
        content: item.content,
        author: item.authors[0]?.name ?? null,
        categories: item.categories.map((c) => c.label ?? c.term ?? ''),
      },
      options,
    ),
  );
  return { title: htmlLine(feed.title ?? ''), items };
}

function readJsonFeed(text: string, options: { url: string; now: Date }): ReadFeed {
  let feed: { version?: unknown; title?: unknown; items?: unknown };
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${options.url} is not a feed Newsdesk can read: its JSON is broken`, { cause: error });
  }
  if (
    typeof feed?.version !== 'string' ||
    !feed.version.includes('jsonfeed.org') ||
    !Array.isArray(feed.items)
  )
    throw new Error(`${options.url} is JSON, but not a JSON Feed (no "version" of jsonfeed.org and "items")`);
  const string = (value: unknown) => (typeof value === 'string' ? value : null);
  const items = (feed.items as Record<string, unknown>[]).flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const authors = [item.authors, item.author].flat().filter(Boolean) as { name?: unknown }[];
    return toItem(
      {
        id: string(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
        link: string(item.url) ?? string(item.external_url),
        title: string(item.title),
        published: parseDate(string(item.date_published) ?? string(item.date_modified)),
        summary: string(item.summary),
        content:
          string(item.content_html) ??
          (string(item.content_text) ? escapeText(String(item.content_text)) : null),
        author: string(authors[0]?.name),
        categories: Array.isArray(item.tags)
          ? item.tags.filter((t): t is string => typeof t === 'string')
          : [],
      },
      options,
    );
  });
  return { title: htmlLine(string(feed.title) ?? ''), items };
}

interface RawItem {
  id: string | null;
  link: string | null;
  title: string | null;
  published: Date | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  categories: string[];
}

function toItem(raw: RawItem, options: { url: string; now: Date }): FeedItem[] {
  const title = htmlLine(raw.title ?? '');
  const text = paragraphs(raw.content ?? '');
  const summary = htmlLine(raw.summary ?? '') || text.split('\n\n')[0] || '';
  if (!title && !text && !summary) return [];
  const link = httpLink(raw.link, options.url);
  const published =
    raw.published &&
    !Number.isNaN(raw.published.getTime()) &&
    raw.published.getTime() - options.now.getTime() <= AHEAD_MS
      ? raw.published.toISOString()
      : null;
  const guid =
    (raw.id && stripControl(raw.id).trim()) ||
    link ||
    `sha256:${createHash('sha256').update(`${title}\n${summary}\n${text}`).digest('hex').slice(0, 32)}`;
  return [
    {
      guid,
      link,
      title,
      published,
      summary,
      text,
      author: raw.author ? htmlLine(raw.author) || null : null,
      categories: [...new Set(raw.categories.map(htmlLine).filter(Boolean))],
    },
  ];
}

/** HTML content as paragraphs of plain text, separated by blank lines. */
function paragraphs(html: string): string {
  if (!html.trim()) return '';
  const body = asHtml(html);
  const blocks = Array.from(body.querySelectorAll('p, h1, h2, h3, h4, li, blockquote')).filter(
    (el) => !el.querySelector('p, li'),
  );
  const texts = (blocks.length ? blocks : [body]).map((el) => oneLine(el.textContent ?? ''));
  return texts.filter(Boolean).join('\n\n');
}

function asHtml(value: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${value}</body></html>`).document
    .body as unknown as HTMLElement;
}

function escapeText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

/** An absolute http(s) link, resolved against the feed's own address, or null. */
function httpLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
