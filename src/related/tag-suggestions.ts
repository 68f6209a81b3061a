import type nlpType from 'compromise';
import type { Db } from '../db/database.js';
import { bodyText, sanitiseBody, tagsWithUses } from '../content/index.js';
import { slugify } from '../lib/slugify.js';

export interface TagSuggestion {
  name: string;
  /** Whether the site already has this tag (accepting it adds no new tag). */
  existing: boolean;
  score: number;
}

const HONORIFICS =
  /^(?:(?:prime|foreign|defen[cs]e|deputy|finance|interior)\s+)?(?:minister|president|pm|premier|mr|mrs|ms|dr|prof|general|gen|spokeswoman|spokesman|chancellor|secretary)\.?\s+/i;
const MAX_SUGGESTIONS = 10;

/**
 * Suggests tags for an article from the named entities in its text (places,
 * organisations, people: compromise, offline) and from the site's existing
 * tags found in it. An entity counts once per mention; mentions in the title
 * and lead count extra; a name the site already uses as a tag is preferred, so
 * the newsroom's tags stay consistent ("Russia", not "Russia's").
 *
 * @example suggestTags(db, { title, lead, body }) // [{ name: 'NATO', existing: true, score: 9.5 }, ...]
 */
export async function suggestTags(
  db: Db,
  input: { title?: string; lead?: string; body?: unknown; exclude?: string[] },
): Promise<TagSuggestion[]> {
  const title = String(input.title ?? '');
  const lead = String(input.lead ?? '');
  const body = input.body === undefined ? '' : bodyText(sanitiseBody(input.body));
  const text = `${title}\n${lead}\n${body}`.slice(0, 200_000);

  const scores = new Map<string, { name: string; score: number }>();
  const add = (raw: string, weight: number) => {
    const name = raw
      .replace(/[’']s\b/g, '')
      .replace(/[^\p{L}\p{N} .&-]/gu, '')
      .replace(HONORIFICS, '')
      .replace(/[.\s-]+$/g, '')
      .trim();
    const slug = slugify(name);
    if (!slug || name.length < 2 || name.length > 60) return;
    const entry = scores.get(slug) ?? { name, score: 0 };
    entry.score += weight;
    scores.set(slug, entry);
  };

  const doc = (await compromise())(text);
  doc.possessives().strip();
  const entities = [
    ...doc.places().out('array'),
    ...doc.organizations().out('array'),
    ...doc.people().out('array'),
  ] as string[];
  const lowerTitle = title.toLowerCase();
  const lowerLead = lead.toLowerCase();
  for (const entity of entities) {
    const bare = entity
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .trim()
      .toLowerCase();
    add(
      entity,
      1 + (bare && lowerTitle.includes(bare) ? 1 : 0) + (bare && lowerLead.includes(bare) ? 0.5 : 0),
    );
  }

  // The site's own tags, when the text names them: matched on whole words, case-insensitive.
  // The count the database keeps, not a count of article_tags: that walked every tagging (400,000 at 100,000 articles).
  const tags = await tagsWithUses(db);
  const existing = new Map(tags.map((t) => [t.slug, t]));
  const lowerText = text.toLowerCase();
  for (const tag of tags) {
    const mentions = countWord(lowerText, tag.name.toLowerCase());
    if (mentions === 0) continue;
    const entry = scores.get(tag.slug) ?? { name: tag.name, score: 0 };
    // Existing tags weigh more, and more so the more the newsroom uses them.
    entry.score = Math.max(entry.score, mentions) * 1.5 + Math.log1p(Number(tag.uses)) * 0.5;
    scores.set(tag.slug, entry);
  }

  const excluded = new Set((input.exclude ?? []).map(slugify));
  return [...scores.entries()]
    .filter(([slug]) => !excluded.has(slug))
    .map(([slug, { name, score }]) => ({
      name: existing.get(slug)?.name ?? name,
      existing: existing.has(slug),
      score: Math.round(score * 100) / 100,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS);
}

function countWord(haystack: string, word: string): number {
  if (!word) return 0;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return haystack.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}

let loaded: Promise<typeof nlpType> | undefined;

/** compromise takes most of a second to load: loaded on the first suggestion, not at every start. */
function compromise(): Promise<typeof nlpType> {
  loaded ??= import('compromise').then((m) => m.default);
  return loaded;
}
