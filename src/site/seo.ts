import type { Article, Media } from '../content/index.js';
import { mediaLargest } from '../content/index.js';
import { absoluteUrl } from '../lib/urls.js';
import type { SiteContext } from './templates/site-context.js';

/** The description search engines and share cards show: the SEO description, else the lead. */
export function articleDescription(article: Article): string {
  return truncate(article.seoDescription || article.lead, 300);
}

/** schema.org NewsArticle for Google's article rich results. */
export function newsArticleJsonLd(
  article: Article,
  site: SiteContext,
  media?: Map<number, Media>,
): Record<string, unknown> {
  const url = site.siteUrl + article.path;
  const image = shareImage(article, site, media).url;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: truncate(article.title, 110),
    description: articleDescription(article),
    // A preview of an article never published has no date yet.
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateModified: article.revisedAt ?? article.updatedAt,
    author: article.authors.length
      ? article.authors.map((a) => ({
          '@type': 'Person',
          name: a.name,
          url: `${site.siteUrl}/authors/${a.slug}`,
        }))
      : [{ '@type': 'Organization', name: site.settings.name, url: site.siteUrl }],
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.settings.name,
      url: site.siteUrl,
      logo: { '@type': 'ImageObject', url: `${site.siteUrl}/assets/logo.png`, width: 600, height: 60 },
    },
    image: [image],
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    isAccessibleForFree: true,
    ...(article.source ? { sourceOrganization: { '@type': 'Organization', name: article.source.name } } : {}),
  };
}

/**
 * The article's featured image, else its first body image, else the site's share image. An image from
 * the media library (`mediaId` found in `media`) gives its largest stored size.
 */
/**
 * The picture a share card shows, with its text alternative: the featured
 * image, else the body's first picture, else the site's share image.
 */
export function shareImage(
  article: Article,
  site: SiteContext,
  media?: Map<number, Media>,
): { url: string; alt: string } {
  const featured = article.featuredImage === null ? undefined : media?.get(article.featuredImage);
  if (featured) return { url: absoluteUrl(mediaLargest(featured).url, site.siteUrl), alt: featured.alt };
  const image = article.body.content.find((b) => b.type === 'image');
  if (image?.type === 'image') {
    const stored = image.attrs.mediaId === undefined ? undefined : media?.get(image.attrs.mediaId);
    const src = stored ? mediaLargest(stored).url : image.attrs.src;
    return { url: absoluteUrl(src, site.siteUrl), alt: stored?.alt || image.attrs.alt };
  }
  return { url: `${site.siteUrl}/assets/share.png`, alt: site.settings.name };
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
