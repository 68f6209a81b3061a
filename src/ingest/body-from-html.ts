import { getSchema } from '@tiptap/core';
import { DOMParser as PmParser, type Schema } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import { bodyExtensions, bodyForSave } from '../admin/editor/body-schema.js';
import { sanitiseBody } from '../content/body/body.sanitise.js';
import type { Block, BodyDoc, Paragraph } from '../content/body/body.types.js';
import { cut, oneLine, stripControl } from '../lib/text.js';

/** A body read from HTML, and what could not come with it. */
export interface HtmlBody {
  body: BodyDoc;
  /** What was left out, in words: "a video (https://www.youtube.com/embed/…)". */
  dropped: string[];
}

const EMBEDS: Record<string, string> = {
  iframe: 'an embedded frame',
  video: 'a video',
  audio: 'a sound file',
  object: 'an embedded object',
  embed: 'an embedded object',
};
const REMOVED = 'script, style, noscript, template, form, button, input, select, textarea, svg, canvas';

let schema: Schema | undefined;

/**
 * Someone else's HTML (a WordPress post, a Ghost card, an extracted page) as
 * our structured body, read by ProseMirror with the editor's own schema: the
 * same reading the editor gives HTML pasted into it, so an imported article
 * looks as if a reporter had pasted it in. Paragraphs, headings, quotes,
 * lists, links, bold, italic, line breaks and figures with captions survive;
 * everything else is reduced to its text.
 *
 * Before ProseMirror reads it, the HTML is put in the body's terms:
 * - headings: `h1` becomes a level-2 heading, `h4`–`h6` level 3 (the body
 *   has levels 2 and 3; the page's title is the article's own `h1`);
 * - a table becomes one paragraph per row, its cells separated by " | ";
 * - links and pictures are made absolute against `base`; a lazy-loaded
 *   picture is read from `data-src`, `data-lazy-src` or `srcset`; a picture
 *   with no http(s) address is left out, and named;
 * - a gallery (a figure holding several pictures) becomes one figure a
 *   picture, its own caption a paragraph after them;
 * - embedded players and scripts (`iframe`, `video`, `audio`, `object`,
 *   `embed`, `script`, `style`, forms) are left out, each named in `dropped`
 *   so an import can say what it did not bring;
 * - control characters are taken out of the text.
 *
 * After it, what the body's limits would refuse is fitted: a link or picture
 * address longer than 2,000 characters is let go (and named), an alt text or
 * caption is cut at a word. The result passes `sanitiseBody`, the check
 * every save goes through, so one odd post never stops an import.
 */
