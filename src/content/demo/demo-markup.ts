import type { Block, BodyDoc, Inline, Mark, Paragraph } from '../body/body.types.js';

/**
 * Turns the demo's compact markup (see demo.types.ts) into a body document.
 * `resolve` gives the article id of a `[[related:key]]` block's target.
 */
export function markupToDoc(markup: string, resolve: (key: string) => number | undefined): BodyDoc {
  const content: Block[] = [];
  for (const chunk of markup.trim().split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    const first = lines[0];
    const related = /^\[\[related:([a-z0-9-]+)\]\]$/.exec(first);
    if (related) {
      const id = resolve(related[1]);
      if (id === undefined) throw new Error(`demo markup: no article with key "${related[1]}"`);
      content.push({ type: 'relatedArticle', attrs: { articleId: id } });
    } else if (first.startsWith('### ') || first.startsWith('## ')) {
      const level = first.startsWith('### ') ? 3 : 2;
      content.push({ type: 'heading', attrs: { level }, content: inlines(first.replace(/^#+\s+/, '')) });
    } else if (first.startsWith('>')) {
      content.push({
        type: 'blockquote',
        content: [paragraph(lines.map((l) => l.replace(/^>\s?/, '')).join(' '))],
      });
    } else if (/^- /.test(first)) {
      content.push({
        type: 'bulletList',
        content: lines.map((l) => ({ type: 'listItem', content: [paragraph(l.slice(2))] })),
      });
    } else if (/^\d+\. /.test(first)) {
      content.push({
        type: 'orderedList',
        content: lines.map((l) => ({ type: 'listItem', content: [paragraph(l.replace(/^\d+\.\s+/, ''))] })),
      });
    } else {
      content.push(paragraph(lines.join(' ')));
    }
  }
  return { type: 'doc', content };
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', content: inlines(text) };
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    const [, bold, italic, linkText, href] = m;
    const marks: Mark[] = bold
      ? [{ type: 'bold' }]
      : italic
        ? [{ type: 'italic' }]
        : [{ type: 'link', attrs: { href } }];
    out.push({ type: 'text', text: bold ?? italic ?? linkText, marks });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
