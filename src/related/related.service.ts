import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { visibleTo, summariesByIds, type ArticleSummary, type ContentEvents } from '../content/index.js';

/** How many related articles an article keeps. */
export const RELATED_COUNT = 6;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the to was were will with after before over under into about than this new says said'.split(
    ' ',
  ),
);

/**
 * Recomputes an article's related list: editors' picks first, in their order,
 * then the best-scoring other visible articles. A candidate scores by
 *   shared tags, each weighted by its rarity: ln(1 + N / articles with the tag)
 * + 2 x text similarity (FTS5 bm25 of the headline's words, scaled to 0..1)
 * + 0.5 for the same section,
 * then multiplied by closeness in time: 0.5 + 0.5 / (1 + days apart / 14).
 * Runs on publish and change, never on a page view.
 */
export async function computeRelated(db: Db, articleId: number, now: string): Promise<number[]> {
  const article = await db
    .selectFrom('articles')
    .select(['id', 'title', 'lead', 'section_id', 'published_at'])
    .where('id', '=', articleId)
    .where(visibleTo(now))
    .executeTakeFirst();
  if (!article) {
    await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    return [];
  }
  const picks = await db
    .selectFrom('article_related_picks')
    .innerJoin('articles', 'articles.id', 'article_related_picks.related_id')
    .select('related_id')
    .where('article_related_picks.article_id', '=', articleId)
    .where(visibleTo(now))
    .orderBy('position')
    .execute();
  const pickIds = picks.map((p) => p.related_id);

  const scores = new Map<number, number>();
  const add = (id: number, value: number) => {
    if (id !== articleId && !pickIds.includes(id)) scores.set(id, (scores.get(id) ?? 0) + value);
  };

  // Shared tags, rarer tags weighing more.
  const total = Number(
    (
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(visibleTo(now))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const tagRows = await db
    .selectFrom('article_tags as mine')
    .innerJoin('article_tags as other', 'other.tag_id', 'mine.tag_id')
    .innerJoin('articles', 'articles.id', 'other.article_id')
    .select(['other.article_id', 'mine.tag_id'])
    .select((eb) =>
      eb
        .selectFrom('article_tags as df')
        .select((eb2) => eb2.fn.countAll<number>().as('n'))
        .whereRef('df.tag_id', '=', 'mine.tag_id')
        .as('df'),
    )
    .where('mine.article_id', '=', articleId)
    .where(visibleTo(now))
    .execute();
  for (const row of tagRows) add(row.article_id, Math.log(1 + total / Math.max(1, Number(row.df))));

  // Text similarity: the headline's and lead's distinctive words, any of them.
  const words = [
    ...new Set(`${article.title} ${article.lead}`.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []),
  ]
    .filter((w) => !STOPWORDS.has(w))
    .slice(0, 24);
  if (words.length) {
    const match = words.map((w) => `"${w}"`).join(' OR ');
    const rows = await sql<{ id: number; rank: number }>`
      select rowid as id, bm25(article_search, 10.0, 4.0, 1.0, 6.0) as rank
      from article_search where article_search match ${match}
      order by rank limit 40`.execute(db);
    const best = Math.min(...rows.rows.filter((r) => r.id !== articleId).map((r) => r.rank), 0);
    for (const r of rows.rows) if (best < 0) add(r.id, 2 * (r.rank / best));
  }

  // The same section's recent articles are candidates too.
  const sameSection = await db
    .selectFrom('articles')
    .select('id')
    .where(visibleTo(now))
    .where('section_id', '=', article.section_id)
    .where('id', '!=', articleId)
    .orderBy(sql`abs(julianday(published_at) - julianday(${article.published_at}))`)
    .limit(20)
    .execute();
  for (const row of sameSection) add(row.id, 0.5);

  // Closeness in time.
  const candidates = [...scores.keys()];
  const times = candidates.length
    ? await db
        .selectFrom('articles')
        .select(['id', 'published_at'])
        .where('id', 'in', candidates)
        .where(visibleTo(now))
        .execute()
    : [];
  const mine = Date.parse(article.published_at ?? now);
  const ranked = times
    .map((r) => {
      const days = Math.abs(Date.parse(r.published_at ?? now) - mine) / 86_400_000;
      return { id: r.id, score: (scores.get(r.id) ?? 0) * (0.5 + 0.5 / (1 + days / 14)) };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id);

  const chosen = [
    ...pickIds.map((id) => ({ id, score: Number.POSITIVE_INFINITY })),
    ...ranked.slice(0, Math.max(0, RELATED_COUNT - pickIds.length)),
  ];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    if (chosen.length) {
      await trx
        .insertInto('article_related')
        .values(
          chosen.map((c, position) => ({
            article_id: articleId,
            related_id: c.id,
            position,
            score: Number.isFinite(c.score) ? c.score : 1e9,
          })),
        )
        .execute();
    }
  });
  return chosen.map((c) => c.id);
}

/** The stored related articles that readers may see now. */
export async function relatedFor(
  db: Db,
  articleId: number,
  now: string,
  limit = RELATED_COUNT,
): Promise<ArticleSummary[]> {
  const rows = await db
    .selectFrom('article_related')
    .select('related_id')
    .where('article_id', '=', articleId)
    .orderBy('position')
    .limit(limit)
    .execute();
  return summariesByIds(
    db,
    now,
    rows.map((r) => r.related_id),
  );
}

/**
 * Keeps related lists current: a published or changed article gets a new list,
 * and so do the articles whose lists it appears in (their scores changed too).
 * An unpublished article leaves every list it was in.
 */
export function wireRelated(events: ContentEvents, db: Db, now: () => Date): void {
  events.on('article.published', async ({ articleId }) => {
    const at = now().toISOString();
    const mine = await computeRelated(db, articleId, at);
    const pointing = await db
      .selectFrom('article_related')
      .select('article_id')
      .where('related_id', '=', articleId)
      .execute();
    for (const id of new Set([...mine, ...pointing.map((r) => r.article_id)]))
      await computeRelated(db, id, at);
  });
  events.on('article.unpublished', async ({ articleId }) => {
    const at = now().toISOString();
    const pointing = await db
      .selectFrom('article_related')
      .select('article_id')
      .where('related_id', '=', articleId)
      .execute();
    await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
    for (const { article_id } of pointing) await computeRelated(db, article_id, at);
  });
}

/** Recomputes every visible article's list; for the CLI and after a demo seed. */
export async function recomputeAll(db: Db, now: string): Promise<number> {
  const rows = await db.selectFrom('articles').select('id').where(visibleTo(now)).execute();
  for (const { id } of rows) await computeRelated(db, id, now);
  return rows.length;
}
