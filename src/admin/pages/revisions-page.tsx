import type { Revision } from '../../content/index.js';
import type { ArticleStatus } from '../../db/schema.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import { StatusBadge, When } from './articles-list-page.js';
import type { BodyLine, FieldDiff, Segment, VersionDiff } from './revision-diff.js';

export interface RevisionsArticle {
  id: number;
  title: string;
  version: number;
  status: ArticleStatus;
}

function ArticleHead(props: { article: RevisionsArticle; heading: string }) {
  const { article } = props;
  return (
    <div class="desk-head">
      <div>
        <p class="desk-crumbs">
          <a href="/admin/articles">Articles</a> ›{' '}
          <a href={`/admin/articles/${article.id}/edit`}>{article.title}</a>
        </p>
        <h1>{props.heading}</h1>
      </div>
      <a class="button" href={`/admin/articles/${article.id}/edit`}>
        Back to the editor
      </a>
    </div>
  );
}

/** Restores `version`'s text as a new revision; sends the version the page was built on. */
function RestoreForm(props: {
  ctx: AdminContext;
  article: RevisionsArticle;
  version: number;
  primary?: boolean;
}) {
  return (
    <form
      method="post"
      action={`/admin/articles/${props.article.id}/revisions/${props.version}/restore`}
      class="desk-inline-form"
    >
      <Csrf ctx={props.ctx} />
      <input type="hidden" name="version" value={props.article.version} />
      <button type="submit" class={props.primary ? 'button button--primary' : 'button desk-button-small'}>
        Restore version {props.version}
      </button>
    </form>
  );
}

/** Every saved version of an article, newest first. */
export function RevisionsPage(props: {
  ctx: AdminContext;
  timeZone: string;
  article: RevisionsArticle;
  revisions: Revision[];
  error?: string;
}) {
  const { article } = props;
  return (
    <AdminLayout ctx={props.ctx} title={`History: ${article.title}`}>
      <ArticleHead article={article} heading="History" />
      <p class="muted">
        Every save is kept. Restoring an old version saves its text as a new version: nothing is lost, and the
        status and publish time stay as they are now.
      </p>
      <FormError message={props.error} />
      <div class="desk-scroll">
        <table class="table desk-revisions">
          <caption class="visually-hidden">Versions of “{article.title}”, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.revisions.map((r) => {
              const current = r.version === article.version;
              const base = `/admin/articles/${article.id}/revisions/${r.version}`;
              return (
                <tr key={r.version} class={current ? 'desk-current' : undefined}>
                  <th scope="row">
                    {r.version}
                    {current ? <span class="desk-current-tag">current</span> : null}
                  </th>
                  <td>
                    <When at={r.createdAt} timeZone={props.timeZone} />
                  </td>
                  <td>{r.userName}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    <div class="desk-actions">
                      {r.version > 1 ? (
                        <a
                          href={`/admin/articles/${article.id}/revisions/${r.version - 1}?against=${r.version}`}
                        >
                          What changed
                        </a>
                      ) : null}
                      {current ? null : (
                        <>
                          <a href={base}>Compare with current</a>
                          <RestoreForm ctx={props.ctx} article={article} version={r.version} />
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export interface VersionLabel {
  /** "version 3" or "the current version (7)". */
  name: string;
  at: string;
  by: string;
}

/** Two versions side by side: what the newer one added and removed. */
export function ComparePage(props: {
  ctx: AdminContext;
  timeZone: string;
  article: RevisionsArticle;
  from: VersionLabel;
  to: VersionLabel;
  diff: VersionDiff;
  /** The older version, offered for restore when it is not the current one. */
  restorable?: number;
}) {
  const { diff, article } = props;
  const nothing = diff.fields.length === 0 && !diff.bodyChanged;
  return (
    <AdminLayout ctx={props.ctx} title={`Compare versions: ${article.title}`}>
      <ArticleHead article={article} heading="Compare versions" />
      <div class="desk-compare">
        <div class="desk-compare-head panel">
          <p>
            From <strong>{props.from.name}</strong> (<When at={props.from.at} timeZone={props.timeZone} />,{' '}
            {props.from.by}) to <strong>{props.to.name}</strong> (
            <When at={props.to.at} timeZone={props.timeZone} />, {props.to.by}).
          </p>
          <p class="desk-legend" aria-label="Legend">
            <ins>added</ins> <del>removed</del> <span class="muted">unchanged</span>
          </p>
          <div class="toolbar">
            <a href={`/admin/articles/${article.id}/revisions`}>All versions</a>
            {props.restorable ? (
              <RestoreForm ctx={props.ctx} article={article} version={props.restorable} />
            ) : null}
          </div>
        </div>
        {nothing ? (
          <p class="panel desk-empty" role="status">
            Nothing changed: both versions have the same text and fields.
          </p>
        ) : (
          <>
            {diff.fields.length ? (
              <section aria-labelledby="fields-heading">
                <h2 id="fields-heading">Fields</h2>
                <table class="table desk-diff-fields">
                  <tbody>
                    {diff.fields.map((field) => (
                      <tr key={field.label}>
                        <th scope="row">{field.label}</th>
                        <td>
                          <FieldChange field={field} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
            {diff.unchanged.length ? (
              <p class="muted desk-small">Unchanged: {diff.unchanged.join(', ')}.</p>
            ) : null}
            <section aria-labelledby="body-heading">
              <h2 id="body-heading">Text</h2>
              {diff.bodyChanged ? (
                <div class="desk-diff-body">
                  {diff.body.map((line, i) => (
                    <BodyParagraph key={i} line={line} />
                  ))}
                </div>
              ) : (
                <p class="muted">The text did not change.</p>
              )}
            </section>
          </>
        )}
      </div>
    </AdminLayout>
  );
}

function Segments(props: { segments: Segment[] }) {
  return (
    <>
      {props.segments.map((s, i) =>
        s.kind === 'ins' ? (
          <ins key={i}>{s.text}</ins>
        ) : s.kind === 'del' ? (
          <del key={i}>{s.text}</del>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

function FieldChange(props: { field: FieldDiff }) {
  const { field } = props;
  if (field.kind === 'text') return <Segments segments={field.segments} />;
  if (field.kind === 'list') {
    return (
      <ul class="desk-diff-list">
        {field.items.map((item) => (
          <li key={`${item.kind}:${item.text}`}>
            {item.kind === 'ins' ? (
              <ins>{item.text}</ins>
            ) : item.kind === 'del' ? (
              <del>{item.text}</del>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {field.before ? <del>{field.before}</del> : <span class="muted">none</span>} →{' '}
      {field.after ? <ins>{field.after}</ins> : <span class="muted">none</span>}
    </>
  );
}

function BodyParagraph(props: { line: BodyLine }) {
  const { line } = props;
  if ('skipped' in line) return <p class="desk-diff-skip">… {line.skipped} unchanged paragraphs …</p>;
  return (
    <p class={line.changed ? 'desk-diff-para desk-diff-para--changed' : 'desk-diff-para'}>
      <Segments segments={line.segments} />
    </p>
  );
}
