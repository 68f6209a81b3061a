import type { Editor } from '@tiptap/core';
import { slugify } from '../../lib/slugify.js';
import { stripControl } from '../../lib/text.js';
import { bodyForSave } from './body-schema.js';
import { byId } from './dom.js';
import type { ArticleJson, EditorData } from './editor-data.js';
import type { FeaturedImageField } from './featured-image.js';
import { fromLocalInput, toLocalInput } from './local-time.js';
import type { PicksField, TagsField } from './sidebar.js';

/** The article's fields as the API takes them, minus status and version (the save adds those). */
export interface Fields {
  title: string;
  lead: string;
  body: unknown;
  section: string;
  tags: string[];
  authors: string[];
  source: string | null;
  publishedAt: string | null;
  slug: string;
  featured: boolean;
  picks: number[];
  /** A media library id. */
  featuredImage: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
}

/** Field names in the server's messages, and the control and label each one means. */
const FIELDS: Record<string, { id: string; label: string }> = {
  title: { id: 'title', label: 'Headline' },
  lead: { id: 'lead', label: 'Lead' },
  body: { id: 'body-editor', label: 'Body' },
  section: { id: 'section', label: 'Section' },
  tags: { id: 'tag-new', label: 'Tags' },
  authors: { id: 'authors-first', label: 'Authors' },
  source: { id: 'source', label: 'Source' },
  publishedAt: { id: 'published-at', label: 'Publish time' },
  slug: { id: 'slug', label: 'Slug' },
  seoTitle: { id: 'seo-title', label: 'SEO title' },
  seoDescription: { id: 'seo-description', label: 'SEO description' },
  picks: { id: 'picks-search', label: 'Related articles' },
  featuredImage: { id: 'featured-choose', label: 'Featured image' },
  correction: { id: 'correction-text', label: 'Correction' },
};

/**
 * Which field a server message is about: `slug: "x" is already used`,
 * `body.content[3].attrs.href: ...`, `tags[2]: ...`, or a schema error `body/title must ...`.
 */
export function fieldOf(message: string): { field: string; label: string; rest: string } | undefined {
  const m = /^(?:body\/)?([a-zA-Z]+)(?:\[\d+\])?(?:[.\w[\]]*)?(?::\s*|\s+)(.*)$/s.exec(message);
  if (!m || !FIELDS[m[1]]) return undefined;
  return { field: m[1], label: FIELDS[m[1]].label, rest: m[2] };
}

/** The form around the body editor: reads every field, and shows what the server changed or refused. */
export class ArticleForm {
  readonly title = byId<HTMLTextAreaElement>('title');
  readonly lead = byId<HTMLTextAreaElement>('lead');
  readonly section = byId<HTMLSelectElement>('section');
  readonly source = byId<HTMLSelectElement>('source');
  readonly publishedAt = byId<HTMLInputElement>('published-at');
  readonly featured = byId<HTMLInputElement>('featured');
  readonly slug = byId<HTMLInputElement>('slug');
  readonly seoTitle = byId<HTMLInputElement>('seo-title');
  readonly seoDescription = byId<HTMLTextAreaElement>('seo-description');
  /** Whether the editor typed a slug; otherwise it follows the headline until the article first goes out. */
  slugEdited: boolean;

  constructor(
    readonly data: EditorData,
    readonly editor: Editor,
    readonly tags: TagsField,
    readonly picks: PicksField,
    readonly featuredImage: FeaturedImageField,
  ) {
    // A slug follows the headline until someone types one or the article first goes out.
    const article = data.article;
    this.slugEdited =
      article !== null &&
      (!['draft', 'review'].includes(article.status) || !article.slug.startsWith(slugify(article.title)));
    this.slug.addEventListener('input', () => (this.slugEdited = this.slug.value.trim() !== ''));
    document.querySelector<HTMLInputElement>('input[name="authors"]')?.setAttribute('id', 'authors-first');
  }

  /** The publish time as UTC ISO-8601, or null when empty; throws RangeError on a malformed value. */
  publishTime(): string | null {
    return fromLocalInput(this.publishedAt.value, this.data.timeZone);
  }

  collect(): Fields {
    const authors = Array.from(
      document.querySelectorAll<HTMLInputElement>('input[name="authors"]:checked'),
    ).map((box) => box.value);
    let publishedAt: string | null;
    try {
      publishedAt = this.publishTime();
    } catch {
      publishedAt = this.publishedAt.value;
    }
    return {
      // Control characters pasted into a field would be refused by the server: they are never sent.
      title: stripControl(this.title.value),
      lead: stripControl(this.lead.value),
      body: bodyForSave(this.editor.getJSON()),
      section: this.section.value,
      tags: this.tags.names().map(stripControl),
      authors,
      source: this.source.value || null,
      publishedAt,
      slug: this.slugEdited ? this.slug.value.trim() : '',
      featured: this.featured.checked,
      picks: this.picks.ids(),
      featuredImage: this.featuredImage.id(),
      seoTitle: stripControl(this.seoTitle.value).trim() || null,
      seoDescription: stripControl(this.seoDescription.value).trim() || null,
    };
  }

  /**
   * The slug to send: the one typed, or, while the article has never gone
   * out, one that follows the headline (empty for a new article: the server picks).
   */
  slugToSend(fields: Fields, saved: ArticleJson | null): string {
    if (this.slugEdited) return fields.slug;
    if (!saved || saved.status !== 'draft') return saved ? saved.slug : '';
    return slugify(fields.title) || saved.slug;
  }

  /** Shows what the server stored where the editor has not typed since. */
  adopt(saved: ArticleJson, sent: Fields, current: Fields): void {
    if (!this.slugEdited || this.slug.value.trim() === saved.slug) this.slug.value = saved.slug;
    if (current.publishedAt === sent.publishedAt)
      this.publishedAt.value = toLocalInput(saved.publishedAt, this.data.timeZone);
    if (JSON.stringify(current.tags) === JSON.stringify(sent.tags)) this.tags.set(saved.tags);
  }

  /** Marks the field a server message names, and says which one it is. */
  markError(message: string, focus: boolean): string {
    this.clearErrors();
    const found = fieldOf(message);
    if (!found) return message;
    const control =
      found.field === 'body' ? this.editor.view.dom : document.getElementById(FIELDS[found.field].id);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.closest('details')?.setAttribute('open', '');
      if (focus) control.focus();
    }
    return `${found.label}: ${found.rest}`;
  }

  clearErrors(): void {
    for (const el of Array.from(document.querySelectorAll('[aria-invalid="true"]')))
      el.removeAttribute('aria-invalid');
  }
}
