import type { ComponentChildren } from 'preact';
import { Csrf, type AdminContext } from './admin-layout.js';

/**
 * Pieces the newsroom-management pages share (sections, tags, sources,
 * authors, users, settings, account): fields that show their own error, a
 * page head, a confirm step for destructive buttons.
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

interface FieldProps {
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

/** Asks before forms marked `data-confirm` are sent. */
export function ConfirmScript() {
  return <script dangerouslySetInnerHTML={{ __html: CONFIRM_SCRIPT }} />;
}

const CONFIRM_SCRIPT = `document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  });
});`;

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
