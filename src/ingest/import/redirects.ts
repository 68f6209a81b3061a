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

/** Where an old path now lives: an article's current address (if readers can see it), or a fixed one. */
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
  if (row.target) return row.target;
  if (row.id === null || row.status !== 'published' || row.published_at === null || row.published_at > now)
    return undefined;
  return `/articles/${row.id}/${row.slug}`;
}
