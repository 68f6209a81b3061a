import { slugify } from '../../lib/slugify.js';
import { api, type FoundHeadline } from './api.js';
import { byId, debounce, h } from './dom.js';
import { headline, headlinePicker, knownHeadline, rememberHeadlines, STATUS_NOTE } from './headlines.js';

/** The article's tags as removable chips; a name differing only in case or accents is the same tag. */
export class TagsField {
  #names: string[];
  readonly #list = byId('tag-chips');
  readonly #input = byId<HTMLInputElement>('tag-new');

  constructor(
    initial: string[],
    readonly onChange: () => void,
  ) {
    this.#names = [...initial];
    this.#render();
    const addTyped = () => {
      for (const name of this.#input.value.split(',')) this.add(name, false);
      this.#input.value = '';
      this.onChange();
    };
    this.#input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ',') {
        event.preventDefault();
        addTyped();
      } else if (event.key === 'Backspace' && !this.#input.value && this.#names.length) {
        this.remove(this.#names.at(-1)!);
      }
    });
    byId('tag-add').addEventListener('click', addTyped);
  }

  names(): string[] {
    return [...this.#names];
  }

  has(name: string): boolean {
    const slug = slugify(name);
    return this.#names.some((n) => slugify(n) === slug);
  }

  set(names: string[]): void {
    this.#names = [...names];
    this.#render();
  }

  add(raw: string, notify = true): void {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (!name || !slugify(name) || this.has(name)) return;
    this.#names.push(name);
    this.#render();
    if (notify) this.onChange();
  }

  remove(name: string): void {
    this.#names = this.#names.filter((n) => n !== name);
    this.#render();
    this.#input.focus();
    this.onChange();
  }

  #render(): void {
    this.#list.replaceChildren(
      ...this.#names.map((name) =>
        h(
          'li',
          { class: 'ed-chip' },
          h('span', {}, name),
          h(
            'button',
            {
              type: 'button',
              class: 'ed-chip__remove',
              'aria-label': `Remove tag ${name}`,
              onclick: () => this.remove(name),
            },
            '×',
          ),
        ),
      ),
    );
    this.#list.hidden = this.#names.length === 0;
  }
}

interface Suggestion {
  name: string;
  existing: boolean;
}

/**
 * "Suggested tags": asks the server what the text is about as the editor
 * writes, and offers each name as one click. Names already on the article are left out.
 */
export function bindSuggestions(tags: TagsField, text: () => { title: string; lead: string; body: unknown }) {
  const list = byId('tag-suggestions');
  const state = byId('suggestions-state');
  let controller: AbortController | undefined;
  let shown: Suggestion[] = [];

  const render = () => {
    const offered = shown.filter((s) => !tags.has(s.name));
    list.replaceChildren(
      ...offered.map((s) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `ed-suggestion${s.existing ? ' ed-suggestion--existing' : ''}`,
              onclick: (event: Event) => accept(s, event.currentTarget as HTMLElement),
            },
            h('span', { class: 'visually-hidden' }, 'Add tag '),
            h('span', { class: 'ed-suggestion__plus', 'aria-hidden': 'true' }, '+'),
            s.name,
            h('span', { class: 'ed-suggestion__kind' }, s.existing ? 'existing' : 'new'),
          ),
        ),
      ),
    );
    if (!offered.length && shown.length) state.textContent = 'All suggestions added.';
  };

  const accept = (s: Suggestion, button: HTMLElement) => {
    const next = (
      button.closest('li')?.nextElementSibling ?? button.closest('li')?.previousElementSibling
    )?.querySelector('button');
    tags.add(s.name);
    render();
    (next ?? byId('tag-new')).focus();
  };

  const refresh = async () => {
    const { title, lead, body } = text();
    if (`${title} ${lead}`.trim().length + JSON.stringify(body).length < 60) {
      state.textContent = 'Suggestions appear as you write.';
      return;
    }
    controller?.abort();
    controller = new AbortController();
    state.textContent = 'Looking for tags…';
    try {
      const result = await api<{ suggestions: Suggestion[] }>(
        'POST',
        '/api/admin/tag-suggestions',
        { title, lead, body, exclude: tags.names() },
        { signal: controller.signal },
      );
      if (!result.ok) {
        state.textContent = `No suggestions: ${result.error.message}`;
        return;
      }
      shown = result.data.suggestions;
      state.textContent = shown.length
        ? 'Click to add. “Existing” tags are already used on the site; “new” ones are created on save.'
        : 'No suggestions for this text yet.';
      render();
    } catch {
      // Replaced by a newer request.
    }
  };

  byId('suggest-refresh').addEventListener('click', () => void refresh());
  const later = debounce(() => void refresh(), 1500);
  return { textChanged: later, refresh, tagsChanged: render };
}

