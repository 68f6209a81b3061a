import { AdminLayout, Csrf, type AdminContext } from './admin-layout.js';
import { Field, PageHead, type FormProblem } from './manage-kit.js';

/**
 * "From a page": a draft from another outlet's article, for a reporter to
 * rewrite. One of three ways in: its address (fetched by the server under
 * the outbound policy), the page saved as a file (or copied text as a .txt
 * file), or its text pasted. The draft opens in the editor; nothing is
 * published.
 */
export function FromPagePage(props: {
  ctx: AdminContext;
  problem?: FormProblem;
  values?: { url?: string; text?: string };
}) {
  const { ctx, problem, values } = props;
  return (
    <AdminLayout ctx={ctx} title="From a page">
      <PageHead title="A draft from a page" crumbs={[{ href: '/admin/articles', label: 'Articles' }]} />
      <p class="mg-lede">
        Give the article one way: its address, the page saved as a file, or its text copied and pasted. Its
        headline, lead, text, pictures and tags come into a new draft, without the page’s menus, share buttons
        and “read also” lines. Check the draft against the original and write it in our own words.
      </p>
      {problem && !problem.field ? (
        <p class="form-error" role="alert">
          {problem.message}
        </p>
      ) : null}
      <form
        method="post"
        action="/admin/articles/from-page"
        enctype="multipart/form-data"
        class="mg-stack panel"
      >
        <Csrf ctx={ctx} />
        <Field
          name="url"
          label="The page’s address"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={values?.url}
          problem={problem}
        />
        <div class={problem?.field === 'file' ? 'mg-field mg-field--invalid' : 'mg-field'}>
          <label for="f-file">Or the page saved as a file</label>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".html,.htm,.xhtml,.txt,text/html,text/plain"
            aria-describedby={problem?.field === 'file' ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={problem?.field === 'file' ? 'true' : undefined}
          />
          <p class="hint" id="f-file-hint">
            An .html page in any character set, or a .txt file of copied text.
          </p>
          {problem?.field === 'file' ? (
            <p class="mg-field__error" id="f-file-error">
              {problem.message}
            </p>
          ) : null}
        </div>
        <Field
          name="text"
          label="Or the page’s text, pasted"
          rows={10}
          value={values?.text}
          problem={problem}
          hint="Select the whole article on the page, copy it and paste it here."
        />
        <button type="submit" class="button button--primary">
          Make a draft
        </button>
      </form>
    </AdminLayout>
  );
}
