import type { Db } from '../../db/database.js';
import type { ArticleStatus } from '../../db/schema.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { slugify } from '../../lib/slugify.js';
import { sanitiseBody } from '../body/body.sanitise.js';
import type { BodyDoc } from '../body/body.types.js';
import { oneLine, stripControl } from '../../lib/text.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ContentEvents } from '../events.js';
import { can, type Actor } from '../users/permissions.js';
import { userById } from '../users/users.repository.js';
import { settleRevision, writeRevision } from './revisions.repository.js';
import { ensureTags, findById, findBySlug } from '../taxonomy/taxonomy.repository.js';
import {
  deleteArticleRow,
  findArticleRow,
  firstMissing,
  insertArticle,
  insertCorrection,
  loadArticle,
  placesOf,
  slugExists,
  updateArticleAt,
  writeArticleRelations,
} from './articles.repository.js';
import type { Article, ArticleInput, SaveOptions } from './articles.table.js';

export interface ServiceContext {
  db: Db;
  events: ContentEvents;
  /** The current time; tests pass a fixed one. */
  now: () => Date;
}

const STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];
/** Statuses that change what readers see: setting them needs the right to publish. */
const PUBLISHING: ArticleStatus[] = ['scheduled', 'published', 'unpublished'];
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates, sanitises and stores a new article as `actor`; records revision 1
 * and an audit entry, and announces it if readers can now see it.
 */
export async function createArticle(
  ctx: ServiceContext,
  actor: Actor,
  input: ArticleInput,
): Promise<Article> {
  const now = ctx.now().toISOString();
  const withByline = {
    ...input,
    authors: input.authors?.length ? input.authors : await ownByline(ctx.db, actor),
  };
  const clean = await validate(ctx.db, withByline, now, null);
  if (PUBLISHING.includes(clean.status) && !can.publishArticle(actor, null)) {
    throw forbidden(`publish: a ${actor.role} can save a draft or submit it for review`);
  }
  const slug = await chooseSlug(ctx.db, input.slug, clean.title);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertArticle(trx, {
      ...columns(clean),
      slug,
      created_at: now,
      updated_at: now,
      version: 1,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await writeRelations(trx, id, clean);
    await writeRevision(trx, await loadArticle(trx, (await findArticleRow(trx, id))!), actor, now);
    await recordAudit(trx, {
      at: now,
      actor,
      action: 'article.create',
      articleId: id,
      subject: clean.title,
      details: { status: clean.status },
    });
    return id;
  });
  const article = await getArticle(ctx.db, id);
  await announce(ctx, article, now);
  if (article.status === 'scheduled')
    await ctx.events.emit('article.scheduled', { articleId: id, at: article.publishedAt! });
  return article;
}

/**
 * Replaces an article's editable fields as `actor`. The publication time stays
 * unless given; a change to an article readers can see marks it "Updated".
 * With `expectedVersion`, a save on top of someone else's newer save is refused.
 */
