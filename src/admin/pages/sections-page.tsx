import type { AdminSection } from '../../content/index.js';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';
import {
  ActionForm,
  ArticleCount,
  ConfirmScript,
  Field,
  PageHead,
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
    <AdminLayout ctx={ctx} title="Sections" wide>
      <PageHead title="Sections" />
      <p class="mg-lede">
        Sections are the reader site's menu, in this order. Every article belongs to one section.
      </p>
      <div class="mg-grid">
        <section aria-labelledby="sections-list">
          <h2 id="sections-list" class="visually-hidden">
            All sections
          </h2>
          {sections.length === 0 ? (
            <p class="panel">No sections yet: add the first one.</p>
          ) : (
            <table class="table mg-table">
              <caption class="visually-hidden">Sections in menu order</caption>
              <thead>
                <tr>
                  <th scope="col" class="mg-num">
                    #
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" class="mg-num">
                    Articles
                  </th>
                  <th scope="col">Menu order</th>
                </tr>
              </thead>
              <tbody>
                {sections.map((s, i) => (
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
                        <ActionForm
                          ctx={ctx}
                          action={`/admin/sections/${s.id}/move`}
                          fields={{ direction: 'up' }}
                          label="↑"
                          ariaLabel={`Move ${s.name} up`}
                          disabled={i === 0}
                          small
                        />
                        <ActionForm
                          ctx={ctx}
                          action={`/admin/sections/${s.id}/move`}
                          fields={{ direction: 'down' }}
                          label="↓"
                          ariaLabel={`Move ${s.name} down`}
                          disabled={i === sections.length - 1}
                          small
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <aside class="panel mg-aside" aria-labelledby="add-section">
          <h2 id="add-section">Add a section</h2>
          <FormError message={props.problem?.message} />
          <SectionForm
            ctx={ctx}
            action="/admin/sections"
            values={props.values}
            problem={props.problem}
            submit="Add section"
          />
        </aside>
      </div>
    </AdminLayout>
  );
}

function SectionForm(props: {
  ctx: AdminContext;
  action: string;
  values?: SectionValues;
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
        hint="The address: /sections/slug. Leave empty to make it from the name."
      />
      <Field
        label="Description"
        name="description"
        value={v.description}
        problem={props.problem}
        rows={3}
        maxLength={500}
        hint="Shown at the top of the section's page and in its feeds. Plain text."
      />
      <div>
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

export function SectionEditPage(props: {
  ctx: AdminContext;
  section: AdminSection;
  problem?: FormProblem;
  values?: SectionValues;
}) {
  const { ctx, section } = props;
  const values = props.values ?? section;
  return (
    <AdminLayout ctx={ctx} title={`Section: ${section.name}`}>
      <PageHead title={section.name} crumbs={[{ href: '/admin/sections', label: 'Sections' }]}>
        <a class="button" href={`/sections/${section.slug}`}>
          View on site
        </a>
      </PageHead>
      <div class="mg-stack">
        <FormError message={props.problem?.message} />
        <div class="panel">
          <SectionForm
            ctx={ctx}
            action={`/admin/sections/${section.id}`}
            values={values}
            problem={props.problem}
            submit="Save section"
          />
        </div>
        <section class="panel mg-danger" aria-labelledby="delete-section">
          <h2 id="delete-section">Delete this section</h2>
          {section.articles > 0 ? (
            <p>
              {plural(section.articles, 'article')} (of any status) belong to {section.name}, so it cannot be
              deleted. <a href={`/admin/articles?section=${encodeURIComponent(section.slug)}`}>See them</a>{' '}
              and move them to another section first.
            </p>
          ) : (
            <>
              <p>No article uses this section. Deleting it removes it from the reader site's menu.</p>
              <ActionForm
                ctx={ctx}
                action={`/admin/sections/${section.id}/delete`}
                label="Delete section"
                danger
                confirm={`Delete the section “${section.name}”?`}
              />
            </>
          )}
        </section>
      </div>
      <ConfirmScript />
    </AdminLayout>
  );
}
