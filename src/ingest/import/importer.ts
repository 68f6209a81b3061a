import { takeTurns } from '../../db/dialect.js';
import path from 'node:path';
import type { ServiceContext } from '../../content/articles/articles.service.js';
import { isVisible } from '../../content/articles/articles.service.js';
import { recordAudit } from '../../content/audit/audit.repository.js';
import type { Block, BodyDoc } from '../../content/body/body.types.js';
import { BulkWriter, type BulkArticle } from '../../content/bulk/bulk-writer.js';
import { deleteMedia, getMedia, uploadMedia } from '../../content/media/media.service.js';
import type { MediaStore } from '../../content/media/media.storage.js';
import {
  allTagIds,
  ensureTags,
  findById,
  findBySlug,
  insertAuthor,
  insertSection,
  matchingTerm,
  nextSectionPosition,
} from '../../content/taxonomy/taxonomy.repository.js';
import { can, type Actor } from '../../content/users/permissions.js';
import type { Db } from '../../db/database.js';
import type { ArticleStatus } from '../../db/schema.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import type { ArticlePlaces } from '../../lib/dependencies.js';
import { slugify } from '../../lib/slugify.js';
import { queueRelated } from '../../related/index.js';
import { queueReindex } from '../../search/index.js';
import { fetchOutbound, type OutboundPolicy } from '../outbound.js';
import type { ImportPlan, PlanImage, PlanItem, PlanTerm, Skipped } from './plan.js';
import { forget, record, recordsOf } from './records.js';
import { articlePaths } from '../../content/articles/articles.repository.js';
import { addRedirect, type RedirectTarget } from './redirects.js';

export interface ImportOptions {
  actor: Actor;
  dryRun?: boolean;
  /** `fetch` (default): pictures into the media library; `link`: pictures stay at their old addresses. */
  media?: 'fetch' | 'link';
  /** The section for posts without a category (and for Ghost, which has none): a slug; default "news", made if missing. */
  section?: string;
  outbound: OutboundPolicy;
  store: MediaStore;
  onProgress?: (progress: { phase: 'pictures' | 'articles'; done: number; total: number }) => void;
}

export interface ImportReport {
  format: ImportPlan['format'];
  origin: string;
  dryRun: boolean;
  articles: { added: number; already: number; byStatus: Partial<Record<ArticleStatus, number>> };
  sections: { added: string[]; existing: string[] };
  tags: { added: number; existing: number; refused: Skipped[] };
  authors: { added: string[]; existing: string[] };
  pictures: { fetched: number; already: number; linked: number; failed: { url: string; why: string }[] };
  redirects: number;
  comments: number;
  skipped: Skipped[];
  /** Each new article, with what the editor should know about it. */
  items: {
    key: string;
    title: string;
    status: ArticleStatus;
    path?: string;
    notes: string[];
    dropped: string[];
  }[];
}

const BATCH = 500;
const DEFAULT_SECTION = { slug: 'news', name: 'News' };

/** Thrown inside a dry run's transaction to undo it: the report is what it would have done. */
class DryRun extends Error {}

type Picture = { id: number; url: string };

/**
 * Writes an import plan (wordpress.ts, ghost.ts) into the site, or with
 * `dryRun` says exactly what it would write.
 *
 * 1. Pictures (featured and in the text) are fetched through the outbound
 *    policy into the media library, once each however many articles show
 *    one, and recorded at once (an import stopped halfway fetches none of
 *    them again); one that cannot be fetched stays linked to its old
 *    address, and the report says why. `media: 'link'` links them all; a
 *    dry run fetches nothing and counts them.
 * 2. One transaction writes the rest, all or nothing: sections, tags and
 *    bylines (an existing one of the same address or name is used, not
 *    doubled), the articles by the bulk path (revision 1 included), the
 *    import records, the redirects from their old addresses, and the search
 *    and related-list queues. Items the records already name (this site,
 *    this key) are read again inside it and left as they are, so a second
 *    run, or two at once, adds nothing. A dry run does all of it and rolls
 *    it back; a failure deletes the pictures fetched for it.
 * 3. Then what a save announces, for many articles at once
 *    (`articles.imported`): caches drop the lists they joined, the search
 *    and related workers are woken.
 */
