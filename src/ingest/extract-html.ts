import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { BodyDoc } from '../content/body/body.types.js';
import { oneLine } from '../lib/text.js';
import { bodyFromHtml } from './body-from-html.js';
import { FURNITURE, readDateline, SENTENCE_END, TAG_LINE, TAIL } from './extract-text.js';

/**
 * An article read from a news page's HTML. Mozilla's Readability (Firefox's
 * Reader View) finds the article's text among the page's menus, sidebars and
 * footers; what news pages put inside the article on top of that, it keeps,
 * and the rules shared with extract-text.ts take out: "read also" lines and
 * other articles' headlines between the paragraphs (a paragraph that is one
 * link and no sentence), share, follow and support lines, the tag line, and
 * everything after a "Related articles" or "Comments" heading.
 *
 * The page's own metadata comes first where it has it (Open Graph and
 * `article:` properties, JSON-LD `NewsArticle`, `<time datetime>`,
 * `rel=tag` links), read before Readability changes the document; the text
 * where it has not.
 */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  /** ISO 8601 in UTC, or null. */
  published: string | null;
  lead: string;
  tags: string[];
  section: string | null;
  /** The body's paragraphs and headings, as text, in order (the lead first when the page repeats it). */
  paragraphs: string[];
  /**
   * The same text as our structured body, for a draft: paragraphs, headings,
   * quotes, lists, links, bold and italic, figures with captions (see
   * bodyFromHtml); without the lead when the page repeats it.
   */
  body: BodyDoc;
  images: { src: string; alt: string; caption: string }[];
  /** Lines taken out of the article's text, for the editor to see. */
  dropped: string[];
}

interface PageMeta {
  images: ExtractedArticle['images'];
  title?: string;
  byline?: string;
  published?: string;
  description?: string;
  section?: string;
  tags: string[];
}

/**
 * Reads `html` (already decoded; see `decodeHtml`). `url` resolves relative
 * links and pictures; `timeZone` reads a date shown without one.
 */
export function extractHtml(
  html: string,
  options: { url?: string; timeZone?: string } = {},
): ExtractedArticle {
  const { document } = parseHTML(html);
  const meta = pageMeta(document, options.timeZone ?? 'UTC', options.url);
  const dateline = datelineOf(document, options.timeZone ?? 'UTC');
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  if (!article?.content) throw new Error('no article text found in the page');
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);

  const paragraphs: string[] = [];
  /** The element each paragraph was read from, and the elements the rules took out: the body is what stays. */
  const kept: Element[] = [];
  const removed: Element[] = [];
  const images: ExtractedArticle['images'] = [...meta.images];
  const dropped: string[] = [];
  let tags = meta.tags;
  let byline = meta.byline;
  let ended = false;
  for (const el of elements(body, 'p, h2, h3, h4, li, blockquote, figure, img')) {
    if (ended) break;
    const tag = el.tagName.toLowerCase();
    if (tag === 'figure' || tag === 'img') {
      // A picture in a figure is read with the figure, its caption with it.
      if (tag === 'img' && el.parentElement?.closest('figure')) continue;
      const img = tag === 'img' ? el : el.querySelector('img');
      const src = img?.getAttribute('src');
      if (img && src && !images.some((i) => i.src === absolute(src, options.url)))
        images.push({
          src: absolute(src, options.url),
          alt: oneLine(img.getAttribute('alt') ?? ''),
          caption: oneLine(el.querySelector('figcaption')?.textContent ?? ''),
        });
      continue;
    }
    // Text of block elements only once: a <p> inside a <blockquote> or <li> is read as that <p>.
    if ((tag === 'blockquote' || tag === 'li') && el.querySelector('p')) continue;
    if (el.closest('figcaption')) continue;
    const text = oneLine(el.textContent ?? '');
    if (!text) continue;
    if (TAIL.test(text)) {
      dropped.push(text);
      ended = true;
      removeFrom(el);
      continue;
    }
    const tagLine = TAG_LINE.exec(text);
    if (tagLine) {
      if (!tags.length) tags = tagLine[1].split(/\s*[,;]\s*/).filter(Boolean);
      dropped.push(text);
      removed.push(el);
      continue;
    }
    // The article's own byline and time, when the page put them inside its text.
    if (!paragraphs.length && (BYLINE.test(text) || (text.length <= 80 && readDateline(text, 'UTC')))) {
      byline ??= bylineName(text);
      dropped.push(text);
      removed.push(el);
      continue;
    }
    const onlyALink = el.querySelectorAll('a').length > 0 && oneLine(linkText(el)) === text;
    const headline =
      (tag === 'p' || tag === 'li') && !SENTENCE_END.test(text) && text.split(' ').length <= 25;
    if (FURNITURE.some((pattern) => pattern.test(text)) || (onlyALink && headline && tag === 'p')) {
      dropped.push(text);
      removed.push(el);
      continue;
    }
    paragraphs.push(text);
    kept.push(el);
  }
  // A pull quote repeats a sentence of the text in large type: the text keeps it once.
  const bare = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const own = bare(paragraphs[i]);
    if (
      own.split(' ').length >= 4 &&
      paragraphs.some(
        (other, j) => j !== i && other.length > paragraphs[i].length && bare(other).includes(own),
      )
    ) {
      dropped.push(...paragraphs.splice(i, 1));
      removed.push(...kept.splice(i, 1));
    }
  }
  if (!paragraphs.length) throw new Error('no article text found in the page');

  const lead = meta.description && !looksCut(meta.description) ? meta.description : paragraphs[0];
  // The page's repeat of the lead opens its text; the draft has the lead in its own field.
  if (paragraphs[0] === lead) removed.push(kept[0]);
  for (const el of removed) el.remove();
  const structured = bodyFromHtml(body.body.innerHTML, { base: options.url });
  dropped.push(...structured.dropped);
  return {
    title: meta.title || oneLine(article.title ?? ''),
    byline: byline ?? (article.byline ? oneLine(article.byline).replace(/^by\s+/i, '') : null),
    published: meta.published ?? dateline?.published ?? null,
    lead,
    tags: [...new Set(tags.map(oneLine).filter(Boolean))],
    section: meta.section ?? dateline?.section ?? null,
    paragraphs,
    body: structured.body,
    images,
    dropped,
  };
}

