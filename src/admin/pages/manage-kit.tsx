import type { ComponentChildren, VNode } from 'preact';
import { AdminLayout, Csrf, FormError, type AdminContext } from './admin-layout.js';

/**
 * Pieces the back office's management pages share (sections, tags, sources,
 * authors, users, settings, account): the frame of a list page and of an edit
 * page, list tables, forms and fields that show their own error, and a
 * confirm step for destructive buttons; and the paging of every long list.
 */

/** What went wrong with a form: the message, and the field it names (`slug: ...` names `slug`). */
export interface FormProblem {
  message: string;
  field?: string;
}

/** The field an error message names, from its `field: what` prefix. */
export function problemOf(message: string): FormProblem {
  const match = /^(?:settings\.)?([A-Za-z.]+): /.exec(message);
  return { message, field: match?.[1] };
}

export function PageHead(props: {
  title: string;
  crumbs?: { href: string; label: string }[];
  children?: ComponentChildren;
}) {
  return (
    <div class="mg-head">
      <div>
        {props.crumbs?.length ? (
          <p class="mg-crumbs">
            {props.crumbs.map((c) => (
              <span key={c.href}>
                <a href={c.href}>{c.label}</a>
                <span aria-hidden="true"> / </span>
              </span>
            ))}
          </p>
        ) : null}
        <h1>{props.title}</h1>
      </div>
      {props.children ? <div class="mg-head__actions">{props.children}</div> : null}
    </div>
  );
}

/**
 * A list page: the list (`children`) under a heading only screen readers
 * announce, and `aside` beside it (usually the form to add one). `actions`
 * go in the head, beside the title.
 */
export function IndexPage(props: {
  ctx: AdminContext;
  title: string;
  lede?: ComponentChildren;
  actions?: ComponentChildren;
  aside: ComponentChildren;
  children: ComponentChildren;
}) {
  const things = props.title.toLowerCase();
  return (
    <AdminLayout ctx={props.ctx} title={props.title} wide>
      <PageHead title={props.title}>{props.actions}</PageHead>
      {props.lede ? <p class="mg-lede">{props.lede}</p> : null}
      <div class="mg-grid">
        <section aria-labelledby={`${things}-list`}>
          <h2 id={`${things}-list`} class="visually-hidden">
            {`All ${things}`}
          </h2>
          {props.children}
        </section>
        {props.aside}
      </div>
    </AdminLayout>
  );
}

type Kind = 'section' | 'tag' | 'source' | 'author';

/**
 * The page of one section, tag, source or author: crumbs back to its list,
 * a link to its page on the reader site, and the confirm step for its
 * destructive buttons.
 */
export function EntityPage(props: {
  ctx: AdminContext;
  kind: Kind;
  entity: { name: string; slug: string };
  children: ComponentChildren;
}) {
  const { kind, entity } = props;
  return (
    <AdminLayout ctx={props.ctx} title={`${capital(kind)}: ${entity.name}`}>
      <PageHead title={entity.name} crumbs={[{ href: `/admin/${kind}s`, label: `${capital(kind)}s` }]}>
        <a class="button" href={`/${kind}s/${entity.slug}`}>
          View on site
        </a>
      </PageHead>
      {props.children}
    </AdminLayout>
  );
}

function capital(word: string): string {
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}

/** A column heading: its text, or its text and whether it holds numbers (right-aligned). */
export type Column = string | { label: ComponentChildren; num?: boolean };

/**
 * A table of `rows`, one `<tr>` each from `row`. With `empty`, no rows show
 * that sentence instead of an empty table.
 */
