import path from 'node:path';
import type { ServiceContext } from '../../content/articles/articles.service.js';
import { isVisible } from '../../content/articles/articles.service.js';
import { recordAudit } from '../../content/audit/audit.repository.js';
import type { Block, BodyDoc } from '../../content/body/body.types.js';
import { BulkWriter, type BulkArticle } from '../../content/bulk/bulk-writer.js';
import { deleteMedia, getMedia, uploadMedia } from '../../content/media/media.service.js';
import type { MediaStore } from '../../content/media/media.storage.js';
import {
  ensureTags,
  findBySlug,
  insertAuthor,
  insertSection,
  nextSectionPosition,
} from '../../content/taxonomy/taxonomy.repository.js';
import { can, type Actor } from '../../content/users/permissions.js';
import type { Db } from '../../db/database.js';
import type { ArticleStatus, ImportRecordsTable } from '../../db/schema.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { slugify } from '../../lib/slugify.js';
import { fetchOutbound, type OutboundPolicy } from '../outbound.js';
import type { ImportPlan, PlanItem, Skipped } from './plan.js';
import { redirectKey } from './redirects.js';

/**
 * Writes an import plan (wordpress.ts, ghost.ts) into the site, or with
 * `dryRun` only says what it would write.
 *
 * 1. Items the import records already name (the same old site and key) are
 *    left as they are: a second run adds nothing.
 * 2. Pictures (featured and in the text) are fetched through the outbound
 *    policy into the media library, one each however many articles show it;
 *    one that cannot be fetched stays linked to its old address, and the
 *    report says why. `media: 'link'` links them all.
 * 3. One transaction writes the rest, all or nothing: sections, tags and
 *    bylines (an existing one of the same address or name is used, not
 *    doubled), the articles by the bulk path (their revision 1 included),
 *    the import records and the redirects from their old addresses. If it
 *    fails, the pictures fetched for it are deleted again.
 * 4. Then what a save announces: search, related lists and caches follow.
 */
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

