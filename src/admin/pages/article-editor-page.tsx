import type { JSX } from 'preact';
import { formatDate } from '../../lib/dateline.js';
import { safeJson } from '../../site/templates/json-ld.js';
import { actionsFor, STATUS_LABELS } from '../editor/editor-actions.js';
import type { EditorData, LibraryImage } from '../editor/editor-data.js';
import { toLocalInput } from '../editor/local-time.js';
import type { OriginalItem } from '../../ingest/incoming.original.js';
import { AdminLayout, type AdminContext } from './admin-layout.js';
import { OriginalItemPanel } from './original-item-panel.js';

/**
 * The article editor: headline, lead and body on the left, everything about
 * the article in the sidebar; first in it, for a draft written from a
 * partner's item, that item (`original`). The server renders every field with
 * its saved value; src/admin/editor/editor.ts mounts the body editor and does
 * the saving.
 */
export function ArticleEditorPage(props: { ctx: AdminContext; data: EditorData; original?: OriginalItem }) {
  const { ctx, data, original } = props;
  const article = data.article;
  const status = article?.status ?? null;
  const localTime = toLocalInput(article?.publishedAt ?? null, data.timeZone);
  const future = article?.publishedAt ? article.publishedAt > data.serverNow : false;
  const actions = actionsFor({ status, canEdit: data.canEdit, canPublish: data.canPublish, future });
  const authors = article?.authors ?? data.defaultAuthors;
  const readOnly = !data.canEdit;
  return (
    <AdminLayout ctx={ctx} title={article ? `Edit: ${article.title}` : 'New article'} wide>
      <div class="ed">
        <form class="ed-form" id="article-form" aria-labelledby="ed-heading" data-state="loading">
          <div class="ed-crumbs">
            <a href="/admin/articles">Articles</a>
            <span aria-hidden="true">/</span>
            <h1 id="ed-heading">{article ? `Article ${article.id}` : 'New article'}</h1>
          </div>
          <div class="ed-main">
            {readOnly ? (
              <p class="form-error" role="alert">
                Your role ({data.user.role}) does not allow you to change this article while it is{' '}
                {STATUS_LABELS[status ?? 'new'].toLowerCase()}. You can read it here.
              </p>
            ) : null}
            <label class="ed-label" for="title">
              Headline
            </label>
            <textarea
              id="title"
              name="title"
              class="ed-title"
              rows={1}
              maxLength={300}
              required
              placeholder="Headline"
              readOnly={readOnly}
            >
              {article?.title ?? ''}
            </textarea>
            <label class="ed-label" for="lead">
              Lead
            </label>
            <textarea
              id="lead"
              name="lead"
              class="ed-lead"
              rows={1}
              maxLength={1000}
              placeholder="The standfirst: one or two sentences that tell the story"
              readOnly={readOnly}
            >
              {article?.lead ?? ''}
            </textarea>
            <div class="ed-body">
              <span class="ed-label" id="body-label">
                Body
              </span>
              <Toolbar />
              <div id="body-editor" class="ed-body__content" aria-labelledby="body-label" />
              <noscript>
                <p class="form-error">The article editor needs JavaScript: turn it on and reload the page.</p>
              </noscript>
            </div>
          </div>
          <aside class={original ? 'ed-side ed-side--pinned' : 'ed-side'} aria-label="Article settings">
            {original ? <OriginalItemPanel item={original} timeZone={data.timeZone} /> : null}
            <section class="ed-panel ed-panel--publish" aria-labelledby="publish-heading">
              <div class="ed-panel__head">
                <h2 id="publish-heading">Publish</h2>
                <span id="status-pill" class={`status status--${status ?? 'new'}`}>
                  {STATUS_LABELS[status ?? 'new']}
                </span>
              </div>
              <p id="save-state" class="ed-save-state" role="status" aria-live="polite">
                {article ? `Version ${article.version}` : 'Not saved yet'}
              </p>
              <div id="save-error" class="ed-save-error" role="alert" hidden />
              <div id="conflict" class="ed-conflict" role="alert" hidden>
                <p id="conflict-message" />
                <p class="ed-conflict__actions">
                  <a id="conflict-open" class="button" target="_blank" href="#">
                    Open the latest version in a new tab
                  </a>
                  <button type="button" id="conflict-overwrite" class="button button--danger">
                    Save mine over it
                  </button>
                </p>
              </div>
              <label for="published-at">
                Publish time <span class="hint">({data.timeZone})</span>
              </label>
              <input
                type="datetime-local"
                id="published-at"
                name="publishedAt"
                value={localTime}
                step={1}
                aria-describedby="published-at-hint"
                disabled={readOnly || !data.canPublish}
              />
              <p id="published-at-hint" class="hint">
                {status === 'published'
                  ? 'The time readers see as the publication date.'
                  : 'Leave empty to publish at once; a later time schedules it.'}
              </p>
              <label class="ed-check">
                <input type="checkbox" id="featured" name="featured" checked={article?.featured ?? false} />
                Featured on the home page
              </label>
              <div id="actions" class="ed-actions">
                {actions.map((a) => (
                  <button type="button" class={`button button--${a.kind}`} data-action={a.action}>
                    {a.label}
                  </button>
                ))}
              </div>
              {article ? (
                <p class="ed-links">
                  <a href={`/admin/articles/${article.id}/preview`} target="_blank" rel="noopener">
                    Preview
                  </a>
                  <a href={`/admin/articles/${article.id}/revisions`}>Revisions</a>
                  {status === 'published' ? <a href={article.path}>View on site</a> : null}
                </p>
              ) : null}
            </section>

            <section class="ed-panel" aria-labelledby="filing-heading">
              <h2 id="filing-heading">Filing</h2>
              <label for="section">Section</label>
              <select id="section" name="section" required>
                <option value="">Choose a section…</option>
                {data.sections.map((s) => (
                  <option value={s.slug} selected={article?.section === s.slug}>
                    {s.name}
                  </option>
                ))}
              </select>
              <fieldset class="ed-authors">
                <legend>Authors</legend>
                <div class="ed-authors__list">
                  {[...data.authors]
                    // The article's own authors first, in byline order; then everyone else.
                    .sort((a, b) => rank(authors, a.slug) - rank(authors, b.slug))
                    .map((a) => (
                      <label class="ed-check">
                        <input
                          type="checkbox"
                          name="authors"
                          value={a.slug}
                          checked={authors.includes(a.slug)}
                        />
                        {a.name}
                      </label>
                    ))}
                </div>
              </fieldset>
              <label for="source">
                Source <span class="hint">(optional)</span>
              </label>
              <select id="source" name="source">
                <option value="">Our own reporting</option>
                {data.sources.map((s) => (
                  <option value={s.slug} selected={article?.source === s.slug}>
                    {s.name}
                  </option>
                ))}
              </select>
            </section>

            <FeaturedImagePanel image={data.featuredImage} />

            <section class="ed-panel" aria-labelledby="tags-heading">
              <h2 id="tags-heading">Tags</h2>
              <ul id="tag-chips" class="ed-chips" aria-label="Tags of this article">
                {(article?.tags ?? []).map((t) => (
                  <li class="ed-chip">{t}</li>
                ))}
              </ul>
              <div class="ed-inline-field">
                <label for="tag-new" class="visually-hidden">
                  Add a tag
                </label>
                <input id="tag-new" type="text" placeholder="Add a tag…" maxLength={60} autoComplete="off" />
                <button type="button" id="tag-add" class="button">
                  Add
                </button>
              </div>
              <div class="ed-suggestions" aria-labelledby="suggestions-heading">
                <div class="ed-suggestions__head">
                  <h3 id="suggestions-heading">Suggested tags</h3>
                  <button type="button" id="suggest-refresh" class="link-button">
                    Refresh
                  </button>
                </div>
                <p id="suggestions-state" class="hint" aria-live="polite">
                  Suggestions appear as you write.
                </p>
                <ul id="tag-suggestions" class="ed-suggestions__list" />
              </div>
            </section>

            <section class="ed-panel" aria-labelledby="picks-heading">
              <h2 id="picks-heading">Related articles</h2>
              <p class="hint">Editors’ picks, shown first under the article.</p>
              <ol id="picks" class="ed-picks" aria-label="Picked related articles" />
              <label for="picks-search">Find an article to add</label>
              <input id="picks-search" type="search" placeholder="Words from a headline, or an id" />
              <ul id="picks-results" class="ed-results" aria-label="Articles found" />
            </section>

            <details
              class="ed-panel ed-panel--more"
              open={Boolean(article?.seoTitle || article?.seoDescription)}
            >
              <summary>
                <h2>URL and search engines</h2>
              </summary>
              <label for="slug">
                Slug <span class="hint">(the end of the address)</span>
              </label>
              <input id="slug" name="slug" type="text" value={article?.slug ?? ''} maxLength={120} />
              <label for="seo-title">
                SEO title <span class="hint">(instead of the headline, for search results)</span>
              </label>
              <input
                id="seo-title"
                name="seoTitle"
                type="text"
                value={article?.seoTitle ?? ''}
                maxLength={300}
              />
              <label for="seo-description">
                SEO description <span class="hint" id="seo-description-count" />
              </label>
              <textarea id="seo-description" name="seoDescription" rows={3} maxLength={500}>
                {article?.seoDescription ?? ''}
              </textarea>
            </details>

            {article && data.canPublish ? (
              <section class="ed-panel" aria-labelledby="corrections-heading">
                <h2 id="corrections-heading">Corrections</h2>
                <ul id="corrections" class="ed-corrections">
                  {article.corrections.map((c) => (
                    <li>
                      <time dateTime={c.createdAt}>
                        {formatDate(c.createdAt, data.timeZone, 'D MMM YYYY, HH:mm')}
                      </time>{' '}
                      {c.text}
                    </li>
                  ))}
                </ul>
                <label for="correction-text">
                  Add a correction note <span class="hint">(dated and shown to readers)</span>
                </label>
                <textarea id="correction-text" rows={3} maxLength={2000} />
                <button type="button" id="correction-add" class="button">
                  Add correction
                </button>
                <p id="correction-state" class="hint" role="status" />
              </section>
            ) : null}
          </aside>
        </form>
        <LinkDialog />
        <ImageDialog />
        <RelatedDialog />
      </div>
      <script type="application/json" id="editor-data" dangerouslySetInnerHTML={{ __html: safeJson(data) }} />
      <script type="module" src={ctx.assets.editorJs} />
    </AdminLayout>
  );
}

