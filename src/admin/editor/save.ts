import { formatDate } from '../../lib/dateline.js';
import { slugify } from '../../lib/slugify.js';
import { api, type ApiError } from './api.js';
import { byId, debounce, h } from './dom.js';
import { actionsFor, STATUS_LABELS, statusFor, type EditorAction } from './editor-actions.js';
import type { ArticleJson, EditorData } from './editor-data.js';
import type { ArticleForm, Fields } from './form.js';

interface SaveOptions {
  /** An autosave: skipped unless the article is a draft with unsaved changes. */
  auto?: boolean;
  /** Sent with `keepalive`, to finish after the page is gone. */
  keepalive?: boolean;
  /** Save over someone else's version (after an edit conflict, when the editor chose to). */
  overwriteVersion?: number;
}

/** How long after the last change a draft saves itself. */
const AUTOSAVE_MS = 3000;

/**
 * Saving, through the admin API, in order (one request at a time, each with
 * the version the previous one returned):
 * - drafts save themselves 3 s after the last change and when the page is left;
 * - anything readers can see, or may soon see, is saved only by a button;
 * - a save refused because someone else saved first keeps the editor's work
 *   and offers to open theirs or to save over it.
 */
export class Saver {
  article: ArticleJson | null;
  #saved: string;
  #queue: Promise<void> = Promise.resolve();
  #failed = false;
  #conflict: { action: EditorAction; currentVersion: number } | null = null;
  #clockOffset: number;
  readonly #autosave = debounce(() => void this.save('save-draft', { auto: true }), AUTOSAVE_MS);
  readonly #state = byId('save-state');
  readonly #error = byId('save-error');

