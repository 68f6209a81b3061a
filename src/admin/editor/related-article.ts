import { Node, type NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { h } from './dom.js';
import { headline, STATUS_NOTE } from './headlines.js';

/**
 * The body's `relatedArticle` node: a block pointing at another article by
 * id. Readers see that article's current headline; so does the editor.
 */
export const RelatedArticle = Node.create({
  name: 'relatedArticle',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      articleId: {
        default: null,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-article-id')) || null,
        renderHTML: (attrs: { articleId: number | null }) => ({ 'data-article-id': attrs.articleId }),
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'aside[data-related-article]',
        getAttrs: (el) => (Number((el as HTMLElement).getAttribute('data-article-id')) > 0 ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'aside',
      { 'data-related-article': '', ...HTMLAttributes },
      `Read also: article ${HTMLAttributes['data-article-id']}`,
    ];
  },
  addNodeView() {
    return (props) => new RelatedCard(props);
  },
});

/** The block in the editor: "Read also" and the target's headline, with a way to remove it. */
class RelatedCard {
  readonly dom: HTMLElement;
  readonly #title: HTMLElement;
  readonly #note: HTMLElement;
  #node: PmNode;

  constructor(readonly props: NodeViewRendererProps) {
    this.#node = props.node;
    this.#title = h('span', { class: 'ed-related__title' }, '…');
    this.#note = h('span', { class: 'ed-related__note' });
    this.dom = h(
      'aside',
      { class: 'ed-related', contenteditable: 'false', 'data-drag-handle': '' },
      h('span', { class: 'ed-related__label' }, 'Read also'),
      this.#title,
      this.#note,
      h(
        'button',
        { type: 'button', class: 'ed-chip-button ed-related__remove', onclick: () => this.#remove() },
        'Remove',
      ),
    );
    void this.#load();
  }

  async #load() {
    const id = Number(this.#node.attrs.articleId);
    const found = await headline(id);
    if (Number(this.#node.attrs.articleId) !== id) return;
    this.#title.textContent = found ? found.title : `Article ${id} (not found)`;
    this.dom.setAttribute('aria-label', `Related article: ${found?.title ?? id}`);
    const note = found ? STATUS_NOTE[found.status] : undefined;
    this.#note.textContent = !found
      ? 'That article no longer exists: readers will not see this block.'
      : note
        ? `Readers see this block once that article is published (it is ${note}).`
        : '';
    this.dom.classList.toggle('ed-related--hidden', !found || Boolean(note));
  }

  #remove() {
    const pos = this.props.getPos();
    if (pos === undefined) return;
    const { view } = this.props.editor;
    view.dispatch(view.state.tr.delete(pos, pos + this.#node.nodeSize));
    this.props.editor.commands.focus();
  }

  update(node: PmNode): boolean {
    if (node.type !== this.#node.type) return false;
    const changed = node.attrs.articleId !== this.#node.attrs.articleId;
    this.#node = node;
    if (changed) void this.#load();
    return true;
  }

  selectNode() {
    this.dom.classList.add('is-selected');
  }

  deselectNode() {
    this.dom.classList.remove('is-selected');
  }

  stopEvent(event: Event): boolean {
    return Boolean((event.target as HTMLElement | null)?.closest('button'));
  }

  ignoreMutation(): boolean {
    return true;
  }
}
