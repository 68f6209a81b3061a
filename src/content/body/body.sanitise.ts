import { AppError } from '../../lib/app-error.js';
import { stripControl } from '../../lib/text.js';
import type { Block, BodyDoc, Image, Inline, ListItem, Mark, Paragraph } from './body.types.js';

/**
 * Checks an untrusted body against the allowed schema and returns a clean copy.
 * Anything outside the schema is refused with the path of the offending node,
 * e.g. `body.content[3].attrs.href: only http(s), mailto and site-relative links are allowed`.
 */
export function sanitiseBody(input: unknown): BodyDoc {
  const doc = object(input, 'body');
  if (doc.type !== 'doc') fail('body.type', 'must be "doc"');
  only(doc, 'body', ['type', 'content']);
  return {
    type: 'doc',
    content: array(doc.content, 'body.content').map((b, i) => block(b, `body.content[${i}]`)),
  };
}

const MAX_TEXT = 100_000;

const BLOCKS: readonly Block['type'][] = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'image',
  'relatedArticle',
];

function block(input: unknown, at: string): Block {
  const node = object(input, at);
  if (!BLOCKS.includes(node.type as Block['type']))
    fail(`${at}.type`, `"${String(node.type)}" is not an allowed block`);
  only(node, at, ['type', 'content', 'attrs']);
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, at);
    case 'heading': {
      const level = attrs(node, at, ['level']).level;
      if (level !== 2 && level !== 3) fail(`${at}.attrs.level`, 'must be 2 or 3');
      return { type: 'heading', attrs: { level }, content: inlines(node.content, `${at}.content`) };
    }
    case 'blockquote':
      attrs(node, at, []);
      return { type: 'blockquote', content: paragraphs(node.content, `${at}.content`) };
    case 'bulletList':
    case 'orderedList':
      attrs(node, at, []);
      return {
        type: node.type,
        content: array(node.content, `${at}.content`).map((item, i) => listItem(item, `${at}.content[${i}]`)),
      };
    case 'image':
      return image(attrs(node, at, ['src', 'alt', 'caption', 'credit', 'mediaId']), `${at}.attrs`);
    case 'relatedArticle': {
      const articleId = attrs(node, at, ['articleId']).articleId;
      if (!Number.isSafeInteger(articleId) || (articleId as number) < 1) {
        fail(`${at}.attrs.articleId`, 'must be the id of an article');
      }
      return { type: 'relatedArticle', attrs: { articleId: articleId as number } };
    }
    default:
      return fail(`${at}.type`, `"${String(node.type)}" is not an allowed block`);
  }
}

function paragraph(node: Record<string, unknown>, at: string): Paragraph {
  if (node.type !== 'paragraph') fail(`${at}.type`, 'must be "paragraph"');
  only(node, at, ['type', 'content', 'attrs']);
  attrs(node, at, []);
  return { type: 'paragraph', content: inlines(node.content, `${at}.content`) };
}

function paragraphs(input: unknown, at: string): Paragraph[] {
  return array(input, at).map((p, i) => paragraph(object(p, `${at}[${i}]`), `${at}[${i}]`));
}

function listItem(input: unknown, at: string): ListItem {
  const node = object(input, at);
  if (node.type !== 'listItem') fail(`${at}.type`, 'must be "listItem"');
  only(node, at, ['type', 'content']);
  return { type: 'listItem', content: paragraphs(node.content, `${at}.content`) };
}

function image(attrs: Record<string, unknown>, at: string): Image {
  const src = string(attrs.src, `${at}.src`, 2000);
  if (!isSafeUrl(src, false)) fail(`${at}.src`, 'must be an http(s) or site-relative URL');
  const { mediaId } = attrs;
  const fromLibrary = mediaId !== undefined && mediaId !== null;
  if (fromLibrary && (!Number.isSafeInteger(mediaId) || (mediaId as number) < 1))
    fail(`${at}.mediaId`, 'must be the id of an image in the media library');
  return {
    type: 'image',
    attrs: {
      src,
      alt: optionalString(attrs.alt, `${at}.alt`),
      caption: optionalString(attrs.caption, `${at}.caption`),
      credit: optionalString(attrs.credit, `${at}.credit`),
      ...(fromLibrary ? { mediaId: mediaId as number } : {}),
    },
  };
}

