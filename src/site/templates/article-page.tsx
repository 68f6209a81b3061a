import type { Article, ArticleSummary, Media } from '../../content/index.js';
import { articleDescription, newsArticleJsonLd, shareImage } from '../seo.js';
import { Body, Picture } from './body.js';
import { ArticleList, formatCount, Time } from './components.js';
import { JsonLd } from './json-ld.js';
import { Layout, SocialLinks } from './layout.js';
import type { SiteContext } from './site-context.js';

export interface ArticlePageData {
  article: Article;
  /** Targets of the inline related blocks that readers may see. */
  inlineRelated: Map<number, ArticleSummary>;
  related: ArticleSummary[];
  /** The media library's rows for the body's images (by `mediaId`), for their sizes. */
  media?: Map<number, Media>;
}

/**
 * An editor's preview: the same page, marked so it is never indexed, counts no
 * view, and says what it is.
 */
export interface PreviewOptions {
  label: string;
  editUrl: string;
}

export function ArticlePage(props: { site: SiteContext; data: ArticlePageData; preview?: PreviewOptions }) {
  const { site } = props;
  const { article, related, inlineRelated, media } = props.data;
  const { settings } = site;
  const url = site.siteUrl + article.path;
  const description = articleDescription(article);
  const title = article.seoTitle || article.title;
  const image = shareImage(article, site, media);
  const twitterHandle = handleFrom(settings.social.twitter);
  const head = {
    noindex: props.preview !== undefined,
    title,
    description,
    canonical: article.path,
    extra: (
      <>
        <meta property="og:type" content="article" />
        <meta property="og:site_name" content={settings.name} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={url} />
        <meta property="og:image" content={image.url} />
        {image.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
        {article.publishedAt ? (
          <meta property="article:published_time" content={article.publishedAt} />
        ) : null}
        <meta property="article:modified_time" content={article.revisedAt ?? article.updatedAt} />
        <meta property="article:section" content={article.section.name} />
        {article.tags.map((t) => (
          <meta key={t.id} property="article:tag" content={t.name} />
        ))}
        <meta name="twitter:card" content="summary_large_image" />
        {twitterHandle ? <meta name="twitter:site" content={twitterHandle} /> : null}
        <meta name="twitter:title" content={title} />
        <meta name="twitter:description" content={description} />
        <meta name="twitter:image" content={image.url} />
        {image.alt ? <meta name="twitter:image:alt" content={image.alt} /> : null}
        <JsonLd data={newsArticleJsonLd(article, site, media)} />
        {props.preview ? null : <script src={site.assets.js} defer />}
      </>
    ),
  };
  return (
    <Layout
      site={site}
      head={head}
      banner={
        props.preview ? (
          <div class="preview-banner" role="note">
            {props.preview.label} · <a href={props.preview.editUrl}>Back to the editor</a>
          </div>
        ) : undefined
      }
    >
      <article class="story" data-article-id={article.id}>
        <header class="story__header">
          <a class="kicker" href={`/sections/${article.section.slug}`}>
            {article.section.name}
          </a>
          <h1 class="story__title">{article.title}</h1>
          <p class="dateline">
            {article.publishedAt ? (
              <Time at={article.publishedAt} site={site} />
            ) : (
              // Only a preview shows an article that was never published.
              <span class="dateline__unpublished">Not published yet</span>
            )}
            <span class="dateline__sep" aria-hidden="true">
              {' | '}
            </span>
            <span class="views">
              <span class="views__count" data-views>
                {formatCount(article.views)}
              </span>{' '}
              views
            </span>
          </p>
          {article.revisedAt ? (
            <p class="dateline dateline--updated">
              Updated: <Time at={article.revisedAt} site={site} />
            </p>
          ) : null}
          {article.authors.length ? (
            <p class="byline">
              By{' '}
              {article.authors.map((a, i) => (
                <>
                  {i > 0 ? (i === article.authors.length - 1 ? ' and ' : ', ') : ''}
                  <a href={`/authors/${a.slug}`} rel="author">
                    {a.name}
                  </a>
                </>
              ))}
            </p>
          ) : null}
          {article.lead ? <p class="story__lead">{article.lead}</p> : null}
        </header>
        <FeaturedImage article={article} media={media} />
        <Body doc={article.body} related={inlineRelated} media={media} />
        {article.source ? (
          <p class="source-credit">
            Source: <a href={`/sources/${article.source.slug}`}>/{article.source.name}</a>
          </p>
        ) : null}
        {article.corrections.length ? (
          <section class="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">Corrections</h2>
            <ul>
              {article.corrections.map((c, i) => (
                <li key={i}>
                  <Time at={c.createdAt} site={site} />: {c.text}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <footer class="story__footer">
          <SocialLinks site={site} />
          <aside class="support-appeal" aria-label="Support">
            <p>{settings.support.appeal}</p>
            <a class="button" href="/support">
              {settings.support.linkText}
            </a>
          </aside>
          {article.tags.length ? (
            <nav class="tags" aria-label="Tags">
              <span class="tags__label">Tags:</span>{' '}
              {article.tags.map((t, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`/tags/${t.slug}`} rel="tag">
                    {t.name}
                  </a>
                </>
              ))}
            </nav>
          ) : null}
          <p class="back">
            <a href={`/sections/${article.section.slug}`}>← Back to {article.section.name}</a>
          </p>
        </footer>
      </article>
      {related.length ? (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">» Related Articles:</h2>
          <ArticleList articles={related} site={site} showSection />
        </section>
      ) : null}
    </Layout>
  );
}

function handleFrom(url: string): string {
  const m = /(?:twitter|x)\.com\/([A-Za-z0-9_]+)/.exec(url);
  return m ? `@${m[1]}` : '';
}

/**
 * The featured image above the body, with the library's caption and credit;
 * not repeated when the body already opens with the same picture.
 */
function FeaturedImage(props: { article: Article; media: Map<number, Media> | undefined }) {
  const { article } = props;
  const stored = article.featuredImage === null ? undefined : props.media?.get(article.featuredImage);
  const first = article.body.content[0];
  if (!stored || (first?.type === 'image' && first.attrs.mediaId === stored.id)) return null;
  return (
    <figure class="figure figure--featured">
      <Picture media={stored} alt={stored.alt} sizes="(min-width: 42rem) 42rem, 100vw" lead />
      {stored.caption || stored.credit ? (
        <figcaption>
          {stored.caption}
          {stored.credit ? <span class="figure__credit"> {stored.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
