import { AsyncLocalStorage } from 'node:async_hooks';

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

const collector = new AsyncLocalStorage<Set<DependencyKey>>();

/** Records keys for the render under way; does nothing outside one (the back office, the CLI). */
export function dependsOn(...keys: DependencyKey[]): void {
  const set = collector.getStore();
  if (set) for (const key of keys) set.add(key);
}

let rendering = 0;

/**
 * Runs `fn` (and everything it starts) recording the keys its reads name
 * into `keys`; call `doneCollecting()` once the render has ended.
 *
 * On Node 20 an AsyncLocalStorage in use hooks every promise of the
 * process (promise-heavy code ran 2.4 times slower here), so the collector is
 * switched off whenever no render is under way: page-cache hits and beacons
 * do not pay for it.
 */
export function collectInto<T>(keys: Set<DependencyKey>, fn: () => T): T {
  rendering++;
  return collector.run(keys, fn);
}

export function doneCollecting(): void {
  rendering = Math.max(0, rendering - 1);
  if (rendering === 0) collector.disable();
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
