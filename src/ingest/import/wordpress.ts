import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleStatus } from '../../db/schema.js';
import { slugify } from '../../lib/slugify.js';
import { escapeHtml, oneLine } from '../../lib/text.js';
import { bodyFromHtml, htmlLine } from '../body-from-html.js';
import {
  emptyPlan,
  ImportFileError,
  originOf,
  pathOf,
  readItem,
  type ImportPlan,
  type PlanImage,
  type PlanItem,
  type PlanTerm,
} from './plan.js';

const LISTS = new Set([
  'item',
  'wp:author',
  'wp:category',
  'wp:tag',
  'wp:term',
  'wp:postmeta',
  'category',
  'wp:comment',
]);

interface Attachment {
  url: string;
  alt: string;
  caption: string;
}

type Node = Record<string, unknown>;

/** WordPress's default category, as it is named in the languages of our newsrooms' neighbours. */
const DEFAULT_CATEGORY = new Set([
  'uncategorized',
  'uncategorised',
  'без-категория',
  'без-рубрики',
  'sin-categoria',
  'non-classe',
  'allgemein',
  'senza-categoria',
  'geen-categorie',
  'bez-kategorii',
  'sem-categoria',
  'necategorizat',
  'nekategorizovano',
]);

/**
 * A WordPress export (WXR 1.0–1.2, "Tools → Export → All content") as an
 * import plan. Read whole with fast-xml-parser after its validator has
 * passed the file, so a cut or damaged file is refused with its line and
 * column before anything is written.
 *
 * - Posts and pages. Statuses: publish, future (scheduled), draft, pending
 *   (review); private and password-protected posts are drafts (noted); the
 *   bin and auto-drafts are skipped. Pages become draft articles (noted).
 * - Categories to sections: a post's section is the top category of its
 *   primary category (Yoast's or Rank Math's choice, else the category its
 *   permalink names, else the oldest); its other categories become tags, so
 *   nothing is lost. The default category ("Uncategorized", in the site's
 *   language) files the post in the default section.
 * - Tags; authors (`wp:author`) as bylines.
 * - Bodies: block markup (`<!-- wp:… -->` comments around HTML) and classic
 *   HTML (paragraphs as blank lines, which WordPress's wpautop turns into
 *   `<p>` on display) both read by bodyFromHtml; `[caption]` and
 *   `[gallery]` shortcodes become figures, other shortcodes are dropped and
 *   named. Pictures are matched to their attachments, so a resized copy
 *   (`pier-1024x683.png`) is fetched as its original, with its alt text.
 * - Featured images (`_thumbnail_id`), excerpts as leads, permalinks and
 *   short links (`/?p=123`) as old paths; comments counted and left.
 * - A post whose text cannot be read is skipped and named, not the end of
 *   the import.
 */
