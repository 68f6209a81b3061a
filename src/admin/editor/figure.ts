import type { NodeViewRendererProps } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import type { Node as PmNode } from '@tiptap/pm/model';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
import { h } from './dom.js';

export interface FigureAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  /** The media library's id when the image came from it, so readers get its stored sizes. */
  mediaId?: number | null;
}

/** Asks the page to open the image dialog for this figure (set by editor.ts). */
export let editFigure: (attrs: FigureAttrs, pos: number) => void = () => {};
export function onEditFigure(fn: typeof editFigure): void {
  editFigure = fn;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();

/**
 * The body's `image` node: {src, alt, caption, credit, mediaId?}, a block, shown as a
 * figure whose caption, credit and alternative text are edited in place.
 * Only http(s) and site-relative sources are taken, also from pasted HTML.
 */
export const Figure = Image.extend({
  addOptions() {
    return { ...this.parent!(), inline: false, allowBase64: false, resize: false as const };
  },
  addAttributes() {
    // Read by parseHTML below and written by renderHTML, never as attributes of their own
    // (an attribute's own parseHTML result would override the rule's; null leaves it be).
    const plain = () => ({ default: '', parseHTML: () => null, renderHTML: () => ({}) });
    return {
      src: plain(),
      alt: plain(),
      caption: plain(),
      credit: plain(),
      mediaId: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (node) => {
          const img = (node as HTMLElement).querySelector('img');
          const src = img?.getAttribute('src') ?? '';
          if (!src || !isSafeUrl(src, false)) return false;
          const figcaption = (node as HTMLElement).querySelector('figcaption');
          const creditEl = figcaption?.querySelector('[data-credit], .figure__credit');
          const captionEl = figcaption?.querySelector('[data-caption]');
          const credit = text(creditEl);
          const caption = captionEl ? text(captionEl) : text(figcaption).replace(credit, '').trim();
          return { src, alt: img?.getAttribute('alt') ?? '', caption, credit };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (node) => {
          const src = (node as HTMLElement).getAttribute('src') ?? '';
          return src && isSafeUrl(src, false)
            ? { src, alt: (node as HTMLElement).getAttribute('alt') ?? '' }
            : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs;
    return [
      'figure',
      { class: 'figure' },
      ['img', { src: a.src, alt: a.alt }],
      [
        'figcaption',
        {},
        ['span', { 'data-caption': '' }, a.caption],
        ' ',
        ['span', { 'data-credit': '' }, a.credit],
      ],
    ];
  },
  // No markdown-style `![alt](src)` shortcut: an image is inserted through its dialog.
  addInputRules() {
    return [];
  },
  addNodeView() {
    return (props) => new FigureView(props);
  },
});

/** The figure in the editor: the image, and fields for its caption, credit and alternative text. */
class FigureView {
  readonly dom: HTMLElement;
  readonly #img: HTMLImageElement;
  readonly #fields: Record<'caption' | 'credit' | 'alt', HTMLInputElement>;
  #node: PmNode;

  constructor(readonly props: NodeViewRendererProps) {
    this.#node = props.node;
    const field = (name: 'caption' | 'credit' | 'alt', label: string, placeholder: string) =>
      h('input', {
        type: 'text',
        placeholder,
        maxlength: 2000,
        oninput: (event: Event) => this.#set(name, (event.target as HTMLInputElement).value),
      });
    this.#fields = {
      caption: field('caption', 'Caption', 'What the picture shows, for readers'),
      credit: field('credit', 'Credit', 'Photo: …'),
      alt: field('alt', 'Alt text', 'For people who cannot see the image'),
    };
    const labelled = (name: 'caption' | 'credit' | 'alt', label: string) =>
      h(
        'label',
        { class: `ed-figure__field ed-figure__field--${name}` },
        h('span', {}, label),
        this.#fields[name],
      );
    this.#img = h('img', { alt: '' });
    this.dom = h(
      'figure',
      { class: 'ed-figure', contenteditable: 'false', 'data-drag-handle': '' },
      h(
        'div',
        { class: 'ed-figure__media' },
        this.#img,
        h(
          'div',
          { class: 'ed-figure__tools' },
          h(
            'button',
            { type: 'button', class: 'ed-chip-button', onclick: () => this.#edit() },
            'Change image',
          ),
          h('button', { type: 'button', class: 'ed-chip-button', onclick: () => this.#remove() }, 'Remove'),
        ),
      ),
      h(
        'figcaption',
        { class: 'ed-figure__fields' },
        labelled('caption', 'Caption'),
        labelled('credit', 'Credit'),
        labelled('alt', 'Alt text'),
      ),
    );
    this.#render();
  }

  #attrs(): FigureAttrs {
    return this.#node.attrs as FigureAttrs;
  }

  #render() {
    const a = this.#attrs();
    if (this.#img.getAttribute('src') !== a.src) this.#img.setAttribute('src', a.src);
    this.#img.alt = a.alt;
    for (const name of ['caption', 'credit', 'alt'] as const) {
      const input = this.#fields[name];
      if (document.activeElement !== input && input.value !== a[name]) input.value = a[name];
    }
  }

  #set(name: keyof FigureAttrs, value: string) {
    const pos = this.props.getPos();
    if (pos === undefined) return;
    const { view } = this.props.editor;
    view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...this.#attrs(), [name]: value }));
  }

  #edit() {
    const pos = this.props.getPos();
    if (pos !== undefined) editFigure(this.#attrs(), pos);
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
    this.#node = node;
    this.#render();
    return true;
  }

  selectNode() {
    this.dom.classList.add('is-selected');
  }

  deselectNode() {
    this.dom.classList.remove('is-selected');
  }

  /** The fields and buttons handle their own events; ProseMirror must not treat them as editing. */
  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    return Boolean(target?.closest('input, button'));
  }

  ignoreMutation(): boolean {
    return true;
  }
}
