import { byId, h } from './dom.js';
import type { LibraryImage } from './editor-data.js';
import type { ImageDialog } from './image-dialog.js';
import { fetchLibraryImage } from './media.js';

/**
 * The "Featured image" panel: the chosen library image's thumbnail, alt text
 * and caption, "Choose…" (the Image dialog's library) and "Remove". The
 * server renders the first state from the page's data (FeaturedImagePanel in
 * article-editor-page.tsx); this renders every later one the same way.
 */
export class FeaturedImageField {
  #image: LibraryImage | null;
  readonly #box = byId('featured-image');
  readonly #choose = byId<HTMLButtonElement>('featured-choose');
  readonly #remove = byId<HTMLButtonElement>('featured-remove');

  constructor(
    initial: LibraryImage | null,
    dialog: ImageDialog,
    readonly onChange: () => void,
  ) {
    this.#image = initial;
    this.#choose.addEventListener('click', () =>
      dialog.featured(this.#image, (image) => this.#set(image), this.#choose),
    );
    this.#remove.addEventListener('click', () => {
      this.#set(null);
      this.#choose.focus();
    });
    // Alt text and caption are edited in the media library, usually in another tab: show them as they are now.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.refresh();
    });
  }

  /** The media library id to save, or null. */
  id(): number | null {
    return this.#image?.id ?? null;
  }

  async refresh(): Promise<void> {
    const id = this.id();
    if (id === null) return;
    const now = await fetchLibraryImage(id);
    // Deleted from the library meanwhile, the server has taken it off the article already: so does the panel.
    if (now !== undefined && this.id() === id) this.#set(now);
  }

  #set(image: LibraryImage | null): void {
    const changed = image?.id !== this.id();
    this.#render(image);
    if (changed) this.onChange();
  }

  #render(image: LibraryImage | null): void {
    this.#image = image;
    this.#remove.hidden = image === null;
    if (!image) {
      this.#box.replaceChildren(
        h(
          'p',
          { class: 'hint' },
          'None. It leads the article page and the home page, and shows when the article is shared.',
        ),
      );
      return;
    }
    const parts = [
      h('img', { class: 'ed-featured__thumb', src: image.thumb, alt: image.alt }),
      image.alt
        ? h('p', {}, h('span', { class: 'ed-featured__label' }, 'Alt text'), ' ', image.alt)
        : h('p', { class: 'ed-featured__missing' }, 'No alternative text yet.'),
      image.caption || image.credit
        ? h(
            'p',
            {},
            h('span', { class: 'ed-featured__label' }, 'Caption'),
            ' ',
            image.caption,
            image.credit ? h('span', { class: 'hint' }, ` ${image.credit}`) : null,
          )
        : null,
      h(
        'a',
        { href: `/admin/media/${image.id}`, target: '_blank', rel: 'noopener' },
        'Edit in the media library',
      ),
    ];
    this.#box.replaceChildren(...parts.filter((part) => part !== null));
  }
}
