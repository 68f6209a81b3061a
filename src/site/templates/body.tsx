import type { ComponentChildren } from 'preact';
import type { ArticleSummary, Block, BodyDoc, Inline, Media } from '../../content/index.js';
import { mediaFallback, mediaSrcset } from '../../content/index.js';

/**
 * Renders the structured body. Every string goes through Preact's escaping;
 * the body never becomes HTML by any other path.
 *
 * `related` maps the ids of inline related blocks to the articles readers may
 * see; a block whose target is missing or unpublished renders nothing.
 * `media` maps the `mediaId`s of images to the library's rows, for their
 * stored sizes; without a row an image shows its plain `src`.
 */
export function Body(props: {
  doc: BodyDoc;
  related: Map<number, ArticleSummary>;
  media?: Map<number, Media>;
}) {
  const media = props.media ?? new Map<number, Media>();
  return (
    <div class="article-body">
      {props.doc.content.map((block, i) => renderBlock(block, i, props.related, media))}
    </div>
  );
}

/** The body column is at most 42rem wide (site.css `.story`), the screen's width below that. */
const BODY_IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

function renderBlock(
  block: Block,
  key: number,
  related: Map<number, ArticleSummary>,
  media: Map<number, Media>,
) {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.content)}</p>;
    case 'heading':
      return block.attrs.level === 2 ? (
        <h2 key={key}>{renderInlines(block.content)}</h2>
      ) : (
        <h3 key={key}>{renderInlines(block.content)}</h3>
      );
    case 'blockquote':
      return (
        <blockquote key={key}>
          {block.content.map((p, i) => (
            <p key={i}>{renderInlines(p.content)}</p>
          ))}
        </blockquote>
      );
    case 'bulletList':
    case 'orderedList': {
      const List = block.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={key}>
          {block.content.map((item, i) => (
            <li key={i}>
              {item.content.map((p, j) => (
                <p key={j}>{renderInlines(p.content)}</p>
              ))}
            </li>
          ))}
        </List>
      );
    }
    case 'image': {
      const stored = block.attrs.mediaId === undefined ? undefined : media.get(block.attrs.mediaId);
      const credit = block.attrs.credit || stored?.credit || '';
      return (
        <figure key={key} class="figure">
          {stored ? (
            <LibraryImage image={block} media={stored} lead={key === 0} />
          ) : (
            <img src={block.attrs.src} alt={block.attrs.alt} {...loadingHints(key === 0)} />
          )}
          {block.attrs.caption || credit ? (
            <figcaption>
              {block.attrs.caption}
              {credit ? <span class="figure__credit"> {credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    }
    case 'relatedArticle': {
      const target = related.get(block.attrs.articleId);
      if (!target) return null;
      return (
        <aside key={key} class="inline-related" aria-label={`Read also: ${target.title}`}>
          <a href={target.path}>
            <span class="inline-related__label">Read also</span>
            <span class="inline-related__title">{target.title}</span>
          </a>
        </aside>
      );
    }
  }
}

/**
 * An image from the media library: WebP sizes in `srcset` for the browser to
 * choose from, a JPEG or PNG in `src` for clients without WebP, and its
 * dimensions so the page does not jump while it loads.
 */
/**
 * A picture that opens the article is what readers see first (the page's
 * largest paint): fetch it at once. Later pictures wait until they are near.
 */
function loadingHints(lead: boolean) {
  return lead
    ? ({ loading: 'eager', fetchpriority: 'high', decoding: 'async' } as const)
    : ({ loading: 'lazy', decoding: 'async' } as const);
}

function LibraryImage(props: { image: Extract<Block, { type: 'image' }>; media: Media; lead: boolean }) {
  return (
    <Picture
      media={props.media}
      alt={props.image.attrs.alt || props.media.alt}
      sizes={BODY_IMAGE_SIZES}
      lead={props.lead}
    />
  );
}

/** A library image in every stored size, for the browser to pick by `sizes`. */
export function Picture(props: { media: Media; alt: string; sizes: string; lead: boolean }) {
  const fallback = mediaFallback(props.media);
  const srcset = mediaSrcset(props.media);
  return (
    <img
      src={fallback.url}
      srcset={srcset || undefined}
      sizes={srcset ? props.sizes : undefined}
      width={fallback.width}
      height={fallback.height}
      alt={props.alt}
      {...loadingHints(props.lead)}
    />
  );
}

function renderInlines(content: Inline[] | undefined): ComponentChildren {
  return (content ?? []).map((node, i) => {
    if (node.type === 'hardBreak') return <br key={i} />;
    let out: ComponentChildren = node.text;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') out = <strong>{out}</strong>;
      else if (mark.type === 'italic') out = <em>{out}</em>;
      else
        out = (
          <a href={mark.attrs.href} rel={isExternal(mark.attrs.href) ? 'noopener' : undefined}>
            {out}
          </a>
        );
    }
    return out;
  });
}

function isExternal(href: string): boolean {
  return /^https?:/.test(href);
}
