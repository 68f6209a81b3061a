import { getSchema } from '@tiptap/core';
import { DOMParser as PmParser, type Schema } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import { bodyExtensions, bodyForSave } from '../admin/editor/body-schema.js';
import { sanitiseBody } from '../content/body/body.sanitise.js';
import type { Block, BodyDoc, Paragraph } from '../content/body/body.types.js';
import { stripControl } from '../lib/text.js';

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
 * - links and pictures are made absolute against `base`; a picture with no
 *   http(s) address (a `data:` URL, a broken `src`) is left out;
 * - embedded players and scripts (`iframe`, `video`, `audio`, `object`,
 *   `embed`, `script`, `style`, forms) are left out, each named in `dropped`
 *   so an import can say what it did not bring;
 * - control characters are taken out of the text.
 *
 * The result passes `sanitiseBody`, the check every save goes through.
 */
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
    if (href) a.setAttribute('href', href);
    else a.removeAttribute('href');
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = absolute(img.getAttribute('src') ?? '', options.base);
    if (src && /^https?:/.test(src)) img.setAttribute('src', src);
    else (img.closest('figure') ?? img).remove();
  }
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    (node as Text).data = stripControl((node as Text).data);

  schema ??= getSchema(bodyExtensions());
  const parsed = PmParser.fromSchema(schema).parse(root as unknown as Node);
  const doc = bodyForSave(parsed.toJSON()) as { type: 'doc'; content: Block[] };
  return { body: sanitiseBody({ type: 'doc', content: withoutEmpty(doc.content) }), dropped };
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

/** Paragraphs of plain text (pasted copy, a feed item's text) as a body of plain paragraphs. */
export function bodyFromParagraphs(paragraphs: string[]): BodyDoc {
  return sanitiseBody({
    type: 'doc',
    content: paragraphs
      .map((p) => stripControl(p).trim())
      .filter(Boolean)
      .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });
}
