import type { ArticlePlaces } from '../lib/dependencies.js';

/**
 * What `content/` (and the rooms that keep derived content: related lists)
 * announces after a write has committed, naming what changed: enough for
 * search and related lists to update, and for a cache to drop exactly the
 * pages that showed it. Routes never call the listeners directly.
 */
export interface ContentEventMap {
  /**
   * The article is (now) visible to readers, or was changed while visible.
   * `was`: where it was listed before the change, when it was visible then.
   */
  'article.published': { articleId: number; was?: ArticlePlaces };
  /** The article stopped being visible: unpublished, back to draft or deleted. */
  'article.unpublished': { articleId: number; was?: ArticlePlaces };
  /**
   * The article will go live at `at` (ISO); the scheduler wakes up for it.
   * `elsewhere`: scheduled on another instance on the same database, and
   * relayed here (cache/instances.ts), so it is not sent on again.
   */
  'article.scheduled': { articleId: number; at: string; elsewhere?: true };
  /** A section, tag, author or source was created, renamed, described, reordered, merged or deleted. */
  'taxonomy.changed': { kind: 'section' | 'tag' | 'author' | 'source'; id: number };
  /**
   * These articles' tags changed together: a tag was renamed (`membership`
   * false: the same tag, a new name) or merged or deleted (true: which
   * articles have which tag changed). Any number of articles, readers' or
   * not; the tag's own pages go by `taxonomy.changed`.
   */
  'articles.retagged': { articleIds: number[]; membership: boolean };
  /** An image's alt text, caption or credit changed, or the image was deleted. */
  'media.changed': { mediaId: number };
  /**
   * Many articles became visible at once (an import), each listed at its
   * `places` (same order): their lists change, and search and related lists
   * take them through their queues.
   */
  'articles.imported': { articleIds: number[]; places: ArticlePlaces[] };
  /** The site settings changed. */
  'settings.changed': Record<string, never>;
  /** An article's stored related list changed (computed anew). */
  'related.changed': { articleId: number };
}

export type ContentEvent = keyof ContentEventMap;
type Listener<E extends ContentEvent> = (payload: ContentEventMap[E]) => void | Promise<void>;

export class ContentEvents {
  readonly #listeners = new Map<ContentEvent, Listener<never>[]>();
  #onError: (error: unknown, event: ContentEvent) => void = () => {};

  on<E extends ContentEvent>(event: E, listener: Listener<E>): void {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as Listener<never>]);
  }

  onError(handler: (error: unknown, event: ContentEvent) => void): void {
    this.#onError = handler;
  }

  /**
   * Runs the listeners in the order they registered and waits for them. A
   * listener's failure is reported, never thrown: the write it follows has
   * already committed and stays.
   */
  async emit<E extends ContentEvent>(event: E, payload: ContentEventMap[E]): Promise<void> {
    for (const listener of (this.#listeners.get(event) ?? []) as Listener<E>[]) {
      try {
        await listener(payload);
      } catch (error) {
        this.#onError(error, event);
      }
    }
  }
}