/** Takes out `el` and everything after it in the text: what follows "Related articles" is not the article. */
function removeFrom(el: Element): void {
  for (let at: Element | null = el; at && at.tagName !== 'BODY'; at = at.parentElement)
    while (at.nextSibling) at.nextSibling.remove();
  el.remove();
}

/** "By Nadia Ilieva and Tom Reeve": a byline, not copy. */
const BYLINE = /^(?:[Bb]y|(?:[Ss]ubmitted|[Pp]osted|[Ww]ritten|[Ww]ords) by|[Оо]т)\s+(\p{Lu}[^.!?]{0,100})$/u;

/** The name in a byline: "Submitted by Ana Petkova on Thu, 19/10/2023" -> "Ana Petkova". */
function bylineName(text: string): string | undefined {
  const rest = BYLINE.exec(text)?.[1];
  return rest?.split(/\s+(?:on|at)\s+|\s*[,·|]\s*/)[0]?.trim() || undefined;
}

/** What the page says of itself in its head: Open Graph, `article:` properties, JSON-LD. */
function pageMeta(document: Document, timeZone: string, url: string | undefined): PageMeta {
  const content = (selector: string) =>
    oneLine(document.querySelector(selector)?.getAttribute('content') ?? '') || undefined;
  const all = (selector: string) =>
    elements(document, selector).map((el) => oneLine(el.getAttribute('content') ?? ''));
  const ld = jsonLd(document);
  const time = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  const published = [content('meta[property="article:published_time"]'), ld.datePublished, time ?? undefined]
    .map((value) => (value ? isoDate(value, timeZone) : undefined))
    .find(Boolean);
  // rel="tag" links, not those WordPress also marks as the category ("category tag").
  const relTags = elements(document, 'a[rel~="tag"]:not([rel~="category"])').map((a) =>
    oneLine(a.textContent ?? ''),
  );
  const metaTags = all('meta[property="article:tag"]');
  // A tag line in the page's own text, for pages without metadata: read only when nothing else names tags
  // (it reads the text of every block, nested ones again).
  const lineTags = () =>
    elements(document, 'div, p, span, li, section')
      .map((el) => el.textContent ?? '')
      .filter((text) => text.length < 300)
      .map((text) => TAG_LINE.exec(oneLine(text))?.[1])
      .find(Boolean)
      ?.split(/\s*[,;]\s*/)
      .filter(Boolean) ?? [];
  const category = elements(document, 'a[rel~="category"]').map((a) => oneLine(a.textContent ?? ''))[0];
  // The last step of a breadcrumb trail other than the front page.
  const crumb = elements(document, '.breadcrumb a, .breadcrumbs a, nav[aria-label*="readcrumb"] a')
    .map((a) => oneLine(a.textContent ?? ''))
    .filter((text) => text && !/^(home|начало)$/i.test(text))
    .at(-1);
  // Links in a tags block (`field--name-field-tags`, `.post-tags`), for pages that do not mark them rel=tag.
  const classTags = elements(document, '[class*="tags"] a, [class*="etiket"] a')
    .map((a) => oneLine(a.textContent ?? ''))
    .filter((text) => text && text.length <= 60);
  const author = elements(document, 'a[rel="author"], .byline .fn, .author.vcard .fn, .byline a')
    .map((el) => oneLine(el.textContent ?? ''))
    .find((name) => name && name.length <= 80);
  const label = elements(
    document,
    '[class*="rubri"], [class*="categor"], [class*="kicker"], [class*="section-name"]',
  )
    .map((el) => oneLine(el.textContent ?? ''))
    .find((text) => text && text.length <= 40);
  // Pictures of the article: its figures, and the page's share image when it has none.
  const figures = elements(document, 'article figure, main figure').flatMap((figure) => {
    const img = figure.querySelector('img');
    const src = img?.getAttribute('src');
    if (!img || !src) return [];
    const caption = oneLine(figure.querySelector('figcaption')?.textContent ?? '');
    return [{ src: absolute(src, url), alt: oneLine(img.getAttribute('alt') ?? ''), caption }];
  });
  const shareImage = content('meta[property="og:image"]');
  const images =
    figures.length || !shareImage ? figures : [{ src: absolute(shareImage, url), alt: '', caption: '' }];
  return {
    title:
      content('meta[property="og:title"]') ??
      ld.headline ??
      // An empty <h1> is no headline: Readability's guess then.
      (oneLine(document.querySelector('h1')?.textContent ?? '') || undefined),
    byline: content('meta[name="author"]') ?? ld.author ?? author,
    published,
    description:
      content('meta[property="og:description"]') ?? content('meta[name="description"]') ?? ld.description,
    section: content('meta[property="article:section"]') ?? ld.articleSection ?? category ?? label ?? crumb,
    tags: [metaTags, ld.keywords, relTags, classTags].find((list) => list.length) ?? lineTags(),
    images,
  };
}