function inlines(input: unknown, at: string): Inline[] | undefined {
  if (input === undefined) return undefined;
  return array(input, at).map((n, i) => inline(n, `${at}[${i}]`));
}

function inline(input: unknown, at: string): Inline {
  const node = object(input, at);
  if (node.type !== 'text' && node.type !== 'hardBreak')
    fail(`${at}.type`, `"${String(node.type)}" is not an allowed inline node`);
  // A line break inside bold or a link carries those marks in ProseMirror's JSON: taken and dropped.
  only(node, at, node.type === 'hardBreak' ? ['type', 'marks'] : ['type', 'text', 'marks']);
  if (node.type === 'hardBreak') return { type: 'hardBreak' };
  const text = string(node.text, `${at}.text`, MAX_TEXT);
  if (node.marks === undefined) return { type: 'text', text };
  const marks = array(node.marks, `${at}.marks`).map((m, i) => mark(m, `${at}.marks[${i}]`));
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
}

function mark(input: unknown, at: string): Mark {
  const node = object(input, at);
  if (node.type !== 'bold' && node.type !== 'italic' && node.type !== 'link')
    fail(`${at}.type`, `"${String(node.type)}" is not an allowed mark`);
  only(node, at, ['type', 'attrs']);
  if (node.type === 'bold' || node.type === 'italic') {
    attrs(node, at, []);
    return { type: node.type };
  }
  const href = string(attrs(node, at, ['href']).href, `${at}.attrs.href`, 2000).trim();
  if (!isSafeUrl(href, true))
    fail(`${at}.attrs.href`, 'only http(s), mailto and site-relative links are allowed');
  return { type: 'link', attrs: { href } };
}

/** http(s) URLs, site-relative paths, and (for links) mailto: nothing that can run script. */
/** Any origin stands for the site when a site-relative URL is resolved. */
const ON_THE_SITE = 'https://site.invalid';

export function isSafeUrl(url: string, allowMailto: boolean): boolean {
  // Site-relative only if a browser keeps it on the site: it reads `/\evil.example` and `/\t/evil.example`
  // as `//evil.example`, another site. So resolve it as a browser does and compare.
  if (url.startsWith('/')) {
    try {
      return new URL(url, ON_THE_SITE).origin === ON_THE_SITE;
    } catch {
      return false;
    }
  }
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || (allowMailto && protocol === 'mailto:');
  } catch {
    return false;
  }
}

/**
 * Refuses a key the schema does not have, naming it: a client that sends
 * `attrs.onclick` or `style` must hear that it was not kept.
 */
function only(node: Record<string, unknown>, at: string, keys: readonly string[]): void {
  for (const key of Object.keys(node))
    if (!keys.includes(key)) fail(`${at}.${key}`, 'is not part of the body schema');
}

/** A node's attributes, of these names only; an empty or absent set when it takes none. */
function attrs(node: Record<string, unknown>, at: string, keys: readonly string[]): Record<string, unknown> {
  if (!keys.length && (node.attrs === undefined || node.attrs === null)) return {};
  const a = object(node.attrs, `${at}.attrs`);
  only(a, `${at}.attrs`, keys);
  return a;
}

function object(input: unknown, at: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(at, 'must be an object');
  return input as Record<string, unknown>;
}

function array(input: unknown, at: string): unknown[] {
  if (!Array.isArray(input)) fail(at, 'must be a list');
  return input as unknown[];
}

function string(input: unknown, at: string, max: number): string {
  if (typeof input !== 'string') fail(at, 'must be text');
  const text = stripControl(input as string);
  if (text.length > max) fail(at, `is longer than ${max} characters`);
  return text;
}

function optionalString(input: unknown, at: string): string {
  return input === undefined || input === null ? '' : string(input, at, 2000);
}

function fail(at: string, what: string): never {
  throw new AppError('INVALID_BODY', `${at}: ${what}`);
}
