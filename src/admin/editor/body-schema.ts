import type { AnyExtension, Editor, JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import Blockquote from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
import { stripControl } from '../../lib/text.js';
import { Figure } from './figure.js';
import { RelatedArticle } from './related-article.js';

/**
 * TipTap configured to write exactly the body schema of
 * src/content/body/body.types.ts (checked again by body.sanitise.ts on save):
 * paragraphs, headings 2-3, quotes and lists of paragraphs, bold, italic,
 * safe links, line breaks, figures and related-article blocks. Everything
 * else StarterKit brings is off, so pasted code, strike-through, rules or
 * nested lists become plain paragraphs instead of a refused save.
 */
export function bodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      blockquote: false,
      listItem: false,
      // Its Backspace and Delete handling can build nested lists, which the body schema has no room for.
      listKeymap: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        // Autolinking would also make a link "inclusive": text typed after it would join it.
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isSafeUrl(url, true),
        HTMLAttributes: { target: null, rel: null, class: null },
      },
    }),
    Blockquote.extend({ content: 'paragraph+' }),
    // Items hold paragraphs only: no Tab to nest a list (Tab leaves the editor, as it should for keyboard users).
    ListItem.extend({
      content: 'paragraph+',
      addKeyboardShortcuts() {
        return {
          Enter: () => this.editor.commands.splitListItem(this.name),
          'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
        };
      },
    }),
    Figure,
    RelatedArticle,
  ];
}

/**
 * The document to send: the editor's JSON without the empty paragraphs it
 * keeps at the end for the cursor.
 */
export function bodyForSave(doc: JSONContent): JSONContent {
  const content = [...(doc.content ?? [])];
  while (content.length && content.at(-1)!.type === 'paragraph' && !content.at(-1)!.content?.length)
    content.pop();
  return { type: 'doc', content: content.map(inSchema) };
}

/** The attributes each node and mark has in the body schema; TipTap's others (a list's `start`, a link's `target`) are not sent. */
const SCHEMA_ATTRS: Record<string, readonly string[]> = {
  heading: ['level'],
  image: ['src', 'alt', 'caption', 'credit', 'mediaId'],
  relatedArticle: ['articleId'],
  link: ['href'],
};

/** A node as the body schema has it: its schema's attributes (null ones left out), its marks and content likewise. */
function inSchema(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type };
  const attrs = Object.fromEntries(
    (SCHEMA_ATTRS[node.type ?? ''] ?? [])
      .map((name) => [name, node.attrs?.[name]])
      .filter(([, value]) => value !== null && value !== undefined),
  );
  if (Object.keys(attrs).length) out.attrs = attrs;
  // Characters the server refuses (pasted, or typed as entities) are left out; a line break carries no marks.
  if (node.text !== undefined) out.text = stripControl(node.text);
  if (node.marks?.length && node.type !== 'hardBreak')
    out.marks = node.marks.map((m) => inSchema(m) as NonNullable<JSONContent['marks']>[number]);
  if (node.content) out.content = node.content.map(inSchema);
  return out;
}

/**
 * Inserts a figure or related block at the cursor and leaves the cursor in
 * the paragraph after it (creating one if needed), so that the next insert
 * or keystroke does not replace the block just added.
 */
export function insertBlock(editor: Editor, node: JSONContent): void {
  editor.chain().focus().insertContent(node).run();
  const { selection, doc } = editor.state;
  if (!(selection instanceof NodeSelection)) return;
  const after = selection.to;
  if (doc.resolve(after).nodeAfter?.isTextblock)
    editor
      .chain()
      .setTextSelection(after + 1)
      .scrollIntoView()
      .run();
  else
    editor
      .chain()
      .insertContentAt(after, { type: 'paragraph' })
      .setTextSelection(after + 1)
      .scrollIntoView()
      .run();
}

/**
 * Pasted HTML without pictures from other sites: the editor would load them
 * at once. Pictures of this site stay; another is inserted on purpose,
 * through the Image dialog. Parsed in an inert document, which loads nothing.
 */
export function withoutRemoteImages(html: string): string {
  if (!/<(img|picture|source)\b/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('img, picture source').forEach((el) => {
    const src = el.getAttribute('src') ?? '';
    el.removeAttribute('srcset');
    let local = false;
    try {
      local = src !== '' && new URL(src, location.href).origin === location.origin;
    } catch {
      local = false;
    }
    if (!local) el.remove();
  });
  return doc.body.innerHTML;
}