/** The first JSON-LD NewsArticle (or Article) of the page, what of it we use. */
function jsonLd(document: Document): {
  headline?: string;
  datePublished?: string;
  author?: string;
  description?: string;
  articleSection?: string;
  keywords: string[];
} {
  for (const script of elements(document, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])].flat();
    for (const item of items as Record<string, unknown>[]) {
      const type = [item?.['@type']].flat().map(String);
      if (!type.some((t) => /Article|Posting|Report/.test(t))) continue;
      const authors = [item.author]
        .flat()
        .map((a) => (typeof a === 'string' ? a : (a as { name?: string } | undefined)?.name))
        .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
      const keywords = item.keywords;
      const text = (value: unknown) => (typeof value === 'string' ? oneLine(value) : undefined);
      return {
        headline: text(item.headline),
        datePublished: text(item.datePublished),
        author: authors.length ? authors.map(oneLine).join(' and ') : undefined,
        description: text(item.description),
        articleSection: text([item.articleSection].flat()[0]),
        keywords: (Array.isArray(keywords)
          ? keywords.map(String)
          : typeof keywords === 'string'
            ? keywords.split(',')
            : []
        )
          .map(oneLine)
          .filter(Boolean),
      };
    }
  }
  return { keywords: [] };
}

/** A date line in the page's text near the headline, when its head has no date. */
function datelineOf(document: Document, timeZone: string) {
  const candidates = elements(
    document,
    'time, .date, .data, .dateline, .meta, [class*="date"], [class*="meta"]',
  );
  for (const el of candidates) {
    const text = oneLine(el.textContent ?? '');
    if (text.length > 160) continue;
    const found = readDateline(text, timeZone);
    if (found) return found;
  }
  return undefined;
}

/** An ISO date with a zone as UTC ISO; one without a zone read in `timeZone`. */
function isoDate(value: string, timeZone: string): string | undefined {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return readDateline(value, timeZone)?.published;
}

/** The elements under `root` that match, as an array. */
function elements(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function linkText(el: Element): string {
  return elements(el, 'a')
    .map((a) => a.textContent ?? '')
    .join(' ');
}

/** A description that stops short ("…", "..."), which pages cut to a length: not a lead. */
function looksCut(text: string): boolean {
  return /(…|\.\.\.)$/.test(text);
}

function absolute(src: string, base: string | undefined): string {
  try {
    return base ? new URL(src, base).href : src;
  } catch {
    return src;
  }
}

/**
 * HTML or XML bytes as text, in the charset the answer or the document
 * declares (a Content-Type header, a byte-order mark, the XML declaration's
 * `encoding`, `<meta charset>` or `<meta http-equiv>`), UTF-8 when none does.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : undefined) ??
    /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared.toLowerCase());
  } catch {
    throw new Error(`the page declares the charset "${declared}", which is not one Newsdesk can read`);
  }
  return decoder.decode(bytes);
}
