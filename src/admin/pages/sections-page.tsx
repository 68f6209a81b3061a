import type { AdminSection } from '../../content/index.js';
import type { AdminContext } from './admin-layout.js';
import {
  ActionForm,
  ArticleCount,
  EntityEditPage,
  EntityListPage,
  Field,
  ListTable,
  plural,
  type FormProblem,
} from './manage-kit.js';

export interface SectionValues {
  name?: string;
  slug?: string;
  description?: string;
}

/** Sections in menu order, with move buttons, and the form to add one. */
export function SectionsPage(props: {
  ctx: AdminContext;
  sections: AdminSection[];
  problem?: FormProblem;
  values?: SectionValues;
}) {
  const { ctx, sections } = props;
  return (
    <EntityListPage
      ctx={ctx}
      kind="section"
      lede="Sections are the reader site's menu, in this order. Every article belongs to one section."
      fields={SectionFields}
      problem={props.problem}
      values={props.values}
    >
      <ListTable
        caption="Sections in menu order"
        columns={[
          { label: '#', num: true },
          'Name',
          'Description',
          { label: 'Articles', num: true },
          'Menu order',
        ]}
        rows={sections}
        empty="No sections yet: add the first one."
        row={(s, i) => (
          <tr key={s.id} id={`section-${s.id}`}>
            <td class="mg-num muted">{i + 1}</td>
            <td class="title">
              <a href={`/admin/sections/${s.id}`}>{s.name}</a>
              <div class="mg-slug">/sections/{s.slug}</div>
            </td>
            <td class="mg-desc">{s.description || <span class="muted">—</span>}</td>
            <td class="mg-num">
              <ArticleCount count={s.articles} filter="section" slug={s.slug} />
            </td>
            <td>
              <div class="mg-order">
                <MoveButton ctx={ctx} section={s} direction="up" disabled={i === 0} />
                <MoveButton ctx={ctx} section={s} direction="down" disabled={i === sections.length - 1} />
              </div>
            </td>
          </tr>
        )}
      />
    </EntityListPage>
  );
}

function MoveButton(props: {
  ctx: AdminContext;
  section: AdminSection;
  direction: 'up' | 'down';
  disabled: boolean;
}) {
  const { section, direction } = props;
  return (
    <ActionForm
      ctx={props.ctx}
      action={`/admin/sections/${section.id}/move`}
      fields={{ direction }}
      label={direction === 'up' ? '↑' : '↓'}
      ariaLabel={`Move ${section.name} ${direction}`}
      disabled={props.disabled}
      small
    />
  );
}

function SectionFields(props: { values: Partial<SectionValues>; problem?: FormProblem }) {
  return (
    <Field
      label="Description"
      name="description"
      value={props.values.description}
      problem={props.problem}
      rows={3}
      maxLength={500}
      hint="Shown at the top of the section's page and in its feeds. Plain text."
    />
  );
}

export function SectionEditPage(props: {
  ctx: AdminContext;
  section: AdminSection;
  problem?: FormProblem;
  values?: SectionValues;
}) {
  const { section } = props;
  const inUse = section.articles > 0;
  return (
    <EntityEditPage
      ctx={props.ctx}
      kind="section"
      entity={section}
      fields={SectionFields}
      values={props.values ?? section}
      problem={props.problem}
      deletable={!inUse}
    >
      {inUse ? (
        <p>
          {plural(section.articles, 'article')} (of any status) belong to {section.name}, so it cannot be
          deleted. <a href={`/admin/articles?section=${encodeURIComponent(section.slug)}`}>See them</a> and
          move them to another section first.
        </p>
      ) : (
        <p>No article uses this section. Deleting it removes it from the reader site's menu.</p>
      )}
    </EntityEditPage>
  );
}
