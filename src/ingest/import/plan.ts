import type { ArticleStatus } from '../../db/schema.js';
import type { BodyDoc } from '../../content/body/body.types.js';
import { AppError } from '../../lib/app-error.js';
import { cut } from '../../lib/text.js';

/**
 * What an export file holds, in Newsdesk's terms, before anything is
 * written: the readers (wordpress.ts, ghost.ts) make one from a whole file,
 * and a file they cannot read makes none, so a damaged file changes nothing.
 * The importer (importer.ts) then writes it, or only reports it (dry run).
 *
 * Every post, term and author carries a `key` that is stable across exports
 * of the same site ("post:11", "category:weather"): the importer records
 * what each key became, so a second run adds nothing.
 */
export interface ImportPlan {
  format: 'wordpress' | 'ghost';
  /** Names the old site in the import records: "wordpress https://harbourside-gazette.example". */
  origin: string;
  /** The old site's address, when the file says it (WordPress) or the user gave it (`--old-url`). */
  siteUrl: string | null;
  sections: PlanTerm[];
  tags: PlanTerm[];
  authors: PlanAuthor[];
  items: PlanItem[];
  /** What the file has that is not imported, and why. */
  skipped: Skipped[];
  /** Comments in the file: Newsdesk has none, so they are counted and left. */
  comments: number;
}

export interface PlanTerm {
  key: string;
  name: string;
  slug: string;
  /** Paths on the old site that showed this term's list: "/category/weather/". */
  oldPaths: string[];
}

export interface PlanAuthor extends PlanTerm {
  bio: string;
}

export interface PlanImage {
  /** Absolute http(s) address on the old site. */
  url: string;
  alt: string;
  caption: string;
}

export interface PlanItem {
  key: string;
  /** "post" or "page": a page becomes a draft article (Newsdesk has no separate pages). */
  type: 'post' | 'page';
  title: string;
  /** The old address's last part, for the new one. */
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lead: string;
  seoDescription: string | null;
  body: BodyDoc;
  /** The section's key; undefined files it in the default section. */
  section: string | undefined;
  tags: string[];
  authors: string[];
  featuredImage: PlanImage | null;
  /** Paths on the old site that showed this item: they redirect to the new article. */
  oldPaths: string[];
  /** What its text had that the body cannot hold: "a video (https://…)". */
  dropped: string[];
  /** Anything else the editor should know: "private on WordPress: imported as a draft". */
  notes: string[];
}

export interface Skipped {
  /** "post 16 "Old test post"", "tag #newsletter", "3 nav_menu_item entries". */
  what: string;
  why: string;
}

/**
 * The largest export read. A file is read whole, and reading it takes about
 * fifteen times its size in memory at the peak (bench/import.ts: 590 MB for
 * a 35 MB export of 10,000 posts); a larger site exports in parts.
 */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

/** A clear error about the file itself (a 400 from the API); nothing has been written. */
export class ImportFileError extends AppError {
  override name = 'ImportFileError';
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

/** A plan with nothing in it yet, for a reader to fill. */
export function emptyPlan(format: ImportPlan['format'], origin: string, siteUrl: string | null): ImportPlan {
  return {
    format,
    origin,
    siteUrl,
    sections: [],
    tags: [],
    authors: [],
    items: [],
    skipped: [],
    comments: 0,
  };
}

/** The path of an absolute or site-relative address, as redirects store it (see redirectKey). */
export function pathOf(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base ?? 'http://old.invalid').pathname;
  } catch {
    return undefined;
  }
}

/**
 * Names the old site in the import records: the format and its host, lower
 * case, without `www.`, so that a second export after a move to https (or
 * from `www.`) is known as the same site and adds nothing.
 *
 * @example originOf('wordpress', 'https://www.Gazette.example/') // 'wordpress gazette.example'
 */
export function originOf(format: ImportPlan['format'], siteUrl: string): string {
  try {
    return `${format} ${new URL(siteUrl).hostname.toLowerCase().replace(/^www\./, '')}`;
  } catch {
    return `${format} ${siteUrl.trim().toLowerCase()}`;
  }
}

/** The body's limits on a title and a lead (articles.service.ts): longer ones are cut at a word, and noted. */
export function fitted(item: Pick<PlanItem, 'title' | 'lead' | 'notes'>): void {
  if (item.title.length > 300) {
    item.notes.push('its title was longer than 300 characters: cut');
    item.title = cut(item.title, 300);
  }
  if (item.lead.length > 1000) {
    item.notes.push('its excerpt was longer than 1,000 characters: cut to make the lead');
    item.lead = cut(item.lead, 1000);
  }
}

/**
 * Reads one item with `read`; an item that cannot be read is skipped and
 * named in the plan, not the end of the import.
 */
export function readItem(plan: ImportPlan, what: string, read: () => PlanItem | undefined): void {
  try {
    const item = read();
    if (item) {
      fitted(item);
      plan.items.push(item);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    plan.skipped.push({ what, why: `its text could not be read: ${(error as Error).message}` });
  }
}

/** An export over MAX_EXPORT_BYTES, refused with the way round. */
export function tooLarge(name: string, bytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${name} is ${Math.round(bytes / 1024 / 1024)} MB: an export is read whole, up to ${MAX_EXPORT_BYTES / 1024 / 1024} MB. ` +
      'Export it in parts (WordPress: Tools → Export → Posts, by date) and import them in turn; each adds only what is new',
  );
}
