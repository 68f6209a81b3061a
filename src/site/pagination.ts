import { AppError } from '../lib/app-error.js';

export const PAGE_SIZE = 20;

/** The `page` query parameter: a positive integer, 1 when absent. */
export function pageNumber(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) {
    throw new AppError('INVALID_INPUT', `page: must be a whole number from 1, got "${String(raw)}"`);
  }
  return page;
}

/**
 * A page of a list read with one row more than it shows, so the list never
 * needs counting: `rows` is the page, `hasNext` whether an older page follows.
 * An empty page past the first is a 404, as a missing page is.
 *
 * @example const { rows, hasNext } = pageOf(await list({ limit: PAGE_SIZE + 1, offset }), page)
 */
export function pageOf<T>(fetched: T[], page: number, size = PAGE_SIZE): { rows: T[]; hasNext: boolean } {
  if (page > 1 && fetched.length === 0)
    throw new AppError('NOT_FOUND', `page ${page} not found: the list ends before it`);
  return { rows: fetched.slice(0, size), hasNext: fetched.length > size };
}

/** The offset of a page of `size` rows, and the limit that fetches it with one row more (see pageOf). */
export function pageWindow(page: number, size = PAGE_SIZE): { limit: number; offset: number } {
  return { limit: size + 1, offset: (page - 1) * size };
}