  constructor(
    readonly data: EditorData,
    readonly form: ArticleForm,
    readonly onSaved: (article: ArticleJson, created: boolean) => void,
  ) {
    this.article = data.article;
    this.#saved = JSON.stringify(form.collect());
    this.#clockOffset = Date.parse(data.serverNow) - Date.now();
    this.#bindConflict();
    this.#bindLeaving();
    this.renderActions();
    this.#show(
      data.article
        ? `${STATUS_LABELS[data.article.status]} · version ${data.article.version}`
        : 'Not saved yet',
    );
  }

  /** The server's clock, as near as the browser can tell. */
  now(): Date {
    return new Date(Date.now() + this.#clockOffset);
  }

  get status() {
    return this.article?.status ?? null;
  }

  dirty(): boolean {
    return JSON.stringify(this.form.collect()) !== this.#saved;
  }

  /** Only drafts save themselves: anything else could change what readers see. */
  autosaves(): boolean {
    return this.data.canEdit && (this.status === null || this.status === 'draft') && !this.#conflict;
  }

  #ready(fields: Fields): boolean {
    return fields.title.trim() !== '' && fields.section !== '';
  }

  /** After every change: says whether there is unsaved work, and schedules a draft's autosave. */
  changed(): void {
    if (!this.data.canEdit || this.#conflict) return;
    this.renderActions();
    if (!this.dirty()) {
      this.#autosave.cancel();
      return;
    }
    if (!this.autosaves()) {
      this.#show(`Unsaved changes: press ${this.#primaryLabel()} to keep them`, 'dirty');
      return;
    }
    if (!this.#ready(this.form.collect())) {
      this.#show('Not saved yet: a draft needs a headline and a section', 'dirty');
      return;
    }
    if (!this.#failed) this.#show('Unsaved changes', 'dirty');
    this.#autosave();
  }

  #primaryLabel(): string {
    const buttons = this.#buttons();
    return (buttons.find((b) => b.kind === 'primary') ?? buttons[0])?.label ?? 'Save';
  }

  #buttons() {
    let future = false;
    try {
      const at = this.form.publishTime();
      future = at !== null && Date.parse(at) > this.now().getTime();
    } catch {
      // A half-typed time: decided when it is complete.
    }
    return actionsFor({
      status: this.status,
      canEdit: this.data.canEdit,
      canPublish: this.data.canPublish,
      future,
    });
  }

  /** The buttons under "Publish" for the status and publish time now. */
  renderActions(): void {
    const box = byId('actions');
    const buttons = this.#buttons();
    const now = Array.from(box.querySelectorAll<HTMLButtonElement>('button')).map(
      (b) => `${b.dataset.action}:${b.className}`,
    );
    const next = buttons.map((b) => `${b.action}:button button--${b.kind}`);
    if (now.join() === next.join()) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.action;
    box.replaceChildren(
      ...buttons.map((b) =>
        h('button', { type: 'button', class: `button button--${b.kind}`, 'data-action': b.action }, b.label),
      ),
    );
    if (focused) box.querySelector<HTMLElement>(`[data-action="${focused}"]`)?.focus();
  }

  /** The save behind Ctrl+S: the first button that does not change what readers see. */
  quickSave(): void {
    const action = this.#buttons().find((b) => ['save-draft', 'save', 'update'].includes(b.action))?.action;
    if (action) void this.save(action);
  }

  save(action: EditorAction, options: SaveOptions = {}): Promise<void> {
    if (!options.auto) this.#autosave.cancel();
    const run = () => this.#run(action, options);
    this.#queue = this.#queue.then(run, run);
    return this.#queue;
  }

  async #run(action: EditorAction, options: SaveOptions): Promise<void> {
    const fields = this.form.collect();
    if (options.auto && (!this.autosaves() || !this.dirty() || !this.#ready(fields))) return;
    if (action === 'unpublish' && !window.confirm('Unpublish this article? Readers will no longer see it.'))
      return;
    let publishedAt: string | null;
    try {
      publishedAt = this.form.publishTime();
    } catch {
      return this.#fail(
        {
          status: 400,
          code: 'INVALID_INPUT',
          message: `publishedAt: "${fields.publishedAt}" is not a date and time`,
        },
        !options.auto,
      );
    }
    if (
      action === 'publish-now' ||
      (action === 'publish' && publishedAt === null && this.article?.publishedAt)
    )
      publishedAt = this.now().toISOString();
    if (action === 'schedule' && publishedAt === null)
      return this.#fail(
        { status: 400, code: 'INVALID_INPUT', message: 'publishedAt: choose the time to publish at' },
        true,
      );
    const payload = {
      ...fields,
      slug: this.form.slugToSend(fields, this.article),
      status: statusFor(action, this.status),
      publishedAt,
      // Only "Save mine over it" sends the newer version: any other save after a conflict meets it again.
      ...(this.article ? { version: options.overwriteVersion ?? this.article.version } : {}),
    };
    this.#conflict = null;
    byId('conflict').hidden = true;
    this.#show(options.auto ? 'Saving…' : `${progress(action)}…`, 'busy');
    this.#setBusy(!options.auto);
    let result = await this.#send(payload, options.keepalive);
    // A headline-following slug can meet another article's: give it this article's id.
    if (!result.ok && result.error.code === 'SLUG_TAKEN' && !this.form.slugEdited && this.article)
      result = await this.#send(
        { ...payload, slug: `${slugify(fields.title)}-${this.article.id}` },
        options.keepalive,
      );
    this.#setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'EDIT_CONFLICT') return this.#showConflict(action, result.error);
      return this.#fail(result.error, !options.auto);
    }
    const created = this.article === null;
    this.article = result.data;
    this.#failed = false;
    this.form.clearErrors();
    this.#error.hidden = true;
    if (JSON.stringify(this.form.collect()) === JSON.stringify(fields)) {
      this.form.adopt(result.data, fields, fields);
      this.#saved = JSON.stringify(this.form.collect());
    } else {
      this.#saved = JSON.stringify(fields);
    }
    this.renderActions();
    this.onSaved(result.data, created);
    this.#show(this.#savedMessage(action, result.data), this.dirty() ? 'dirty' : 'saved');
    if (this.dirty()) this.changed();
  }

  #send(payload: Record<string, unknown>, keepalive = false) {
    // Browsers refuse keepalive bodies over 64 KB; a long article then saves the ordinary way.
    const small = JSON.stringify(payload).length < 60_000;
    return this.article
      ? api<ArticleJson>('PUT', `/api/admin/articles/${this.article.id}`, payload, {
          keepalive: keepalive && small,
        })
      : api<ArticleJson>('POST', '/api/admin/articles', payload, { keepalive: keepalive && small });
  }

  #savedMessage(action: EditorAction, saved: ArticleJson): string {
    const at = formatDate(this.now(), this.data.timeZone, 'HH:mm');
    switch (saved.status) {
      case 'scheduled':
        return `Scheduled for ${formatDate(saved.publishedAt!, this.data.timeZone, 'D MMM YYYY, HH:mm')} (${this.data.timeZone})`;
      case 'published':
        return action === 'update' ? `Updated at ${at}: readers see the changes` : `Published at ${at}`;
      case 'review':
        return action === 'submit' ? `Submitted for review at ${at}` : `Saved at ${at}`;
      case 'unpublished':
        return action === 'unpublish' ? `Unpublished at ${at}: readers no longer see it` : `Saved at ${at}`;
      default:
        return `Saved at ${at}`;
    }
  }

  #fail(error: ApiError, focus: boolean): void {
    this.#failed = true;
    let message: string;
    if (error.code === 'CSRF_INVALID')
      message =
        'Not saved: this page’s security token is no longer valid. Copy your text somewhere safe, reload the page, and save again.';
    else if (error.status === 401)
      message = 'Not saved: you have been signed out. Sign in again in another tab, then save here again.';
    else if (error.status === 403)
      message = `Not saved: your role (${this.data.user.role}) does not allow this. The server said: ${error.message}.`;
    else message = `Not saved: ${this.form.markError(error.message, focus)}`;
    this.#error.replaceChildren(message);
    if (error.status === 401)
      this.#error.append(' ', h('a', { href: '/admin/login', target: '_blank', rel: 'noopener' }, 'Sign in'));
    this.#error.hidden = false;
    this.#show('Not saved', 'error');
  }

  #showConflict(action: EditorAction, error: ApiError): void {
    const details = error.details ?? {};
    const currentVersion = Number(details.currentVersion);
    this.#conflict = { action, currentVersion };
    this.#autosave.cancel();
    const who = typeof details.updatedByName === 'string' ? ` by ${details.updatedByName}` : '';
    const when =
      typeof details.updatedAt === 'string'
        ? ` at ${formatDate(details.updatedAt, this.data.timeZone, 'D MMM YYYY, HH:mm')}`
        : '';
    byId('conflict-message').textContent =
      `Someone else saved this article${who}${when} (version ${currentVersion}) after you opened it. ` +
      'Your changes are still here and have not been saved.';
    byId<HTMLAnchorElement>('conflict-open').href = `/admin/articles/${this.article!.id}/edit`;
    byId('conflict').hidden = false;
    this.#show('Not saved: edit conflict', 'error');
  }

  #bindConflict(): void {
    byId('conflict-overwrite').addEventListener('click', () => {
      if (!this.#conflict) return;
      const { action, currentVersion } = this.#conflict;
      void this.save(action, { overwriteVersion: currentVersion });
    });
  }

  /** Leaving: a draft saves on the way out; other unsaved work makes the browser ask first. */
  #bindLeaving(): void {
    const flush = () => {
      if (this.autosaves() && this.dirty() && this.#ready(this.form.collect()))
        void this.save('save-draft', { auto: true, keepalive: true });
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    window.addEventListener('beforeunload', (event) => {
      if (!this.dirty()) return;
      if (this.autosaves() && !this.#failed && this.#ready(this.form.collect())) return;
      event.preventDefault();
      event.returnValue = '';
    });
  }

  #setBusy(busy: boolean): void {
    const box = byId('actions');
    box.setAttribute('aria-busy', String(busy));
    for (const b of Array.from(box.querySelectorAll('button'))) b.disabled = busy;
  }

  #show(text: string, kind: 'saved' | 'dirty' | 'busy' | 'error' | 'idle' = 'idle'): void {
    this.#state.textContent = text;
    this.#state.dataset.kind = kind;
  }
}

function progress(action: EditorAction): string {
  switch (action) {
    case 'publish':
    case 'publish-now':
      return 'Publishing';
    case 'schedule':
      return 'Scheduling';
    case 'unpublish':
      return 'Unpublishing';
    case 'submit':
      return 'Submitting';
    default:
      return 'Saving';
  }
}