export async function importPlan(
  ctx: ServiceContext,
  plan: ImportPlan,
  options: ImportOptions,
): Promise<ImportReport> {
  if (!can.importSite(options.actor)) throw forbidden('import a site: ask an administrator');
  const dryRun = options.dryRun === true;
  const progress = options.onProgress ?? (() => {});
  const now = ctx.now().toISOString();
  const report = emptyReport(plan, dryRun);
  if (options.section) await defaultSection(ctx.db, options.section);

  // 1. Pictures.
  const known = await recordsOf(ctx.db, plan.origin);
  const fresh = plan.items.filter((item) => !known.has(item.key));
  const pictures = new Map<string, Picture>();
  /** What a dry run would have fetched: its articles are not told they lack a picture. */
  const wouldFetch = new Set<string>();
  const fetchedNow: number[] = [];
  const wanted = picturesOf(fresh);
  for (const [i, [url, described]] of [...wanted].entries()) {
    const recorded = known.get(mediaKey(url));
    const stored =
      recorded === undefined ? undefined : await getMedia(ctx.db, recorded).catch(() => undefined);
    if (stored) {
      pictures.set(url, { id: stored.id, url: stored.url });
      report.pictures.already++;
    } else if (options.media === 'link') report.pictures.linked++;
    else if (dryRun) {
      wouldFetch.add(url);
      report.pictures.fetched++;
    } else {
      try {
        const picture = await fetchPicture(ctx, options, url, described);
        pictures.set(url, picture);
        fetchedNow.push(picture.id);
        await record(ctx.db, {
          origin: plan.origin,
          key: mediaKey(url),
          kind: 'media',
          id: picture.id,
          at: now,
        });
        report.pictures.fetched++;
      } catch (error) {
        report.pictures.failed.push({ url, why: `${(error as Error).message}; linked to its old address` });
      }
    }
    progress({ phase: 'pictures', done: i + 1, total: wanted.size });
  }

  // 2. The rest, in one transaction.
  let written: Written[] = [];
  let created: Created = { section: [], tag: [], author: [] };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // Two imports at once take turns, as SQLite's writers do: each sees the terms the other made.
      await takeTurns(trx, 'import');
      const records = await recordsOf(trx, plan.origin);
      const items = plan.items.filter((item) => !records.has(item.key));
      report.articles.already = plan.items.length - items.length;
      const terms = await writeTerms(trx, plan, items, records, report, now, options.section);
      created = terms.created;
      written = await writeArticles(
        ctx.db,
        trx,
        plan,
        items,
        terms.ids,
        pictures,
        wouldFetch,
        report,
        now,
        options,
        progress,
      );
      const visible = written
        .filter((w) => isVisible(w.item.status, w.item.publishedAt, now))
        .map((w) => w.id);
      await queueReindex(trx, visible, now);
      await queueRelated(trx, visible, now);
      await recordAudit(trx, {
        at: now,
        actor: options.actor,
        action: 'site.import',
        subject: plan.origin,
        details: { articles: written.length, pictures: pictures.size },
      });
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) {
      for (const id of fetchedNow) await deleteMedia(ctx, options.store, options.actor, id).catch(() => {});
      await forget(
        ctx.db,
        plan.origin,
        [...pictures].filter(([, p]) => fetchedNow.includes(p.id)).map(([url]) => mediaKey(url)),
      );
      throw error;
    }
  }

  // 3. What a save announces.
  const paths = dryRun
    ? new Map<number, string>()
    : await articlePaths(
        ctx.db,
        written.map((w) => w.id),
      );
  for (const { id, item } of written) {
    report.articles.byStatus[item.status] = (report.articles.byStatus[item.status] ?? 0) + 1;
    report.items.push({
      key: item.key,
      title: item.title,
      status: item.status,
      path: paths.get(id),
      notes: item.notes,
      dropped: item.dropped,
    });
  }
  report.articles.added = written.length;
  if (dryRun) return report;
  for (const kind of ['section', 'tag', 'author'] as const)
    for (const id of created[kind]) await ctx.events.emit('taxonomy.changed', { kind, id });
  const visible = written.filter((w) => isVisible(w.item.status, w.item.publishedAt, now));
  if (visible.length)
    await ctx.events.emit('articles.imported', {
      articleIds: visible.map((w) => w.id),
      places: visible.map((w) => w.places),
    });
  for (const { id, item } of written)
    if (item.status === 'scheduled')
      await ctx.events.emit('article.scheduled', { articleId: id, at: item.publishedAt! });
  return report;
}

type Created = Record<'section' | 'tag' | 'author', number[]>;
type Written = { id: number; item: PlanItem; places: ArticlePlaces };

/**
 * The sections, tags and bylines the new items use: what the records name
 * (if it still exists), else an existing one of the same address or name,
 * else a new one. A tag whose name another tag's address has, or that makes
 * no address at all, is refused and reported; its articles go without it.
 * Their old pages redirect to the new ones.
 */