/**
 * The featured image, from the page's data so the thumbnail needs no request;
 * src/admin/editor/featured-image.ts renders every later state the same way.
 */
function FeaturedImagePanel(props: { image: LibraryImage | null }) {
  const { image } = props;
  return (
    <section class="ed-panel" aria-labelledby="featured-image-heading">
      <h2 id="featured-image-heading">Featured image</h2>
      <div id="featured-image" class="ed-featured">
        {image ? (
          <>
            <img class="ed-featured__thumb" src={image.thumb} alt={image.alt} />
            {image.alt ? (
              <p>
                <span class="ed-featured__label">Alt text</span> {image.alt}
              </p>
            ) : (
              <p class="ed-featured__missing">No alternative text yet.</p>
            )}
            {image.caption || image.credit ? (
              <p>
                <span class="ed-featured__label">Caption</span> {image.caption}
                {image.credit ? <span class="hint"> {image.credit}</span> : null}
              </p>
            ) : null}
            <a href={`/admin/media/${image.id}`} target="_blank" rel="noopener">
              Edit in the media library
            </a>
          </>
        ) : (
          <p class="hint">
            None. It leads the article page and the home page, and shows when the article is shared.
          </p>
        )}
      </div>
      <div class="ed-featured__actions">
        <button type="button" id="featured-choose" class="button">
          Choose…
        </button>
        <button type="button" id="featured-remove" class="button" hidden={!image}>
          Remove<span class="visually-hidden"> featured image</span>
        </button>
      </div>
    </section>
  );
}

