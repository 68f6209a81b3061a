/**
 * What `content/` announces after a write has committed. Search, related
 * articles, caches and feeds listen; routes never call them directly.
 */
export interface ContentEventMap {
  /** The article is (now) visible to readers, or was changed while visible. */
  'article.published': { articleId: number };
  /** The article stopped being visible: unpublished, back to draft or deleted. */
  'article.unpublished': { articleId: number };
  /** The article will go live at `at` (ISO); the scheduler wakes up for it. */
  'article.scheduled': { articleId: number; at: string };
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
