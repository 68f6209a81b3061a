import type { Editor } from '@tiptap/core';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
import { insertBlock } from './body-schema.js';
import { bindCancel, clearError, openDialog, showError } from './dialogs.js';
import { byId } from './dom.js';
import type { LibraryImage } from './editor-data.js';
import type { FigureAttrs } from './figure.js';
import { mountMediaLibrary } from './media.js';

export interface ImageDialog {
  /** An image in the body: a new one, or the figure at `pos` with its `attrs`. */
  figure(attrs?: FigureAttrs, pos?: number): void;
  /** The featured image: `choose` gets the library image picked; the keyboard returns to `returnTo`. */
  featured(current: LibraryImage | null, choose: (image: LibraryImage) => void, returnTo: HTMLElement): void;
}

/**
 * The Image dialog around the page's one media library, in the two uses
 * WordPress's media modal has:
 * - an image in the body: the library fills the address and, where nothing
 *   is typed yet, the figure's own alternative text, caption and credit;
 * - the featured image: the library alone, since the reader page shows the
 *   library's own alternative text, caption and credit for it.
 */
export function imageDialog(editor: Editor): ImageDialog {
  const dialog = byId<HTMLDialogElement>('image-dialog');
  const fields = {
    src: byId<HTMLInputElement>('image-src'),
    alt: byId<HTMLInputElement>('image-alt'),
    caption: byId<HTMLInputElement>('image-caption'),
    credit: byId<HTMLInputElement>('image-credit'),
  };
  const error = byId('image-error');
  const submit = byId('image-insert');
  const library = mountMediaLibrary(byId('media-library'));
  /** What the dialog's button does in the use it was opened for. */
  let onSubmit: (event: SubmitEvent) => void = () => {};
  bindCancel(dialog);
  dialog.querySelector('form')!.addEventListener('submit', (event) => onSubmit(event));

  const show = (use: 'figure' | 'featured', button: string) => {
    byId('image-dialog-title').textContent = use === 'figure' ? 'Image' : 'Featured image';
    byId('image-fields').hidden = use !== 'figure';
    byId('image-featured-note').hidden = use !== 'featured';
    submit.textContent = button;
    clearError(error, fields.src);
  };

  const figure = (attrs?: FigureAttrs, pos?: number) => {
    /** The library image chosen, while its address is still the one in the field. */
    let fromLibrary = attrs?.mediaId ? { id: attrs.mediaId, src: attrs.src } : undefined;
    fields.src.value = attrs?.src ?? '';
    fields.alt.value = attrs?.alt ?? '';
    fields.caption.value = attrs?.caption ?? '';
    fields.credit.value = attrs?.credit ?? '';
    onSubmit = (event) => {
      const src = fields.src.value.trim();
      if (!src || !isSafeUrl(src, false)) {
        event.preventDefault();
        showError(
          error,
          'Image address: use one starting with https:// or a path on this site such as /media/….',
          fields.src,
        );
        return;
      }
      const next: FigureAttrs = {
        src,
        alt: fields.alt.value.trim(),
        caption: fields.caption.value.trim(),
        credit: fields.credit.value.trim(),
        mediaId: fromLibrary?.src === src ? fromLibrary.id : null,
      };
      if (pos !== undefined) editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, next));
      else insertBlock(editor, { type: 'image', attrs: next });
    };
    show('figure', pos === undefined ? 'Insert image' : 'Save image');
    openDialog(dialog, () => editor.commands.focus());
    library.open({
      selected: attrs?.mediaId ?? null,
      choose: (chosen) => {
        fields.src.value = chosen.src;
        fromLibrary = { id: chosen.id, src: chosen.src };
        if (chosen.alt && !fields.alt.value) fields.alt.value = chosen.alt;
        if (chosen.caption && !fields.caption.value) fields.caption.value = chosen.caption;
        if (chosen.credit && !fields.credit.value) fields.credit.value = chosen.credit;
      },
      uploaded: (name) => `${name} uploaded: add its alternative text below.`,
    });
  };

  const featured = (
    current: LibraryImage | null,
    choose: (image: LibraryImage) => void,
    returnTo: HTMLElement,
  ) => {
    let picked = current;
    onSubmit = (event) => {
      if (picked) return choose(picked);
      event.preventDefault();
      showError(error, 'Choose an image from the library, or upload one.');
    };
    show('featured', 'Set featured image');
    openDialog(dialog, () => returnTo.focus());
    library.open({
      selected: current?.id ?? null,
      choose: (image) => {
        picked = image;
        clearError(error);
      },
      uploaded: (name) =>
        `${name} uploaded. Give it alternative text in the media library: readers who cannot see it rely on it.`,
    });
  };

  return { figure, featured };
}
