import type { AdminArticleRow, BulkAction } from '../../content/index.js';
import type { ArticleStatus } from '../../db/schema.js';
import { formatDate } from '../../lib/dateline.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import { listHref, Pager } from './manage-kit.js';

/** How the back office writes a time: `22 Jan 2022, 12:06` in the site's time zone. */
export const ADMIN_TIME = 'D MMM YYYY, HH:mm';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function StatusBadge(props: { status: ArticleStatus }) {
  return <span class={`status status--${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}

/** A time in the site's zone, machine-readable in `datetime`. */
export function When(props: { at: string | null; timeZone: string; empty?: string }) {
  if (!props.at) return <span class="muted">{props.empty ?? '—'}</span>;
  return <time dateTime={props.at}>{formatDate(props.at, props.timeZone, ADMIN_TIME)}</time>;
}

export const BULK_LABELS: Record<BulkAction, string> = {
  publish: 'Publish',
  unpublish: 'Unpublish',
  draft: 'Move to draft',
  review: 'Submit for review',
  delete: 'Delete',
};

/** The list's filters as they arrive in the query string. */
export interface ListQuery {
  status?: string;
  section?: string;
  author?: string;
  tag?: string;
  q?: string;
  mine?: string;
  page?: number;
}

const FILTER_KEYS = ['q', 'status', 'section', 'author', 'tag', 'mine'] as const;

/** `/admin/articles?…` with these filters (empty ones left out). */
export function listUrl(query: ListQuery, changes: Partial<ListQuery> = {}): string {
  const merged = { ...query, ...changes };
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, merged[key]]));
  return listHref('/admin/articles', filters, merged.page);
}

export interface ArticlesListProps {
  ctx: AdminContext;
  timeZone: string;
  rows: AdminArticleRow[];
  total: number;
  /** More match than `total` (the list counts only so far). */
  more: boolean;
  page: number;
  /** Unknown when `more`: then `hasNext` says whether a page follows. */
  pages: number | undefined;
  hasNext: boolean;
  perPage: number;
  query: ListQuery;
  counts: Record<ArticleStatus, number>;
  sections: { slug: string; name: string }[];
  authors: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  error?: string;
}

/** The head of the newsroom's desk pages: the title, and the way to start an article. */
export function DeskHead(props: { title: string; newArticle?: boolean }) {
  return (
    <div class="desk-head">
      <h1>{props.title}</h1>
      {props.newArticle ? (
        <div class="desk-head__actions">
          <a class="button" href="/admin/articles/from-page">
            From a page…
          </a>{' '}
          <a class="button button--primary" href="/admin/articles/new">
            New article
          </a>
        </div>
      ) : null}
    </div>
  );
}

export function ArticlesListPage(props: ArticlesListProps) {
  const { query, rows } = props;
  const filtered = FILTER_KEYS.some((key) => query[key]);
  const first = (props.page - 1) * props.perPage + 1;
  return (
    <AdminLayout ctx={props.ctx} title="Articles" wide>
      <DeskHead title="Articles" newArticle />
      <StatusTabs query={query} counts={props.counts} />
      <FilterForm {...props} filtered={filtered} />
      <FormError message={props.error} />
      {rows.length === 0 ? (
        <div class="panel desk-empty">
          {filtered ? (
            <p>
              No articles match these filters. <a href="/admin/articles">Show all articles</a>
            </p>
          ) : (
            <p>
              No articles yet. <a href="/admin/articles/new">Write the first one</a>
            </p>
          )}
        </div>
      ) : (
        <form method="post" action="/admin/articles/bulk" class="desk-bulk">
          <Csrf ctx={props.ctx} />
          <input type="hidden" name="return" value={listUrl(query, { page: props.page })} />
          <div class="toolbar">
            <label class="desk-inline-label">
              <span class="visually-hidden">Bulk action for the selected articles</span>
              <select name="action" required>
                <option value="">Bulk actions…</option>
                {(Object.keys(BULK_LABELS) as BulkAction[]).map((action) => (
                  <option key={action} value={action}>
                    {BULK_LABELS[action]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="button">
              Apply
            </button>
            <span class="desk-count muted" aria-live="polite">
              {first}–{first + rows.length - 1} of {props.total.toLocaleString('en-GB')}
              {props.more ? '+' : ''}
            </span>
          </div>
          <div class="desk-scroll">
            <table class="table desk-articles">
              <caption class="visually-hidden">Articles, most recently changed first</caption>
              <thead>
                <tr>
                  <th scope="col" class="desk-check">
                    <input type="checkbox" data-select-all aria-label="Select every article on this page" />
                  </th>
                  <th scope="col">Headline</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="desk-wide">
                    Section
                  </th>
                  <th scope="col" class="desk-wide">
                    Authors
                  </th>
                  <th scope="col">Last change</th>
                  <th scope="col" class="desk-wide">
                    Publish time
                  </th>
                  <th scope="col" class="desk-num">
                    Views
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <ArticleRow key={row.id} row={row} timeZone={props.timeZone} />
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      <Pager
        label="Pages of articles"
        page={props.page}
        pages={props.pages}
        hasMore={props.hasNext}
        href={(page) => listUrl(query, { page })}
      />
    </AdminLayout>
  );
}

function ArticleRow(props: { row: AdminArticleRow; timeZone: string }) {
  const { row } = props;
  return (
    <tr>
      <td class="desk-check">
        <input type="checkbox" name="ids" value={row.id} aria-label={`Select “${row.title}”`} />
      </td>
      <td class="title">
        <a href={`/admin/articles/${row.id}/edit`}>{row.title}</a>
        <div class="desk-row-actions">
          <a href={`/admin/articles/${row.id}/revisions`}>History</a>
          {row.status === 'published' ? <a href={row.path}>View on site</a> : null}
        </div>
      </td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td class="desk-wide">{row.section}</td>
      <td class="desk-wide">{row.authors || <span class="muted">—</span>}</td>
      <td>
        <When at={row.updatedAt} timeZone={props.timeZone} />
        <div class="muted desk-small">{row.updatedBy ? `by ${row.updatedBy}` : 'by Newsdesk'}</div>
      </td>
      <td class="desk-wide">
        <When at={row.publishedAt} timeZone={props.timeZone} empty="Not set" />
      </td>
      <td class="desk-num">{row.views.toLocaleString('en-GB')}</td>
    </tr>
  );
}

function StatusTabs(props: { query: ListQuery; counts: Record<ArticleStatus, number> }) {
  const all = Object.values(props.counts).reduce((a, b) => a + b, 0);
  const tabs: { status: string; label: string; count: number }[] = [
    { status: '', label: 'All', count: all },
    ...(Object.keys(STATUS_LABELS) as ArticleStatus[]).map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: props.counts[status],
    })),
  ];
  return (
    <nav aria-label="Articles by status">
      <ul class="desk-tabs">
        {tabs.map((tab) => (
          <li key={tab.status}>
            <a
              href={listUrl(props.query, { status: tab.status, page: 1 })}
              aria-current={(props.query.status ?? '') === tab.status ? 'page' : undefined}
            >
              {tab.label} <span class="desk-tabs__count">{tab.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A filter's choice: "Any …", then each option, by slug. */
function FilterSelect(props: {
  label: string;
  name: string;
  options: { slug: string; name: string }[];
  value?: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{`Any ${props.label.toLowerCase()}`}</option>
        {props.options.map((o) => (
          <option key={o.slug} value={o.slug} selected={props.value === o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function FilterForm(props: ArticlesListProps & { filtered: boolean }) {
  const { query } = props;
  return (
    <form
      method="get"
      action="/admin/articles"
      class="filters desk-filters"
      role="search"
      aria-label="Filter articles"
    >
      <label class="desk-filter-q">
        Search headlines
        <input type="search" name="q" value={query.q ?? ''} placeholder="Words in the headline or lead" />
      </label>
      <FilterSelect
        label="Status"
        name="status"
        options={(Object.keys(STATUS_LABELS) as ArticleStatus[]).map((status) => ({
          slug: status,
          name: STATUS_LABELS[status],
        }))}
        value={query.status}
      />
      <FilterSelect label="Section" name="section" options={props.sections} value={query.section} />
      <FilterSelect label="Author" name="author" options={props.authors} value={query.author} />
      <label>
        Tag
        <input name="tag" list="tag-options" value={query.tag ?? ''} placeholder="tag-slug" />
      </label>
      <datalist id="tag-options">
        {props.tags.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </datalist>
      <label class="desk-checkbox">
        <input type="checkbox" name="mine" value="1" checked={query.mine === '1'} />
        Only mine
      </label>
      <div class="desk-filter-actions">
        <button type="submit" class="button">
          Filter
        </button>
        {props.filtered ? <a href="/admin/articles">Clear</a> : null}
      </div>
    </form>
  );
}

/** Deleting is for good: the bulk form asks once more, listing what would go. */
export function ConfirmDeletePage(props: {
  ctx: AdminContext;
  articles: { id: number; title: string }[];
  returnTo: string;
}) {
  const n = props.articles.length;
  return (
    <AdminLayout ctx={props.ctx} title="Delete articles?">
      <h1>
        Delete {n} {n === 1 ? 'article' : 'articles'} for good?
      </h1>
      <p>
        Readers’ links to them will stop working, and their revisions go with them. This cannot be undone.
      </p>
      <form method="post" action="/admin/articles/bulk" class="panel stack">
        <Csrf ctx={props.ctx} />
        <input type="hidden" name="action" value="delete" />
        <input type="hidden" name="confirm" value="1" />
        <input type="hidden" name="return" value={props.returnTo} />
        <ul>
          {props.articles.map((a) => (
            <li key={a.id}>
              <input type="hidden" name="ids" value={a.id} />
              {a.title}
            </li>
          ))}
        </ul>
        <div class="toolbar">
          <button type="submit" class="button button--danger">
            Delete {n === 1 ? 'it' : `all ${n}`}
          </button>
          <a href={props.returnTo}>Cancel</a>
        </div>
      </form>
    </AdminLayout>
  );
}