export async function updateArticle(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: ArticleInput,
  options: SaveOptions = {},
): Promise<Article> {
  const existing = await findArticleRow(ctx.db, id);
  if (!existing) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} not found`);
  if (!can.editArticle(actor, existing)) throw forbidden(`edit this article (${existing.status})`);
  await assertVersion(ctx.db, existing, options.expectedVersion);
  const now = ctx.now().toISOString();
  const clean = await validate(
    ctx.db,
    { ...input, publishedAt: input.publishedAt ?? existing.published_at },
    now,
    existing.status,
    JSON.parse(existing.body) as BodyDoc,
  );
  const statusChanges = clean.status !== existing.status;
  if (
    statusChanges &&
    (PUBLISHING.includes(clean.status) || PUBLISHING.includes(existing.status)) &&
    !can.publishArticle(actor, existing)
  ) {
    throw forbidden(`change what readers see: a ${actor.role} can save a draft or submit it for review`);
  }
  const slug =
    input.slug === undefined || input.slug === ''
      ? existing.slug
      : await chooseSlug(ctx.db, input.slug, clean.title, id);
  const wasVisible = isVisible(existing.status, existing.published_at, now);
  const willBeVisible = isVisible(clean.status, clean.publishedAt, now);
  const action = options.action ?? auditAction(existing.status, clean.status, wasVisible, willBeVisible);
  const was = wasVisible ? await placesOf(ctx.db, id) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    // The revision that held the body by reference keeps the body it had.
    await settleRevision(trx, id, existing.body);
    const saved = await updateArticleAt(trx, id, existing.version, {
      ...columns(clean),
      slug,
      updated_at: now,
      updated_by: actor.id,
      version: existing.version + 1,
      // Readers see "Updated" when an article they could already read changes.
      ...(wasVisible && willBeVisible && !options.minor ? { revised_at: now } : {}),
    });
    // Someone saved between our read and this write.
    if (!saved) await assertVersion(trx, await findArticleRow(trx, id), existing.version);
    await writeRelations(trx, id, clean);
    await writeRevision(trx, await loadArticle(trx, (await findArticleRow(trx, id))!), actor, now);
    await recordAudit(trx, {
      at: now,
      actor,
      action,
      articleId: id,
      subject: clean.title,
      details: { from: existing.status, to: clean.status },
    });
  });
  const article = await getArticle(ctx.db, id);
  if (willBeVisible) await ctx.events.emit('article.published', { articleId: id, was });
  else if (wasVisible) await ctx.events.emit('article.unpublished', { articleId: id, was });
  if (clean.status === 'scheduled')
    await ctx.events.emit('article.scheduled', { articleId: id, at: clean.publishedAt! });
  return article;
}

/** Deletes an article for good; readers' links to it become 404s. */
export async function deleteArticle(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const existing = await findArticleRow(ctx.db, id);
  if (!existing) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} not found`);
  if (!can.deleteArticle(actor, existing)) throw forbidden('delete this article');
  const now = ctx.now().toISOString();
  const was = await placesOf(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteArticleRow(trx, id);
    await recordAudit(trx, {
      at: now,
      actor,
      action: 'article.delete',
      articleId: id,
      subject: existing.title,
    });
  });
  await ctx.events.emit('article.unpublished', { articleId: id, was });
}

async function assertVersion(
  db: Db,
  row: { version: number; updated_at: string; updated_by: number | null } | undefined,
  expected: number | undefined,
): Promise<void> {
  if (!row || expected === undefined || row.version === expected) return;
  const who =
    row.updated_by === null ? 'Newsdesk' : ((await userById(db, row.updated_by))?.name ?? 'someone else');
  throw new AppError(
    'EDIT_CONFLICT',
    `${who} saved this article (version ${row.version}, at ${row.updated_at}) after you opened version ${expected}: your changes were not saved`,
    {
      details: {
        currentVersion: row.version,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
        updatedByName: who,
      },
    },
  );
}

/** Whether readers may see an article with this status and time at `now` (the rule visibleTo writes in SQL). */
export function isVisible(status: ArticleStatus, publishedAt: string | null, now: string): boolean {
  return status === 'published' && publishedAt !== null && publishedAt <= now;
}

function auditAction(
  from: ArticleStatus,
  to: ArticleStatus,
  wasVisible: boolean,
  willBeVisible: boolean,
): string {
  if (willBeVisible && !wasVisible) return 'article.publish';
  if (wasVisible && !willBeVisible) return 'article.unpublish';
  if (to === 'scheduled' && from !== 'scheduled') return 'article.schedule';
  if (to === 'review' && from !== 'review') return 'article.submit';
  return 'article.update';
}

/** A new article's byline defaults to the writer's own. */
async function ownByline(db: Db, actor: Actor): Promise<string[]> {
  if (actor.authorId === null) return [];
  const author = await findById(db, 'authors', actor.authorId);
  return author ? [author.slug] : [];
}

function columns(clean: CleanArticle) {
  return {
    title: clean.title,
    lead: clean.lead,
    body: JSON.stringify(clean.body),
    section_id: clean.sectionId,
    source_id: clean.sourceId,
    status: clean.status,
    featured: clean.featured ? 1 : 0,
    published_at: clean.publishedAt,
    seo_title: clean.seoTitle,
    seo_description: clean.seoDescription,
    featured_image_id: clean.featuredImage,
  };
}

