import { renderToString } from 'preact-render-to-string';
import type { Article, ArticleSummary, Block, BodyDoc, Inline } from '../../content/index.js';
import { Body } from '../templates/body.js';
import { absoluteUrl } from '../../lib/urls.js';
import { cdataHtml } from './feed.text.js';

/**
 * The article body as HTML for a feed: the page's own Body template, with
 * every link and image made absolute, since a feed reader shows it away from
 * the site. `related` holds the visible targets of inline related blocks,
 * their paths already absolute (see absoluteRelated).
 */
export function articleHtml(article: Article, related: Map<number, ArticleSummary>, siteUrl: string): string {
  const base = siteUrl + article.path;
  return cdataHtml(renderToString(<Body doc={absoluteDoc(article.body, base)} related={related} />));
}

/** The same summaries with absolute paths, for Body's "Read also" links. */
export function absoluteRelated(related: ArticleSummary[], siteUrl: string): Map<number, ArticleSummary> {
  return new Map(related.map((a) => [a.id, { ...a, path: absoluteUrl(a.path, siteUrl) }]));
}

function absoluteDoc(doc: BodyDoc, base: string): BodyDoc {
  return { ...doc, content: doc.content.map((block) => absoluteBlock(block, base)) };
}

function absoluteBlock(block: Block, base: string): Block {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { ...block, content: absoluteInlines(block.content, base) };
    case 'blockquote':
      return {
        ...block,
        content: block.content.map((p) => ({ ...p, content: absoluteInlines(p.content, base) })),
      };
    case 'bulletList':
    case 'orderedList':
      return {
        ...block,
        content: block.content.map((item) => ({
          ...item,
          content: item.content.map((p) => ({ ...p, content: absoluteInlines(p.content, base) })),
        })),
      };
    case 'image':
      return { ...block, attrs: { ...block.attrs, src: absoluteUrl(block.attrs.src, base) } };
    case 'relatedArticle':
      return block;
  }
}

function absoluteInlines(content: Inline[] | undefined, base: string): Inline[] | undefined {
  return content?.map((node) =>
    node.type === 'text' && node.marks
      ? {
          ...node,
          marks: node.marks.map((mark) =>
            mark.type === 'link' ? { ...mark, attrs: { href: absoluteUrl(mark.attrs.href, base) } } : mark,
          ),
        }
      : node,
  );
}
