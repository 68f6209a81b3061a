import type { AdminSource } from '../../content/index.js';
import type { AdminContext } from './admin-layout.js';
import { EntityEditPage, EntityListPage, Field, ListTable, plural, type FormProblem } from './manage-kit.js';

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
  return (
    <EntityListPage
      ctx={props.ctx}
      kind="source"
      lede="A source is where an article's reporting came from: a news agency, a partner newsroom. Readers see it on the article and can list its articles."
      fields={SourceFields}
      problem={props.problem}
      values={props.values}
    >
      <ListTable
        caption="Sources by name"
        columns={['Name', 'Website', { label: 'Articles', num: true }]}
        rows={props.sources}
        empty="No sources yet."
        row={(s) => (
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
        )}
      />
    </EntityListPage>
  );
}

function SourceFields(props: { values: Partial<SourceValues>; problem?: FormProblem }) {
  return (
    <Field
      label="Website"
      name="url"
      type="url"
      value={props.values.url}
      problem={props.problem}
      maxLength={500}
      placeholder="https://"
      hint="Optional; http:// or https:// only."
    />
  );
}

export function SourceEditPage(props: {
  ctx: AdminContext;
  source: AdminSource;
  problem?: FormProblem;
  values?: SourceValues;
}) {
  const { source } = props;
  return (
    <EntityEditPage
      ctx={props.ctx}
      kind="source"
      entity={source}
      fields={SourceFields}
      values={props.values ?? source}
      problem={props.problem}
      deletable
    >
      <p>
        {source.articles
          ? `${plural(source.articles, 'article')} cite ${source.name}. They stay as they are, without a source.`
          : 'No article cites this source.'}
      </p>
    </EntityEditPage>
  );
}
