import type { Editor } from '@tiptap/core';
import { isSafeUrl } from '../../content/body/body.sanitise.js';
import { insertBlock } from './body-schema.js';
import { byId } from './dom.js';
import { headlinePicker, rememberHeadlines } from './headlines.js';

/** Opens a modal dialog; when it closes, the keyboard goes back where the editor was (the body, by default). */
export function openDialog(dialog: HTMLDialogElement, returnFocus: () => void): void {
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', returnFocus, { once: true });
}

/** "Cancel" buttons are plain buttons, so that Enter in a field applies rather than cancels. */
export function bindCancel(dialog: HTMLDialogElement): void {
  for (const button of Array.from(dialog.querySelectorAll('[data-close]')))
    button.addEventListener('click', () => dialog.close());
}

/** Shows a dialog's error; `field`, when the error is about one, is marked and focused. */
export function showError(el: HTMLElement, message: string, field?: HTMLInputElement): void {
  el.textContent = message;
  el.hidden = false;
  field?.setAttribute('aria-invalid', 'true');
  field?.focus();
}

export function clearError(el: HTMLElement, ...fields: HTMLInputElement[]): void {
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
    openDialog(dialog, () => editor.commands.focus());
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
    openDialog(dialog, () => editor.commands.focus());
  };
}
