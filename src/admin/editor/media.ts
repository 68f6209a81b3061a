import { api } from './api.js';
import { debounce, h } from './dom.js';

export interface ChosenImage {
  mediaId: number;
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

interface MediaItem {
  id: number;
  url: string;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  variants?: { width: number; url: string }[];
}

/**
 * The media library inside the image dialog: browse and search
 * GET /api/admin/media, or upload a new image (POST, multipart). When the
 * site has no media API (404) the section stays hidden and an image is
 * inserted by its address alone.
 */
export function mountMediaLibrary(container: HTMLElement, choose: (image: ChosenImage) => void): () => void {
  let loaded = false;
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

  const pick = (item: MediaItem) => {
    choose({
      mediaId: item.id,
      src: item.url,
      alt: item.alt ?? '',
      caption: item.caption ?? '',
      credit: item.credit ?? '',
    });
    for (const b of Array.from(grid.querySelectorAll('button')))
      b.setAttribute('aria-pressed', String(b.dataset.url === item.url));
  };

  const thumb = (item: MediaItem) => {
    const small = [...(item.variants ?? [])].sort((a, b) => a.width - b.width)[0];
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'ed-media-thumb',
          'data-url': item.url,
          'aria-pressed': 'false',
          'aria-label': `Use ${item.alt || item.originalName}`,
          onclick: () => pick(item),
        },
        h('img', { src: small?.url ?? item.url, alt: '', loading: 'lazy' }),
      ),
    );
  };

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
    state.textContent = `${chosen.name} uploaded: add its alternative text below.`;
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
  // Loaded when the dialog first opens, not with the page.
  return () => {
    if (loaded) return;
    loaded = true;
    void load();
  };
}
