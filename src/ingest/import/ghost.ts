import { marked } from 'marked';
import type { ArticleStatus } from '../../db/schema.js';
import { slugify } from '../../lib/slugify.js';
import { escapeHtml, oneLine } from '../../lib/text.js';
import { bodyFromHtml, htmlLine } from '../body-from-html.js';
import {
  emptyPlan,
  ImportFileError,
  originOf,
  readItem,
  type ImportPlan,
  type PlanItem,
  type PlanTerm,
} from './plan.js';

type Row = Record<string, unknown>;

const PLACEHOLDER = '__GHOST_URL__';

/**
 * A Ghost export (Ghost 4–6, "Settings → Migration → Export content": one
 * JSON file) as an import plan.
 *
 * - Posts and pages (pages become draft articles, noted). Statuses:
 *   published, scheduled, draft; a post sent only by email, or for members
 *   only, is a draft (noted), so nothing behind a paywall goes public.
 * - Bodies: Lexical (Ghost 5 and 6) or mobiledoc (Ghost 4), each turned into
 *   HTML here, card by card, and read by bodyFromHtml; the stored `html` when
 *   a post has neither. Cards the body has no room for (video, audio, file,
 *   embeds, sign-up forms) are dropped and named; bookmarks become a link,
 *   callouts and toggles their text, Markdown cards are rendered by marked.
 * - Public tags; internal ones ("#newsletter") are Ghost's own machinery and
 *   are skipped. Ghost has no sections: posts go to the default section.
 * - Staff users as bylines, with their bios; feature images with the alt
 *   text and caption of `posts_meta`; meta descriptions.
 * - Ghost writes its own address as `__GHOST_URL__`: pictures and links can
 *   only be read with the old site's address (`oldUrl`).
 * - Old paths: Ghost's default routes, `/{slug}/`, `/tag/{slug}/`, `/author/{slug}/`.
 */
