import { bodyText, stillVisibleTo, summariesByIds, type BodyDoc } from '../content/index.js';
import type { Db } from '../db/database.js';
import { oneOf } from '../db/dialect.js';
import { dependsOn } from '../lib/dependencies.js';
import type { SearchHit, SearchResults, SnippetPart } from './search-index.js';
import { toMatchExpression, typedQuery } from './search-query.js';
import { makeSnippet, termsIn, termsOf, type Term } from './snippet.js';

/**
 * Search, whatever the engine: each engine (sqlite-fts.ts, postgres-fts.ts)
 * only finds candidates (`Matcher`); which of them readers may see, how they
 * rank, and their snippets are decided here, the same way on both.
 *
 * Ranking, bounded whatever the word: the candidates are the newest WINDOW
 * articles that match and, when more match, the newest HEADLINE_WINDOW older
 * ones with the words in their headline or standfirst. Each candidate
 * scores, per search term, by where the term is:
 *
 *   10 in the headline + 6 in a tag + 4 in the standfirst + 1 (it is in the text somewhere)
 *
 * summed over the terms, times a recency boost 1 + 1 / (1 + age_days / 30):
 * 2x today, 1.5x at 30 days, about 1.08x at a year; enough to put the newer
 * of two similar matches first, too little to lift a passing mention over a
 * headline. Where a term is comes from the candidates' own headline,
 * standfirst and tag names (a few hundred short texts), never from counting
 * the term across the archive as bm25() does, so a word in every article
 * costs what a word in a thousand does. Below WINDOW matches every match is
 * ranked and the total is exact.
 */
export const WINDOW = 500;
export const HEADLINE_WINDOW = 200;
const WEIGHTS = { title: 10, tags: 6, lead: 4, anywhere: 1 };
const MAX_PAGE_SIZE = 100;
const MAX_TAGS_LISTED = 500;

/**
 * What an engine finds, newest first (by id). `expression` is the query as
 * toMatchExpression made it (FTS5's syntax), `terms` the same as termsOf reads it.
 */
export interface Matcher {
  /** Indexed (visible) articles whose text holds all of `terms`, below `beforeId` if given. */
  text(expression: string, terms: Term[], limit: number, beforeId?: number): Promise<number[]>;
  /**
   * Articles whose headline or standfirst holds all of `terms`, a prefix as a word's start,
   * below `beforeId` if given: of any status, or only indexed ones (what is not visible is dropped).
   */
  headlines(expression: string, terms: Term[], limit: number, beforeId?: number): Promise<number[]>;
  /** The tags whose name holds `term`. */
  tagsWith(term: Term): Promise<number[]>;
}

function recencyBoost(publishedAt: string, now: number): number {
  const ageDays = Math.max(0, now - Date.parse(publishedAt)) / 86_400_000;
  return 1 + 1 / (1 + ageDays / 30);
}

/**
 * A candidate's relevance: per term, the weights of the fields it is in; and
 * which terms its headline, standfirst or tags hold.
 */
function relevance(
  article: { title: string; lead: string },
  inTags: Set<number>,
  terms: Term[],
): { score: number; held: Set<number> } {
  const inTitle = termsIn(article.title, terms);
  const inLead = termsIn(article.lead, terms);
  let score = 0;
  terms.forEach((_, t) => {
    score += WEIGHTS.anywhere;
    if (inTitle.has(t)) score += WEIGHTS.title;
    if (inTags.has(t)) score += WEIGHTS.tags;
    if (inLead.has(t)) score += WEIGHTS.lead;
  });
  return { score, held: new Set([...inTitle, ...inLead, ...inTags]) };
}

/**
 * Small statements, each bounded (see WINDOW): the engine's newest matches
 * and older headline matches; the tags holding each term; the candidates'
 * headline, standfirst and date, and which of them carry those tags
 * (primary keys); the page's text for snippets; then the page's summaries
 * by primary key.
 */
