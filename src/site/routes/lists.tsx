import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { findRedirect } from '../../ingest/import/redirects.js';
import {
  findBySlug,
  findFeatured,
  getVisibleArticle,
  loadBodyMedia,
  findTagRedirect,
  listMostRead,
  listVisible,
  listVisibleEach,
  type ListFilter,
  type MostReadPeriod,
} from '../../content/index.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { MONTHS, zonedTimeToUtc } from '../../lib/dateline.js';
import { sendPage } from '../render.js';
import { pageNumber, pageOf, pageWindow, PAGE_SIZE } from '../pagination.js';
import { siteContext } from '../site-context.builder.js';
import { HomePage } from '../templates/home-page.js';
import { ListPage, type ListPageData } from '../templates/list-page.js';
import { MOST_READ_LABELS, MostReadTabs, siteToday } from '../templates/most-read.js';
import type { SiteContext } from '../templates/site-context.js';

type PageQuery = { Querystring: { page?: string } };

/** Pages of a most-read list: its first 100 articles. */
const MOST_READ_PAGES = 5;

export function listRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;
  const now = () => services.now().toISOString();

  app.get<{ Querystring: Record<string, string> }>('/', async (request, reply) => {
    // A WordPress short link (`/?p=123`) of an imported article: to the article (src/ingest/import/redirects.ts).
    if (request.query.p || request.query.page_id) {
      const to = await findRedirect(db, request.url, now());
      if (to) return reply.header('cache-control', 'public, max-age=3600').redirect(to, 301);
    }
    const at = now();
    // The top story is the newest featured article, else simply the newest; it is not repeated below.
    // What does not depend on another is asked for at once: on PostgreSQL each is a round trip.
    const [site, featured] = await Promise.all([siteContext(services, request), findFeatured(db, at)]);
    const top = featured ?? (await listVisible(db, at, {}, { limit: 1, offset: 0 }))[0];
    const exclude = top ? [top.id] : [];
    const [latest, mostRead, topImage, sections] = await Promise.all([
      listVisible(db, at, { excludeIds: exclude }, { limit: 10, offset: 0 }),
      homeMostRead(site, at),
      top ? openingPicture(top.id, at) : undefined,
      listVisibleEach(
        db,
        at,
        site.sections.map((section) => ({ sectionId: section.id, excludeIds: exclude })),
        { limit: 4, offset: 0 },
      ).then((lists) => site.sections.map((section, i) => ({ section, articles: lists[i] }))),
    ]);
    return sendPage(reply, <HomePage site={site} data={{ top, topImage, latest, mostRead, sections }} />);
  });

  /** The picture that represents an article: its featured image, else the picture its body opens with. */
  async function openingPicture(articleId: number, at: string) {
    const article = await getVisibleArticle(db, articleId, at);
    if (!article) return undefined;
    const first = article.body.content[0];
    const id = article.featuredImage ?? (first?.type === 'image' ? first.attrs.mediaId : undefined);
    if (id === undefined) return undefined;
    const media = (await loadBodyMedia(db, article.body, [id])).get(id);
    const alt = first?.type === 'image' && first.attrs.mediaId === id ? first.attrs.alt : '';
    return media && { media, alt: alt || media.alt };
  }

  /** Today's most read, else this week's, else all time: the home page should never show an empty box. */
  async function homeMostRead(site: SiteContext, at: string) {
    for (const period of ['today', 'week', 'all'] as const) {
      const articles = await listMostRead(db, at, period, siteToday(site), { limit: 5, offset: 0 });
      if (articles.length) return { label: MOST_READ_LABELS[period], articles };
    }
    return { label: MOST_READ_LABELS.all, articles: [] };
  }

  /** One paginated list page: section, tag, source, author. */
  async function listPage(
    request: FastifyRequest<PageQuery>,
    filter: ListFilter,
    base: string,
    page: Omit<ListPageData, 'articles' | 'pageInfo'>,
  ) {
    const number = pageNumber(request.query.page);
    const { rows: articles, hasNext } = pageOf(
      await listVisible(db, now(), filter, pageWindow(number)),
      number,
    );
    const site = await siteContext(services, request);
    return <ListPage site={site} data={{ ...page, articles, pageInfo: { page: number, hasNext, base } }} />;
  }

  app.get<PageQuery & { Params: { slug: string } }>('/sections/:slug', async (request, reply) => {
    const section = await findBySlug(db, 'sections', request.params.slug);
    if (!section) throw notFound('section');
    const base = `/sections/${section.slug}`;
    const page = await listPage(request, { sectionId: section.id }, base, {
      kicker: 'Section',
      title: section.name,
      intro: section.description ? <p>{section.description}</p> : undefined,
      description: section.description || `${section.name}: the latest articles`,
      feeds: feedsFor(base),
    });
    return sendPage(reply, page);
  });

  app.get<PageQuery & { Params: { slug: string } }>('/tags/:slug', async (request, reply) => {
    const tag = await findBySlug(db, 'tags', request.params.slug);
    if (!tag) return redirectRenamedTag(services, request, reply, '');
    const base = `/tags/${tag.slug}`;
    const page = await listPage(request, { tagId: tag.id }, base, {
      kicker: 'Tag',
      title: tag.name,
      description: `Articles tagged ${tag.name}`,
      feeds: feedsFor(base),
    });
    return sendPage(reply, page);
  });

  app.get<PageQuery & { Params: { slug: string } }>('/sources/:slug', async (request, reply) => {
    const source = await findBySlug(db, 'sources', request.params.slug);
    if (!source) throw notFound('source');
    const page = await listPage(request, { sourceId: source.id }, `/sources/${source.slug}`, {
      kicker: 'Source',
      title: source.name,
      intro: source.url ? (
        <p>
          Articles based on reporting by {source.name} (
          <a href={source.url} rel="noopener">
            {new URL(source.url).host}
          </a>
          ).
        </p>
      ) : undefined,
      description: `Articles based on reporting by ${source.name}`,
    });
    return sendPage(reply, page);
  });

  app.get<PageQuery & { Params: { slug: string } }>('/authors/:slug', async (request, reply) => {
    const author = await findBySlug(db, 'authors', request.params.slug);
    if (!author) throw notFound('author');
    const page = await listPage(request, { authorId: author.id }, `/authors/${author.slug}`, {
      kicker: 'Author',
      title: author.name,
      intro: author.bio ? <p>{author.bio}</p> : undefined,
      description: author.bio || `Articles by ${author.name}`,
    });
    return sendPage(reply, page);
  });

  // A day's articles in the site's time zone; /archive/2022/01 and /archive/2022 list a month and a year.
  app.get<PageQuery & { Params: { yyyy: string; mm?: string; dd?: string } }>('/archive/:yyyy', archive);
  app.get<PageQuery & { Params: { yyyy: string; mm?: string; dd?: string } }>('/archive/:yyyy/:mm', archive);
  app.get<PageQuery & { Params: { yyyy: string; mm?: string; dd?: string } }>(
    '/archive/:yyyy/:mm/:dd',
    archive,
  );

  async function archive(
    request: FastifyRequest<PageQuery & { Params: { yyyy: string; mm?: string; dd?: string } }>,
    reply: FastifyReply,
  ) {
    const { yyyy, mm, dd } = request.params;
    const site = await siteContext(services, request);
    const range = archiveRange(yyyy, mm, dd, site.settings.timeZone);
    const base = `/archive/${[yyyy, mm, dd].filter(Boolean).join('/')}`;
    const nav = (
      <nav class="day-nav" aria-label="Archive">
        <a href={`/archive/${range.prev}`}>← {range.prevLabel}</a>
        <a href={`/archive/${range.next}`}>{range.nextLabel} →</a>
      </nav>
    );
    const page = await listPage(request, { from: range.from, to: range.to }, base, {
      kicker: 'Archive',
      title: range.title,
      description: `Articles published ${range.title}`,
      nav,
      empty: 'Nothing was published on this day.',
    });
    return sendPage(reply, page);
  }

  app.get<PageQuery & { Querystring: { period?: string } }>('/most-read', async (request, reply) => {
    const period = (request.query.period ?? 'week') as MostReadPeriod;
    if (!['today', 'week', 'all'].includes(period)) {
      throw new AppError('INVALID_INPUT', 'period: must be today, week or all');
    }
    const site = await siteContext(services, request);
    // At most 100 ranked articles, five pages: a most-read list past that says little.
    const number = pageNumber(request.query.page);
    if (number > MOST_READ_PAGES)
      throw new AppError('NOT_FOUND', `page ${number} not found: there are at most ${MOST_READ_PAGES}`);
    const window = pageWindow(number);
    if (number === MOST_READ_PAGES) window.limit = PAGE_SIZE;
    const { rows: articles, hasNext } = pageOf(
      await listMostRead(db, now(), period, siteToday(site), window),
      number,
    );
    const base = `/most-read?period=${period}`;
    return sendPage(
      reply,
      <ListPage
        site={site}
        data={{
          title: 'Most read',
          intro: <p>{MOST_READ_LABELS[period]}</p>,
          description: `The most read articles: ${MOST_READ_LABELS[period].toLowerCase()}`,
          articles,
          pageInfo: { page: number, hasNext, base },
          nav: <MostReadTabs current={period} />,
          showViews: true,
          numbered: true,
          empty: 'No views counted in this period yet.',
        }}
      />,
    );
  });
}

