import { stripControl } from '../../lib/text.js';
import { sanitiseBody } from './body.sanitise.js';
import type { Block, BodyDoc, Inline } from './body.types.js';

/** The body as plain text, one block per line: for search, similarity and feeds' summaries. */
export function bodyText(doc: BodyDoc): string {
  return doc.content.map(blockText).filter(Boolean).join('\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'blockquote':
      return block.content.map((p) => inlineText(p.content)).join('\n');
    case 'bulletList':
    case 'orderedList':
      return block.content
        .map((item) => item.content.map((p) => inlineText(p.content)).join('\n'))
        .join('\n');
    case 'image':
      return [block.attrs.caption, block.attrs.credit].filter(Boolean).join('\n');
    case 'relatedArticle':
      return '';
  }
}

function inlineText(content: Inline[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** Ids of the articles that inline related blocks point at, in order. */
export function relatedBlockIds(doc: BodyDoc): number[] {
  return doc.content.flatMap((b) => (b.type === 'relatedArticle' ? [b.attrs.articleId] : []));
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