async function writeTerms(
  trx: Db,
  plan: ImportPlan,
  items: PlanItem[],
  records: Map<string, number>,
  report: ImportReport,
  at: string,
  sectionSlug: string | undefined,
): Promise<{ ids: Map<string, number>; created: Created }> {
  const ids = new Map<string, number>();
  const created: Created = { section: [], tag: [], author: [] };
  const used = new Set(items.flatMap((i) => [i.section ?? '', ...i.tags, ...i.authors]));
  const keep = async (kind: 'section' | 'tag' | 'author', term: PlanTerm, id: number, isNew: boolean) => {
    ids.set(term.key, id);
    if (isNew) created[kind].push(id);
    await record(trx, { origin: plan.origin, key: term.key, kind, id, at });
    for (const old of term.oldPaths)
      if (await addRedirect(trx, old, { [kind]: id } as RedirectTarget, at)) report.redirects++;
  };

  if (items.some((i) => !i.section || !plan.sections.some((s) => s.key === i.section))) {
    const found = await defaultSection(trx, sectionSlug);
    if (found.id === undefined) {
      const id = (
        await insertSection(trx, {
          ...DEFAULT_SECTION,
          description: '',
          position: await nextSectionPosition(trx),
        })
      ).id;
      created.section.push(id);
      report.sections.added.push(DEFAULT_SECTION.name);
      ids.set('', id);
    } else ids.set('', found.id);
  }
  // Sections and bylines: the one the records or the site already has, else a new one at a free address.
  const place = async (
    kind: 'section' | 'author',
    term: PlanTerm,
    make: (slug: string) => Promise<{ id: number }>,
  ) => {
    const table = kind === 'section' ? 'sections' : 'authors';
    const found = await matchingTerm(trx, table, {
      recordedId: records.get(term.key),
      slug: term.slug,
      name: term.name,
    });
    const id = found ?? (await make(await freeSlug(trx, table, term.slug))).id;
    const names = kind === 'section' ? report.sections : report.authors;
    (found ? names.existing : names.added).push(term.name);
    await keep(kind, term, id, !found);
  };
  for (const s of plan.sections.filter((t) => used.has(t.key)))
    await place('section', s, async (slug) =>
      insertSection(trx, { slug, name: s.name, description: '', position: await nextSectionPosition(trx) }),
    );
  for (const a of plan.authors.filter((t) => used.has(t.key)))
    await place('author', a, (slug) => insertAuthor(trx, { slug, name: a.name, bio: a.bio }));
  // Tags by name, as the editor's are found (ensureTags).
  const before = new Set(await allTagIds(trx));
  for (const t of plan.tags.filter((tag) => used.has(tag.key))) {
    let id = records.get(t.key);
    if (id !== undefined && !(await findById(trx, 'tags', id))) id = undefined;
    if (id === undefined) {
      try {
        id = (await ensureTags(trx, [t.name]))[0]?.id;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        report.tags.refused.push({ what: `tag "${t.name}"`, why: error.message.replace(/^tags\[0\]: /, '') });
        continue;
      }
      if (id === undefined) {
        report.tags.refused.push({
          what: `tag "${t.name}"`,
          why: 'it has no letters or digits to make its address of',
        });
        continue;
      }
    }
    if (before.has(id)) report.tags.existing++;
    else report.tags.added++;
    await keep('tag', t, id, !before.has(id));
  }
  return { ids, created };
}

