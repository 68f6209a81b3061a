import type { Db } from '../db/database.js';
import type { SectionRow, TagRow } from '../db/schema.js';
import {
  listSections,
  sameTagName,
  sectionsOfTagged,
  tagsAtOrNamed,
} from '../content/taxonomy/taxonomy.repository.js';
import { suggestTags } from '../related/index.js';
import { slugify } from '../lib/slugify.js';
import { bodyFromParagraphs } from '../content/body/body.text.js';

/** Existing tags a draft starts with from the suggestions; the item's own categories come on top. */
const SUGGESTED_TAGS = 5;
/** Feed categories read; a feed may send dozens. */
const CATEGORIES = 20;
/** Published articles per tag counted for the section: the newest, so a tag on 100,000 articles costs what a rare one does. */
const ARTICLES_PER_TAG = 500;

type TagRef = Pick<TagRow, 'id' | 'name'>;

/**
 * Where a draft written from an incoming item starts: its tags and its section.
 *
 * Tags, in this order, each once:
 * 1. the site's existing tags among what `suggestTags` (the editor's own
 *    suggestions) finds in the item's title, summary and text: at most 5, in
 *    its ranking. Suggested names the site has no tag for stay suggestions in
 *    the editor's sidebar: a draft never creates a tag;
 * 2. the item's feed categories that name an existing tag (case, accents and
 *    spacing aside: `sameTagName`).
 *
 * Section, the first rule that gives one:
 * 1. the section named by the item's first category that names one (case,
 *    accents and spacing aside);
 * 2. the section the published articles carrying those tags are filed in:
 *    each tag has one vote, shared among the sections of its newest 500
 *    published articles in proportion (so "Bulgaria", on every page, weighs
 *    no more than "Black Sea"); the most votes win, a tie goes to the section
 *    listed first (position, then name);
 * 3. the first section. `undefined` only when the site has no section.
 *
 * @example fileIncoming(db, { title, summary, text, categories: ['Defense'] }) // { tags: ['NATO', 'Black Sea'], section: { slug: 'defense', … } }
 */
export async function fileIncoming(
  db: Db,
  item: { title: string; summary: string; text: string; categories: string[] },
): Promise<{ tags: string[]; section: SectionRow | undefined }> {
  const suggestions = await suggestTags(db, {
    title: item.title,
    lead: item.summary,
    body: paragraphsDoc(item.text),
  });
  const tags = await existingTags(
    db,
    suggestions
      .filter((s) => s.existing)
      .slice(0, SUGGESTED_TAGS)
      .map((s) => s.name),
  );
  const categories = item.categories.slice(0, CATEGORIES);
  for (const tag of await existingTags(db, categories))
    if (!tags.some((t) => t.id === tag.id)) tags.push(tag);

  const sections = await listSections(db);
  const named = categories
    .map((c) => sections.find((s) => sameTagName(s.name, c)))
    .find((s) => s !== undefined);
  return {
    tags: tags.map((t) => t.name),
    section: named ?? (await mostUsedSection(db, sections, tags)) ?? sections[0],
  };
}

/** An item's feed categories, stored as a JSON array of strings; nothing from anything else. */
export function feedCategories(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** Text in paragraphs separated by blank lines, as a body document. */
export function paragraphsDoc(text: string) {
  return bodyFromParagraphs(text.split(/\n\s*\n/));
}

/**
 * The existing tags these names are, in the names' order, each once. Found by
 * name (the tags_name index, case aside) or by address, and kept only when
 * the names are one tag's: "C" is not "C++", though both would be /tags/c.
 */
async function existingTags(db: Db, names: string[]): Promise<TagRef[]> {
  const found: TagRef[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const rows = await tagsAtOrNamed(db, slug, name);
    const tag = rows.find((r) => sameTagName(r.name, name));
    if (tag && !found.some((t) => t.id === tag.id)) found.push(tag);
  }
  return found;
}

/**
 * The section the published articles carrying these tags are filed in (rule 2
 * above), or undefined when none carries any. Per tag, one range of the
 * article_tags_live index (sectionsOfTagged).
 */
async function mostUsedSection(
  db: Db,
  sections: SectionRow[],
  tags: TagRef[],
): Promise<SectionRow | undefined> {
  const votes = new Map<number, number>();
  for (const tag of tags) {
    const sectionIds = await sectionsOfTagged(db, tag.id, ARTICLES_PER_TAG);
    for (const id of sectionIds) votes.set(id, (votes.get(id) ?? 0) + 1 / sectionIds.length);
  }
  let best: SectionRow | undefined;
  let most = 0;
  // Sections in their listed order, so the first of equals wins (equal up to the sums' rounding).
  for (const section of sections) {
    const got = votes.get(section.id) ?? 0;
    if (got > most + 1e-9) [best, most] = [section, got];
  }
  return best;
}
