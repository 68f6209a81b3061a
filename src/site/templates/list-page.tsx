import type { ComponentChildren } from 'preact';
import type { ArticleSummary } from '../../content/index.js';
import { ArticleList, Pagination, PaginationLinks, type PageInfo } from './components.js';
import { Layout } from './layout.js';
import type { SiteContext } from './site-context.js';

/** Section, tag, source, author, archive and most-read pages: a heading, an intro, a paginated list. */
export interface ListPageData {
  kicker?: string;
  title: string;
  intro?: ComponentChildren;
  description?: string;
  articles: ArticleSummary[];
  pageInfo: PageInfo;
  /** Feed links for this list, if it has feeds. */
  feeds?: { rss: string; atom: string; json: string };
  showViews?: boolean;
  numbered?: boolean;
  /** Shown above the list, e.g. period tabs or day navigation. */
  nav?: ComponentChildren;
  empty?: string;
}

export function ListPage(props: { site: SiteContext; data: ListPageData }) {
  const { site, data } = props;
  const head = {
    title: data.pageInfo.page > 1 ? `${data.title} (page ${data.pageInfo.page})` : data.title,
    description: data.description,
    extra: (
      <>
        <PaginationLinks info={data.pageInfo} site={site} />
        {data.feeds ? (
          <>
            <link
              rel="alternate"
              type="application/rss+xml"
              title={`${data.title} (RSS)`}
              href={data.feeds.rss}
            />
            <link
              rel="alternate"
              type="application/atom+xml"
              title={`${data.title} (Atom)`}
              href={data.feeds.atom}
            />
            <link
              rel="alternate"
              type="application/feed+json"
              title={`${data.title} (JSON Feed)`}
              href={data.feeds.json}
            />
          </>
        ) : null}
      </>
    ),
  };
  return (
    <Layout site={site} head={head}>
      <header class="list-header">
        {data.kicker ? <p class="kicker">{data.kicker}</p> : null}
        <h1 class="list-header__title">{data.title}</h1>
        {data.intro ? <div class="list-header__intro">{data.intro}</div> : null}
        {data.feeds ? (
          <p class="list-header__feeds">
            <a href={data.feeds.rss}>RSS</a> · <a href={data.feeds.atom}>Atom</a> ·{' '}
            <a href={data.feeds.json}>JSON Feed</a>
          </p>
        ) : null}
      </header>
      {data.nav}
      {data.articles.length ? (
        <ArticleList
          articles={data.articles}
          site={site}
          showLead
          showSection
          showViews={data.showViews}
          headingLevel={2}
          numbered={data.numbered}
        />
      ) : (
        <p class="empty">{data.empty ?? 'No articles yet.'}</p>
      )}
      <Pagination info={data.pageInfo} />
    </Layout>
  );
}
