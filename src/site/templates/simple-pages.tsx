import { Layout, SearchForm } from './layout.js';
import type { SiteContext } from './site-context.js';

export function SupportPage(props: { site: SiteContext }) {
  const { site } = props;
  const { support } = site.settings;
  return (
    <Layout site={site} head={{ title: support.pageTitle, description: support.appeal }}>
      <article class="prose">
        <h1>{support.pageTitle}</h1>
        <p class="story__lead">{support.appeal}</p>
        {support.pageText.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {support.donateUrl ? (
          <p>
            <a class="button" href={support.donateUrl} rel="noopener">
              {support.linkText}
            </a>
          </p>
        ) : null}
      </article>
    </Layout>
  );
}

/** 404, other 4xx and 5xx pages, in the site's design. */
export function ErrorPage(props: { site: SiteContext; status: number; message?: string }) {
  const { site, status } = props;
  const notFound = status === 404;
  const title = notFound
    ? 'Page not found'
    : status < 500
      ? 'This request could not be served'
      : 'Something went wrong';
  return (
    <Layout site={site} head={{ title, noindex: true }}>
      <article class="prose error-page">
        <p class="kicker">Error {status}</p>
        <h1>{title}</h1>
        {notFound ? (
          <p>
            The page you asked for does not exist or is no longer published. Try a search, or start from the
            home page.
          </p>
        ) : status < 500 ? (
          <p>{props.message ?? 'The request was not valid.'}</p>
        ) : (
          <p>We could not show this page. The problem has been logged; please try again in a moment.</p>
        )}
        <SearchForm id="error-search" />
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </article>
    </Layout>
  );
}
