import type { AdminSource } from '../../content/index.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import { ActionForm, ConfirmScript, Field, PageHead, plural, type FormProblem } from './manage-kit.js';

export interface SourceValues {
  name?: string;
  slug?: string;
  url?: string | null;
}

/** Where copy comes from: agencies and partners, named on their articles. */
export function SourcesPage(props: {
  ctx: AdminContext;
  sources: AdminSource[];
  problem?: FormProblem;
  values?: SourceValues;
}) {
  const { ctx, sources } = props;
  return (
    <AdminLayout ctx={ctx} title="Sources" wide>
      <PageHead title="Sources" />
      <p class="mg-lede">
        A source is where an article's reporting came from: a news agency, a partner newsroom. Readers see it
        on the article and can list its articles.
      </p>
      <div class="mg-grid">
        <section aria-labelledby="sources-list">
          <h2 id="sources-list" class="visually-hidden">
            All sources
          </h2>
          {sources.length === 0 ? (
            <p class="panel">No sources yet.</p>
          ) : (
            <table class="table mg-table">
              <caption class="visually-hidden">Sources by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Website</th>
                  <th scope="col" class="mg-num">
                    Articles
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id}>
                    <td class="title">
                      <a href={`/admin/sources/${s.id}`}>{s.name}</a>
                      <div class="mg-slug">/sources/{s.slug}</div>
                    </td>
                    <td class="mg-url">
                      {s.url ? (
                        <a href={s.url} rel="noopener noreferrer">
                          {s.url}
                        </a>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                    <td class="mg-num">{s.articles.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <aside class="panel mg-aside" aria-labelledby="add-source">
          <h2 id="add-source">Add a source</h2>
          <FormError message={props.problem?.message} />
          <SourceForm
            ctx={ctx}
            action="/admin/sources"
            values={props.values}
            problem={props.problem}
            submit="Add source"
          />
        </aside>
      </div>
    </AdminLayout>
  );
}

function SourceForm(props: {
  ctx: AdminContext;
  action: string;
  values?: SourceValues;
  problem?: FormProblem;
  submit: string;
}) {
  const v = props.values ?? {};
  return (
    <form method="post" action={props.action} class="stack">
      <Csrf ctx={props.ctx} />
      <Field label="Name" name="name" value={v.name} problem={props.problem} required maxLength={100} />
      <Field
        label="Slug"
        name="slug"
        value={v.slug}
        problem={props.problem}
        maxLength={80}
        hint="The address: /sources/slug. Leave empty to make it from the name."
      />
      <Field
        label="Website"
        name="url"
        type="url"
        value={v.url}
        problem={props.problem}
        maxLength={500}
        placeholder="https://"
        hint="Optional; http:// or https:// only."
      />
      <div>
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

export function SourceEditPage(props: {
  ctx: AdminContext;
  source: AdminSource;
  problem?: FormProblem;
  values?: SourceValues;
}) {
  const { ctx, source } = props;
  return (
    <AdminLayout ctx={ctx} title={`Source: ${source.name}`}>
      <PageHead title={source.name} crumbs={[{ href: '/admin/sources', label: 'Sources' }]}>
        <a class="button" href={`/sources/${source.slug}`}>
          View on site
        </a>
      </PageHead>
      <div class="mg-stack">
        <FormError message={props.problem?.message} />
        <div class="panel">
          <SourceForm
            ctx={ctx}
            action={`/admin/sources/${source.id}`}
            values={props.values ?? source}
            problem={props.problem}
            submit="Save source"
          />
        </div>
        <section class="panel mg-danger" aria-labelledby="delete-source">
          <h2 id="delete-source">Delete this source</h2>
          <p>
            {source.articles
              ? `${plural(source.articles, 'article')} cite ${source.name}. They stay as they are, without a source.`
              : 'No article cites this source.'}
          </p>
          <ActionForm
            ctx={ctx}
            action={`/admin/sources/${source.id}/delete`}
            label="Delete source"
            danger
            confirm={`Delete the source “${source.name}”?`}
          />
        </section>
      </div>
      <ConfirmScript />
    </AdminLayout>
  );
}
