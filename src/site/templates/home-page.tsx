import type { ArticleSummary, Named } from '../../content/index.js';
import type { Media } from '../../content/index.js';
import { Picture } from './body.js';
import { JsonLd } from './json-ld.js';
import { ArticleList, Time } from './components.js';
import { Layout } from './layout.js';
import type { SiteContext } from './site-context.js';

export interface HomePageData {
  top: ArticleSummary | undefined;
  /** The top story's opening picture, when it has one from the library. */
  topImage?: { media: Media; alt: string };
  latest: ArticleSummary[];
  mostRead: { label: string; articles: ArticleSummary[] };
  sections: { section: Named; articles: ArticleSummary[] }[];
}

export function HomePage(props: { site: SiteContext; data: HomePageData }) {
  const { site, data } = props;
  const { settings } = site;
  const head = {
    title: settings.name,
    description: settings.tagline,
    extra: (
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: settings.name,
          url: site.siteUrl,
          potentialAction: {
            '@type': 'SearchAction',
            target: `${site.siteUrl}/search?q={search_term_string}`,
            'query-input': 'required name=search_term_string',
          },
        }}
      />
    ),
  };
  return (
    <Layout site={site} head={head}>
      <h1 class="visually-hidden">{settings.name}: latest news</h1>
      <div class="home">
        <div class="home__main">
          {data.top ? (
            <article class="top-story">
              {data.topImage ? (
                <a href={data.top.path} class="top-story__image" tabIndex={-1} aria-hidden="true">
                  <Picture
                    media={data.topImage.media}
                    alt=""
                    sizes="(min-width: 72rem) 46rem, (min-width: 48rem) 66vw, 100vw"
                    lead
                  />
                </a>
              ) : null}
              <a class="kicker" href={`/sections/${data.top.section.slug}`}>
                {data.top.section.name}
              </a>
              <h2 class="top-story__title">
                <a href={data.top.path}>{data.top.title}</a>
              </h2>
              <p class="top-story__lead">{data.top.lead}</p>
              <p class="meta">
                <Time at={data.top.publishedAt} site={site} />
              </p>
            </article>
          ) : (
            <p class="empty">Nothing has been published yet.</p>
          )}
          <section class="home__latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="section-heading">
              Latest
            </h2>
            <ArticleList articles={data.latest} site={site} showLead showSection />
          </section>
        </div>
        <aside class="home__side" aria-labelledby="most-read-heading">
          <h2 id="most-read-heading" class="section-heading">
            <a href="/most-read">Most read</a>
          </h2>
          <p class="section-heading__note">{data.mostRead.label}</p>
          <ArticleList articles={data.mostRead.articles} site={site} numbered />
        </aside>
      </div>
      <div class="section-blocks">
        {data.sections
          .filter((b) => b.articles.length)
          .map((block) => (
            <section
              class="section-block"
              key={block.section.id}
              aria-labelledby={`block-${block.section.slug}`}
            >
              <h2 class="section-heading" id={`block-${block.section.slug}`}>
                <a href={`/sections/${block.section.slug}`}>{block.section.name}</a>
              </h2>
              <ArticleList articles={block.articles} site={site} />
            </section>
          ))}
      </div>
    </Layout>
  );
}
