import type { ArticleSummary } from '../../content/index.js';
import { formatDate } from '../../lib/dateline.js';
import type { SiteContext } from './site-context.js';

/** `<time>` with the UTC instant for machines and the site's format for people. */
export function Time(props: { at: string; site: SiteContext; pattern?: string }) {
  const { settings } = props.site;
  return (
    <time dateTime={props.at}>
      {formatDate(props.at, settings.timeZone, props.pattern ?? settings.dateFormat)}
    </time>
  );
}

export function ArticleList(props: {
  articles: ArticleSummary[];
  site: SiteContext;
  showLead?: boolean;
  showSection?: boolean;
  showViews?: boolean;
  headingLevel?: 2 | 3;
  numbered?: boolean;
}) {
  const { articles, site } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const List = props.numbered ? 'ol' : 'ul';
  return (
    <List class={`article-list${props.numbered ? ' article-list--numbered' : ''}`}>
      {articles.map((a) => (
        <li class="article-list__item" key={a.id}>
          <article>
            {props.showSection ? (
              <a class="kicker" href={`/sections/${a.section.slug}`}>
                {a.section.name}
              </a>
            ) : null}
            <Heading class="article-list__title">
              <a href={a.path}>{a.title}</a>
            </Heading>
            {props.showLead && a.lead ? <p class="article-list__lead">{a.lead}</p> : null}
            <p class="meta">
              <Time at={a.publishedAt} site={site} />
              {props.showViews ? <span class="meta__views"> · {formatCount(a.views)} views</span> : null}
            </p>
          </article>
        </li>
      ))}
    </List>
  );
}

// Made once: building an Intl.NumberFormat costs more than a page's other formatting.
const COUNT = new Intl.NumberFormat('en-US');

/**
 * 12,345. Whole numbers are grouped here, the same as `Intl.NumberFormat`
 * does for en-US: it took 1.2-1.6 µs a number, and an article page shows a
 * dozen view counts. Anything else is left to it.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return COUNT.format(n);
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += ',' + digits.slice(i, i + 3);
  return n < 0 ? '-' + grouped : grouped;
}

export interface PageInfo {
  page: number;
  /** Whether an older page follows: lists are read a page at a time, never counted. */
  hasNext: boolean;
  /** Path and query without `page`, e.g. `/search?q=nato`. */
  base: string;
}

export function pageHref(info: Pick<PageInfo, 'base'>, page: number): string {
  if (page <= 1) return info.base;
  return `${info.base}${info.base.includes('?') ? '&' : '?'}page=${page}`;
}

export function Pagination(props: { info: PageInfo }) {
  const { page, hasNext } = props.info;
  if (page === 1 && !hasNext) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={pageHref(props.info, page - 1)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="pagination__where">Page {formatCount(page)}</span>
      {hasNext ? (
        <a rel="next" href={pageHref(props.info, page + 1)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function PaginationLinks(props: { info: PageInfo; site: SiteContext }) {
  const { page, hasNext } = props.info;
  return (
    <>
      {page > 1 ? <link rel="prev" href={props.site.siteUrl + pageHref(props.info, page - 1)} /> : null}
      {hasNext ? <link rel="next" href={props.site.siteUrl + pageHref(props.info, page + 1)} /> : null}
    </>
  );
}
