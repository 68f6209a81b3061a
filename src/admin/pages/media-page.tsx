import type { Media, MediaText } from '../../content/index.js';
import { mediaFallback } from '../../content/index.js';
import { formatDate } from '../../lib/dateline.js';
import { absoluteUrl } from '../../lib/urls.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import { listHref, Pager } from './manage-kit.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,.jpg,.jpeg,.png,.webp,.avif';

export interface MediaLibraryProps {
  ctx: AdminContext;
  timeZone: string;
  media: Media[];
  total: number;
  page: number;
  pages: number;
  q: string;
  /** Why the last upload was refused. */
  error?: string;
  /** What the refused upload's form held, to fill it again. */
  values?: MediaText;
}

/** The media library: the upload form, a search, and a grid of every image, newest first. */
export function MediaLibraryPage(props: MediaLibraryProps) {
  const { ctx, q } = props;
  return (
    <AdminLayout ctx={ctx} title="Media" wide>
      <div class="media-head">
        <h1>Media library</h1>
        <p class="muted">
          {props.total === 1 ? '1 image' : `${props.total} images`}
          {q ? ` matching “${q}”` : ''}
        </p>
      </div>
      <section class="panel media-upload" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload an image</h2>
        <FormError message={props.error} />
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="media-upload__form">
          {/* The token goes first: the server reads it before the file. */}
          <Csrf ctx={ctx} />
          <label class="media-upload__file">
            <span>
              Image <span class="hint">JPEG, PNG, WebP or AVIF, up to 15 MB and 50 megapixels</span>
            </span>
            <input type="file" name="file" accept={ACCEPT} required />
          </label>
          <label>
            <span>
              Alt text <span class="hint">what it shows, for people who cannot see it</span>
            </span>
            <input type="text" name="alt" maxLength={500} value={props.values?.alt ?? ''} />
          </label>
          <label>
            <span>
              Caption <span class="hint">shown under the image</span>
            </span>
            <input type="text" name="caption" maxLength={1000} value={props.values?.caption ?? ''} />
          </label>
          <label>
            <span>
              Credit <span class="hint">photographer or agency</span>
            </span>
            <input type="text" name="credit" maxLength={200} value={props.values?.credit ?? ''} />
          </label>
          <div class="media-upload__actions">
            <button type="submit" class="button button--primary">
              Upload
            </button>
            <span class="hint">Location and camera details are removed from every upload.</span>
          </div>
        </form>
      </section>

      <form method="get" action="/admin/media" class="filters media-search" role="search" aria-label="Media">
        <label>
          Search
          <input type="search" name="q" value={q} placeholder="file name, alt text, caption, credit" />
        </label>
        <button type="submit" class="button">
          Search
        </button>
        {q ? (
          <a class="button" href="/admin/media">
            Clear
          </a>
        ) : null}
      </form>

      {props.media.length ? (
        <ul class="media-grid" aria-label="Images">
          {props.media.map((m) => (
            <MediaCard key={m.id} media={m} timeZone={props.timeZone} />
          ))}
        </ul>
      ) : (
        <p class="panel muted">
          {q ? 'No image matches this search.' : 'No images yet: upload the first one above.'}
        </p>
      )}
      <Pager
        label="Pages of images"
        page={props.page}
        pages={props.pages}
        href={(page) => listHref('/admin/media', { q }, page)}
      />
    </AdminLayout>
  );
}

function MediaCard(props: { media: Media; timeZone: string }) {
  const { media } = props;
  const thumb = media.variants.find((v) => v.mime === 'image/webp') ?? mediaFallback(media);
  return (
    <li class="media-card" id={`media-${media.id}`}>
      <a class="media-card__thumb" href={`/admin/media/${media.id}`} tabIndex={-1} aria-hidden="true">
        <img
          src={thumb.url}
          alt=""
          width={thumb.width}
          height={thumb.height}
          loading="lazy"
          decoding="async"
        />
      </a>
      <div class="media-card__body">
        <a class="media-card__name" href={`/admin/media/${media.id}`} title={media.originalName}>
          {media.originalName}
        </a>
        <p class="media-card__meta">
          {media.width} × {media.height} · {formatBytes(media.bytes)}
        </p>
        <p class="media-card__meta">
          {media.uploader ?? 'a former user'} ·{' '}
          <time dateTime={media.createdAt}>{formatDate(media.createdAt, props.timeZone, 'D MMM YYYY')}</time>
        </p>
        {media.alt ? null : <span class="status status--review">No alt text</span>}
      </div>
    </li>
  );
}

