import type { TagRow } from '../../db/schema.js';
import { forbidden, invalidInput } from '../../lib/app-error.js';
import { slugify } from '../../lib/slugify.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ServiceContext } from '../articles/articles.service.js';
import { can, type Actor } from '../users/permissions.js';
import { assertSlugFree, cleanName, cleanSlug, existing } from './taxonomy.fields.js';
import { countArticlesOf, deleteRow, findBySlug } from './taxonomy.repository.js';
import {
  dropRedirect,
  listTagsWithCounts,
  moveTag,
  redirectsTo,
  tagArticleIds,
  updateTagRow,
  writeRedirect,
  type TagListRow,
  type TagSort,
} from './tags.repository.js';

/**
 * Tags are made by writing them on articles; here editors tidy them: rename,
 * merge duplicates, delete. Old slugs keep working as redirects, and the
 * articles a change touches are announced again so search and related
 * articles see the new tags.
 */

export const TAGS_PER_PAGE = 50;

function allowed(actor: Actor): void {
  if (!can.manageTaxonomy(actor)) throw forbidden('manage tags');
}

export interface TagList {
  total: number;
  page: number;
  pages: number;
  tags: TagListRow[];
}

/** Tags with their article counts; `q` searches names and slugs. */
export async function listTagsFor(
  ctx: ServiceContext,
  actor: Actor,
  options: { q?: string; sort?: TagSort; page?: number } = {},
): Promise<TagList> {
  allowed(actor);
  const q = String(options.q ?? '')
    .trim()
    .slice(0, 100);
  const sort: TagSort = options.sort === 'name' ? 'name' : 'articles';
  const page = Math.max(1, Math.floor(Number(options.page) || 1));
  const { total, rows } = await listTagsWithCounts(ctx.db, {
    q: q || undefined,
    sort,
    limit: TAGS_PER_PAGE,
    offset: (page - 1) * TAGS_PER_PAGE,
  });
  return { total, page, pages: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)), tags: rows };
}

export interface AdminTag extends TagRow {
  articles: number;
  /** Old slugs that redirect here. */
  redirects: string[];
}

export async function getTagFor(ctx: ServiceContext, actor: Actor, id: number): Promise<AdminTag> {
  allowed(actor);
  const tag = await existing(ctx.db, 'tags', id);
  return {
    ...tag,
    articles: await countArticlesOf(ctx.db, 'tags', id),
    redirects: await redirectsTo(ctx.db, id),
  };
}

/**
 * Renames a tag. When its slug changes, the old slug redirects to the new one
 * (/tags/old -> 301 /tags/new), and so do the slugs it had before.
 */
export async function renameTag(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: { name: string; slug?: string },
): Promise<TagRow> {
  allowed(actor);
  const before = await existing(ctx.db, 'tags', id);
  const name = cleanName(input.name, 'name', 60);
  const slug = cleanSlug(input.slug, name);
  await assertSlugFree(ctx.db, 'tags', slug, id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateTagRow(trx, id, { name, slug });
    if (slug !== before.slug) {
      // The new slug is live again if it once redirected; the old one now redirects.
      await dropRedirect(trx, slug);
      await writeRedirect(trx, before.slug, id, at);
    }
    await recordAudit(trx, {
      at,
      actor,
      action: 'tag.rename',
      subject: `${before.name} -> ${name}`,
      details: { from: before.slug, to: slug },
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'tag', id });
  if (name !== before.name) await announce(ctx, await tagArticleIds(ctx.db, id), false);
  return { id, name, slug };
}

/**
 * Merges tag `fromId` into `intoId`: its articles get the other tag (once
 * each), its slug and redirects lead to the other tag, and it is deleted, all
 * in one transaction; then the affected visible articles are announced.
 */
export async function mergeTags(
  ctx: ServiceContext,
  actor: Actor,
  fromId: number,
  intoId: number,
): Promise<{ into: TagRow; moved: number }> {
  allowed(actor);
  if (fromId === intoId) throw invalidInput('into', 'a tag cannot be merged into itself');
  const from = await existing(ctx.db, 'tags', fromId);
  const into = await existing(ctx.db, 'tags', intoId);
  const at = ctx.now().toISOString();
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const ids = await tagArticleIds(trx, fromId);
    await moveTag(trx, fromId, intoId, from.slug, at);
    await deleteRow(trx, 'tags', fromId);
    await recordAudit(trx, {
      at,
      actor,
      action: 'tag.merge',
      subject: `${from.name} -> ${into.name}`,
      details: { from: from.slug, into: into.slug, articles: ids.length },
    });
    return ids;
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'tag', id: fromId });
  await ctx.events.emit('taxonomy.changed', { kind: 'tag', id: intoId });
  await announce(ctx, affected, true);
  return { into, moved: affected.length };
}

/** Deletes a tag: articles lose it, its old URLs become 404s. */
export async function deleteTag(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  allowed(actor);
  const tag = await existing(ctx.db, 'tags', id);
  const at = ctx.now().toISOString();
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const ids = await tagArticleIds(trx, id);
    // article_tags and tag_redirects rows go with it (on delete cascade).
    await deleteRow(trx, 'tags', id);
    await recordAudit(trx, {
      at,
      actor,
      action: 'tag.delete',
      subject: `${tag.name} (${tag.slug})`,
      details: { articles: ids.length },
    });
    return ids;
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'tag', id });
  await announce(ctx, affected, true);
}

/**
 * Search indexes tag names and related lists follow tags: tell them, in one
 * event however many articles a popular tag is on (a tag on half of a
 * 100,000-article archive once meant 46,000 events, and a query with more
 * ids than SQLite takes).
 */
async function announce(ctx: ServiceContext, articleIds: number[], membership: boolean): Promise<void> {
  if (articleIds.length > 0) await ctx.events.emit('articles.retagged', { articleIds, membership });
}

/**
 * The tag a person means by a name or slug ("NATO", "nato"), for the target
 * of a merge; a 400 naming the field when there is none.
 */
export async function findTagByName(ctx: ServiceContext, text: string, field: string): Promise<TagRow> {
  const typed = String(text ?? '').trim();
  if (!typed) throw invalidInput(field, 'name the tag to merge into');
  const slug = slugify(typed);
  const tag = (await findBySlug(ctx.db, 'tags', slug)) ?? (await findBySlug(ctx.db, 'tags', typed));
  if (!tag) throw invalidInput(field, `there is no tag "${typed}"`);
  return tag;
}