/** The new items as articles, by the bulk path (on `db`'s connection, inside `trx`), with their records and redirects. */
async function writeArticles(
  db: Db,
  trx: Db,
  plan: ImportPlan,
  items: PlanItem[],
  ids: Map<string, number>,
  pictures: Map<string, Picture>,
  wouldFetch: Set<string>,
  report: ImportReport,
  now: string,
  options: ImportOptions,
  progress: NonNullable<ImportOptions['onProgress']>,
): Promise<Written[]> {
  const writer = await BulkWriter.open(db, options.actor, trx);
  const done: Written[] = [];
  for (let at = 0; at < items.length; at += BATCH) {
    const batch = items.slice(at, at + BATCH);
    for (const item of batch) {
      // A post published with a date still to come is scheduled, as a save would make it.
      if (item.status === 'published' && item.publishedAt && item.publishedAt > now)
        item.status = 'scheduled';
      if (
        item.featuredImage &&
        !pictures.has(item.featuredImage.url) &&
        !wouldFetch.has(item.featuredImage.url)
      )
        item.notes.push(
          `no featured image: its picture is not in the media library (${item.featuredImage.url}), and only a library picture can be one`,
        );
    }
    const articles: BulkArticle[] = batch.map((item) => ({
      title: item.title,
      lead: item.lead,
      body: withLibraryPictures(item.body, pictures),
      sectionId: ids.get(item.section ?? '') ?? ids.get('')!,
      sourceId: null,
      tagIds: item.tags.flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])),
      authorIds: item.authors.flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])),
      status: item.status,
      publishedAt: item.publishedAt,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      slug: item.slug,
      featuredImageId: item.featuredImage ? (pictures.get(item.featuredImage.url)?.id ?? null) : null,
      seoDescription: item.seoDescription,
    }));
    let articleIds: number[];
    try {
      articleIds = await writer.write(trx, articles);
    } catch (error) {
      // The batch's place names the article: say which post it was.
      const index = /^articles\[(\d+)\]/.exec((error as Error).message)?.[1];
      const item = index === undefined ? undefined : batch[Number(index)];
      if (item && error instanceof AppError)
        throw new AppError(
          error.code,
          `${item.key} "${item.title}": ${error.message.replace(/^articles\[\d+\]\./, '')}`,
          {
            cause: error,
          },
        );
      throw error;
    }
    for (const [i, id] of articleIds.entries()) {
      const item = batch[i];
      await record(trx, { origin: plan.origin, key: item.key, kind: 'article', id, at: now });
      for (const old of item.oldPaths)
        if (await addRedirect(trx, old, { article: id }, now)) report.redirects++;
      const { sectionId, sourceId, tagIds, authorIds } = articles[i];
      done.push({ id, item, places: { sectionId, sourceId, tagIds, authorIds } });
    }
    progress({ phase: 'articles', done: Math.min(at + BATCH, items.length), total: items.length });
  }
  return done;
}

/** The default section: the one named, else "news" if the site has it; `id` undefined when it is to be made. */
async function defaultSection(db: Db, slug: string | undefined): Promise<{ id?: number }> {
  const found = await findBySlug(db, 'sections', slug ?? DEFAULT_SECTION.slug);
  if (!found && slug)
    throw invalidInput(
      'section',
      `there is no section "${slug}": make it first, or leave the option out to use "${DEFAULT_SECTION.name}"`,
    );
  return { id: found?.id };
}

/** `slug`, or `slug-2`, `slug-3`… when another row has it. */
async function freeSlug(trx: Db, table: 'sections' | 'authors', slug: string): Promise<string> {
  const base = slugify(slug) || table.slice(0, -1);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findBySlug(trx, table, candidate))) return candidate;
  }
}

async function fetchPicture(
  ctx: ServiceContext,
  options: ImportOptions,
  url: string,
  described: { alt: string; caption: string },
): Promise<Picture> {
  const response = await fetchOutbound(url, options.outbound);
  if (response.status !== 200) throw new Error(`the old site answered ${response.status}`);
  const stored = await uploadMedia(ctx, options.store, options.actor, {
    data: response.body,
    filename: path.posix.basename(new URL(url).pathname) || 'picture',
    ...described,
  });
  return { id: stored.id, url: stored.url };
}

/** Every picture the items show, once, with the alt text and caption it first comes with. */
function picturesOf(items: PlanItem[]): Map<string, { alt: string; caption: string }> {
  const found = new Map<string, { alt: string; caption: string }>();
  const add = (image: PlanImage) => {
    if (!found.has(image.url)) found.set(image.url, { alt: image.alt, caption: image.caption });
  };
  for (const item of items) {
    if (item.featuredImage) add(item.featuredImage);
    for (const block of item.body.content)
      if (block.type === 'image') add({ ...block.attrs, url: block.attrs.src });
  }
  return found;
}

/** The body with each fetched picture pointing at its library copy. */
function withLibraryPictures(body: BodyDoc, pictures: Map<string, Picture>): BodyDoc {
  return {
    type: 'doc',
    content: body.content.map((block): Block => {
      if (block.type !== 'image') return block;
      const stored = pictures.get(block.attrs.src);
      return stored ? { ...block, attrs: { ...block.attrs, src: stored.url, mediaId: stored.id } } : block;
    }),
  };
}

const mediaKey = (url: string) => `media:${url}`;

function emptyReport(plan: ImportPlan, dryRun: boolean): ImportReport {
  return {
    format: plan.format,
    origin: plan.origin,
    dryRun,
    articles: { added: 0, already: 0, byStatus: {} },
    sections: { added: [], existing: [] },
    tags: { added: 0, existing: 0, refused: [] },
    authors: { added: [], existing: [] },
    pictures: { fetched: 0, already: 0, linked: 0, failed: [] },
    redirects: 0,
    comments: plan.comments,
    skipped: [...plan.skipped],
    items: [],
  };
}