/** Editors' related picks: found by headline, in the order readers see them. */
export class PicksField {
  #ids: number[];
  readonly #list = byId('picks');

  constructor(
    initial: number[],
    readonly ownId: () => number | null,
    readonly onChange: () => void,
  ) {
    this.#ids = [...initial];
    const picker = headlinePicker({
      input: byId<HTMLInputElement>('picks-search'),
      results: byId('picks-results'),
      exclude: () => [...this.#ids, this.ownId() ?? 0],
      onPick: (article: FoundHeadline) => {
        rememberHeadlines([article]);
        this.#ids.push(article.id);
        picker.clear();
        this.#changed();
        byId('picks-search').focus();
      },
    });
    this.#render();
  }

  ids(): number[] {
    return [...this.#ids];
  }

  #changed(): void {
    this.#render();
    this.onChange();
  }

  #move(index: number, by: number, focusClass: string): void {
    const to = index + by;
    if (to < 0 || to >= this.#ids.length) return;
    [this.#ids[index], this.#ids[to]] = [this.#ids[to], this.#ids[index]];
    this.#changed();
    // Keep the keyboard on the item moved: the same button, or the other one at either end of the list.
    const item = this.#list.children[to];
    const same = item?.querySelector<HTMLButtonElement>(`.${focusClass}`);
    (same && !same.disabled
      ? same
      : item?.querySelector<HTMLButtonElement>('.ed-pick__up:not(:disabled), .ed-pick__down:not(:disabled)')
    )?.focus();
  }

  #render(): void {
    const last = this.#ids.length - 1;
    this.#list.replaceChildren(
      ...this.#ids.map((id, i) => {
        const title = h('span', { class: 'ed-pick__title' }, knownHeadline(id)?.title ?? `Article ${id}`);
        const note = h('span', { class: 'ed-pick__note' });
        void headline(id).then((found) => {
          title.textContent = found?.title ?? `Article ${id} (deleted)`;
          note.textContent = found && STATUS_NOTE[found.status] ? STATUS_NOTE[found.status] : '';
        });
        const name = knownHeadline(id)?.title ?? `article ${id}`;
        return h(
          'li',
          { class: 'ed-pick' },
          title,
          note,
          h(
            'span',
            { class: 'ed-pick__tools' },
            h(
              'button',
              {
                type: 'button',
                class: 'ed-icon-button ed-pick__up',
                'aria-label': `Move up: ${name}`,
                disabled: i === 0,
                onclick: () => this.#move(i, -1, 'ed-pick__up'),
              },
              '↑',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'ed-icon-button ed-pick__down',
                'aria-label': `Move down: ${name}`,
                disabled: i === last,
                onclick: () => this.#move(i, 1, 'ed-pick__down'),
              },
              '↓',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'ed-icon-button',
                'aria-label': `Remove: ${name}`,
                onclick: () => {
                  this.#ids.splice(i, 1);
                  this.#changed();
                  byId('picks-search').focus();
                },
              },
              '×',
            ),
          ),
        );
      }),
    );
    this.#list.hidden = this.#ids.length === 0;
  }
}

/** A character count under the SEO description: search engines show about 155. */
export function bindSeoCount(): void {
  const field = byId<HTMLTextAreaElement>('seo-description');
  const count = byId('seo-description-count');
  const show = () => (count.textContent = `(${field.value.length} characters; about 155 are shown)`);
  field.addEventListener('input', show);
  show();
}