export function readWordpress(xml: string): ImportPlan {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // Elements still open at the end: the validator lists them, at "line 1".
    const open = /^Invalid '(\[[^]*\])' found/.exec(valid.err.msg)?.[1];
    if (open) {
      const names = (JSON.parse(open) as string[]).map((n) => `<${n}>`).join(' ');
      const lines = xml.split('\n');
      throw new ImportFileError(
        `not a readable WordPress export: line ${lines.length}, column ${lines.at(-1)!.length + 1}: the file ends inside ${names} (is it cut short? export it again)`,
      );
    }
    throw new ImportFileError(
      `not a readable WordPress export: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => LISTS.has(name),
  }).parse(xml) as Node;
  const channel = (parsed.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || !('wp:wxr_version' in channel || 'wp:base_site_url' in channel))
    throw new ImportFileError(
      'not a WordPress export: there is no <rss><channel> with wp:wxr_version (make one in WordPress with Tools → Export → All content)',
    );
  const siteUrl = text(channel['wp:base_blog_url']) || text(channel['wp:base_site_url']) || null;
  const items = list(channel.item);

  // Categories: the section is a post's top category.
  const categories = new Map<string, { name: string; parent: string; termId: number }>();
  const byTermId = new Map<string, string>();
  for (const c of list(channel['wp:category'])) {
    const nicename = decodeSlug(text(c['wp:category_nicename']));
    categories.set(nicename, {
      name: htmlLine(text(c['wp:cat_name'])),
      parent: decodeSlug(text(c['wp:category_parent'])),
      termId: Number(text(c['wp:term_id'])) || Number.MAX_SAFE_INTEGER,
    });
    byTermId.set(text(c['wp:term_id']), nicename);
  }
  const topOf = (nicename: string): string => {
    const seen = new Set<string>();
    let at = nicename;
    while (categories.get(at)?.parent && !seen.has(at)) {
      seen.add(at);
      at = categories.get(at)!.parent;
    }
    return at;
  };
  const tagNames = new Map<string, string>();
  for (const t of list(channel['wp:tag']))
    tagNames.set(decodeSlug(text(t['wp:tag_slug'])), htmlLine(text(t['wp:tag_name'])));
  const authorNames = new Map<string, string>();
  for (const a of list(channel['wp:author']))
    authorNames.set(
      text(a['wp:author_login']),
      htmlLine(text(a['wp:author_display_name'])) || text(a['wp:author_login']),
    );

  const attachments = new Map<string, Attachment>();
  for (const item of items) {
    if (text(item['wp:post_type']) !== 'attachment') continue;
    const url = text(item['wp:attachment_url']);
    if (!url) continue;
    attachments.set(text(item['wp:post_id']), {
      url,
      alt: oneLine(meta(item, '_wp_attachment_image_alt') ?? ''),
      caption: htmlLine(text(item['excerpt:encoded'])),
    });
  }
  const byFile = new Map<string, Attachment>();
  for (const a of attachments.values()) byFile.set(originalFile(a.url), a);

  const plan = emptyPlan('wordpress', originOf('wordpress', siteUrl ?? text(channel.link)), siteUrl);
  const sections = new Map<string, PlanTerm>();
  const tags = new Map<string, PlanTerm>();
  const authors = new Map<string, PlanTerm & { bio: string }>();
  const otherTypes = new Map<string, number>();

  for (const item of items) {
    const type = text(item['wp:post_type']);
    const id = text(item['wp:post_id']);
    if (type === 'attachment') continue;
    if (type !== 'post' && type !== 'page') {
      otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
      continue;
    }
    const title = htmlLine(text(item.title));
    const named = `${type} ${id}${title ? ` "${title}"` : ''}`;
    const wpStatus = text(item['wp:status']);
    const comments = list(item['wp:comment']).length;
    plan.comments += comments;
    if (wpStatus === 'trash' || wpStatus === 'auto-draft' || wpStatus === 'inherit') {
      plan.skipped.push({ what: named, why: wpStatus === 'trash' ? 'in the bin' : `status ${wpStatus}` });
      continue;
    }
    if (!title) {
      plan.skipped.push({ what: named, why: 'it has no title: give it one in WordPress and export again' });
      continue;
    }
    readItem(plan, named, () => {
      const notes: string[] = [];
      const createdAt = wpDate(item['wp:post_date_gmt'], item['wp:post_date']) ?? new Date(0).toISOString();
      const updatedAt = wpDate(item['wp:post_modified_gmt'], item['wp:post_modified']) ?? createdAt;
      let status: ArticleStatus;
      let publishedAt: string | null = null;
      if (type === 'page') {
        status = 'draft';
        notes.push('a page on WordPress: imported as a draft article (Newsdesk has no separate pages)');
      } else if (wpStatus === 'publish' || wpStatus === 'future') {
        publishedAt = createdAt;
        status = wpStatus === 'future' ? 'scheduled' : 'published';
      } else if (wpStatus === 'pending') status = 'review';
      else {
        status = 'draft';
        if (wpStatus === 'private') notes.push('private on WordPress: imported as a draft');
      }
      if (text(item['wp:post_password']) && status !== 'draft') {
        status = 'draft';
        publishedAt = null;
        notes.push('password-protected on WordPress: imported as a draft, for an editor to decide');
      }

      // Categories and tags.
      const link = text(item.link);
      const terms = list(item.category).map((c) => ({
        domain: text(c['@domain']),
        nicename: decodeSlug(text(c['@nicename'])),
        name: htmlLine(text(c)),
      }));
      const own = terms
        .filter((t) => t.domain === 'category' && t.nicename && t.name && !DEFAULT_CATEGORY.has(t.nicename))
        .map((t) => t.nicename);
      const chosen = byTermId.get(
        meta(item, '_yoast_wpseo_primary_category') ?? meta(item, 'rank_math_primary_category') ?? '',
      );
      const linkPath = decodeSlug(pathOf(link) ?? '');
      const primary =
        (chosen && own.includes(chosen) ? chosen : undefined) ??
        own.find((c) => linkPath.includes(`/${c}/`)) ??
        [...own].sort((a, b) => (categories.get(a)?.termId ?? 0) - (categories.get(b)?.termId ?? 0))[0];
      let section: string | undefined;
      if (primary) {
        const top = topOf(primary);
        section = `category:${top}`;
        if (!sections.has(section))
          sections.set(section, {
            key: section,
            name: categories.get(top)?.name ?? terms.find((t) => t.nicename === top)?.name ?? top,
            slug: slugify(top),
            oldPaths: [`/category/${top}/`],
          });
      }
      const itemTags: string[] = [];
      for (const { domain, nicename, name } of terms) {
        if (!nicename || !name) continue;
        if (domain === 'post_tag') {
          const key = `tag:${nicename}`;
          if (!tags.has(key))
            tags.set(key, {
              key,
              name: tagNames.get(nicename) ?? name,
              slug: slugify(nicename),
              oldPaths: [`/tag/${nicename}/`],
            });
          itemTags.push(key);
        } else if (domain === 'category' && own.includes(nicename) && `category:${nicename}` !== section) {
          // A sub-category, or a second category: kept as a tag.
          const key = `category:${nicename}`;
          if (!tags.has(key))
            tags.set(key, {
              key,
              name,
              slug: slugify(nicename),
              oldPaths: [`/category/${categoryPath(nicename, categories)}/`],
            });
          itemTags.push(key);
        }
      }

      const creator = text(item['dc:creator']);
      const itemAuthors: string[] = [];
      if (creator) {
        const key = `author:${creator}`;
        if (!authors.has(key)) {
          const name = authorNames.get(creator) ?? creator;
          authors.set(key, {
            key,
            name,
            slug: slugify(name) || slugify(creator),
            oldPaths: [`/author/${creator}/`],
            bio: '',
          });
        }
        itemAuthors.push(key);
      }

      const { html, dropped } = wpHtml(text(item['content:encoded']), attachments);
      const { body, dropped: alsoDropped } = bodyFromHtml(html, { base: link || siteUrl || undefined });
      // A picture in the text is its attachment's original, with the attachment's alt text.
      for (const block of body.content) {
        if (block.type !== 'image') continue;
        const attachment = byFile.get(originalFile(block.attrs.src));
        if (attachment) {
          block.attrs.src = attachment.url;
          block.attrs.alt ||= attachment.alt;
          block.attrs.caption ||= attachment.caption;
        }
      }
      const thumbnail = meta(item, '_thumbnail_id');
      const featured = thumbnail ? attachments.get(thumbnail) : undefined;
      if (thumbnail && !featured)
        notes.push(`its featured image (attachment ${thumbnail}) is not in the export`);
      const featuredImage: PlanImage | null = featured ? { ...featured } : null;

      const slug = decodeSlug(text(item['wp:post_name'])) || title;
      // Its permalink, and WordPress's short link by id, which older links and feeds still use. Kept
      // whatever its status: they redirect only while readers may see the article.
      const oldPaths = [link ? pathOf(link) : undefined, type === 'page' ? `/?page_id=${id}` : `/?p=${id}`];
      const entry: PlanItem = {
        key: `${type}:${id}`,
        type: type as 'post' | 'page',
        title,
        slug,
        status,
        publishedAt,
        createdAt,
        updatedAt,
        lead: htmlLine(text(item['excerpt:encoded'])),
        seoDescription: null,
        body,
        section,
        tags: [...new Set(itemTags)],
        authors: itemAuthors,
        featuredImage,
        oldPaths: oldPaths.filter((p): p is string => p !== undefined && p !== '/'),
        dropped: [...dropped, ...alsoDropped],
        notes,
      };
      if (!body.content.length) notes.push('its text is empty');
      return entry;
    });
  }
  for (const [type, count] of otherTypes)
    plan.skipped.push({
      what: `${count} ${type} ${count === 1 ? 'entry' : 'entries'}`,
      why: 'not an article (menus, templates and the like)',
    });
  plan.sections = [...sections.values()];
  plan.tags = [...tags.values()];
  plan.authors = [...authors.values()];
  return plan;
}

/**
 * Post content as HTML the body reader takes: shortcodes settled, and
 * classic content (no blocks, no paragraphs) given its paragraphs as
 * WordPress's wpautop would on display.
 */
export function wpHtml(
  content: string,
  attachments: Map<string, Attachment>,
): { html: string; dropped: string[] } {
  const dropped: string[] = [];
  let html = content.replace(/\r\n?/g, '\n');
  // [caption id="attachment_103" …]<img …> Caption text[/caption]
  html = html.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/g, (_, inner: string) => {
    const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
    const caption = inner.replace(image, '').trim();
    return `\n\n<figure>${image}<figcaption>${caption}</figcaption></figure>\n\n`;
  });
  // [gallery ids="1,2"]: the attachments' pictures, one figure each.
  html = html.replace(/\[gallery\b([^\]]*)\]/g, (whole, attrs: string) => {
    const ids =
      /ids=["']?([\d,\s]+)/
        .exec(attrs)?.[1]
        .split(/[\s,]+/)
        .filter(Boolean) ?? [];
    const figures = ids.flatMap((id) => {
      const a = attachments.get(id);
      return a
        ? [
            `<figure><img src="${escapeHtml(a.url)}" alt="${escapeHtml(a.alt)}"><figcaption>${escapeHtml(a.caption)}</figcaption></figure>`,
          ]
        : [];
    });
    if (!figures.length) dropped.push(`a gallery (${whole})`);
    return `\n\n${figures.join('\n\n')}\n\n`;
  });
  html = html.replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_, url: string) => {
    dropped.push(`an embedded page (${url.trim()})`);
    return '';
  });
  // Embeds, videos and sounds in block markup: the body has no room for them.
  html = html.replace(
    /<!--\s*wp:((?:core-)?embed(?:\/[\w-]+)?|video|audio|file)\b([^]*?)-->[^]*?<!--\s*\/wp:\1\s*-->/g,
    (_, name: string, attrs: string) => {
      const url = /"(?:url|src)"\s*:\s*"([^"]+)"/.exec(attrs)?.[1]?.replace(/\\\//g, '/');
      const type = /"type"\s*:\s*"(\w+)"/.exec(attrs)?.[1];
      const what =
        { video: 'a video', audio: 'a sound file', file: 'a file' }[name] ?? `an embedded ${type ?? 'page'}`;
      dropped.push(`${what}${url ? ` (${url})` : ''}`);
      return '';
    },
  );
  // Any other shortcode: lower-case, with key="value" attributes or a closing tag ("[sic]", "[CHECK]" stay).
  html = html.replace(
    /\[(\/?)([a-z][a-z0-9_-]*)(\s+[^\]]*)?\]/g,
    (whole, closing: string, name: string, attrs = '') => {
      const closed = html.includes(`[/${name}]`);
      if (!closing && !closed && !/=/.test(attrs)) return whole;
      if (!closing) dropped.push(`the shortcode [${name}]`);
      return '';
    },
  );
  if (!/<!--\s*wp:/.test(html)) html = autop(html);
  return { html, dropped };
}

const BLOCKS =
  'p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|div|table|thead|tbody|tr|td|th|pre|hr|section|article|aside|header|footer|dl|dt|dd|address|iframe';

/**
 * WordPress's wpautop, in short: block-level tags stand on their own; of
 * the text between them, a blank line ends a paragraph and a single line
 * break is a `<br>`.
 */
function autop(html: string): string {
  return html
    .replace(new RegExp(`(<(?:${BLOCKS})[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${BLOCKS})>)`, 'gi'), '$1\n\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) =>
      new RegExp(`^</?(?:${BLOCKS})\\b`, 'i').test(chunk) || chunk.startsWith('<!--')
        ? chunk
        : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`,
    )
    .join('\n');
}