/** Adds a dated correction note shown at the foot of the article, and marks it updated. */
export async function addCorrection(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  text: string,
  options: { at?: Date } = {},
): Promise<Article> {
  const note = stripControl(text).trim();
  if (!note) throw invalidInput('correction', 'must not be empty');
  if (note.length > 2000) throw invalidInput('correction', 'is longer than 2000 characters');
  const existing = await findArticleRow(ctx.db, id);
  if (!existing) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} not found`);
  if (!can.publishArticle(actor, existing)) throw forbidden('add a correction');
  const when = (options.at ?? ctx.now()).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertCorrection(trx, id, when, note);
    await recordAudit(trx, {
      at: when,
      actor,
      action: 'article.correct',
      articleId: id,
      subject: existing.title,
      details: { text: note },
    });
  });
  const article = await getArticle(ctx.db, id);
  await announce(ctx, article, ctx.now().toISOString());
  return article;
}

export async function getArticle(db: Db, id: number): Promise<Article> {
  const row = await findArticleRow(db, id);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} not found`);
  return loadArticle(db, row);
}

/** The article if a reader may see it now, otherwise undefined. */
export async function getVisibleArticle(db: Db, id: number, now: string): Promise<Article | undefined> {
  const row = await findArticleRow(db, id);
  if (!row || !isVisible(row.status, row.published_at, now)) return undefined;
  return loadArticle(db, row);
}

async function announce(ctx: ServiceContext, article: Article, now: string): Promise<boolean> {
  const visible = isVisible(article.status, article.publishedAt, now);
  if (visible) await ctx.events.emit('article.published', { articleId: article.id });
  return visible;
}

interface CleanArticle {
  title: string;
  lead: string;
  body: ReturnType<typeof sanitiseBody>;
  sectionId: number;
  sourceId: number | null;
  tags: string[];
  authorIds: number[];
  status: ArticleStatus;
  publishedAt: string | null;
  featured: boolean;
  picks: number[];
  seoTitle: string | null;
  seoDescription: string | null;
  featuredImage: number | null;
}

async function validate(
  db: Db,
  input: ArticleInput,
  now: string,
  previous: ArticleStatus | null,
  previousBody: BodyDoc | null = null,
): Promise<CleanArticle> {
  const title = plainText(input.title, 'title', 300, true);
  const lead = plainText(input.lead ?? '', 'lead', 1000, false);
  const body = sanitiseBody(input.body);
  await assertBodyReferencesExist(db, body, previousBody);
  const section = await findBySlug(db, 'sections', String(input.section ?? ''));
  if (!section) throw invalidInput('section', `there is no section "${String(input.section)}"`);
  let sourceId: number | null = null;
  if (input.source) {
    const source = await findBySlug(db, 'sources', input.source);
    if (!source) throw invalidInput('source', `there is no source "${input.source}"`);
    sourceId = source.id;
  }
  const authorIds: number[] = [];
  for (const slug of input.authors ?? []) {
    const author = await findBySlug(db, 'authors', slug);
    if (!author) throw invalidInput('authors', `there is no author "${slug}"`);
    if (!authorIds.includes(author.id)) authorIds.push(author.id);
  }
  const tags = (input.tags ?? []).map((t, i) => plainText(t, `tags[${i}]`, 60, true));
  let status = input.status ?? previous ?? 'draft';
  if (!STATUSES.includes(status)) throw invalidInput('status', `must be one of ${STATUSES.join(', ')}`);
  let publishedAt: string | null = null;
  if (input.publishedAt) {
    const date = new Date(input.publishedAt);
    if (Number.isNaN(date.getTime()))
      throw invalidInput('publishedAt', `"${input.publishedAt}" is not a date`);
    publishedAt = date.toISOString();
  }
  if (status === 'published') publishedAt ??= now;
  if (status === 'scheduled' && publishedAt === null)
    throw invalidInput('publishedAt', 'a scheduled article needs a time');
  // "Publish" with a time still to come is a schedule. A new schedule whose time has passed
  // is refused rather than silently published; one already scheduled is the scheduler's to publish.
  if (status === 'published' && publishedAt! > now && previous !== 'published') status = 'scheduled';
  if (status === 'scheduled' && publishedAt! <= now && previous !== 'scheduled') {
    throw invalidInput(
      'publishedAt',
      'the time to publish at has passed: choose a later time, or publish now',
    );
  }
  const picks = [...new Set(input.picks ?? [])];
  if (picks.some((id) => !Number.isSafeInteger(id) || id < 1))
    throw invalidInput('picks', 'must be article ids');
  return {
    title,
    lead,
    body,
    sectionId: section.id,
    sourceId,
    tags,
    authorIds,
    status,
    publishedAt,
    featured: input.featured === true,
    picks,
    seoTitle: input.seoTitle ? plainText(input.seoTitle, 'seoTitle', 300, false) : null,
    seoDescription: input.seoDescription
      ? plainText(input.seoDescription, 'seoDescription', 500, false)
      : null,
    featuredImage: await featuredImageId(db, input.featuredImage),
  };
}

