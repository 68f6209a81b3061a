import { isVisible } from '../../content/articles/articles.service.js';
import type { Db } from '../../db/database.js';

/**
 * Old addresses that keep working after a move (table `redirects`). A path
 * is stored as its key: decoded (WordPress writes non-Latin slugs
 * percent-encoded, browsers send them either way), without a trailing slash,
 * without its query but for WordPress's short links. Asked when no route
 * matched, and by the front page for a short link.
 */
export function redirectKey(path: string): string | undefined {
  // WordPress's short links (`/?p=123`, `/?page_id=7`) are the one query kept: the id is the address.
  const short = /^\/?\?(p|page_id)=(\d+)(?:[&#]|$)/.exec(path.replace(/^\/index\.php/, '/'));
  if (short) return `/?${short[1]}=${short[2]}`;
  const bare = path.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/')) return undefined;
  return decoded.replace(/\/+$/, '') || '/';
}

/** What an old path leads to: an article, or a section's, tag's or author's page, each by id. */
export type RedirectTarget = { article: number } | { section: number } | { tag: number } | { author: number };

const PAGES = {
  section: ['sections', '/sections'],
  tag: ['tags', '/tags'],
  author: ['authors', '/authors'],
} as const;

/**
 * Adds a redirect from `path` unless the path already has one (the first
 * import to claim an address keeps it); true when it was added. A term's
 * page is stored as `section:12`, read at request time, so it follows a
 * rename.
 */
export async function addRedirect(db: Db, path: string, to: RedirectTarget, at: string): Promise<boolean> {
  const key = redirectKey(path);
  if (!key || key === '/') return false;
  const [kind, id] = Object.entries(to)[0] as [keyof typeof PAGES | 'article', number];
  const result = await db
    .insertInto('redirects')
    .values({
      path: key,
      article_id: kind === 'article' ? id : null,
      target: kind === 'article' ? null : `${kind}:${id}`,
      created_at: at,
    })
    .onConflict((oc) => oc.column('path').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Where an old path now lives: an article's current address (while readers may see it), or a section's, tag's or author's page. */
export async function findRedirect(db: Db, path: string, now: string): Promise<string | undefined> {
  const key = redirectKey(path);
  if (!key || key === '/') return undefined;
  const row = await db
    .selectFrom('redirects as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .select(['r.target', 'a.id', 'a.slug', 'a.status', 'a.published_at'])
    .where('r.path', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.target) {
    const [kind, id] = row.target.split(':') as [keyof typeof PAGES, string];
    const [table, base] = PAGES[kind] ?? [];
    if (!table) return undefined;
    const term = await db
      .selectFrom(table as 'tags')
      .select('slug')
      .where('id', '=', Number(id))
      .executeTakeFirst();
    return term ? `${base}/${term.slug}` : undefined;
  }
  if (row.id === null || row.status === null || !isVisible(row.status, row.published_at, now))
    return undefined;
  return `/articles/${row.id}/${row.slug}`;
}