export async function importPlan(
  ctx: ServiceContext,
  plan: ImportPlan,
  options: ImportOptions,
): Promise<ImportReport> {
  if (!can.importSite(options.actor)) throw forbidden('import a site: ask an administrator');
  const dryRun = options.dryRun === true;
  const progress = options.onProgress ?? (() => {});
  const now = ctx.now().toISOString();
  const report: ImportReport = {
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

  // 1. What is new.
  const recorded = await records(ctx.db, plan.origin);
  const items = plan.items.filter((item) => !recorded.has(item.key));
  report.articles.already = plan.items.length - items.length;
  const defaultSection = await chooseDefaultSection(ctx.db, options.section);
  const used = {
    sections: new Set(items.flatMap((i) => (i.section ? [i.section] : []))),
    tags: new Set(items.flatMap((i) => i.tags)),
    authors: new Set(items.flatMap((i) => i.authors)),
  };
  const sections = plan.sections.filter((s) => used.sections.has(s.key));
  const tags = plan.tags.filter((t) => used.tags.has(t.key));
  const authors = plan.authors.filter((a) => used.authors.has(a.key));

  if (dryRun) {
    for (const s of sections)
      (recorded.has(s.key) || (await findBySlug(ctx.db, 'sections', s.slug))
        ? report.sections.existing
        : report.sections.added
      ).push(s.name);
    if (!defaultSection.id && items.some((i) => !i.section)) report.sections.added.push(defaultSection.name);
    for (const a of authors)
      (recorded.has(a.key) || (await findBySlug(ctx.db, 'authors', a.slug))
        ? report.authors.existing
        : report.authors.added
      ).push(a.name);
    for (const t of tags) {
      if (
        recorded.has(t.key) ||
        (await ctx.db.selectFrom('tags').select('id').where('slug', '=', t.slug).executeTakeFirst())
      )
        report.tags.existing++;
      else report.tags.added++;
    }
    const urls = pictures(items);
    for (const url of urls) if (recorded.has(mediaKey(url))) report.pictures.already++;
    if (options.media === 'link') report.pictures.linked = urls.length - report.pictures.already;
    else report.pictures.fetched = urls.length - report.pictures.already;
    for (const item of items) {
      count(report, item.status);
      report.redirects += item.oldPaths.length;
      report.items.push(entry(item));
    }
    report.redirects += [...sections, ...tags, ...authors].reduce((n, t) => n + t.oldPaths.length, 0);
    report.articles.added = items.length;
    return report;
  }

  // 2. Pictures.
  const media = new Map<string, { id: number; url: string }>();
  const fetchedNow: number[] = [];
  const urls = pictures(items);
  for (const [i, url] of urls.entries()) {
    const known = recorded.get(mediaKey(url));
    if (known !== undefined) {
      const row = await getMedia(ctx.db, known).catch(() => undefined);
      if (row) {
        media.set(url, { id: row.id, url: row.url });
        report.pictures.already++;
        continue;
      }
    }
    if (options.media === 'link') {
      report.pictures.linked++;
      continue;
    }
    try {
      const image = described(items, url);
      const response = await fetchOutbound(url, options.outbound);
      if (response.status !== 200) throw new Error(`the old site answered ${response.status}`);
      const stored = await uploadMedia(
        ctx,
        options.store,
        { data: response.body, filename: path.posix.basename(new URL(url).pathname) || 'picture', ...image },
        options.actor,
      );
      media.set(url, { id: stored.id, url: stored.url });
      fetchedNow.push(stored.id);
      report.pictures.fetched++;
    } catch (error) {
      report.pictures.failed.push({ url, why: `${(error as Error).message}; linked to its old address` });
    }
    progress({ phase: 'pictures', done: i + 1, total: urls.length });
  }

  // 3. Everything else, in one transaction.
  let written: { id: number; item: PlanItem }[];
  const created = { sections: [] as number[], tags: [] as number[], authors: [] as number[] };
  try {
    written = await ctx.db.transaction().execute(async (trx) => {
      const record = (key: string, kind: ImportRecordsTable['kind'], id: number) =>
        trx
          .insertInto('import_records')
          .values({ origin: plan.origin, key, kind, target_id: id, imported_at: now })
          .onConflict((oc) => oc.columns(['origin', 'key']).doUpdateSet({ target_id: id, imported_at: now }))
          .execute();
      const redirect = async (oldPath: string, target: { article_id: number } | { target: string }) => {
        const key = redirectKey(oldPath);
        if (!key || key === '/') return;
        const result = await trx
          .insertInto('redirects')
          .values({ path: key, article_id: null, target: null, ...target, created_at: now })
          .onConflict((oc) => oc.column('path').doNothing())
          .executeTakeFirst();
        report.redirects += Number(result.numInsertedOrUpdatedRows ?? 0);
      };

      const ids = new Map<string, number>();
      // Sections.
      let defaultId = defaultSection.id;
      if (!defaultId && items.some((i) => !i.section)) {
        defaultId = (
          await insertSection(trx, {
            slug: defaultSection.slug,
            name: defaultSection.name,
            description: '',
            position: await nextSectionPosition(trx),
          })
        ).id;
        created.sections.push(defaultId);
        report.sections.added.push(defaultSection.name);
      }
      for (const s of sections) {
        const found = (await existing(trx, 'sections', recorded.get(s.key), s.slug)) ?? undefined;
        const id =
          found ??
          (
            await insertSection(trx, {
              slug: s.slug,
              name: s.name,
              description: '',
              position: await nextSectionPosition(trx),
            })
          ).id;
        if (found) report.sections.existing.push(s.name);
        else {
          created.sections.push(id);
          report.sections.added.push(s.name);
        }
        ids.set(s.key, id);
        await record(s.key, 'section', id);
        for (const p of s.oldPaths)
          await redirect(p, {
            target: `/sections/${(await trx.selectFrom('sections').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug}`,
          });
      }
      // Bylines.
      for (const a of authors) {
        const found = await existing(trx, 'authors', recorded.get(a.key), a.slug);
        const id =
          found ??
          (await insertAuthor(trx, { slug: a.slug || slugify(a.name) || 'author', name: a.name, bio: a.bio }))
            .id;
        if (found) report.authors.existing.push(a.name);
        else {
          created.authors.push(id);
          report.authors.added.push(a.name);
        }
        ids.set(a.key, id);
        await record(a.key, 'author', id);
        const slug = (
          await trx.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
        ).slug;
        for (const p of a.oldPaths) await redirect(p, { target: `/authors/${slug}` });
      }
      // Tags: by name, as the editor's tags are found; one whose address another tag has is refused and reported.
      const before = new Set((await trx.selectFrom('tags').select('id').execute()).map((r) => r.id));
      for (const t of tags) {
        let id = recorded.get(t.key);
        if (
          id === undefined ||
          !(await trx.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst())
        ) {
          try {
            [{ id }] = await ensureTags(trx, [t.name]);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            report.tags.refused.push({
              what: `tag "${t.name}"`,
              why: error.message.replace(/^tags\[0\]: /, ''),
            });
            continue;
          }
        }
        if (before.has(id!)) report.tags.existing++;
        else {
          created.tags.push(id!);
          report.tags.added++;
        }
        ids.set(t.key, id!);
        await record(t.key, 'tag', id!);
        const slug = (
          await trx.selectFrom('tags').select('slug').where('id', '=', id!).executeTakeFirstOrThrow()
        ).slug;
        for (const p of t.oldPaths) await redirect(p, { target: `/tags/${slug}` });
      }
      for (const [url, m] of media) await record(mediaKey(url), 'media', m.id);

      // Articles, by the bulk path.
      const writer = await BulkWriter.open(ctx.db, options.actor, trx);
      const done: { id: number; item: PlanItem }[] = [];
      for (let at = 0; at < items.length; at += BATCH) {
        const batch = items.slice(at, at + BATCH);
        const articles: BulkArticle[] = batch.map((item) => ({
          title: item.title,
          lead: item.lead,
          body: withLibraryPictures(item.body, media),
          sectionId: item.section && ids.has(item.section) ? ids.get(item.section)! : defaultId!,
          sourceId: null,
          tagIds: item.tags.flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])),
          authorIds: item.authors.flatMap((k) => (ids.has(k) ? [ids.get(k)!] : [])),
          status: item.status,
          publishedAt: item.publishedAt,
          createdAt: item.createdAt,
          updatedAt: item.updatedAt,
          slug: item.slug,
          featuredImageId: item.featuredImage ? (media.get(item.featuredImage.url)?.id ?? null) : null,
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
              { cause: error },
            );
          throw error;
        }
        for (const [i, id] of articleIds.entries()) {
          const item = batch[i];
          await record(item.key, 'article', id);
          for (const p of item.oldPaths) await redirect(p, { article_id: id });
          if (item.featuredImage && !media.has(item.featuredImage.url))
            item.notes.push(
              `no featured image: its picture is not in the media library (${item.featuredImage.url}), and only a library picture can be one`,
            );
          done.push({ id, item });
        }
        progress({ phase: 'articles', done: Math.min(at + BATCH, items.length), total: items.length });
      }
      await recordAudit(trx, {
        at: now,
        actor: options.actor,
        action: 'site.import',
        subject: plan.origin,
        details: { articles: done.length, pictures: media.size },
      });
      return done;
    });
  } catch (error) {
    for (const id of fetchedNow) await deleteMedia(ctx, options.store, id, options.actor).catch(() => {});
    throw error;
  }

  // 4. What a save announces.
  const paths = new Map(
    (
      await ctx.db
        .selectFrom('articles')
        .select(['id', 'slug'])
        .where('id', 'in', written.length ? written.map((w) => w.id) : [0])
        .execute()
    ).map((r) => [r.id, `/articles/${r.id}/${r.slug}`]),
  );
  for (const kind of ['section', 'tag', 'author'] as const)
    for (const id of created[`${kind}s`]) await ctx.events.emit('taxonomy.changed', { kind, id });
  for (const { id, item } of written) {
    count(report, item.status);
    report.items.push({ ...entry(item), path: paths.get(id) });
    if (isVisible(item.status, item.publishedAt, now))
      await ctx.events.emit('article.published', { articleId: id });
    else if (item.status === 'scheduled')
      await ctx.events.emit('article.scheduled', { articleId: id, at: item.publishedAt! });
  }
  report.articles.added = written.length;
  return report;
}

