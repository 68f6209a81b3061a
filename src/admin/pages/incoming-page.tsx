import type { IncomingEntry, PartnerFeed } from '../../ingest/incoming.service.js';
import { formatDate } from '../../lib/dateline.js';
import { AdminLayout, Csrf, type AdminContext } from './admin-layout.js';
import { ActionForm, PageHead, Pager, plural, type FormProblem } from './manage-kit.js';

/**
 * Incoming: what partner and agency feeds brought, newest first, each story
 * once with every partner that sent it; "Write from this" starts a draft,
 * "Dismiss" takes it off the queue. Below, the feeds, each with its health,
 * and the form to subscribe a source to another.
 */
export function IncomingPage(props: {
  ctx: AdminContext;
  items: IncomingEntry[];
  total: number;
  page: number;
  filter: { source?: string; q?: string };
  sources: { slug: string; name: string }[];
  feeds: PartnerFeed[];
  timeZone: string;
  problem?: FormProblem;
}) {
  const { ctx, filter } = props;
  const when = (iso: string | null) => (iso ? formatDate(iso, props.timeZone, 'D MMM, HH:mm') : '—');
  const base = `/admin/incoming?${new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v) as [string, string][],
  ).toString()}`;
  return (
    <AdminLayout ctx={ctx} title="Incoming" wide>
      <PageHead title="Incoming" />
      <p class="mg-lede">
        Copy from partner and agency feeds, to write up in our own words. Nothing here reaches readers until
        an editor writes and publishes an article from it.
      </p>
      <form method="get" action="/admin/incoming" class="mg-search" role="search">
        <label>
          Source{' '}
          <select name="source">
            <option value="">All sources</option>
            {props.sources.map((s) => (
              <option key={s.slug} value={s.slug} selected={s.slug === filter.source}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Search <input type="search" name="q" value={filter.q ?? ''} />
        </label>{' '}
        <button type="submit" class="button">
          Show
        </button>
      </form>
      <p class="muted">{plural(props.total, 'story', 'stories')} waiting.</p>
      {props.items.length ? (
        <ol class="incoming-list">
          {props.items.map((item) => (
            <li key={item.id} class="incoming-item">
              <h2 class="incoming-item__title">{item.title}</h2>
              <p class="incoming-item__meta">
                {item.source.name}
                {item.alsoFrom.length
                  ? `, also from ${item.alsoFrom.map((a) => a.name).join(', ')}`
                  : ''} · {when(item.publishedAt ?? item.fetchedAt)}
                {item.author ? ` · ${item.author}` : ''}
                {item.link ? (
                  <>
                    {' · '}
                    <a href={item.link} rel="noopener noreferrer">
                      Original
                    </a>
                  </>
                ) : null}
              </p>
              {item.summary ? <p>{item.summary}</p> : null}
              {item.text && item.text !== item.summary ? (
                <details>
                  <summary>Full text</summary>
                  {item.text.split('\n\n').map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                </details>
              ) : null}
              <div class="incoming-item__actions">
                <ActionForm ctx={ctx} action={`/admin/incoming/${item.id}/write`} label="Write from this" />
                <ActionForm ctx={ctx} action={`/admin/incoming/${item.id}/dismiss`} label="Dismiss" />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing waiting.</p>
      )}
      <Pager
        label="Incoming pages"
        page={props.page}
        pages={Math.max(1, Math.ceil(props.total / 50))}
        href={(n) => `${base}&page=${n}`}
      />

      <section aria-labelledby="feeds" class="panel">
        <h2 id="feeds">Feeds</h2>
        {props.feeds.length ? (
          <table class="mg-table">
            <caption class="visually-hidden">Feeds and their health</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Feed</th>
                <th scope="col">Health</th>
                <th scope="col" class="mg-num">
                  Items
                </th>
                <th scope="col">
                  <span class="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.feeds.map((feed) => (
                <tr key={feed.id}>
                  <td>{feed.source.name}</td>
                  <td class="mg-url">
                    {feed.url}
                    <div class="muted">every {plural(feed.intervalMinutes, 'minute')}</div>
                  </td>
                  <td>
                    {feed.lastError ? (
                      <span class="feed-health feed-health--bad">
                        Failing ({plural(feed.failures, 'time')} in a row): {feed.lastError}. Next try{' '}
                        {when(feed.nextFetchAt)}.
                      </span>
                    ) : feed.lastSuccessAt ? (
                      <span class="feed-health">Fine, last read {when(feed.lastSuccessAt)}</span>
                    ) : (
                      <span class="feed-health">Not read yet</span>
                    )}
                  </td>
                  <td class="mg-num">{feed.items.toLocaleString('en-GB')}</td>
                  <td>
                    <ActionForm
                      ctx={ctx}
                      action={`/admin/feeds/${feed.id}/delete`}
                      label="Remove"
                      small
                      danger
                      confirm={`Remove the feed ${feed.url}? Its items leave the queue.`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No feeds yet.</p>
        )}
        <form method="post" action="/admin/feeds" class="mg-stack">
          <Csrf ctx={ctx} />
          <h3>Add a feed</h3>
          {props.problem ? (
            <p class="form-error" role="alert">
              {props.problem.message}
            </p>
          ) : null}
          <label>
            Source{' '}
            <select name="source" required>
              {props.sources.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Feed address (RSS, Atom or JSON Feed) <input type="url" name="url" required />
          </label>
          <label>
            Every (minutes) <input type="number" name="intervalMinutes" min="5" max="1440" value="10" />
          </label>
          <button type="submit" class="button button--primary">
            Add feed
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