export function bodyFromHtml(html: string, options: { base?: string } = {}): HtmlBody {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const root = document.body;
  const dropped: string[] = [];

  for (const el of Array.from(root.querySelectorAll(Object.keys(EMBEDS).join(', ')))) {
    const src =
      el.getAttribute('src') ?? el.getAttribute('data') ?? el.querySelector('source')?.getAttribute('src');
    dropped.push(
      `${EMBEDS[el.tagName.toLowerCase()]}${src ? ` (${absolute(src, options.base) ?? src})` : ''}`,
    );
    el.remove();
  }
  for (const el of Array.from(root.querySelectorAll(REMOVED))) el.remove();
  for (const el of Array.from(root.querySelectorAll('h1, h4, h5, h6')))
    rename(document, el, el.tagName === 'H1' ? 'h2' : 'h3');
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const rows = Array.from(table.querySelectorAll('tr')).map((tr) => {
      const p = document.createElement('p');
      p.textContent = Array.from(tr.querySelectorAll('th, td'))
        .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' | ');
      return p;
    });
    table.replaceWith(...rows);
  }
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = absolute(a.getAttribute('href')!, options.base);
    if (href && href.length <= MAX_ADDRESS) a.setAttribute('href', href);
    else {
      if (href) dropped.push(`a link whose address is too long (${href.slice(0, 60)}…); its text is kept`);
      a.removeAttribute('href');
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = absolute(pictureAddress(img), options.base);
    if (src && /^https?:/.test(src) && src.length <= MAX_ADDRESS) {
      img.setAttribute('src', src);
      continue;
    }
    dropped.push(
      src && src.length > MAX_ADDRESS
        ? `a picture whose address is too long (${src.slice(0, 60)}…)`
        : `a picture with no web address${img.getAttribute('alt') ? ` ("${img.getAttribute('alt')}")` : ''}`,
    );
    const figure = img.closest('figure');
    if (figure && figure.querySelectorAll('img').length === 1) figure.remove();
    else img.remove();
  }
  for (const gallery of Array.from(root.querySelectorAll('figure'))) {
    if (!root.contains(gallery) || gallery.querySelectorAll('img').length < 2) continue;
    const parts = Array.from(gallery.querySelectorAll('img')).map((img) => {
      const figure = document.createElement('figure');
      const inner = img.closest('figure');
      const caption = inner !== gallery ? inner?.querySelector('figcaption') : null;
      figure.append(img);
      if (caption) figure.append(caption);
      return figure;
    });
    const own = Array.from(gallery.children).find((c) => c.tagName === 'FIGCAPTION');
    const after = own
      ? [Object.assign(document.createElement('p'), { textContent: own.textContent ?? '' })]
      : [];
    gallery.replaceWith(...parts, ...after);
  }
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    (node as Text).data = stripControl((node as Text).data);

  schema ??= getSchema(bodyExtensions());
  const parsed = PmParser.fromSchema(schema).parse(root as unknown as Node);
  const doc = bodyForSave(parsed.toJSON()) as { type: 'doc'; content: Block[] };
  for (const block of doc.content)
    if (block.type === 'image') {
      block.attrs.alt = cut(block.attrs.alt, MAX_CAPTION);
      block.attrs.caption = cut(block.attrs.caption, MAX_CAPTION);
    }
  return { body: sanitiseBody({ type: 'doc', content: withoutEmpty(doc.content) }), dropped };
}

/** The body's limits (body.sanitise.ts): addresses, and a figure's alt text and caption. */
const MAX_ADDRESS = 2000;
const MAX_CAPTION = 2000;

/** A picture's address: its `src`, or where a lazy-loading page keeps the real one while `src` holds a placeholder. */
function pictureAddress(img: Element): string {
  const src = img.getAttribute('src') ?? '';
  if (src && !src.startsWith('data:')) return src;
  const lazy =
    img.getAttribute('data-src') ?? img.getAttribute('data-lazy-src') ?? img.getAttribute('data-original');
  if (lazy) return lazy;
  const set =
    img.getAttribute('srcset') ?? img.getAttribute('data-srcset') ?? img.getAttribute('data-lazy-srcset');
  return set?.trim().split(/\s+/)[0] ?? src;
}

/** Blocks with text in them: empty paragraphs go, and quotes, items and lists left with none. */
function withoutEmpty(blocks: Block[]): Block[] {
  const hasText = (p: Paragraph) => p.content?.some((i) => i.type === 'text' && i.text.trim()) ?? false;
  return blocks.flatMap((block): Block[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return hasText(block as Paragraph) ? [block] : [];
      case 'blockquote': {
        const content = block.content.filter(hasText);
        return content.length ? [{ ...block, content }] : [];
      }
      case 'bulletList':
      case 'orderedList': {
        const items = block.content
          .map((item) => ({ ...item, content: item.content.filter(hasText) }))
          .filter((item) => item.content.length);
        return items.length ? [{ ...block, content: items }] : [];
      }
      default:
        return [block];
    }
  });
}

function rename(document: Document, el: Element, tag: string): void {
  const renamed = document.createElement(tag);
  renamed.append(...Array.from(el.childNodes));
  el.replaceWith(renamed);
}

/** `url` made absolute against `base`; undefined when it cannot be read as an address. */
function absolute(url: string, base: string | undefined): string | undefined {
  const trimmed = url.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/** Text that may hold HTML (a feed's title, a WordPress category name), as a reader would see it: one line. */
export function htmlLine(value: string): string {
  // A space after each block, so that paragraphs do not run together.
  const spaced = value.replace(/<\/(p|div|li|h[1-6]|blockquote)>|<br\s*\/?>/gi, '$& ');
  return oneLine(
    parseHTML(`<!doctype html><html><body>${spaced}</body></html>`).document.body.textContent ?? '',
  );
}