export function readGhost(json: string, options: { oldUrl?: string } = {}): ImportPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ImportFileError(`not a readable Ghost export: ${jsonProblem(json, error)}`);
  }
  const root = parsed as { db?: { data?: unknown }[]; data?: unknown };
  const data = (Array.isArray(root?.db) ? root.db[0]?.data : root?.data) as
    Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.posts))
    throw new ImportFileError(
      'not a Ghost export: there is no db[0].data.posts (make one in Ghost with Settings → Migration → Export content)',
    );
  const siteUrl = options.oldUrl ? options.oldUrl.replace(/\/+$/, '') : null;
  if (!siteUrl && json.includes(PLACEHOLDER))
    throw new ImportFileError(
      `this Ghost export names its own pictures and links by ${PLACEHOLDER}: give the old site's address (--old-url https://…) so they can be found`,
    );
  const table = (name: string): Row[] => {
    const rows = data[name];
    if (rows === undefined) return [];
    if (!Array.isArray(rows))
      throw new ImportFileError(`not a readable Ghost export: db[0].data.${name} is not a list`);
    return rows as Row[];
  };
  const resolve = (value: string) => (siteUrl ? value.split(PLACEHOLDER).join(siteUrl) : value);

  const plan = emptyPlan(
    'ghost',
    siteUrl ? originOf('ghost', siteUrl) : `ghost ${title(table('settings'))}`,
    siteUrl,
  );

  const tags = new Map<string, PlanTerm>();
  let internal = 0;
  for (const t of table('tags')) {
    if (t.visibility === 'internal' || String(t.name ?? '').startsWith('#')) {
      internal++;
      continue;
    }
    const slug = str(t.slug);
    tags.set(str(t.id), {
      key: `tag:${slug}`,
      name: oneLine(str(t.name)),
      slug: slugify(slug),
      oldPaths: [`/tag/${slug}/`],
    });
  }
  if (internal)
    plan.skipped.push({
      what: `${internal} internal ${internal === 1 ? 'tag' : 'tags'}`,
      why: "Ghost's own (#-tags are not shown to readers)",
    });
  const authors = new Map<string, PlanTerm & { bio: string }>();
  for (const u of table('users')) {
    const slug = str(u.slug);
    authors.set(str(u.id), {
      key: `author:${slug}`,
      name: oneLine(str(u.name)) || slug,
      slug: slugify(slug),
      oldPaths: [`/author/${slug}/`],
      bio: oneLine(str(u.bio)).slice(0, 2000),
    });
  }
  const joined = (name: string, key: string) => {
    const byPost = new Map<string, { id: string; order: number }[]>();
    for (const row of table(name)) {
      const list = byPost.get(str(row.post_id)) ?? [];
      list.push({ id: str(row[key]), order: Number(row.sort_order ?? 0) });
      byPost.set(str(row.post_id), list);
    }
    return (postId: string) => (byPost.get(postId) ?? []).sort((a, b) => a.order - b.order).map((r) => r.id);
  };
  const tagsOf = joined('posts_tags', 'tag_id');
  const authorsOf = joined('posts_authors', 'author_id');
  const metaOf = new Map(table('posts_meta').map((m) => [str(m.post_id), m]));
  const used = { tags: new Set<string>(), authors: new Set<string>() };

  for (const post of table('posts')) {
    const id = str(post.id);
    const type = post.type === 'page' || post.page === true || post.page === 1 ? 'page' : 'post';
    const name = oneLine(str(post.title));
    const named = `${type} ${id}${name ? ` "${name}"` : ''}`;
    if (!name) {
      plan.skipped.push({ what: named, why: 'it has no title: give it one in Ghost and export again' });
      continue;
    }
    readItem(plan, named, () => {
      const notes: string[] = [];
      const createdAt = ghostDate(post.created_at) ?? new Date(0).toISOString();
      const updatedAt = ghostDate(post.updated_at) ?? createdAt;
      const when = ghostDate(post.published_at) ?? null;
      let status: ArticleStatus = 'draft';
      let publishedAt: string | null = null;
      if (type === 'page')
        notes.push('a page on Ghost: imported as a draft article (Newsdesk has no separate pages)');
      else if (post.status === 'published' && when) [status, publishedAt] = ['published', when];
      else if (post.status === 'scheduled' && when) [status, publishedAt] = ['scheduled', when];
      else if (post.status === 'sent') notes.push('sent by email only on Ghost: imported as a draft');
      if (post.visibility && post.visibility !== 'public' && status !== 'draft') {
        [status, publishedAt] = ['draft', null];
        notes.push(`for ${str(post.visibility)} only on Ghost: imported as a draft, for an editor to decide`);
      }

      const { html, dropped } = ghostHtml(post, resolve);
      const { body, dropped: alsoDropped } = bodyFromHtml(html, {
        base: siteUrl ? `${siteUrl}/` : undefined,
      });
      const meta = metaOf.get(id);
      const feature = str(post.feature_image);
      const itemTags = tagsOf(id).filter((t) => tags.has(t));
      const itemAuthors = authorsOf(id).filter((a) => authors.has(a));
      if (!itemAuthors.length && authors.has(str(post.author_id))) itemAuthors.push(str(post.author_id));
      itemTags.forEach((t) => used.tags.add(t));
      itemAuthors.forEach((a) => used.authors.add(a));
      const entry: PlanItem = {
        key: `${type}:${id}`,
        type,
        title: name,
        slug: str(post.slug) || name,
        status,
        publishedAt,
        createdAt,
        updatedAt,
        lead: oneLine(str(post.custom_excerpt)),
        seoDescription: oneLine(str(meta?.meta_description ?? post.meta_description)) || null,
        body,
        section: undefined,
        tags: itemTags.map((t) => tags.get(t)!.key),
        authors: itemAuthors.map((a) => authors.get(a)!.key),
        featuredImage: feature
          ? {
              url: resolve(feature),
              alt: oneLine(str(meta?.feature_image_alt)),
              caption: htmlLine(str(meta?.feature_image_caption)),
            }
          : null,
        // Ghost's default route; it redirects only while readers may see the article.
        oldPaths: str(post.slug) ? [`/${str(post.slug)}/`] : [],
        dropped: [...dropped, ...alsoDropped],
        notes,
      };
      if (!body.content.length) notes.push('its text is empty');
      return entry;
    });
  }
  plan.tags = [...tags].filter(([id]) => used.tags.has(id)).map(([, t]) => t);
  plan.authors = [...authors].filter(([id]) => used.authors.has(id)).map(([, a]) => a);
  return plan;
}