/**
 * Refuses a related-article block or a library image whose id names nothing,
 * as picks and the featured image are refused: with the block's path. One
 * the article already had is let be: deleting an article or an image leaves
 * the blocks that named it (readers see nothing there), and the articles
 * holding them must still save, be published or be taken down.
 */
async function assertBodyReferencesExist(db: Db, body: BodyDoc, previous: BodyDoc | null): Promise<void> {
  const had = previous ? references(previous) : { articles: new Map(), images: new Map() };
  const { articles, images } = references(body);
  for (const id of had.articles.keys()) articles.delete(id);
  for (const id of had.images.keys()) images.delete(id);
  const article = await firstMissing(db, 'articles', [...articles.keys()]);
  if (article !== undefined)
    throw new AppError(
      'INVALID_BODY',
      `body.content[${articles.get(article)}].attrs.articleId: there is no article ${article}`,
    );
  const image = await firstMissing(db, 'media', [...images.keys()]);
  if (image !== undefined)
    throw new AppError(
      'INVALID_BODY',
      `body.content[${images.get(image)}].attrs.mediaId: there is no image ${image} in the media library`,
    );
}

/** The article and image ids a body's blocks name, each with the index of its block. */
function references(body: BodyDoc): { articles: Map<number, number>; images: Map<number, number> } {
  const articles = new Map<number, number>();
  const images = new Map<number, number>();
  body.content.forEach((block, i) => {
    if (block.type === 'relatedArticle') articles.set(block.attrs.articleId, i);
    if (block.type === 'image' && block.attrs.mediaId !== undefined) images.set(block.attrs.mediaId, i);
  });
  return { articles, images };
}

async function featuredImageId(db: Db, id: unknown): Promise<number | null> {
  if (id === undefined || id === null) return null;
  if (!Number.isSafeInteger(id) || (id as number) < 1)
    throw invalidInput('featuredImage', 'must be the id of an image in the media library');
  if ((await firstMissing(db, 'media', [id as number])) !== undefined)
    throw invalidInput('featuredImage', `there is no image ${String(id)} in the media library`);
  return id as number;
}

/** The article's tags (made if new), byline and editors' picks (which must exist), replacing what it had. */
async function writeRelations(trx: Db, articleId: number, clean: CleanArticle): Promise<void> {
  const tags = await ensureTags(trx, clean.tags);
  const picks = clean.picks.filter((id) => id !== articleId);
  const missing = await firstMissing(trx, 'articles', picks);
  if (missing !== undefined) throw invalidInput('picks', `there is no article ${missing}`);
  await writeArticleRelations(trx, articleId, {
    tagIds: tags.map((t) => t.id),
    authorIds: clean.authorIds,
    picks,
  });
}

/** Titles and leads are plain text: HTML in them is shown as typed, never interpreted. */
export function plainText(input: unknown, field: string, max: number, required: boolean): string {
  if (typeof input !== 'string') throw invalidInput(field, 'must be text');
  const text = oneLine(input);
  if (required && !text) throw invalidInput(field, 'must not be empty');
  if (text.length > max) throw invalidInput(field, `is longer than ${max} characters`);
  return text;
}

async function chooseSlug(
  db: Db,
  requested: string | undefined,
  title: string,
  exceptId?: number,
): Promise<string> {
  if (requested !== undefined && requested !== '') {
    if (!SLUG_PATTERN.test(requested) || requested.length > 120) {
      throw invalidInput('slug', 'use lower-case letters, digits and single hyphens, at most 120 characters');
    }
    if (await slugExists(db, requested, exceptId)) {
      throw new AppError('SLUG_TAKEN', `slug: "${requested}" is already used by another article`);
    }
    return requested;
  }
  const base = slugify(title) || 'article';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugExists(db, candidate, exceptId))) return candidate;
  }
}
