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

/** Offset and page count for a list; a page past the end is a 404, as a missing page is. */
export function paginate(page: number, total: number, size = PAGE_SIZE): { offset: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  if (page > pages) throw new AppError('NOT_FOUND', `page ${page} not found: there are ${pages}`);
  return { offset: (page - 1) * size, pages };
}