export function ListTable<T>(props: {
  caption: string;
  columns: Column[];
  rows: T[];
  row: (item: T, index: number) => VNode;
  empty?: string;
}) {
  if (props.rows.length === 0 && props.empty) return <p class="panel">{props.empty}</p>;
  return (
    <table class="table mg-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column, i) => {
            const { label, num } = typeof column === 'string' ? { label: column, num: false } : column;
            return (
              <th key={i} scope="col" class={num ? 'mg-num' : undefined}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{props.rows.map(props.row)}</tbody>
    </table>
  );
}

/** A list's address with its filters (empty ones left out) and, past the first, its page: `/admin/media?q=cat&page=2`. */
export function listHref(
  base: string,
  filters: Record<string, string | number | undefined>,
  page = 1,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/**
 * Links to the newer and older pages of a list, newest first. Given the
 * number of `pages` it says "Page 2 of 5"; otherwise `hasMore` tells whether
 * there is an older page.
 */
export function Pager(props: {
  label: string;
  page: number;
  pages?: number;
  hasMore?: boolean;
  href: (page: number) => string;
}) {
  const { page, pages } = props;
  const older = pages === undefined ? props.hasMore : page < pages;
  if (pages === undefined ? page <= 1 && !older : pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={props.label}>
      {page > 1 ? (
        <a class="button" rel="prev" href={props.href(page - 1)}>
          ← Newer
        </a>
      ) : null}
      <span>{pages === undefined ? `Page ${page}` : `Page ${page} of ${pages}`}</span>
      {older ? (
        <a class="button" rel="next" href={props.href(page + 1)}>
          Older →
        </a>
      ) : null}
    </nav>
  );
}

/** The panel beside a list with the form to add one, and why the last attempt was refused. */
export function AddPanel(props: {
  id: string;
  title: string;
  problem?: FormProblem;
  children: ComponentChildren;
}) {
  return (
    <aside class="panel mg-aside" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <FormError message={props.problem?.message} />
      {props.children}
    </aside>
  );
}

interface ManageFormProps {
  ctx: AdminContext;
  action: string;
  /** The submit button's label. */
  submit: string;
  /** A plain submit button rather than the primary one. */
  plain?: boolean;
  /** Asks this before sending (admin.js). */
  confirm?: string;
  class?: string;
  children: ComponentChildren;
}

/** A form that changes data: the CSRF field, the fields, and the submit button under them. */
export function ManageForm(props: ManageFormProps) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'stack'} data-confirm={props.confirm}>
      <Csrf ctx={props.ctx} />
      {props.children}
      <div>
        <button type="submit" class={props.plain ? 'button' : 'button button--primary'}>
          {props.submit}
        </button>
      </div>
    </form>
  );
}

/** One of several forms on a page, in its own panel: heading, hint, its error, the form. */
export function FormPanel(
  props: ManageFormProps & { id: string; title: string; hint?: ComponentChildren; problem?: FormProblem },
) {
  const { id, title, hint, problem, ...form } = props;
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p class="hint">{hint}</p> : null}
      <FormError message={problem?.message} />
      <ManageForm {...form} />
    </section>
  );
}

/**
 * The foot of an edit page: what deleting does (`children`) and the button,
 * which asks first. Without `action` (something still needs it) there is no button.
 */
export function DeletePanel(props: {
  ctx: AdminContext;
  kind: Kind;
  name: string;
  action?: string;
  /** The heading; `Delete this <kind>` by default. */
  title?: string;
  /** The question asked; `Delete the <kind> “name”?` by default. */
  confirm?: string;
  problem?: FormProblem;
  children: ComponentChildren;
}) {
  const id = `delete-${props.kind}`;
  return (
    <section class="panel mg-danger" aria-labelledby={id}>
      <h2 id={id}>{props.title ?? `Delete this ${props.kind}`}</h2>
      <FormError message={props.problem?.message} />
      {props.children}
      {props.action ? (
        <ActionForm
          ctx={props.ctx}
          action={props.action}
          label={`Delete ${props.kind}`}
          danger
          confirm={props.confirm ?? `Delete the ${props.kind} “${props.name}”?`}
        />
      ) : null}
    </section>
  );
}

/*
 * Sections, sources and authors are managed alike: a list with the form to
 * add one beside it, and a page each with the same form and a delete panel.
 * Only their table, their own fields and what deleting does differ.
 */

type Managed = 'section' | 'source' | 'author';

interface NameAndSlug {
  name?: string;
  slug?: string;
}

/** The fields of a section, source or author besides its name and slug. */
export type OwnFields<Values> = (props: { values: Partial<Values>; problem?: FormProblem }) => VNode;

/**
 * The list of sections, sources or authors (`children`: its table), and
 * beside it the form to add one, with what was typed when it was refused.
 */
export function EntityListPage<Values extends NameAndSlug>(props: {
  ctx: AdminContext;
  kind: Managed;
  lede: string;
  fields: OwnFields<Values>;
  problem?: FormProblem;
  values?: Values;
  children: ComponentChildren;
}) {
  const { kind } = props;
  return (
    <IndexPage
      ctx={props.ctx}
      title={`${capital(kind)}s`}
      lede={props.lede}
      aside={
        <AddPanel
          id={`add-${kind}`}
          title={`Add ${kind === 'author' ? 'an' : 'a'} ${kind}`}
          problem={props.problem}
        >
          <EntityForm
            ctx={props.ctx}
            kind={kind}
            fields={props.fields}
            values={props.values}
            problem={props.problem}
            action={`/admin/${kind}s`}
            submit={`Add ${kind}`}
          />
        </AddPanel>
      }
    >
      {props.children}
    </IndexPage>
  );
}