/** A post's body as HTML: from Lexical, else mobiledoc, else Ghost's own rendering. */
function ghostHtml(post: Row, resolve: (value: string) => string): { html: string; dropped: string[] } {
  const dropped: string[] = [];
  let html = str(post.html);
  for (const [field, render] of [
    ['lexical', lexicalHtml],
    ['mobiledoc', mobiledocHtml],
  ] as const) {
    const source = post[field];
    if (typeof source !== 'string' || !source) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(source);
    } catch (error) {
      throw new ImportFileError(
        `post ${str(post.id)} "${str(post.title)}": its ${field} is not readable JSON (${(error as Error).message})`,
      );
    }
    html = render(doc, dropped);
    break;
  }
  return { html: resolve(html), dropped: dropped.map(resolve) };
}

// ---- Lexical (Ghost 5 and 6) ----

interface LexicalNode {
  type?: string;
  children?: LexicalNode[];
  [key: string]: unknown;
}

const FORMATS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
];

function lexicalHtml(doc: unknown, dropped: string[]): string {
  const root = (doc as { root?: LexicalNode })?.root;
  return (root?.children ?? []).map((node) => lexicalNode(node, dropped)).join('\n');
}

function lexicalNode(node: LexicalNode, dropped: string[]): string {
  const inner = () => (node.children ?? []).map((child) => lexicalNode(child, dropped)).join('');
  switch (node.type) {
    case 'text':
    case 'extended-text': {
      let html = escapeHtml(str(node.text));
      const format = Number(node.format ?? 0);
      for (const [bit, tag] of FORMATS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
      return html;
    }
    case 'linebreak':
      return '<br>';
    case 'tab':
      return ' ';
    case 'link':
    case 'autolink':
      return `<a href="${escapeHtml(str(node.url))}">${inner()}</a>`;
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
    case 'extended-heading': {
      const tag = /^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : 'h2';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'quote':
    case 'aside':
    case 'extended-quote':
      return `<blockquote><p>${inner()}</p></blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'listitem':
      return `<li>${inner()}</li>`;
    default:
      return card(node.type ?? 'unknown', node, dropped);
  }
}

// ---- mobiledoc (Ghost 4 and older posts) ----

type Marker = [number, number[], number, string | number];

function mobiledocHtml(doc: unknown, dropped: string[]): string {
  const {
    markups = [],
    atoms = [],
    cards = [],
    sections = [],
  } = doc as {
    markups?: [string, string[]?][];
    atoms?: [string, string, Row][];
    cards?: [string, Row][];
    sections?: unknown[][];
  };
  const markers = (list: Marker[]): string => {
    const open: string[] = [];
    let html = '';
    for (const [kind, opens, closes, value] of list) {
      for (const index of opens) {
        const [tag, attrs = []] = markups[index] ?? ['span'];
        const href = tag.toLowerCase() === 'a' ? attrs[attrs.indexOf('href') + 1] : undefined;
        html += href ? `<a href="${escapeHtml(href)}">` : `<${tag}>`;
        open.push(tag);
      }
      if (kind === 0) html += escapeHtml(String(value));
      else {
        const [name, text] = atoms[Number(value)] ?? ['', ''];
        html += name === 'soft-return' ? '<br>' : escapeHtml(text);
      }
      for (let i = 0; i < closes; i++) html += `</${open.pop()}>`;
    }
    return html;
  };
  return sections
    .map((section) => {
      const [kind] = section as [number];
      if (kind === 1) {
        const tag = String(section[1]).toLowerCase();
        const block = /^(h[1-6]|p|blockquote)$/.test(tag)
          ? tag
          : tag === 'aside' || tag === 'pull-quote'
            ? 'blockquote'
            : 'p';
        const html = markers(section[2] as Marker[]);
        return block === 'blockquote'
          ? `<blockquote><p>${html}</p></blockquote>`
          : `<${block}>${html}</${block}>`;
      }
      if (kind === 2) return `<figure><img src="${escapeHtml(String(section[1]))}"></figure>`;
      if (kind === 3) {
        const tag = String(section[1]).toLowerCase() === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${(section[2] as Marker[][]).map((item) => `<li>${markers(item)}</li>`).join('')}</${tag}>`;
      }
      if (kind === 10) {
        const [name, payload] = cards[Number(section[1])] ?? ['unknown', {}];
        return card(name, payload, dropped);
      }
      return '';
    })
    .join('\n');
}

