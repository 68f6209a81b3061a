import { api } from './api.js';
import { debounce, h } from './dom.js';
import type { LibraryImage } from './editor-data.js';

/** An image as GET /api/admin/media answers (mediaJson in routes/media.api.ts), as far as the editor reads it. */
interface MediaItem {
  id: number;
  url: string;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  variants?: { width: number; url: string }[];
}

function libraryImage(item: MediaItem): LibraryImage {
  const smallest = [...(item.variants ?? [])].sort((a, b) => a.width - b.width)[0];
  return {
    id: item.id,
    src: item.url,
    thumb: smallest?.url ?? item.url,
    alt: item.alt ?? '',
    caption: item.caption ?? '',
    credit: item.credit ?? '',
  };
}

/**
 * One library image as it is now (GET /api/admin/media/:id): null when the
 * library no longer has it, undefined when the server could not say.
 */
export async function fetchLibraryImage(id: number): Promise<LibraryImage | null | undefined> {
  const result = await api<MediaItem>('GET', `/api/admin/media/${id}`);
  if (result.ok) return libraryImage(result.data);
  return result.error.status === 404 ? null : undefined;
}

export interface LibraryUse {
  /** The image to mark as chosen when the library opens. */
  selected: number | null;
  /** Called with the image clicked, or just uploaded. */
  choose: (image: LibraryImage) => void;
  /** What to say once an upload is in: the next step for this caller. */
  uploaded: (fileName: string) => string;
}

/**
 * The media library, one per page, for every caller that picks an image
 * (the body's Image dialog and the Featured image panel): browse and search
 * GET /api/admin/media, or upload a new image (POST, multipart). When the
 * site has no media API (404) the section stays hidden and an image is
 * inserted by its address alone.
 *
 * @example library.open({ selected: null, choose: (image) => use(image), uploaded: (name) => `${name} uploaded.` })
 */
export function mountMediaLibrary(container: HTMLElement): { open(use: LibraryUse): void } {
  let loaded = false;
  let use: LibraryUse | undefined;
  const grid = h('ul', { class: 'ed-media-grid', 'aria-label': 'Images in the library' });
  const search = h('input', {
    type: 'search',
    placeholder: 'Search the library',
    'aria-label': 'Search the media library',
  });
  const file = h('input', {
    type: 'file',
    accept: 'image/jpeg,image/png,image/webp,image/avif',
    hidden: true,
  });
  const state = h('p', { class: 'hint', 'aria-live': 'polite' });

  const mark = (id: number | null) => {
    for (const b of Array.from(grid.querySelectorAll('button')))
      b.setAttribute('aria-pressed', String(b.dataset.id === String(id)));
  };

  const pick = (item: MediaItem) => {
    use?.choose(libraryImage(item));
    mark(item.id);
  };

  const thumb = (item: MediaItem) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'ed-media-thumb',
          'data-id': item.id,
          'aria-pressed': String(item.id === use?.selected),
          'aria-label': `Use ${item.alt || item.originalName}`,
          onclick: () => pick(item),
        },
        h('img', { src: libraryImage(item).thumb, alt: '', loading: 'lazy' }),
      ),
    );

  const load = async (q = '') => {
    const result = await api<{ media: MediaItem[] }>('GET', `/api/admin/media?q=${encodeURIComponent(q)}`);
    if (!result.ok) {
      // No media library on this site (yet): the address field is enough.
      if (result.error.status === 404) container.hidden = true;
      else state.textContent = `The library could not be loaded: ${result.error.message}`;
      return;
    }
    container.hidden = false;
    grid.replaceChildren(...result.data.media.slice(0, 24).map(thumb));
    state.textContent = result.data.media.length
      ? ''
      : q
        ? `No images match “${q}”.`
        : 'The library is empty: upload an image.';
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    state.textContent = `Uploading ${chosen.name}…`;
    const form = new FormData();
    form.append('file', chosen);
    const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? '';
    const response = await fetch('/api/admin/media', {
      method: 'POST',
      body: form,
      headers: { 'x-csrf-token': token },
      credentials: 'same-origin',
    }).catch(() => undefined);
    file.value = '';
    const json = (await response?.json().catch(() => null)) as
      (MediaItem & { error?: { message: string } }) | null;
    if (!response?.ok || !json) {
      state.textContent = `Not uploaded: ${json?.error?.message ?? 'the server could not be reached'}`;
      return;
    }
    state.textContent = use?.uploaded(chosen.name) ?? `${chosen.name} uploaded.`;
    grid.prepend(thumb(json));
    pick(json);
  });

  search.addEventListener(
    'input',
    debounce(() => void load(search.value.trim()), 250),
  );
  container.replaceChildren(
    h(
      'div',
      { class: 'ed-media__bar' },
      search,
      h('button', { type: 'button', class: 'button', onclick: () => file.click() }, 'Upload an image'),
      file,
    ),
    grid,
    state,
  );
  return {
    open(next: LibraryUse) {
      use = next;
      mark(next.selected);
      // Loaded when a dialog first shows it, not with the page.
      if (loaded) return;
      loaded = true;
      void load();
    },
  };
}