/** WordPress's dates: GMT when it has one ("0000-00-00 00:00:00" for drafts), else the site's local time read as UTC. */
function wpDate(gmt: unknown, local: unknown): string | undefined {
  for (const value of [text(gmt), text(local)]) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
    if (!m || m[1] === '0000') continue;
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return undefined;
}

/** "pier-plan-1024x683.png" and "pier-plan.png" name one upload. */
function originalFile(url: string): string {
  const path = pathOf(url) ?? url;
  return path.replace(/-\d+x\d+(\.\w+)$/, '$1').replace(/-scaled(\.\w+)$/, '$1');
}

function categoryPath(nicename: string, categories: Map<string, { parent: string }>): string {
  const parts = [nicename];
  for (let at = categories.get(nicename)?.parent; at && !parts.includes(at); at = categories.get(at)?.parent)
    parts.unshift(at);
  return parts.join('/');
}

function decodeSlug(name: string): string {
  try {
    return decodeURIComponent(name).replace(/__trashed$/, '');
  } catch {
    return name;
  }
}

function meta(item: Node, key: string): string | undefined {
  const found = list(item['wp:postmeta']).find((m) => text(m['wp:meta_key']) === key);
  return found ? text(found['wp:meta_value']) : undefined;
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : [];
}

/** An element's text: fast-xml-parser gives a string, or an object with `#text` when the element has attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Node)['#text']);
  return String(value).trim();
}
