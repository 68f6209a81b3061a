import type { AuthorRow } from '../../db/schema.js';
import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ServiceContext } from '../articles/articles.service.js';
import { mediaUrl } from '../media/media.table.js';
import { can, type Actor } from '../users/permissions.js';
import { assertSlugFree, cleanId, cleanName, cleanSlug, cleanText, existing } from './taxonomy.fields.js';
import {
  countArticlesOf,
  deleteRow,
  insertAuthor,
  listAuthorsWithCounts,
  mediaExists,
  mediaFile,
  updateAuthorRow,
  type Counted,
} from './taxonomy.repository.js';

/** A byline: shown on articles and at /authors/<slug> with the bio. */
export interface AuthorInput {
  name: string;
  slug?: string;
  /** Plain text, up to 2000 characters; line breaks are kept. */
  bio?: string;
  /** A media library image id, or null/empty for no photo. */
  photoMediaId?: number | string | null;
}

export const BIO_MAX = 2000;

export type AdminAuthor = AuthorRow & Counted & { photoUrl: string | null };

function allowed(actor: Actor): void {
  if (!can.manageTaxonomy(actor)) throw forbidden('manage authors');
}

async function clean(ctx: ServiceContext, input: AuthorInput) {
  const name = cleanName(input.name);
  const raw = input.photoMediaId;
  let photo: number | null = null;
  if (raw !== undefined && raw !== null && String(raw).trim() !== '') {
    photo = cleanId(raw, 'photoMediaId');
    if (!(await mediaExists(ctx.db, photo)))
      throw invalidInput('photoMediaId', `there is no image ${photo} in the media library`);
  }
  return {
    name,
    slug: cleanSlug(input.slug, name),
    bio: cleanText(input.bio, 'bio', BIO_MAX),
    photo_media_id: photo,
  };
}

export async function listAuthorsFor(ctx: ServiceContext, actor: Actor): Promise<AdminAuthor[]> {
  allowed(actor);
  const rows = await listAuthorsWithCounts(ctx.db);
  return Promise.all(
    rows.map(async (a) => ({ ...a, articles: Number(a.articles), photoUrl: await photoUrl(ctx, a) })),
  );
}

export async function getAuthorFor(ctx: ServiceContext, actor: Actor, id: number): Promise<AdminAuthor> {
  allowed(actor);
  const author = await existing(ctx.db, 'authors', id);
  return {
    ...author,
    articles: await countArticlesOf(ctx.db, 'authors', id),
    photoUrl: await photoUrl(ctx, author),
  };
}

async function photoUrl(ctx: ServiceContext, author: AuthorRow): Promise<string | null> {
  if (author.photo_media_id === null) return null;
  const file = await mediaFile(ctx.db, author.photo_media_id);
  return file ? mediaUrl(file) : null;
}

export async function createAuthor(
  ctx: ServiceContext,
  actor: Actor,
  input: AuthorInput,
): Promise<AuthorRow> {
  allowed(actor);
  const row = await clean(ctx, input);
  await assertSlugFree(ctx.db, 'authors', row.slug, null);
  const at = ctx.now().toISOString();
  const author = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertAuthor(trx, row);
    await recordAudit(trx, { at, actor, action: 'author.create', subject: `${row.name} (${row.slug})` });
    return inserted;
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'author', id: author.id });
  return author;
}

export async function updateAuthor(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: AuthorInput,
): Promise<AuthorRow> {
  allowed(actor);
  const before = await existing(ctx.db, 'authors', id);
  const row = await clean(ctx, input);
  await assertSlugFree(ctx.db, 'authors', row.slug, id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateAuthorRow(trx, id, row);
    await recordAudit(trx, {
      at,
      actor,
      action: 'author.update',
      subject: row.name,
      details: { from: { name: before.name, slug: before.slug }, to: { name: row.name, slug: row.slug } },
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'author', id });
  return { id, ...row };
}

/**
 * Deletes an author with no articles. One with articles is kept: deleting
 * would strip bylines from published work; refused with how many there are.
 */
export async function deleteAuthor(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  allowed(actor);
  const author = await existing(ctx.db, 'authors', id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const used = await countArticlesOf(trx, 'authors', id);
    if (used > 0) {
      throw new AppError(
        'IN_USE',
        `${author.name} is the byline of ${used} article${used === 1 ? '' : 's'}: the author is kept so those bylines stay; change the articles' authors first to delete`,
      );
    }
    // A user who wrote under this byline keeps the account, without a byline (on delete set null).
    await deleteRow(trx, 'authors', id);
    await recordAudit(trx, {
      at,
      actor,
      action: 'author.delete',
      subject: `${author.name} (${author.slug})`,
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'author', id });
}
