import type { SourceRow } from '../../db/schema.js';
import { forbidden } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ServiceContext } from '../articles/articles.service.js';
import { can, type Actor } from '../users/permissions.js';
import { assertSlugFree, cleanName, cleanSlug, cleanUrl, existing } from './taxonomy.fields.js';
import {
  clearSource,
  countArticlesOf,
  deleteRow,
  insertSource,
  listSourcesWithCounts,
  updateSourceRow,
  type Counted,
} from './taxonomy.repository.js';

/** Where copy came from (an agency, a partner): named on the article and listed at /sources/<slug>. */
export interface SourceInput {
  name: string;
  slug?: string;
  /** The source's own site, http(s) only; empty for none. */
  url?: string | null;
}

export type AdminSource = SourceRow & Counted;

function allowed(actor: Actor): void {
  if (!can.manageTaxonomy(actor)) throw forbidden('manage sources');
}

function clean(input: SourceInput) {
  const name = cleanName(input.name);
  return { name, slug: cleanSlug(input.slug, name), url: cleanUrl(input.url, 'url') };
}

export async function listSourcesFor(ctx: ServiceContext, actor: Actor): Promise<AdminSource[]> {
  allowed(actor);
  return (await listSourcesWithCounts(ctx.db)).map((s) => ({ ...s, articles: Number(s.articles) }));
}

export async function getSourceFor(ctx: ServiceContext, actor: Actor, id: number): Promise<AdminSource> {
  allowed(actor);
  const source = await existing(ctx.db, 'sources', id);
  return { ...source, articles: await countArticlesOf(ctx.db, 'sources', id) };
}

export async function createSource(
  ctx: ServiceContext,
  actor: Actor,
  input: SourceInput,
): Promise<SourceRow> {
  allowed(actor);
  const row = clean(input);
  await assertSlugFree(ctx.db, 'sources', row.slug, null);
  const at = ctx.now().toISOString();
  const source = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertSource(trx, row);
    await recordAudit(trx, { at, actor, action: 'source.create', subject: `${row.name} (${row.slug})` });
    return inserted;
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'source', id: source.id });
  return source;
}

export async function updateSource(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: SourceInput,
): Promise<SourceRow> {
  allowed(actor);
  const before = await existing(ctx.db, 'sources', id);
  const row = clean(input);
  await assertSlugFree(ctx.db, 'sources', row.slug, id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateSourceRow(trx, id, row);
    await recordAudit(trx, {
      at,
      actor,
      action: 'source.update',
      subject: row.name,
      details: { from: { name: before.name, slug: before.slug, url: before.url }, to: row },
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'source', id });
  return { id, ...row };
}

/** Deletes a source; its articles stay, without a source. */
export async function deleteSource(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<{ articles: number }> {
  allowed(actor);
  const source = await existing(ctx.db, 'sources', id);
  const at = ctx.now().toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const articles = await countArticlesOf(trx, 'sources', id);
    await clearSource(trx, id);
    await deleteRow(trx, 'sources', id);
    await recordAudit(trx, {
      at,
      actor,
      action: 'source.delete',
      subject: `${source.name} (${source.slug})`,
      details: { articles },
    });
    return { articles };
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'source', id });
  return result;
}