function rank(chosen: string[], slug: string): number {
  const i = chosen.indexOf(slug);
  return i === -1 ? chosen.length : i;
}

const TOOLS: { cmd: string; label: string; keys?: string; icon: JSX.Element; toggle?: boolean }[] = [
  { cmd: 'bold', label: 'Bold', keys: 'Ctrl+B', icon: <b>B</b>, toggle: true },
  { cmd: 'italic', label: 'Italic', keys: 'Ctrl+I', icon: <i class="ed-tb__serif">I</i>, toggle: true },
  {
    cmd: 'link',
    label: 'Link',
    keys: 'Ctrl+K',
    icon: (
      <Icon d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    ),
    toggle: true,
  },
  { cmd: 'h2', label: 'H2', icon: <span>H2</span>, toggle: true },
  { cmd: 'h3', label: 'H3', icon: <span>H3</span>, toggle: true },
  {
    cmd: 'quote',
    label: 'Quote',
    icon: <span class="ed-tb__quote">“</span>,
    toggle: true,
  },
  {
    cmd: 'bulletList',
    label: 'Bullet list',
    icon: <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
    toggle: true,
  },
  {
    cmd: 'orderedList',
    label: 'Numbered list',
    icon: <Icon d="M10 6h10M10 12h10M10 18h10M4 5l1.5-1V9M3.5 14.5a1.5 1.5 0 0 1 3 .5L3.5 19h3" />,
    toggle: true,
  },
  { cmd: 'image', label: 'Image', icon: <Icon d="M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9.5h.01" /> },
  { cmd: 'related', label: 'Related article', icon: <Icon d="M5 4h10l4 4v12H5zM9 12h6M9 16h4" /> },
];

