import type { AuditRow } from '../../content/index.js';
import { AdminLayout, FormError, type AdminContext } from './admin-layout.js';
import { listHref, Pager } from './manage-kit.js';
import { DeskHead, When } from './articles-list-page.js';

const ACTIONS: Record<string, string> = {
  'article.create': 'Created',
  'article.update': 'Edited',
  'article.publish': 'Published',
  'article.unpublish': 'Unpublished',
  'article.schedule': 'Scheduled',
  'article.submit': 'Submitted for review',
  'article.delete': 'Deleted',
  'article.restore': 'Restored a version',
  'article.correct': 'Added a correction',
  'user.create': 'Added a user',
  'user.sign-in': 'Signed in',
  'user.sign-out-everywhere': 'Signed out everywhere',
};

/** "Published" for `article.publish`; unknown actions as they are recorded. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** An audit row's article: a link while it exists, its number once deleted. */
export function AuditArticle(props: { row: AuditRow; exists: boolean }) {
  const { row } = props;
  if (row.articleId === null) return <span class="muted">—</span>;
  if (!props.exists) return <span class="muted">#{row.articleId} (deleted)</span>;
  return <a href={`/admin/articles/${row.articleId}/edit`}>#{row.articleId}</a>;
}

export function AuditPage(props: {
  ctx: AdminContext;
  timeZone: string;
  rows: AuditRow[];
  existing: Set<number>;
  page: number;
  hasMore: boolean;
  articleId?: number;
  error?: string;
}) {
  const { rows } = props;
  return (
    <AdminLayout ctx={props.ctx} title="Audit log" wide>
      <DeskHead title="Audit log" />
      <p class="muted">
        Who did what, newest first. Entries are kept as they were, even after an article or user is removed.
      </p>
      <form
        method="get"
        action="/admin/audit"
        class="filters desk-filters"
        role="search"
        aria-label="Filter the audit log"
      >
        <label>
          Article number
          <input name="article" inputMode="numeric" pattern="[0-9]*" value={props.articleId ?? ''} />
        </label>
        <div class="desk-filter-actions">
          <button type="submit" class="button">
            Filter
          </button>
          {props.articleId ? <a href="/admin/audit">Show all</a> : null}
        </div>
      </form>
      <FormError message={props.error} />
      {rows.length === 0 ? (
        <p class="panel desk-empty">Nothing recorded{props.articleId ? ' for this article' : ''} yet.</p>
      ) : (
        <div class="desk-scroll">
          <table class="table desk-audit">
            <caption class="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Article</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td class="desk-nowrap">
                    <When at={row.at} timeZone={props.timeZone} />
                  </td>
                  <td>{row.userName}</td>
                  <td>
                    {actionLabel(row.action)} <code class="muted desk-small">{row.action}</code>
                  </td>
                  <td>
                    <AuditArticle
                      row={row}
                      exists={row.articleId !== null && props.existing.has(row.articleId)}
                    />
                  </td>
                  <td>{row.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Pages of the audit log"
        page={props.page}
        hasMore={props.hasMore}
        href={(page) => listHref('/admin/audit', { article: props.articleId }, page)}
      />
    </AdminLayout>
  );
}
