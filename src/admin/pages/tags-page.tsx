import type { AdminTag, TagList, TagListRow, TagSort } from '../../content/index.js';
import type { AdminContext } from './admin-layout.js';
import {
  ArticleCount,
  DeletePanel,
  EntityPage,
  Field,
  FormPanel,
  IndexPage,
  listHref,
  ListTable,
  plural,
  type FormProblem,
} from './manage-kit.js';

export interface TagsQuery {
  q: string;
  sort: TagSort;
}

function tagsUrl(query: TagsQuery, page = 1): string {
  return listHref(
    '/admin/tags',
    { q: query.q, sort: query.sort === 'articles' ? undefined : query.sort },
    page,
  );
}

/** Every tag with its article count; search, sort, and a way into each tag. */
export function TagsPage(props: { ctx: AdminContext; list: TagList; query: TagsQuery }) {
  const { ctx, list, query } = props;
  const first = (list.page - 1) * 50 + 1;
  return (
    <IndexPage
      ctx={ctx}
      title="Tags"
      lede="Tags are written on articles. Here you tidy them: rename a tag (its old address keeps working), merge duplicates, delete what is not needed."
      aside={<TagsHelp />}
    >
      <form method="get" action="/admin/tags" class="mg-search" role="search" aria-label="Search tags">
        <label for="tag-q">Search tags</label>
        <input id="tag-q" type="search" name="q" value={query.q} placeholder="Name or slug" />
        <label for="tag-sort">Sort by</label>
        <select id="tag-sort" name="sort">
          <option value="articles" selected={query.sort === 'articles'}>
            Most used
          </option>
          <option value="name" selected={query.sort === 'name'}>
            Name (A–Z)
          </option>
        </select>
        <button type="submit" class="button">
          Search
        </button>
        {query.q ? <a href={tagsUrl({ q: '', sort: query.sort })}>Show all</a> : null}
      </form>
      <p class="mg-count muted" role="status">
        {list.total === 0
          ? query.q
            ? `No tags match “${query.q}”.`
            : 'No tags yet: they appear when articles are tagged.'
          : `${first}–${first + list.tags.length - 1} of ${plural(list.total, 'tag')}${query.q ? ` matching “${query.q}”` : ''}`}
      </p>
      {list.tags.length ? (
        <ListTable
          caption={`Tags${query.q ? ` matching “${query.q}”` : ''}`}
          columns={[
            'Name',
            'Address',
            { label: 'Articles', num: true },
            { label: <span class="visually-hidden">Actions</span> },
          ]}
          rows={list.tags}
          row={(tag) => <TagRow key={tag.id} tag={tag} />}
        />
      ) : null}
      {list.pages > 1 ? (
        <nav class="mg-pages" aria-label="Pages of tags">
          {list.page > 1 ? <a href={tagsUrl(query, list.page - 1)}>← Previous</a> : <span />}
          <span>
            Page {list.page} of {list.pages}
          </span>
          {list.page < list.pages ? <a href={tagsUrl(query, list.page + 1)}>Next →</a> : <span />}
        </nav>
      ) : null}
    </IndexPage>
  );
}

function TagsHelp() {
  return (
    <aside class="panel mg-aside mg-help" aria-labelledby="tags-help">
      <h2 id="tags-help">Tidying tags</h2>
      <dl>
        <dt>Rename</dt>
        <dd>Open a tag and change its name or slug. Links to the old address redirect to the new one.</dd>
        <dt>Merge</dt>
        <dd>
          Open the duplicate (“Nato”) and merge it into the tag to keep (“NATO”). Its articles move over, once
          each.
        </dd>
        <dt>Delete</dt>
        <dd>Takes the tag off its articles; the articles stay as they are.</dd>
      </dl>
    </aside>
  );
}

