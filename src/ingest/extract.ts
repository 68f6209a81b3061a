import { createArticle, type ServiceContext } from '../content/articles/articles.service.js';
import type { Article } from '../content/articles/articles.table.js';
import type { Actor } from '../content/users/permissions.js';
import { AppError, invalidInput } from '../lib/app-error.js';
import { bodyFromParagraphs } from '../content/body/body.text.js';
import { decodeHtml, extractHtml, type ExtractedArticle } from './extract-html.js';
import { extractText } from './extract-text.js';
import { fileIncoming } from './incoming.filing.js';
import { sourcesWithSite } from './incoming.repository.js';
import { fetchOutbound, OutboundError, type OutboundPolicy } from './outbound.js';

/**
 * An article from a news page, however it came: a URL (fetched under the
 * outbound policy), a file (HTML in any declared charset, or `.txt` copy), or
 * pasted text. `newsdesk extract` and the back office's "From a page" both
 * read through here, loading it with `await import()` when first used, so
 * that its parsers (Readability, linkedom, TipTap's schema) stay out of the
 * workers that only serve readers. A page with no article in it is refused
 * in words (INVALID_INPUT), never a crash.
 */
export async function extractFromUrl(
  url: string,
  policy: OutboundPolicy,
  timeZone: string,
): Promise<ExtractedArticle> {
  if (!/^https?:\/\//i.test(url.trim()))
    throw invalidInput('url', `"${url}" is not a web address (it should start with https://)`);
  let answer;
  try {
    answer = await fetchOutbound(url.trim(), policy);
  } catch (error) {
    if (error instanceof OutboundError) throw invalidInput('url', error.message);
    throw error;
  }
  if (answer.status !== 200) throw invalidInput('url', `${url} answered ${answer.status}, not a page`);
  const type = answer.headers['content-type'] ?? '';
  if (type && !/html|xml/i.test(type))
    throw invalidInput('url', `${url} is ${type.split(';')[0]}, not an HTML page`);
  return read('url', () => extractHtml(decodeHtml(answer.body, type), { url: answer.url, timeZone }));
}

/** A saved page (`.html`, any charset) or copied text (`.txt`). */
export function extractFromFile(bytes: Uint8Array, name: string, timeZone: string): ExtractedArticle {
  if (/\.txt$/i.test(name)) return extractFromPaste(Buffer.from(bytes).toString('utf8'), timeZone, 'file');
  return read('file', () => extractHtml(decodeHtml(bytes), { timeZone }));
}

/** A whole page selected and copied as text. */
export function extractFromPaste(text: string, timeZone: string, field = 'text'): ExtractedArticle {
  return read(field, () => {
    const page = extractText(text, { timeZone });
    // The page's repeat of the lead opens its text; the draft has the lead in its own field.
    const body = page.paragraphs[0] === page.lead ? page.paragraphs.slice(1) : page.paragraphs;
    return { ...page, byline: null, images: [], body: bodyFromParagraphs(body) };
  });
}

function read(field: string, extract: () => ExtractedArticle): ExtractedArticle {
  try {
    return extract();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidInput(field, (error as Error).message);
  }
}

/**
 * A draft from an extracted page, for a reporter to rewrite: its headline,
 * lead and body; tags and section chosen as for a partner's item
 * (fileIncoming: the editor's suggestions that are site tags, the page's own
 * tags that are, the section its label names or its tags are filed in; never
 * a new tag); the source whose address is the page's site, credited; not
 * the page's pictures, which are the other outlet's. Never published: it
 * goes to the editor.
 */
export async function draftFromPage(
  ctx: ServiceContext,
  actor: Actor,
  page: ExtractedArticle,
  url?: string,
): Promise<Article> {
  // Tags and section as for a partner's item: the page's section label and tags are its categories.
  const { tags, section } = await fileIncoming(ctx.db, {
    title: page.title,
    summary: page.lead,
    text: page.paragraphs.join('\n\n'),
    categories: [...(page.section ? [page.section] : []), ...page.tags],
  });
  if (!section) throw invalidInput('section', 'add a section first: a draft needs one');
  let source: string | null = null;
  if (url) {
    const host = new URL(url).hostname.replace(/^www\./, '');
    const sources = await sourcesWithSite(ctx.db);
    source =
      sources.find((s) => {
        try {
          return new URL(s.url!).hostname.replace(/^www\./, '') === host;
        } catch {
          return false;
        }
      })?.slug ?? null;
  }
  return createArticle(ctx, actor, {
    title: page.title.slice(0, 300),
    lead: page.lead.slice(0, 1000),
    // The page's pictures are the other outlet's: the draft starts without them.
    body: { type: 'doc', content: page.body.content.filter((block) => block.type !== 'image') },
    section: section.slug,
    tags,
    source,
    status: 'draft',
  });
}
