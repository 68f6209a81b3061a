import type { AnyExtension, Editor, JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import Blockquote from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
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
  return { type: 'doc', content };
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
