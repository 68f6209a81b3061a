import { BIO_MAX, type AdminAuthor } from '../../content/index.js';
import type { AdminContext } from './admin-layout.js';
import {
  ArticleCount,
  EntityEditPage,
  EntityListPage,
  Field,
  ListTable,
  plural,
  type FormProblem,
} from './manage-kit.js';

export interface AuthorValues {
  name?: string;
  slug?: string;
  bio?: string;
  photoMediaId?: string | number | null;
}

/** Bylines: who writes, with a bio and a photo for their page. */
export function AuthorsPage(props: {
  ctx: AdminContext;
  authors: AdminAuthor[];
  problem?: FormProblem;
  values?: AuthorValues;
}) {
  return (
    <EntityListPage
      ctx={props.ctx}
      kind="author"
      lede="Authors are bylines. Each has a page at /authors/slug with a bio. A user account writes under one author; an author needs no account (a guest writer, an agency's correspondent)."
      fields={AuthorFields}
      problem={props.problem}
      values={props.values}
    >
      <ListTable
        caption="Authors by name"
        columns={['Name', 'Bio', { label: 'Articles', num: true }]}
        rows={props.authors}
        empty="No authors yet."
        row={(a) => (
          <tr key={a.id}>
            <td class="title">
              <div class="mg-person">
                {a.photoUrl ? (
                  <img class="mg-avatar" src={a.photoUrl} alt="" width={32} height={32} />
                ) : (
                  <span class="mg-avatar mg-avatar--empty" aria-hidden="true">
                    {a.name.slice(0, 1)}
                  </span>
                )}
                <div>
                  <a href={`/admin/authors/${a.id}`}>{a.name}</a>
                  <div class="mg-slug">/authors/{a.slug}</div>
                </div>
              </div>
            </td>
            <td class="mg-desc">{a.bio ? excerpt(a.bio) : <span class="muted">No bio</span>}</td>
            <td class="mg-num">
              <ArticleCount count={a.articles} filter="author" slug={a.slug} />
            </td>
          </tr>
        )}
      />
    </EntityListPage>
  );
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text;
}

function AuthorFields(props: {
  values: Partial<AuthorValues>;
  problem?: FormProblem;
  photoUrl?: string | null;
}) {
  const { values, problem } = props;
  return (
    <>
      <Field
        label="Bio"
        name="bio"
        value={values.bio}
        problem={problem}
        rows={5}
        maxLength={BIO_MAX}
        hint={`Plain text, up to ${BIO_MAX} characters; shown on the author's page.`}
      />
      <div class="mg-photo" data-media-picker>
        {props.photoUrl ? <img class="mg-photo__preview" src={props.photoUrl} alt="Current photo" /> : null}
        <Field
          label="Photo (media library image number)"
          name="photoMediaId"
          type="number"
          inputMode="numeric"
          value={values.photoMediaId}
          problem={problem}
          hint="Upload the photo in Media, then choose it here. Empty for no photo."
        />
        <div class="mg-photo__library" hidden />
      </div>
    </>
  );
}

export function AuthorEditPage(props: {
  ctx: AdminContext;
  author: AdminAuthor;
  problem?: FormProblem;
  values?: AuthorValues;
}) {
  const { author } = props;
  const values = props.values ?? {
    name: author.name,
    slug: author.slug,
    bio: author.bio,
    photoMediaId: author.photo_media_id,
  };
  const inUse = author.articles > 0;
  return (
    <EntityEditPage
      ctx={props.ctx}
      kind="author"
      entity={author}
      fields={(own) => <AuthorFields {...own} photoUrl={author.photoUrl} />}
      values={values}
      problem={props.problem}
      deletable={!inUse}
    >
      {inUse ? (
        <p>
          {author.name} is the byline of{' '}
          <a href={`/admin/articles?author=${encodeURIComponent(author.slug)}`}>
            {plural(author.articles, 'article')}
          </a>
          . The author is kept so those bylines stay; to delete, change those articles' authors first.
        </p>
      ) : (
        <p>No article carries this byline. A user who wrote under it keeps the account, without a byline.</p>
      )}
    </EntityEditPage>
  );
}
