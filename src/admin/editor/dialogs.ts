import type { Editor } from '@tiptap/core';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
import { insertBlock } from './body-schema.js';
import { byId } from './dom.js';
import type { FigureAttrs } from './figure.js';
import { headlinePicker, rememberHeadlines } from './headlines.js';
import { mountMediaLibrary } from './media.js';

/** Opens a modal dialog; when it closes, the cursor goes back to the body. */
function openDialog(dialog: HTMLDialogElement, editor: Editor): void {
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', () => editor.commands.focus(), { once: true });
}

/** "Cancel" buttons are plain buttons, so that Enter in a field applies rather than cancels. */
function bindCancel(dialog: HTMLDialogElement): void {
  for (const button of Array.from(dialog.querySelectorAll('[data-close]')))
    button.addEventListener('click', () => dialog.close());
}

function showError(el: HTMLElement, message: string, field: HTMLInputElement): void {
  el.textContent = message;
  el.hidden = false;
  field.setAttribute('aria-invalid', 'true');
  field.focus();
}

function clearError(el: HTMLElement, ...fields: HTMLInputElement[]): void {
  el.hidden = true;
  el.textContent = '';
  for (const f of fields) f.removeAttribute('aria-invalid');
}

/**
 * What editors type as an address: `example.org/x` means https, `name@example.org`
 * means mailto; site paths stay relative.
 */
export function normaliseHref(raw: string): string {
  const href = raw.trim();
  if (!href || href.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) return `mailto:${href}`;
  return `https://${href}`;
}

export function linkDialog(editor: Editor): () => void {
  const dialog = byId<HTMLDialogElement>('link-dialog');
  const href = byId<HTMLInputElement>('link-href');
  const text = byId<HTMLInputElement>('link-text');
  const textField = byId('link-text-field');
  const error = byId('link-error');
  const form = dialog.querySelector('form')!;
  bindCancel(dialog);

  form.addEventListener('submit', (event) => {
    const url = normaliseHref(href.value);
    if (!url || !isSafeUrl(url, true)) {
      event.preventDefault();
      showError(
        error,
        'Use an address starting with https://, a path on this site such as /articles/…, or an email address.',
        href,
      );
      return;
    }
    const chain = editor.chain().focus();
    if (!textField.hidden && text.value.trim())
      chain
        .insertContent({
          type: 'text',
          text: text.value.trim(),
          marks: [{ type: 'link', attrs: { href: url } }],
        })
        .run();
    else chain.extendMarkRange('link').setLink({ href: url }).run();
  });
  byId('link-remove').addEventListener('click', () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    dialog.close();
  });

  return () => {
    const current = editor.getAttributes('link').href as string | undefined;
    const empty = editor.state.selection.empty && !current;
    href.value = current ?? '';
    text.value = '';
    textField.hidden = !empty;
    byId('link-remove').hidden = !current;
    clearError(error, href);
    openDialog(dialog, editor);
  };
}

export function imageDialog(editor: Editor): (attrs?: FigureAttrs, pos?: number) => void {
  const dialog = byId<HTMLDialogElement>('image-dialog');
  const fields = {
    src: byId<HTMLInputElement>('image-src'),
    alt: byId<HTMLInputElement>('image-alt'),
    caption: byId<HTMLInputElement>('image-caption'),
    credit: byId<HTMLInputElement>('image-credit'),
  };
  const error = byId('image-error');
  const insert = byId('image-insert');
  let editing: number | undefined;
  /** The library image chosen, while its address is still the one in the field. */
  let fromLibrary: { id: number; src: string } | undefined;
  bindCancel(dialog);

  const openLibrary = mountMediaLibrary(byId('media-library'), (chosen) => {
    fields.src.value = chosen.src;
    fromLibrary = { id: chosen.mediaId, src: chosen.src };
    if (chosen.alt && !fields.alt.value) fields.alt.value = chosen.alt;
    if (chosen.caption && !fields.caption.value) fields.caption.value = chosen.caption;
    if (chosen.credit && !fields.credit.value) fields.credit.value = chosen.credit;
  });

  dialog.querySelector('form')!.addEventListener('submit', (event) => {
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
    const attrs: FigureAttrs = {
      src,
      alt: fields.alt.value.trim(),
      caption: fields.caption.value.trim(),
      credit: fields.credit.value.trim(),
      mediaId: fromLibrary?.src === src ? fromLibrary.id : null,
    };
    if (editing !== undefined) {
      const pos = editing;
      editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, attrs));
    } else {
      insertBlock(editor, { type: 'image', attrs });
    }
  });

  return (attrs, pos) => {
    editing = pos;
    fromLibrary = attrs?.mediaId ? { id: attrs.mediaId, src: attrs.src } : undefined;
    fields.src.value = attrs?.src ?? '';
    fields.alt.value = attrs?.alt ?? '';
    fields.caption.value = attrs?.caption ?? '';
    fields.credit.value = attrs?.credit ?? '';
    insert.textContent = pos === undefined ? 'Insert image' : 'Save image';
    clearError(error, fields.src);
    openDialog(dialog, editor);
    openLibrary();
  };
}

export function relatedDialog(editor: Editor, ownId: () => number | null): () => void {
  const dialog = byId<HTMLDialogElement>('related-dialog');
  bindCancel(dialog);
  const picker = headlinePicker({
    input: byId<HTMLInputElement>('related-search'),
    results: byId('related-results'),
    exclude: () => [ownId() ?? 0],
    onPick: (article) => {
      rememberHeadlines([article]);
      dialog.close();
      insertBlock(editor, { type: 'relatedArticle', attrs: { articleId: article.id } });
    },
  });
  return () => {
    picker.clear();
    openDialog(dialog, editor);
  };
}