/**
 * The page of one section, source or author: its form, then what deleting it
 * does (`children`); the delete button only when it is `deletable`.
 */
export function EntityEditPage<Values extends NameAndSlug>(props: {
  ctx: AdminContext;
  kind: Managed;
  entity: { id: number; name: string; slug: string };
  fields: OwnFields<Values>;
  values: Values;
  problem?: FormProblem;
  deletable: boolean;
  children: ComponentChildren;
}) {
  const { ctx, kind, entity } = props;
  const path = `/admin/${kind}s/${entity.id}`;
  return (
    <EntityPage ctx={ctx} kind={kind} entity={entity}>
      <div class="mg-stack">
        <FormError message={props.problem?.message} />
        <div class="panel">
          <EntityForm
            ctx={ctx}
            kind={kind}
            fields={props.fields}
            values={props.values}
            problem={props.problem}
            action={path}
            submit={`Save ${kind}`}
          />
        </div>
        <DeletePanel
          ctx={ctx}
          kind={kind}
          name={entity.name}
          action={props.deletable ? `${path}/delete` : undefined}
        >
          {props.children}
        </DeletePanel>
      </div>
    </EntityPage>
  );
}

/** Name and slug (its address is `/<kind>s/slug`), then the entity's own fields. */
function EntityForm<Values extends NameAndSlug>(props: {
  ctx: AdminContext;
  kind: Managed;
  action: string;
  submit: string;
  fields: OwnFields<Values>;
  values?: Values;
  problem?: FormProblem;
}) {
  const { problem, fields: Fields } = props;
  const values: Partial<Values> = props.values ?? {};
  return (
    <ManageForm ctx={props.ctx} action={props.action} submit={props.submit}>
      <Field label="Name" name="name" value={values.name} problem={problem} required maxLength={100} />
      <Field
        label="Slug"
        name="slug"
        value={values.slug}
        problem={problem}
        maxLength={80}
        hint={`The address: /${props.kind}s/slug. Leave empty to make it from the name.`}
      />
      <Fields values={values} problem={problem} />
    </ManageForm>
  );
}

export interface FieldProps {
  label: string;
  name: string;
  value?: string | number | null;
  problem?: FormProblem;
  hint?: ComponentChildren;
  required?: boolean;
  maxLength?: number;
  type?: 'text' | 'email' | 'password' | 'url' | 'number';
  autoComplete?: string;
  placeholder?: string;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  /** The error key when it differs from the form name (`support.donateUrl` for `donateUrl`). */
  errorKey?: string;
  inputMode?: 'numeric' | 'url' | 'text';
  list?: string;
}

/** A labelled input whose error, when the form was refused for it, sits under it and is tied to it. */
export function Field(props: FieldProps) {
  const id = `f-${props.name.replace(/[^A-Za-z0-9]/g, '-')}`;
  const invalid =
    props.problem?.field !== undefined && props.problem.field === (props.errorKey ?? props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={invalid ? 'mg-field mg-field--invalid' : 'mg-field'}>
      <label for={id}>{props.label}</label>
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          list={props.list}
        />
      )}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {invalid ? (
        <p class="mg-field__error" id={errorId}>
          {props.problem!.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A form with one button that changes data; with `confirm`, the browser asks
 * first (a small script; without it the button still works).
 */
export function ActionForm(props: {
  ctx: AdminContext;
  action: string;
  label: string;
  confirm?: string;
  danger?: boolean;
  fields?: Record<string, string>;
  /** An accessible name when the visible label is short (an arrow). */
  ariaLabel?: string;
  disabled?: boolean;
  small?: boolean;
}) {
  const classes = ['button', props.danger ? 'button--danger' : '', props.small ? 'mg-small' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <form method="post" action={props.action} class="mg-inline-form" data-confirm={props.confirm}>
      <Csrf ctx={props.ctx} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={classes} aria-label={props.ariaLabel} disabled={props.disabled}>
        {props.label}
      </button>
    </form>
  );
}

/** "1 article", "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A number of articles that links to the article list filtered by this section, tag or author. */
export function ArticleCount(props: { count: number; filter: 'section' | 'tag' | 'author'; slug: string }) {
  if (props.count === 0) return <span class="muted">0</span>;
  return (
    <a href={`/admin/articles?${props.filter}=${encodeURIComponent(props.slug)}`}>
      {props.count.toLocaleString('en-GB')}
    </a>
  );
}
