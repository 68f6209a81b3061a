import type { OriginalItem } from '../../ingest/incoming.original.js';
import { formatDate } from '../../lib/dateline.js';

/**
 * The partner's copy a draft was written from ("Write from this"), in the
 * editor's sidebar beside the body, for the reporter to read while writing
 * the story in our own words: who sent it and when, a link to the original,
 * the other partners that sent the same story, then its headline, summary and
 * text. Plain text, as the feed brought it (Preact escapes it); paragraphs
 * kept. A `<details>`, open: closing it gives the sidebar back.
 */
export function OriginalItemPanel(props: { item: OriginalItem; timeZone: string }) {
  const { item, timeZone } = props;
  const when = (iso: string) => <time dateTime={iso}>{formatDate(iso, timeZone, 'D MMM YYYY, HH:mm')}</time>;
  const paragraphs = (item.text || item.summary).split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <details class="ed-panel ed-panel--more ed-original" open>
      <summary>
        <h2>Written from</h2>
      </summary>
      <p class="ed-original__meta">
        <strong>{item.source}</strong>
        {item.publishedAt ? (
          <>, published {when(item.publishedAt)}</>
        ) : (
          <>, received {when(item.fetchedAt)}</>
        )}
        {item.author ? <>, by {item.author}</> : null}
      </p>
      {webLink(item.link) ? (
        <p class="ed-original__meta">
          <a href={item.link!} target="_blank" rel="noopener noreferrer">
            The original on {hostOf(item.link!)}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      {item.alsoFrom.length ? (
        <p class="ed-original__meta">
          Also from:{' '}
          {item.alsoFrom.map((copy, i) => (
            <>
              {i ? ', ' : null}
              {webLink(copy.link) ? (
                <a href={copy.link!} target="_blank" rel="noopener noreferrer">
                  {copy.source}
                  <span class="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                copy.source
              )}
            </>
          ))}
        </p>
      ) : null}
      <div class="ed-original__copy" role="region" aria-label="The partner’s copy" tabIndex={0}>
        <h3 class="ed-original__title">{item.title}</h3>
        {item.summary && item.text && item.summary !== paragraphs[0] ? (
          <p class="ed-original__summary">{item.summary}</p>
        ) : null}
        {paragraphs.map((p) => (
          <p>{p}</p>
        ))}
      </div>
    </details>
  );
}

/** Only http(s) addresses become links; the feed reader keeps no other, and a page must not trust that. */
function webLink(href: string | null): boolean {
  return href !== null && /^https?:\/\//i.test(href);
}

function hostOf(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return href;
  }
}
