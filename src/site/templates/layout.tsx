import type { ComponentChildren, JSX } from 'preact';
import { formatDate } from '../../lib/dateline.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl } from './site-context.js';

export interface Head {
  title: string;
  description?: string;
  /** Path of the canonical URL; defaults to the page's path. */
  canonical?: string;
  /** Extra tags for <head>: Open Graph, JSON-LD, feed links, prev/next. */
  extra?: JSX.Element;
  noindex?: boolean;
}

/** The frame of every reader page: masthead, section menu, search, footer. */
export function Layout(props: {
  site: SiteContext;
  head: Head;
  children: ComponentChildren;
  banner?: ComponentChildren;
}) {
  const { site, head } = props;
  const { settings } = site;
  const fullTitle = head.title === settings.name ? settings.name : `${head.title} | ${settings.name}`;
  return (
    <html lang={settings.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        <link rel="canonical" href={absoluteUrl(site, head.canonical ?? site.path)} />
        {head.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={site.assets.css} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" type="application/rss+xml" title={`${settings.name} (RSS)`} href="/feed.xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${settings.name} (Atom)`}
          href="/feed.atom"
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={`${settings.name} (JSON Feed)`}
          href="/feed.json"
        />
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={settings.name}
          href="/opensearch.xml"
        />
        {head.extra}
      </head>
      <body>
        {props.banner}
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="masthead">
          <div class="masthead__inner">
            <p class="masthead__date">{formatDate(site.now, settings.timeZone, 'dddd, MMMM D, YYYY')}</p>
            <a class="masthead__name" href="/">
              {settings.name}
            </a>
            <p class="masthead__tagline">{settings.tagline}</p>
          </div>
          <nav class="menu" aria-label="Sections">
            <ul class="menu__list">
              <li>
                <a href="/" aria-current={site.path === '/' ? 'page' : undefined}>
                  Home
                </a>
              </li>
              {site.sections.map((s) => (
                <li key={s.id}>
                  <a
                    href={`/sections/${s.slug}`}
                    aria-current={site.path.startsWith(`/sections/${s.slug}`) ? 'page' : undefined}
                  >
                    {s.name}
                  </a>
                </li>
              ))}
              <li>
                <a href="/most-read" aria-current={site.path.startsWith('/most-read') ? 'page' : undefined}>
                  Most read
                </a>
              </li>
            </ul>
            <SearchForm />
          </nav>
        </header>
        <main id="main" class="page">
          {props.children}
        </main>
        <Footer site={site} />
      </body>
    </html>
  );
}

export function SearchForm(props: { query?: string; id?: string }) {
  const id = props.id ?? 'site-search';
  return (
    <form
      class="search-form"
      role="search"
      // A distinct name for each search landmark (axe: landmark-unique), since some pages have two.
      aria-label={props.id ? 'Search this site' : 'Site search'}
      action="/search"
      method="get"
    >
      <label for={id} class="visually-hidden">
        Search articles
      </label>
      <input id={id} type="search" name="q" value={props.query ?? ''} placeholder="Search" maxLength={500} />
      <button type="submit">Search</button>
    </form>
  );
}

function Footer(props: { site: SiteContext }) {
  const { settings, sections } = props.site;
  return (
    <footer class="footer">
      <div class="footer__inner">
        <div>
          <p class="footer__name">{settings.name}</p>
          <p>{settings.tagline}</p>
          <p>
            <a href="/support">{settings.support.linkText}</a>
          </p>
        </div>
        <nav aria-label="Sections (footer)">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`/sections/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <SocialLinks site={props.site} />
          <ul>
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
            <li>
              <a href="/most-read">Most read</a>
            </li>
            <li>
              <a href={`/archive/${formatDate(props.site.now, settings.timeZone, 'YYYY/MM/DD')}`}>Archive</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

export function SocialLinks(props: { site: SiteContext }) {
  const { social, name } = props.site.settings;
  const links = [
    social.twitter && { href: social.twitter, label: 'Twitter' },
    social.facebook && { href: social.facebook, label: 'Facebook' },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  if (!links.length) return null;
  return (
    <p class="follow">
      Follow {name} on{' '}
      {links.map((l, i) => (
        <>
          {i > 0 ? ' and ' : ''}
          <a href={l.href} rel="me noopener">
            {l.label}
          </a>
        </>
      ))}
    </p>
  );
}