/** What the import records of `origin` name: key → id. */
async function records(db: Db, origin: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('import_records')
    .select(['key', 'target_id'])
    .where('origin', '=', origin)
    .execute();
  return new Map(rows.map((r) => [r.key, r.target_id]));
}

/** The recorded row if it still exists, else one of the same address. */
async function existing(
  trx: Db,
  table: 'sections' | 'authors',
  recorded: number | undefined,
  slug: string,
): Promise<number | undefined> {
  if (recorded !== undefined) {
    const row = await trx.selectFrom(table).select('id').where('id', '=', recorded).executeTakeFirst();
    if (row) return row.id;
  }
  return (await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

async function chooseDefaultSection(
  db: Db,
  slug: string | undefined,
): Promise<{ id?: number; slug: string; name: string }> {
  if (slug) {
    const found = await findBySlug(db, 'sections', slug);
    if (!found)
      throw invalidInput(
        'section',
        `there is no section "${slug}": make it first, or leave the option out to use "${DEFAULT_SECTION.name}"`,
      );
    return found;
  }
  return (await findBySlug(db, 'sections', DEFAULT_SECTION.slug)) ?? { ...DEFAULT_SECTION };
}

/** Every picture the items show, once: featured images and figures in the text. */
function pictures(items: PlanItem[]): string[] {
  const urls = new Set<string>();
  for (const item of items) {
    if (item.featuredImage) urls.add(item.featuredImage.url);
    for (const block of item.body.content) if (block.type === 'image') urls.add(block.attrs.src);
  }
  return [...urls];
}

/** The alt text and caption a picture first comes with, for its library entry. */
function described(items: PlanItem[], url: string): { alt: string; caption: string } {
  for (const item of items) {
    if (item.featuredImage?.url === url)
      return { alt: item.featuredImage.alt, caption: item.featuredImage.caption };
    for (const block of item.body.content)
      if (block.type === 'image' && block.attrs.src === url)
        return { alt: block.attrs.alt, caption: block.attrs.caption };
  }
  return { alt: '', caption: '' };
}

/** The body with each fetched picture pointing at its library copy. */
function withLibraryPictures(body: BodyDoc, media: Map<string, { id: number; url: string }>): BodyDoc {
  return {
    type: 'doc',
    content: body.content.map((block): Block => {
      if (block.type !== 'image') return block;
      const stored = media.get(block.attrs.src);
      return stored ? { ...block, attrs: { ...block.attrs, src: stored.url, mediaId: stored.id } } : block;
    }),
  };
}

const mediaKey = (url: string) => `media:${url}`;

function count(report: ImportReport, status: ArticleStatus): void {
  report.articles.byStatus[status] = (report.articles.byStatus[status] ?? 0) + 1;
}

function entry(item: PlanItem): ImportReport['items'][number] {
  return { key: item.key, title: item.title, status: item.status, notes: item.notes, dropped: item.dropped };
}