function TagRow(props: { tag: TagListRow }) {
  const { tag } = props;
  return (
    <tr>
      <td class="title">
        <a href={`/admin/tags/${tag.id}`}>{tag.name}</a>
      </td>
      <td class="mg-slug">/tags/{tag.slug}</td>
      <td class="mg-num">
        <ArticleCount count={tag.articles} filter="tag" slug={tag.slug} />
      </td>
      <td class="mg-actions">
        <a href={`/admin/tags/${tag.id}`} aria-label={`Edit, merge or delete ${tag.name}`}>
          Edit
        </a>
        <a href={`/tags/${tag.slug}`} aria-label={`View ${tag.name} on the site`}>
          View
        </a>
      </td>
    </tr>
  );
}

export interface TagValues {
  name?: string;
  slug?: string;
  into?: string;
}

/** One tag: rename it, merge it into another, or delete it. */
export function TagEditPage(props: {
  ctx: AdminContext;
  tag: AdminTag;
  /** Names offered for the merge field. */
  suggestions: string[];
  problem?: FormProblem;
  values?: TagValues;
  /** Which form the problem belongs to. */
  form?: 'rename' | 'merge' | 'delete';
}) {
  const { ctx, tag } = props;
  const values = props.values ?? {};
  const problemFor = (form: string) => (props.form === form ? props.problem : undefined);
  return (
    <EntityPage ctx={ctx} kind="tag" entity={tag}>
      <p class="mg-lede">
        Used by <ArticleCount count={tag.articles} filter="tag" slug={tag.slug} />{' '}
        {tag.articles === 1 ? 'article' : 'articles'}.
        {tag.redirects.length ? (
          <>
            {' '}
            Old addresses that lead here:{' '}
            {tag.redirects.map((slug, i) => (
              <span key={slug}>
                {i ? ', ' : ''}
                <code>/tags/{slug}</code>
              </span>
            ))}
            .
          </>
        ) : null}
      </p>
      <div class="mg-stack">
        <FormPanel
          ctx={ctx}
          id="rename-tag"
          title="Rename"
          problem={problemFor('rename')}
          action={`/admin/tags/${tag.id}`}
          submit="Save tag"
        >
          <Field
            label="Name"
            name="name"
            value={props.form === 'rename' ? values.name : tag.name}
            problem={problemFor('rename')}
            required
            maxLength={60}
          />
          <Field
            label="Slug"
            name="slug"
            value={props.form === 'rename' ? values.slug : tag.slug}
            problem={problemFor('rename')}
            maxLength={80}
            hint={`The address: /tags/${tag.slug}. When it changes, the old address redirects to the new one.`}
          />
        </FormPanel>
        <FormPanel
          ctx={ctx}
          id="merge-tag"
          title="Merge into another tag"
          hint={`Its articles get the other tag instead (once each), its address redirects there, and “${tag.name}” is deleted.`}
          problem={problemFor('merge')}
          action={`/admin/tags/${tag.id}/merge`}
          confirm={`Merge “${tag.name}” into the tag you named? This cannot be undone.`}
          submit="Merge"
          plain
        >
          <Field
            label="Tag to merge into"
            name="into"
            value={values.into}
            problem={problemFor('merge')}
            required
            maxLength={100}
            list="tag-suggestions"
            placeholder="Name or slug of the tag to keep"
          />
          <datalist id="tag-suggestions">
            {props.suggestions
              .filter((name) => name !== tag.name)
              .map((name) => (
                <option key={name} value={name} />
              ))}
          </datalist>
        </FormPanel>
        <DeletePanel
          ctx={ctx}
          kind="tag"
          name={tag.name}
          title="Delete"
          problem={problemFor('delete')}
          action={`/admin/tags/${tag.id}/delete`}
          confirm={`Delete the tag “${tag.name}”${tag.articles ? ` from ${plural(tag.articles, 'article')}` : ''}?`}
        >
          <p>
            {tag.articles
              ? `${plural(tag.articles, 'article')} lose this tag; their text is unchanged. /tags/${tag.slug} stops working.`
              : `No article uses this tag. /tags/${tag.slug} stops working.`}
          </p>
        </DeletePanel>
      </div>
    </EntityPage>
  );
}
