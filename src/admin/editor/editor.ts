// The article editor's browser code; see src/admin/editor/README.md.
import { Editor, Extension } from '@tiptap/core';
import { setCsrfToken } from './api.js';
import { bodyExtensions, withoutRemoteImages } from './body-schema.js';
import { stripControl } from '../../lib/text.js';
import { bindCorrections } from './corrections.js';
import { linkDialog, relatedDialog } from './dialogs.js';
import { byId, h } from './dom.js';
import { STATUS_LABELS } from './editor-actions.js';
import type { ArticleJson, EditorData } from './editor-data.js';
import { FeaturedImageField } from './featured-image.js';
import { onEditFigure } from './figure.js';
import { ArticleForm } from './form.js';
import { rememberHeadlines } from './headlines.js';
import { imageDialog } from './image-dialog.js';
import { Saver } from './save.js';
import { bindSeoCount, bindSuggestions, PicksField, TagsField } from './sidebar.js';
import { bindToolbar } from './toolbar.js';

function start(): void {
  const data = JSON.parse(byId('editor-data').textContent ?? '{}') as EditorData;
  setCsrfToken(data.csrfToken);
  rememberHeadlines(data.headlines);
  const formEl = byId<HTMLFormElement>('article-form');
  // Every button here is handled in script; Enter in a field must never submit the page.
  formEl.addEventListener('submit', (event) => event.preventDefault());

  // Closures below may refer to `saver` and `suggestions`: both exist before any of them can run.
  const changed = (): void => saver.changed();
  const ownId = (): number | null => saver.article?.id ?? null;

  let openLink = () => {};
  const shortcuts = Extension.create({
    name: 'editorShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        openLink();
        return true;
      },
      'Mod-s': () => {
        saver.quickSave();
        return true;
      },
    }),
  });
  const editor = new Editor({
    element: byId('body-editor'),
    extensions: [...bodyExtensions(), shortcuts],
    content: data.article?.body ?? { type: 'doc', content: [{ type: 'paragraph' }] },
    editable: data.canEdit,
    // The policy allows no inline style: TipTap's few rules are in admin.css.
    injectCSS: false,
    editorProps: {
      // What the server refuses is never pasted in: control characters, and pictures from other sites
      // (loading them would tell those sites who is editing what, before anyone chose to).
      transformPastedText: (text) => stripControl(text),
      transformPastedHTML: (html) => withoutRemoteImages(stripControl(html)),
      attributes: {
        class: 'ed-prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
        spellcheck: 'true',
      },
    },
  });

  const tags = new TagsField(data.article?.tags ?? [], () => {
    suggestions.tagsChanged();
    changed();
  });
  const picks = new PicksField(data.article?.picks ?? [], ownId, changed);
  const images = imageDialog(editor);
  const featuredImage = new FeaturedImageField(data.featuredImage, images, changed);
  const form = new ArticleForm(data, editor, tags, picks, featuredImage);
  const suggestions = bindSuggestions(tags, () => ({
    title: form.title.value,
    lead: form.lead.value,
    body: form.collect().body,
  }));
  const saver = new Saver(data, form, (article, created) => onSaved(article, created, data));

  openLink = linkDialog(editor);
  onEditFigure((attrs, pos) => images.figure(attrs, pos));
  bindToolbar(editor, byId('body-editor').previousElementSibling as HTMLElement, {
    link: openLink,
    image: () => images.figure(),
    related: relatedDialog(editor, ownId),
  });
  bindSeoCount();
  bindCorrections(ownId, data.timeZone);
  autoGrow(form.title);
  autoGrow(form.lead);

  editor.on('update', () => {
    changed();
    suggestions.textChanged();
  });
  for (const field of [form.title, form.lead])
    field.addEventListener('input', () => suggestions.textChanged());
  formEl.addEventListener('input', changed);
  formEl.addEventListener('change', changed);
  byId('actions').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (button) void saver.save(button.dataset.action as Parameters<Saver['save']>[0]);
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      saver.quickSave();
    }
  });
  // "Schedule" turns into "Publish" when the chosen time passes.
  setInterval(() => saver.renderActions(), 15_000);
  // Read-only for this user: nothing to change, nothing that looks changeable.
  if (!data.canEdit)
    for (const control of Array.from(
      formEl.querySelectorAll<HTMLInputElement>('input, select, textarea, button'),
    ))
      control.disabled = true;
  if (data.article) void suggestions.refresh();
  if (!data.article) form.title.focus();
  formEl.dataset.state = 'ready';
}

/** What a save changes on the page besides the fields: address, status, links. */
function onSaved(article: ArticleJson, created: boolean, data: EditorData): void {
  if (created) {
    history.replaceState(null, '', `/admin/articles/${article.id}/edit`);
    byId('ed-heading').textContent = `Article ${article.id}`;
    for (const link of Array.from(document.querySelectorAll('.admin-nav a'))) {
      if (link.getAttribute('href') === '/admin/articles') link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
  document.title = document.title.replace(/^[^·]*·/, `Edit: ${article.title} ·`);
  const pill = byId('status-pill');
  pill.textContent = STATUS_LABELS[article.status];
  pill.className = `status status--${article.status}`;
  const links = h(
    'p',
    { class: 'ed-links' },
    h('a', { href: `/admin/articles/${article.id}/preview`, target: '_blank', rel: 'noopener' }, 'Preview'),
    h('a', { href: `/admin/articles/${article.id}/revisions` }, 'Revisions'),
    article.status === 'published' ? h('a', { href: article.path }, 'View on site') : null,
  );
  const old = document.querySelector('.ed-links');
  if (old) old.replaceWith(links);
  else byId('actions').after(links);
  byId<HTMLInputElement>('published-at').disabled = !data.canPublish;
}

/** Headline and lead grow with their text instead of scrolling inside a box. */
function autoGrow(field: HTMLTextAreaElement): void {
  const fit = () => {
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight + 2}px`;
  };
  field.addEventListener('input', fit);
  fit();
}

start();