/**
 * A renamed or merged tag's old address (and its feeds) answers 301 with the
 * tag's current one, query kept; an unknown slug is a 404.
 */
export async function redirectRenamedTag(
  services: AppServices,
  request: FastifyRequest<{ Params: { slug: string } }>,
  reply: FastifyReply,
  suffix: string,
) {
  const current = await findTagRedirect(services.db, request.params.slug);
  if (!current) throw notFound('tag');
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  // Cached for an hour, not for ever: the tag may be renamed again, and the redirect then moves with it.
  reply.header('cache-control', 'public, max-age=3600');
  return reply.redirect(`/tags/${current}${suffix}${query}`, 301);
}

function feedsFor(base: string) {
  return { rss: `${base}/feed.xml`, atom: `${base}/feed.atom`, json: `${base}/feed.json` };
}

/** UTC bounds of a local year, month or day, with its neighbours for navigation. */
export function archiveRange(yyyy: string, mm: string | undefined, dd: string | undefined, timeZone: string) {
  const year = parsePart(yyyy, 4, 1900, 2999, 'year');
  const month = mm === undefined ? undefined : parsePart(mm, 2, 1, 12, 'month');
  const day = dd === undefined ? undefined : parsePart(dd, 2, 1, 31, 'day');
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day !== undefined && start.getUTCDate() !== day) throw notFound('day');
  const end = new Date(start);
  if (day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  const prev = new Date(start);
  if (day !== undefined) prev.setUTCDate(prev.getUTCDate() - 1);
  else if (month !== undefined) prev.setUTCMonth(prev.getUTCMonth() - 1);
  else prev.setUTCFullYear(prev.getUTCFullYear() - 1);
  const key = (d: Date) =>
    day !== undefined
      ? `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`
      : month !== undefined
        ? `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}`
        : `${d.getUTCFullYear()}`;
  const label = (d: Date) =>
    day !== undefined
      ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
      : month !== undefined
        ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
        : `${d.getUTCFullYear()}`;
  const local = (d: Date) => zonedTimeToUtc(`${d.toISOString().slice(0, 10)} 00:00`, timeZone).toISOString();
  return {
    from: local(start),
    to: local(end),
    title: label(start),
    prev: key(prev),
    prevLabel: label(prev),
    next: key(end),
    nextLabel: label(end),
  };
}

function parsePart(raw: string, digits: number, min: number, max: number, what: string): number {
  const n = Number(raw);
  if (raw.length !== digits || !Number.isInteger(n) || n < min || n > max) throw notFound(what);
  return n;
}