// ---- Cards, shared by both ----

/** A Ghost card as HTML the body can hold, or nothing and its name in `dropped`. */
function card(name: string, payload: Row, dropped: string[]): string {
  const caption = (value: unknown) => (str(value) ? `<figcaption>${str(value)}</figcaption>` : '');
  switch (name) {
    case 'image':
      return `<figure><img src="${escapeHtml(str(payload.src))}" alt="${escapeHtml(str(payload.alt))}">${caption(payload.caption)}</figure>`;
    case 'gallery':
      return ((payload.images as Row[] | undefined) ?? [])
        .map(
          (image) =>
            `<figure><img src="${escapeHtml(str(image.src))}" alt="${escapeHtml(str(image.alt))}">${caption(image.caption)}</figure>`,
        )
        .join('\n');
    case 'html':
      return str(payload.html);
    case 'markdown':
    case 'card-markdown':
      return marked.parse(str(payload.markdown), { async: false });
    case 'codeblock':
    case 'code':
      return `<pre>${escapeHtml(str(payload.code))}</pre>`;
    case 'callout':
      return `<p>${str(payload.calloutText)}</p>`;
    case 'toggle':
      return `<h3>${str(payload.heading)}</h3>${str(payload.content)}`;
    case 'bookmark': {
      const url = str(payload.url);
      const title = str((payload.metadata as Row | undefined)?.title) || url;
      return url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></p>` : '';
    }
    case 'button': {
      const url = str(payload.buttonUrl);
      return url
        ? `<p><a href="${escapeHtml(url)}">${escapeHtml(str(payload.buttonText) || url)}</a></p>`
        : '';
    }
    case 'horizontalrule':
    case 'hr':
    case 'paywall':
      return '';
    case 'header':
      return `<h2>${str(payload.header)}</h2>${str(payload.subheader) ? `<p>${str(payload.subheader)}</p>` : ''}`;
    case 'call-to-action':
      return str(payload.textValue) ? `<p>${str(payload.textValue)}</p>` : '';
    case 'product':
      return `<h3>${str(payload.productTitle)}</h3>${str(payload.productDescription)}`;
    case 'embed':
      dropped.push(`an embedded ${str(payload.embedType) || 'page'} (${str(payload.url)})`);
      return '';
    default:
      dropped.push(`a Ghost ${name} card${str(payload.src) ? ` (${str(payload.src)})` : ''}`);
      return '';
  }
}

function ghostDate(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text =
    typeof value === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function title(settings: Row[]): string {
  return str(settings.find((s) => s.key === 'title')?.value) || 'site';
}

/** Where JSON.parse stopped, as a line and column. */
function jsonProblem(json: string, error: unknown): string {
  const message = (error as Error).message;
  const at = /position (\d+)/.exec(message);
  if (!at) return message.includes('end of JSON') ? `${message} (is the file cut short?)` : message;
  const before = json.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = Number(at[1]) - before.lastIndexOf('\n');
  const cut = Number(at[1]) >= json.trimEnd().length - 1 ? ' (is it cut short? export it again)' : '';
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}${cut}`;
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