export async function rankedSearch(
  db: Db,
  matcher: Matcher,
  now: string,
  q: string,
  page: { limit: number; offset: number },
): Promise<SearchResults> {
  // Any article published or changed may match.
  dependsOn('list-all');
  const query = typedQuery(q);
  const expression = toMatchExpression(q);
  if (expression === null) return { total: 0, more: false, hits: [], query };
  const terms = termsOf(expression);

  // 1. Candidates: the newest matches, then older headline matches. A word's beginning (`bulg*`)
  //    is looked for in headlines and standfirsts, whose index keeps the beginnings of words:
  //    in the whole text the engine would gather every word that starts so, a cost that grows
  //    with the archive (0.13 s for `min*` at 1,000,000 articles on FTS5).
  const prefixes = terms.filter((t) => t.prefix);
  // Which terms each tag holds, through the tags that hold any term at all (usually none), asked
  // for beside the candidates (on PostgreSQL, at the same time).
  const termsOfTags = Promise.all(terms.map((term) => matcher.tagsWith(term))).then((found) => {
    const termsOfTag = new Map<number, Set<number>>();
    for (const [t, ids] of found.entries())
      for (const id of ids) termsOfTag.set(id, (termsOfTag.get(id) ?? new Set<number>()).add(t));
    return termsOfTag;
  });
  // Awaited below; should a step before it fail, its own failure is not left unhandled.
  termsOfTags.catch(() => {});
  // 2. What ranking reads of candidates, asked for as soon as they are known (on PostgreSQL, the
  //    newest matches' rows while older headline matches are looked for): only what readers may
  //    see now, and the candidates' rows for the tags holding a term.
  const read = async (ids: number[]) => {
    const termsOfTag = await termsOfTags;
    return Promise.all([
      ids.length
        ? db
            .selectFrom('articles')
            .select(['id', 'title', 'lead', 'published_at'])
            .where(oneOf(db, 'id', ids))
            .where(stillVisibleTo(db, now))
            .execute()
        : [],
      ids.length && termsOfTag.size
        ? db
            .selectFrom('article_tags')
            .select(['article_id', 'tag_id'])
            .where(oneOf(db, 'article_id', ids))
            // A short word's beginning may be in thousands of tags: then all the candidates' tags.
            .$if(termsOfTag.size <= MAX_TAGS_LISTED, (q) => q.where('tag_id', 'in', [...termsOfTag.keys()]))
            .execute()
        : [],
    ]);
  };
  let reads: ReturnType<typeof read>[];
  let complete: boolean;
  if (prefixes.length === 0) {
    const recent = await matcher.text(expression, terms, WINDOW);
    complete = recent.length < WINDOW;
    const recentRows = read(recent);
    // Awaited below, once the older matches are in.
    recentRows.catch(() => {});
    const older = complete
      ? []
      : await matcher.headlines(expression, terms, HEADLINE_WINDOW, recent[recent.length - 1]);
    reads = [recentRows, read(older)];
  } else {
    const whole = terms.filter((t) => !t.prefix);
    const [recent, headlines] = await Promise.all([
      whole.length ? matcher.text(whole.map((t) => t.fts).join(' AND '), whole, WINDOW) : [],
      matcher.headlines(expression, terms, WINDOW),
    ]);
    complete = recent.length < WINDOW && headlines.length < WINDOW;
    reads = [read([...new Set([...recent, ...headlines])])];
  }
  const got = await Promise.all(reads);
  const visible = got.flatMap(([rows]) => rows);
  const tags = got.flatMap(([, rows]) => rows);
  const termsOfTag = await termsOfTags;
  const inTags = new Map<number, Set<number>>();
  for (const t of tags) {
    const found = termsOfTag.get(t.tag_id);
    if (!found) continue;
    const mine = inTags.get(t.article_id) ?? new Set<number>();
    for (const term of found) mine.add(term);
    inTags.set(t.article_id, mine);
  }
  const at = Date.parse(now);
  const none = new Set<number>();
  const ranked = visible
    .map((r) => {
      const { score, held } = relevance(r, inTags.get(r.id) ?? none, terms);
      return {
        id: r.id,
        publishedAt: r.published_at!,
        score: score * recencyBoost(r.published_at!, at),
        held,
      };
    })
    // A word's beginning counts where it was looked for: the headline or standfirst (or a tag).
    .filter((r) => prefixes.every((term) => r.held.has(terms.indexOf(term))))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) ||
        b.id - a.id,
    );

  // 3. The page, with snippets.
  const offset = clamp(page.offset, 0, Number.MAX_SAFE_INTEGER);
  const ids = ranked.slice(offset, offset + clamp(page.limit, 0, MAX_PAGE_SIZE)).map((r) => r.id);
  const snippets = new Map<number, SnippetPart[]>();
  const [texts, articles] = await Promise.all([
    ids.length
      ? db.selectFrom('articles').select(['id', 'lead', 'body']).where('id', 'in', ids).execute()
      : [],
    summariesByIds(db, now, ids),
  ]);
  for (const r of texts)
    snippets.set(r.id, makeSnippet(bodyText(JSON.parse(r.body) as BodyDoc), r.lead, terms));
  const hits: SearchHit[] = articles.map((article) => ({ article, snippet: snippets.get(article.id) ?? [] }));
  return { total: ranked.length, more: !complete, hits, query };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
