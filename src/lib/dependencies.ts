/**
 * What a rendered page was made of, named as dependency keys, so that a
 * cache can drop exactly the pages a change touches. The reads record
 * themselves (`dependsOn` in the repositories), so no route can forget one:
 *
 * - `article-12`: the article is shown (its page, or a headline in a list);
 * - `related-12`: article 12's related list is shown;
 * - `list-all`, `list-section-3`, `list-tag-7`, `list-author-2`,
 *   `list-source-5`: a list of the newest articles, all or of one place;
 *   which articles it holds changes when any article there changes;
 * - `section-3`, `tag-7`, `author-2`, `source-5`: that name or description
 *   is shown; `sections`: the menu of all sections;
 * - `media-9`: an image's alt text, caption or credit is shown;
 * - `settings`: anything from the site settings; `most-read`: a most-read
 *   list (it follows the views, so only time refreshes it).
 *
 * The spelling is also what goes out in the Surrogate-Key header, so a CDN
 * purges by the same names.
 */
export type DependencyKey = string;

/** The keys of the render under way, if one is. */
let current: Set<DependencyKey> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Records keys for the render under way; does nothing outside one (the back office, the CLI). */
export function dependsOn(...keys: DependencyKey[]): void {
  if (current) for (const key of keys) current.add(key);
}

/**
 * Runs `render`, recording into a new set every key the reads it makes
 * name, and returns both.
 *
 * Renders run one at a time, so the reads of the one under way are the ones
 * recorded. A render is reads from SQLite (synchronous) and templating, CPU
 * all along, so taking turns costs no throughput in a process; an
 * AsyncLocalStorage, which would let renders interleave, slows every promise
 * of the process on Node 20 (2.4 times in a promise-heavy loop here: about
 * 0.9 ms a page). A request that is not a render may read while one is under
 * way (they interleave at awaits) and add its keys too: the page is then
 * dropped by more changes than it needs, never by fewer.
 */
export function collectDependencies<T>(
  render: () => Promise<T>,
): Promise<{ value: T; keys: Set<DependencyKey> }> {
  const run = queue.then(async () => {
    const keys = new Set<DependencyKey>();
    current = keys;
    try {
      return { value: await render(), keys };
    } finally {
      current = undefined;
    }
  });
  queue = run.catch(() => {});
  return run;
}

/** The list keys of an article's places: every list it appears in or drops out of. */
export function listKeys(places: ArticlePlaces): DependencyKey[] {
  return [
    'list-all',
    `list-section-${places.sectionId}`,
    ...(places.sourceId === null ? [] : [`list-source-${places.sourceId}`]),
    ...places.tagIds.map((id) => `list-tag-${id}`),
    ...places.authorIds.map((id) => `list-author-${id}`),
  ];
}

/** Where an article is listed. */
export interface ArticlePlaces {
  sectionId: number;
  sourceId: number | null;
  tagIds: number[];
  authorIds: number[];
}
