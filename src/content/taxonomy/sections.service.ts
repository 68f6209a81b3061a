import { AppError, forbidden, invalidInput } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ServiceContext } from '../articles/articles.service.js';
import { can, type Actor } from '../users/permissions.js';
import { assertSlugFree, cleanName, cleanSlug, cleanText, existing } from './taxonomy.fields.js';
import {
  countArticlesOf,
  deleteRow,
  insertSection,
  listSections,
  listSectionsWithCounts,
  nextSectionPosition,
  updateSectionRow,
  writeSectionOrder,
  type Counted,
} from './taxonomy.repository.js';
import type { SectionRow } from '../../db/schema.js';

/** What an editor types for a section; the slug is made from the name when left empty. */
export interface SectionInput {
  name: string;
  slug?: string;
  description?: string;
}

export type AdminSection = SectionRow & Counted;

function allowed(actor: Actor): void {
  if (!can.manageTaxonomy(actor)) throw forbidden('manage sections');
}

function clean(input: SectionInput) {
  const name = cleanName(input.name);
  return {
    name,
    slug: cleanSlug(input.slug, name),
    description: cleanText(input.description, 'description', 500),
  };
}

/** The sections in menu order, with how many articles each has. */
export async function listSectionsFor(ctx: ServiceContext, actor: Actor): Promise<AdminSection[]> {
  allowed(actor);
  return (await listSectionsWithCounts(ctx.db)).map((s) => ({ ...s, articles: Number(s.articles) }));
}

export async function getSectionFor(ctx: ServiceContext, actor: Actor, id: number): Promise<AdminSection> {
  allowed(actor);
  const section = await existing(ctx.db, 'sections', id);
  return { ...section, articles: await countArticlesOf(ctx.db, 'sections', id) };
}

/** Adds a section at the end of the menu. */
export async function createSection(
  ctx: ServiceContext,
  actor: Actor,
  input: SectionInput,
): Promise<SectionRow> {
  allowed(actor);
  const row = clean(input);
  await assertSlugFree(ctx.db, 'sections', row.slug, null);
  const at = ctx.now().toISOString();
  const section = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertSection(trx, { ...row, position: await nextSectionPosition(trx) });
    await recordAudit(trx, { at, actor, action: 'section.create', subject: `${row.name} (${row.slug})` });
    return inserted;
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'section', id: section.id });
  return section;
}

/** Renames or re-describes a section; a new slug changes its address (/sections/<slug>). */
export async function updateSection(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: SectionInput,
): Promise<SectionRow> {
  allowed(actor);
  const before = await existing(ctx.db, 'sections', id);
  const row = clean(input);
  await assertSlugFree(ctx.db, 'sections', row.slug, id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateSectionRow(trx, id, row);
    await recordAudit(trx, {
      at,
      actor,
      action: 'section.update',
      subject: row.name,
      details: { from: { name: before.name, slug: before.slug }, to: { name: row.name, slug: row.slug } },
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'section', id });
  return { ...before, ...row };
}

/**
 * Puts the sections in this order (the reader site's menu follows it). `ids`
 * must name every section once.
 */
export async function reorderSections(
  ctx: ServiceContext,
  actor: Actor,
  ids: number[],
): Promise<SectionRow[]> {
  allowed(actor);
  const current = await listSections(ctx.db);
  const known = new Set(current.map((s) => s.id));
  const given = new Set(ids);
  if (given.size !== ids.length) throw invalidInput('ids', 'a section is listed twice');
  const missing = current.find((s) => !given.has(s.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw invalidInput('ids', `there is no section ${unknown}`);
  if (missing)
    throw invalidInput('ids', `must list every section; "${missing.name}" (${missing.id}) is missing`);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await writeSectionOrder(trx, ids);
    const names = ids.map((id) => current.find((s) => s.id === id)!.name);
    await recordAudit(trx, { at, actor, action: 'section.reorder', subject: names.join(', ') });
  });
  for (const id of ids) await ctx.events.emit('taxonomy.changed', { kind: 'section', id });
  return listSections(ctx.db);
}

/** Moves a section one place up or down the menu; at either end it stays. */
export async function moveSection(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  direction: 'up' | 'down',
): Promise<SectionRow[]> {
  allowed(actor);
  if (direction !== 'up' && direction !== 'down') throw invalidInput('direction', 'must be up or down');
  const ids = (await listSections(ctx.db)).map((s) => s.id);
  const from = ids.indexOf(id);
  if (from === -1) throw new AppError('NOT_FOUND', `section ${id} not found`);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return listSections(ctx.db);
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return reorderSections(ctx, actor, ids);
}

/** Deletes a section no article uses; one in use is refused with how many articles it has. */
export async function deleteSection(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  allowed(actor);
  const section = await existing(ctx.db, 'sections', id);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const used = await countArticlesOf(trx, 'sections', id);
    if (used > 0) {
      throw new AppError(
        'IN_USE',
        `"${section.name}" has ${used} article${used === 1 ? '' : 's'} (of any status): move ${used === 1 ? 'it' : 'them'} to another section first`,
      );
    }
    await deleteRow(trx, 'sections', id);
    await writeSectionOrder(
      trx,
      (await listSections(trx)).map((s) => s.id),
    );
    await recordAudit(trx, {
      at,
      actor,
      action: 'section.delete',
      subject: `${section.name} (${section.slug})`,
    });
  });
  await ctx.events.emit('taxonomy.changed', { kind: 'section', id });
}