function Toolbar() {
  return (
    <div class="ed-toolbar" role="toolbar" aria-label="Formatting" aria-controls="body-editor">
      {TOOLS.map((tool) => (
        <button
          type="button"
          class={`ed-tb ed-tb--${tool.cmd}`}
          data-cmd={tool.cmd}
          aria-pressed={tool.toggle ? 'false' : undefined}
          title={tool.keys ? `${tool.label} (${tool.keys})` : tool.label}
          disabled
        >
          <span class="ed-tb__icon" aria-hidden="true">
            {tool.icon}
          </span>
          {tool.cmd === 'image' || tool.cmd === 'related' ? (
            <span class="ed-tb__text">{tool.label}</span>
          ) : (
            <span class="visually-hidden">{tool.label}</span>
          )}
        </button>
      ))}
    </div>
  );
}

function Icon(props: { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={props.d} />
    </svg>
  );
}

function LinkDialog() {
  return (
    <dialog id="link-dialog" class="ed-dialog" aria-labelledby="link-dialog-title">
      <form method="dialog" class="stack">
        <h2 id="link-dialog-title">Link</h2>
        <label>
          Address
          <input id="link-href" type="text" inputMode="url" placeholder="https://… or /articles/…" />
        </label>
        <label id="link-text-field">
          Text to show
          <input id="link-text" type="text" />
        </label>
        <p id="link-error" class="ed-field-error" role="alert" hidden />
        <div class="ed-dialog__actions">
          <button type="button" id="link-remove" class="button button--danger">
            Remove link
          </button>
          <span class="ed-dialog__spacer" />
          <button type="button" class="button" data-close>
            Cancel
          </button>
          <button type="submit" value="apply" id="link-apply" class="button button--primary">
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ImageDialog() {
  return (
    <dialog id="image-dialog" class="ed-dialog" aria-labelledby="image-dialog-title">
      <form method="dialog" class="stack">
        <h2 id="image-dialog-title">Image</h2>
        {/* The media library (GET /api/admin/media) fills this when it answers; see editor/media.ts. */}
        <div id="media-library" class="ed-media" hidden />
        {/* An image in the body has its own texts; the featured image shows the library's (editor/image-dialog.ts). */}
        <div id="image-fields" class="stack">
          <label>
            Image address
            <input id="image-src" type="text" inputMode="url" placeholder="https://… or /media/…" />
          </label>
          <label>
            Alternative text <span class="hint">(what the image shows, for people who cannot see it)</span>
            <input id="image-alt" type="text" maxLength={2000} />
          </label>
          <label>
            Caption
            <input id="image-caption" type="text" maxLength={2000} />
          </label>
          <label>
            Credit
            <input id="image-credit" type="text" maxLength={2000} placeholder="Photo: …" />
          </label>
        </div>
        <p id="image-featured-note" class="hint" hidden>
          Readers see the library’s alternative text, caption and credit with it: change them in the media
          library.
        </p>
        <p id="image-error" class="ed-field-error" role="alert" hidden />
        <div class="ed-dialog__actions">
          <span class="ed-dialog__spacer" />
          <button type="button" class="button" data-close>
            Cancel
          </button>
          <button type="submit" value="insert" id="image-insert" class="button button--primary">
            Insert image
          </button>
        </div>
      </form>
    </dialog>
  );
}

function RelatedDialog() {
  return (
    <dialog id="related-dialog" class="ed-dialog" aria-labelledby="related-dialog-title">
      <form method="dialog" class="stack">
        <h2 id="related-dialog-title">Insert a related article</h2>
        <label>
          Find an article
          <input
            id="related-search"
            type="search"
            placeholder="Words from a headline, or an id"
            autoComplete="off"
          />
        </label>
        <ul id="related-results" class="ed-results" aria-label="Articles found" />
        <div class="ed-dialog__actions">
          <span class="ed-dialog__spacer" />
          <button type="button" class="button" data-close>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
