import { searchHeadlines, type FoundHeadline } from './api.js';
import { debounce, h } from './dom.js';
import type { Headline } from './editor-data.js';

/**
 * Current headlines of other articles, by id: seeded from the page, filled by
 * searches, fetched when missing. Related blocks and picks show what readers
 * will see, not what the headline was when the block was added.
 */
const known = new Map<number, Headline>();
const pending = new Map<number, Promise<Headline | undefined>>();

export function rememberHeadlines(entries: Record<string, Headline> | FoundHeadline[]): void {
  if (Array.isArray(entries)) {
    for (const a of entries) known.set(a.id, { title: a.title, status: a.status as Headline['status'] });
  } else {
    for (const [id, headline] of Object.entries(entries)) known.set(Number(id), headline);
  }
}

export function knownHeadline(id: number): Headline | undefined {
  return known.get(id);
}

export function headline(id: number): Promise<Headline | undefined> {
  const hit = known.get(id);
  if (hit) return Promise.resolve(hit);
  let request = pending.get(id);
  if (!request) {
    request = searchHeadlines(String(id)).then((found) => {
      rememberHeadlines(found);
      pending.delete(id);
      return known.get(id);
    });
    pending.set(id, request);
  }
  return request;
}

export const STATUS_NOTE: Record<string, string> = {
  draft: 'draft',
  review: 'in review',
  scheduled: 'scheduled',
  unpublished: 'unpublished',
};

/**
 * Search-as-you-type over headlines: each hit is a button, so a keyboard
 * user tabs from the field into the results. `exclude` hides ids already chosen.
 */
export function headlinePicker(options: {
  input: HTMLInputElement;
  results: HTMLElement;
  onPick: (article: FoundHeadline) => void;
  exclude?: () => number[];
}): { clear: () => void } {
  const { input, results } = options;
  let controller: AbortController | undefined;
  const render = (found: FoundHeadline[], query: string) => {
    const excluded = new Set(options.exclude?.() ?? []);
    const hits = found.filter((a) => !excluded.has(a.id));
    results.replaceChildren(
      ...hits.map((a) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'ed-hit', onclick: () => options.onPick(a) },
            h('span', { class: 'ed-hit__title' }, a.title),
            h(
              'span',
              { class: 'ed-hit__meta' },
              `#${a.id}${STATUS_NOTE[a.status] ? ` · ${STATUS_NOTE[a.status]}` : ''}`,
            ),
          ),
        ),
      ),
    );
    if (!hits.length && query) results.append(h('li', { class: 'hint' }, `Nothing found for “${query}”.`));
  };
  const search = debounce(async () => {
    const query = input.value.trim();
    controller?.abort();
    if (!query) return results.replaceChildren();
    controller = new AbortController();
    try {
      const found = await searchHeadlines(query, controller.signal);
      rememberHeadlines(found);
      render(found, query);
    } catch {
      // A newer search replaced this one.
    }
  }, 200);
  input.addEventListener('input', search);
  // Enter picks the first hit instead of submitting anything.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    results.querySelector<HTMLButtonElement>('button')?.click();
  });
  return {
    clear: () => {
      input.value = '';
      results.replaceChildren();
    },
  };
}
