import { placesOf, type ContentEvents } from '../content/index.js';
import type { Db } from '../db/database.js';
import { listKeys, type DependencyKey } from '../lib/dependencies.js';

/** Whoever drops pages by dependency key: the page cache, later a CDN's purge. */
export type Invalidate = (keys: DependencyKey[]) => void | Promise<void>;

/**
 * Turns content events into the dependency keys of the pages they change
 * (src/lib/dependencies.ts names them), and hands the keys to each target:
 *
 * - an article published, changed or unpublished: the pages showing it, and
 *   the lists it is in now or was in before (a page further down a list
 *   shifts when an article joins or leaves it);
 * - a section, tag, author or source: the pages showing its name, its own
 *   list, and the menu or sitemaps listing them all;
 * - an image's text, the settings, an article's related list: the pages
 *   showing them.
 */
export function wireInvalidation(events: ContentEvents, db: Db, targets: Invalidate[]): void {
  const invalidate = async (keys: DependencyKey[]) => {
    const unique = [...new Set(keys)];
    for (const target of targets) await target(unique);
  };
  events.on('article.published', async ({ articleId, was }) => {
    const places = await placesOf(db, articleId);
    await invalidate([
      `article-${articleId}`,
      ...(places ? listKeys(places) : ['list-all']),
      ...(was ? listKeys(was) : []),
    ]);
  });
  events.on('article.unpublished', ({ articleId, was }) =>
    invalidate([`article-${articleId}`, `related-${articleId}`, ...(was ? listKeys(was) : ['list-all'])]),
  );
  events.on('taxonomy.changed', ({ kind, id }) =>
    invalidate([
      `${kind}-${id}`,
      `list-${kind}-${id}`,
      ...(kind === 'section' ? ['sections'] : []),
      ...(kind === 'tag' ? ['tags'] : []),
    ]),
  );
  events.on('articles.imported', ({ articleIds, places }) =>
    invalidate([...articleIds.map((id) => `article-${id}` as const), ...places.flatMap(listKeys)]),
  );
  events.on('media.changed', ({ mediaId }) => invalidate([`media-${mediaId}`]));
  events.on('settings.changed', () => invalidate(['settings']));
  events.on('related.changed', ({ articleId }) => invalidate([`related-${articleId}`]));
}
