import type { SearchResults } from '../../search/index.js';
import { formatCount, Pagination, PaginationLinks, Time, type PageInfo } from './components.js';
import { Layout, SearchForm } from './layout.js';
import type { SiteContext } from './site-context.js';

export function SearchPage(props: { site: SiteContext; results: SearchResults; pageInfo: PageInfo }) {
  const { site, results, pageInfo } = props;
  const q = results.query;
  const shown = quoted(q);
  const head = {
    title: q ? `Search: ${q}` : 'Search',
    noindex: true,
    extra: <PaginationLinks info={pageInfo} site={site} />,
  };
  return (
    <Layout site={site} head={head}>
      <header class="list-header">
        <h1 class="list-header__title">Search</h1>
        <SearchForm query={q} id="search-page-query" />
        {q ? (
          <p class="search-summary" role="status">
            {results.total === 0
              ? `No articles match ${shown}.`
              : results.more
                ? `More than ${formatCount(results.total)} articles match ${shown}; the most relevant and newest come first.`
                : `${formatCount(results.total)} ${results.total === 1 ? 'article matches' : 'articles match'} ${shown}.`}
          </p>
        ) : (
          <p class="search-summary">
            Type words to find; put a phrase in "quotes"; end a word with * to match its beginning.
          </p>
        )}
      </header>
      <ol class="article-list search-results">
        {results.hits.map(({ article, snippet }) => (
          <li class="article-list__item" key={article.id}>
            <article>
              <a class="kicker" href={`/sections/${article.section.slug}`}>
                {article.section.name}
              </a>
              <h2 class="article-list__title">
                <a href={article.path}>{article.title}</a>
              </h2>
              <p class="snippet">
                {snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
              </p>
              <p class="meta">
                <Time at={article.publishedAt} site={site} />
              </p>
            </article>
          </li>
        ))}
      </ol>
      <Pagination info={pageInfo} />
    </Layout>
  );
}

/**
 * The query as typed, between curly quotes; one with quotes of its own (a
 * phrase) keeps them, curled: `"prime minister" budget` shows as
 * “prime minister” budget, not “"prime minister" budget”.
 */
export function quoted(q: string): string {
  if (!q.includes('"')) return `“${q}”`;
  let quotes = 0;
  return q.replace(/"/g, () => (quotes++ % 2 === 0 ? '“' : '”'));
}
