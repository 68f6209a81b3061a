import { sql } from 'kysely';
import { stillVisibleTo } from '../content/index.js';
import type { Db } from '../db/database.js';
import { prepared } from '../db/prepared.js';
import { dependsOn } from '../lib/dependencies.js';
import {
  featuresOf,
  MAX_TAGS,
  NEIGHBOURS,
  storedScore,
  tagWeight,
  type CorpusStats,
  type RelatedFeatures,
} from './related-scoring.js';

/*
 * The SQL of related lists. Every read is bounded: a handful of index seeks
 * per tag of the article, and primary-key reads of at most
 * (MAX_TAGS + 1) × 2 × NEIGHBOURS candidates.
 */

/** The features of those of `ids` that readers may see now, by id. */
export async function loadFeatures(
  db: Db,
  ids: number[],
  now: string,
): Promise<Map<number, RelatedFeatures>> {
  const features = new Map<number, RelatedFeatures>();
  if (ids.length === 0) return features;
  const [rows, tags] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'section_id', 'published_at', 'title', 'lead'])
      .where('id', 'in', ids)
      .where(stillVisibleTo(db, now))
      .execute(),
    db
      .selectFrom('article_tags')
      .select(['article_id', 'tag_id'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute(),
  ]);
  const tagIds = new Map<number, number[]>();
  for (const t of tags) tagIds.set(t.article_id, [...(tagIds.get(t.article_id) ?? []), t.tag_id]);
  for (const row of rows) features.set(row.id, featuresOf(row, tagIds.get(row.id) ?? []));
  return features;
}

/**
 * The visible articles nearest in time to `subject` in each of its first
 * MAX_TAGS tags and in its section, NEIGHBOURS on each side:
 *
 *   select article_id from article_tags
 *   where tag_id = :tag and (live_at, article_id) < (:published, :id)
 *   order by live_at desc, article_id desc limit 5                      -- article_tags_live
 *
 * and the same with `>` (and live_at <= :now) ascending; for the section,
 * articles_section_published the same way.
 */
export async function neighbourIds(
  db: Db,
  subject: { id: number; sectionId: number; publishedAt: string; tagIds: readonly number[] },
  now: string,
): Promise<number[]> {
  const at = subject.publishedAt;
  const reads: Promise<{ id: number }[]>[] = [];
  for (const tagId of subject.tagIds.slice(0, MAX_TAGS)) {
    const tagged = db.selectFrom('article_tags').select('article_id as id').where('tag_id', '=', tagId);
    reads.push(
      tagged
        .where(sql<boolean>`(live_at, article_id) < (${at}, ${subject.id})`)
        .orderBy('live_at', 'desc')
        .orderBy('article_id', 'desc')
        .limit(NEIGHBOURS)
        .execute(),
      tagged
        .where(sql<boolean>`(live_at, article_id) > (${at}, ${subject.id})`)
        .where('live_at', '<=', now)
        .orderBy('live_at')
        .orderBy('article_id')
        .limit(NEIGHBOURS)
        .execute(),
    );
  }
  const section = db
    .selectFrom('articles')
    .select('id')
    .where('section_id', '=', subject.sectionId)
    .where('status', '=', 'published');
  reads.push(
    section
      .where(sql<boolean>`(published_at, id) < (${at}, ${subject.id})`)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(NEIGHBOURS)
      .execute(),
    section
      .where(sql<boolean>`(published_at, id) > (${at}, ${subject.id})`)
      .where('published_at', '<=', now)
      .orderBy('published_at')
      .orderBy('id')
      .limit(NEIGHBOURS)
      .execute(),
  );
  return [...new Set((await Promise.all(reads)).flat().map((r) => r.id))];
}

/** N and each tag's article count, as the database keeps them (migration 0004). */
export async function corpusStats(db: Db, tagIds: readonly number[]): Promise<CorpusStats> {
  const [published, tags] = await Promise.all([
    db.selectFrom('article_counts').select('n').where('status', '=', 'published').executeTakeFirst(),
    tagIds.length
      ? db
          .selectFrom('tags')
          .select(['id', 'article_count'])
          .where('id', 'in', [...tagIds])
          .execute()
      : [],
  ]);
  const total = published?.n ?? 0;
  const weights = new Map(tags.map((t) => [t.id, tagWeight(total, t.article_count)]));
  return { tagWeight: (id) => weights.get(id) ?? tagWeight(total, 0) };
}

/** The editors' picks readers may see now, in the editors' order. */
export async function visiblePicks(db: Db, articleId: number, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('article_related_picks')
    .innerJoin('articles', 'articles.id', 'article_related_picks.related_id')
    .select('related_id')
    .where('article_related_picks.article_id', '=', articleId)
    .where(stillVisibleTo(db, now))
    .orderBy('position')
    .execute();
  return rows.map((r) => r.related_id);
}

/** Replaces an article's stored list; picks carry an infinite score, stored as 1e9. */
export async function replaceList(db: Db, articleId: number, chosen: { id: number; score: number }[]) {
  await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
  if (chosen.length === 0) return;
  await db
    .insertInto('article_related')
    .values(
      chosen.map((c, position) => ({
        article_id: articleId,
        related_id: c.id,
        position,
        score: storedScore(c.score),
      })),
    )
    .execute();
}

/** The articles whose stored lists include this one (article_related_related). */
export async function listsIncluding(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_related')
    .select('article_id')
    .where('related_id', '=', articleId)
    .execute();
  return rows.map((r) => r.article_id);
}

/** The ids in an article's stored list. */
export async function storedList(db: Db, articleId: number): Promise<number[]> {
  dependsOn(`related-${articleId}`);
  return (await relatedIdsOf(db, articleId)).map((r) => r.related_id);
}

const relatedIdsOf = prepared((db, articleId: number) =>
  db
    .selectFrom('article_related')
    .select('related_id')
    .where('article_id', '=', articleId)
    .orderBy('position'),
);

// The queue: articles whose lists must be computed again, oldest first.

export async function enqueue(db: Db, ids: number[], at: string, cascade = false): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .insertInto('related_queue')
      .values(
        ids.slice(i, i + 500).map((article_id) => ({ article_id, queued_at: at, cascade: cascade ? 1 : 0 })),
      )
      // Already queued: it goes to the back with the newer time (a drain under way then keeps
      // it, see dequeue); a cascade request wins.
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet({
          queued_at: sql`excluded.queued_at`,
          // The larger of the two, written so that both databases read it (SQLite's two-argument
          // max() is PostgreSQL's greatest()).
          cascade: sql`case when excluded.cascade > related_queue.cascade then excluded.cascade else related_queue.cascade end`,
        }),
      )
      .execute();
  }
}

export interface QueuedArticle {
  articleId: number;
  queuedAt: string;
  cascade: boolean;
}

export async function nextQueued(db: Db, limit: number): Promise<QueuedArticle[]> {
  const rows = await db
    .selectFrom('related_queue')
    .select(['article_id', 'queued_at', 'cascade'])
    .orderBy('queued_at')
    .orderBy('article_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, queuedAt: r.queued_at, cascade: r.cascade === 1 }));
}

/** Done with an article, unless it was queued again since it was taken. */
export async function dequeue(db: Db, taken: Pick<QueuedArticle, 'articleId' | 'queuedAt'>): Promise<void> {
  await db
    .deleteFrom('related_queue')
    .where('article_id', '=', taken.articleId)
    .where('queued_at', '=', taken.queuedAt)
    .execute();
}
