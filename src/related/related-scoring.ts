/**
 * How related two articles are: one pure function, used alike when a list is
 * computed for one article (related.service.ts, candidates read by index) and
 * for the whole archive at once (related-bulk.ts, candidates from memory), so
 * both give the same lists.
 *
 *   score = Σ over shared tags of ln(1 + N / articles with the tag)   rarer tags weigh more
 *         + 2 × keyword similarity of headline and standfirst          0..1, cosine of keyword sets
 *         + 0.5 if in the same section
 *   then × (0.5 + 0.5 / (1 + days apart / 14))                         closeness in time
 *
 * Candidates are the few articles nearest in time in each of the article's
 * tags and in its section (NEIGHBOURS each side): bounded work per article,
 * whatever the archive holds.
 */

/** How many related articles an article keeps. */
export const RELATED_COUNT = 6;
/** Candidates taken on each side in time, per tag and in the section. */
export const NEIGHBOURS = 5;
/** Tags of an article that look for candidates: its first ones, as the editor ordered them. */
export const MAX_TAGS = 10;

export interface RelatedFeatures {
  id: number;
  sectionId: number;
  /** Publication time, ms since the epoch. */
  publishedAt: number;
  tagIds: readonly number[];
  /** keywords() of headline and standfirst, sorted ascending. */
  keywords: Uint32Array;
}

export interface CorpusStats {
  /** What sharing a tag is worth: tagWeight() of the site's counts. */
  tagWeight(tagId: number): number;
}

/**
 * A shared tag's weight: ln(1 + N / n), N visible articles on the site, n the
 * articles using the tag (any status).
 */
export function tagWeight(visibleArticles: number, tagArticles: number): number {
  return Math.log(1 + visibleArticles / Math.max(1, tagArticles));
}

export function score(subject: RelatedFeatures, other: RelatedFeatures, stats: CorpusStats): number {
  let value = 0;
  for (const tag of subject.tagIds) {
    if (other.tagIds.includes(tag)) value += stats.tagWeight(tag);
  }
  value += 2 * cosine(subject.keywords, other.keywords);
  if (subject.sectionId === other.sectionId) value += 0.5;
  const days = Math.abs(subject.publishedAt - other.publishedAt) / 86_400_000;
  return value * (0.5 + 0.5 / (1 + days / 14));
}

/** The best candidates, best first (ties: the newer id first), without the subject or the excluded ids. */
export function rank(
  subject: RelatedFeatures,
  candidates: Iterable<RelatedFeatures>,
  stats: CorpusStats,
  exclude: ReadonlySet<number>,
  limit: number,
): { id: number; score: number }[] {
  const ranked: { id: number; score: number }[] = [];
  for (const other of candidates) {
    if (other.id === subject.id || exclude.has(other.id)) continue;
    ranked.push({ id: other.id, score: score(subject, other, stats) });
  }
  return ranked.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
}

/**
 * An article's list: the editors' picks readers may see, in their order (an
 * infinite score), then the best of its candidates to make RELATED_COUNT.
 */
export function relatedList(
  subject: RelatedFeatures,
  picks: number[],
  candidates: Iterable<RelatedFeatures>,
  stats: CorpusStats,
): { id: number; score: number }[] {
  return [
    ...picks.map((id) => ({ id, score: Number.POSITIVE_INFINITY })),
    ...rank(subject, candidates, stats, new Set(picks), Math.max(0, RELATED_COUNT - picks.length)),
  ];
}

/** An article's features from its row and its tags in order. */
export function featuresOf(
  row: { id: number; section_id: number; published_at: string | null; title: string; lead: string },
  tagIds: number[],
): RelatedFeatures {
  return {
    id: row.id,
    sectionId: row.section_id,
    publishedAt: Date.parse(row.published_at!),
    tagIds,
    keywords: keywords(row.title, row.lead),
  };
}

/** A score as article_related stores it: an editor's pick (infinite) as 1e9. */
export function storedScore(score: number): number {
  return Number.isFinite(score) ? score : 1e9;
}

/** Shared keywords over the geometric mean of the two sets' sizes; both sorted. */
function cosine(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / Math.sqrt(a.length * b.length);
}

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in is it its of on or she that the ' +
    'their they this to was were will with after before over under into about than new says said who what ' +
    'when where which would could should also more most not only out up'
  ).split(' '),
);
const MAX_KEYWORDS = 24;

/**
 * The distinctive words of a headline and standfirst, as sorted 32-bit hashes
 * (FNV-1a): lower case, accents removed, three letters or more, common words
 * dropped, at most the first 24 distinct.
 *
 * @example keywords('NATO rejects', 'Moscow’s demand') // the hashes of nato, rejects, moscow, demand
 */
export function keywords(title: string, lead: string): Uint32Array {
  const words = `${title} ${lead}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]{3,}/gu);
  const hashes = new Set<number>();
  for (const word of words ?? []) {
    if (STOPWORDS.has(word)) continue;
    hashes.add(fnv1a(word));
    if (hashes.size === MAX_KEYWORDS) break;
  }
  return Uint32Array.from(hashes).sort();
}

function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
