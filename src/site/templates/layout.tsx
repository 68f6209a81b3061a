import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Named, SiteSettings } from '../../content/index.js';
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
        <header class="masthead" dangerouslySetInnerHTML={{ __html: mastheadHtml(site) }} />
        <main id="main" class="page">
          {props.children}
        </main>
        <footer class="footer" dangerouslySetInnerHTML={{ __html: footerHtml(site) }} />
      </body>
    </html>
  );
}

/**
 * The insides of the masthead and of the footer, rendered once and kept as
 * HTML: they are most of the frame, and the same on every page with the same
 * settings, menu, day and current menu item. An article page took 250-290 µs
 * to render, and 182-216 with these kept; the frame alone 73-78, then 22-25
 * (docs/PERFORMANCE.md). Kept for the very
 * settings and menu a page is given: both are read once and shared until a
 * change names them (`PageCache.part`), and new ones start afresh.
 */
const frames = new WeakMap<SiteSettings, WeakMap<readonly Named[], Map<string, string>>>();
/** Kept for one settings and menu: days times current items, emptied when full. */
const FRAMES = 64;

function kept(site: SiteContext, key: string, render: () => JSX.Element): string {
  let bySections = frames.get(site.settings);
  if (!bySections) frames.set(site.settings, (bySections = new WeakMap()));
  let html = bySections.get(site.sections);
  if (!html) bySections.set(site.sections, (html = new Map()));
  let found = html.get(key);
  if (found === undefined) {
    if (html.size >= FRAMES) html.clear();
    html.set(key, (found = renderToString(render())));
  }
  return found;
}

/** The masthead and its menu, with the items this page is under marked. */
function mastheadHtml(site: SiteContext): string {
  const current: MenuCurrent = {
    home: site.path === '/',
    sections: new Set(
      site.sections.filter((s) => site.path.startsWith(`/sections/${s.slug}`)).map((s) => s.id),
    ),
    mostRead: site.path.startsWith('/most-read'),
  };
  const key = `${dayOf(site)} ${current.home} ${current.mostRead} ${[...current.sections].join()}`;
  return kept(site, `masthead ${key}`, () => <Masthead site={site} current={current} />);
}

function footerHtml(site: SiteContext): string {
  return kept(site, `footer ${dayOf(site)}`, () => <FooterInside site={site} />);
}

/** The day in the site's time zone: all the masthead and footer show of the time. */
function dayOf(site: SiteContext): string {
  return formatDate(site.now, site.settings.timeZone, 'YYYY/MM/DD');
}

interface MenuCurrent {
  home: boolean;
  sections: ReadonlySet<number>;
  mostRead: boolean;
}

function Masthead(props: { site: SiteContext; current: MenuCurrent }) {
  const { site, current } = props;
  const { settings } = site;
  return (
    <>
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
            <a href="/" aria-current={current.home ? 'page' : undefined}>
              Home
            </a>
          </li>
          {site.sections.map((s) => (
            <li key={s.id}>
              <a href={`/sections/${s.slug}`} aria-current={current.sections.has(s.id) ? 'page' : undefined}>
                {s.name}
              </a>
            </li>
          ))}
          <li>
            <a href="/most-read" aria-current={current.mostRead ? 'page' : undefined}>
              Most read
            </a>
          </li>
        </ul>
        <SearchForm />
      </nav>
    </>
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

function FooterInside(props: { site: SiteContext }) {
  const { settings, sections } = props.site;
  return (
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