export interface MediaDetailProps {
  ctx: AdminContext;
  timeZone: string;
  media: Media;
  /** Whether this user may edit and delete it: the uploader, or an editor. */
  mayChange: boolean;
  siteUrl: string;
  /** Articles that show it (the newest twenty). */
  usedIn: { id: number; title: string; status: string }[];
  error?: string;
  values?: MediaText;
}

/** One image: a preview, its facts and sizes, its texts to edit, and deletion. */
export function MediaDetailPage(props: MediaDetailProps) {
  const { ctx, media } = props;
  const preview = mediaFallback(media);
  const values = { alt: media.alt, caption: media.caption, credit: media.credit, ...props.values };
  const readOnly = !props.mayChange;
  return (
    <AdminLayout ctx={ctx} title={media.originalName} wide>
      <p class="media-back">
        <a href={`/admin/media#media-${media.id}`}>← Media library</a>
      </p>
      <h1 class="media-title">{media.originalName}</h1>
      <div class="media-detail">
        <figure class="media-detail__preview">
          <img src={preview.url} alt={media.alt} width={preview.width} height={preview.height} />
        </figure>
        <div class="media-detail__side">
          <dl class="media-facts">
            <dt>Dimensions</dt>
            <dd>
              {media.width} × {media.height} pixels
            </dd>
            <dt>File</dt>
            <dd>
              {formatBytes(media.bytes)}, {media.mime.replace('image/', '').toUpperCase()}
            </dd>
            <dt>Uploaded</dt>
            <dd>
              <time dateTime={media.createdAt}>
                {formatDate(media.createdAt, props.timeZone, 'D MMM YYYY, HH:mm')}
              </time>{' '}
              by {media.uploader ?? 'a former user'}
            </dd>
            <dt>
              <label for="media-url">Address</label>
            </dt>
            <dd>
              <input
                id="media-url"
                type="text"
                readOnly
                value={absoluteUrl(media.url, props.siteUrl)}
                class="media-url"
              />
            </dd>
            <dt>Used in</dt>
            <dd>
              {props.usedIn.length ? (
                <ul class="media-sizes">
                  {props.usedIn.map((a) => (
                    <li key={a.id}>
                      <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>{' '}
                      <span class="muted">({a.status})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span class="muted">No article yet</span>
              )}
            </dd>
            <dt>Sizes</dt>
            <dd>
              <ul class="media-sizes">
                {media.variants.map((v) => (
                  <li key={v.file}>
                    <a href={v.url}>
                      {v.width} × {v.height} {v.mime.replace('image/', '').toUpperCase()}
                    </a>{' '}
                    <span class="muted">{formatBytes(v.bytes)}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>

          <form
            method="post"
            action={`/admin/media/${media.id}`}
            class="stack panel"
            aria-labelledby="texts-heading"
          >
            <h2 id="texts-heading">Alt text, caption and credit</h2>
            <FormError message={props.error} />
            {readOnly ? (
              <p class="hint">Only the person who uploaded this image, or an editor, can change it.</p>
            ) : null}
            <Csrf ctx={ctx} />
            <label>
              Alt text <span class="hint">what the image shows, for people who cannot see it</span>
              <textarea name="alt" rows={3} maxLength={500} readOnly={readOnly}>
                {values.alt}
              </textarea>
            </label>
            <label>
              Caption
              <textarea name="caption" rows={3} maxLength={1000} readOnly={readOnly}>
                {values.caption}
              </textarea>
            </label>
            <label>
              Credit <span class="hint">photographer or agency</span>
              <input type="text" name="credit" maxLength={200} value={values.credit} readOnly={readOnly} />
            </label>
            {readOnly ? null : (
              <div>
                <button type="submit" class="button button--primary">
                  Save
                </button>
              </div>
            )}
          </form>

          {readOnly ? null : (
            <form
              method="post"
              action={`/admin/media/${media.id}/delete`}
              class="panel media-delete"
              aria-labelledby="delete-heading"
            >
              <h2 id="delete-heading">Delete</h2>
              <Csrf ctx={ctx} />
              <label class="checkbox">
                <input type="checkbox" name="confirm" value="yes" required /> Delete this image and all its
                sizes.
                {props.usedIn.length
                  ? ` ${props.usedIn.length === 1 ? 'The article' : `The ${props.usedIn.length} articles`} above will show a broken image.`
                  : ''}
              </label>
              <div>
                <button type="submit" class="button button--danger">
                  Delete image
                </button>
              </div>
            </form>
          )}
        </div>
      </div>
    </AdminLayout>
  );
}

/** `2.4 MB`, `380 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
