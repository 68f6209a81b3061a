import { stillVisibleTo } from '../content/index.js';
import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import { dialectOf, sqliteHandle, type Db } from '../db/database.js';
import {
  featuresOf,
  MAX_TAGS,
  NEIGHBOURS,
  relatedList,
  storedScore,
  tagWeight,
  type CorpusStats,
  type RelatedFeatures,
} from './related-scoring.js';

/** Articles read per query, and lists written per transaction. */
const READ_BATCH = 5000;
const WRITE_BATCH = 2000;

export interface RebuildProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

/**
 * Computes every visible article's related list at once, for the bulk path
 * (`newsdesk generate`, `newsdesk reindex`, imports): the articles' features
 * are read once into memory, and each article's candidates are its
 * neighbours in time in its tags' and section's lists, exactly as
 * computeRelated finds them by index, scored by the same function; so the
 * lists are the ones the incremental path would store. Writes in batches of
 * WRITE_BATCH articles a transaction and empties the related queue of what it
 * wrote. Returns how many lists it wrote.
 *
 * Memory: about 300 bytes an article (1,000,000 articles: about 300 MB).
 */
export async function rebuildAllRelated(
  db: Db,
  now: string,
  onProgress: (progress: RebuildProgress) => void = () => {},
): Promise<number> {
  // 1. Read: features of every visible article, oldest first, and the tags' weights.
  const [published, tagRows, picks] = await Promise.all([
    db.selectFrom('article_counts').select('n').where('status', '=', 'published').executeTakeFirst(),
    db.selectFrom('tags').select(['id', 'article_count']).execute(),
    db
      .selectFrom('article_related_picks')
      .innerJoin('articles', 'articles.id', 'article_related_picks.related_id')
      .select(['article_related_picks.article_id', 'related_id'])
      .where(stillVisibleTo(db, now))
      .orderBy('article_related_picks.article_id')
      .orderBy('position')
      .execute(),
  ]);
  const total = published?.n ?? 0;
  const weights = new Map(tagRows.map((t) => [t.id, tagWeight(total, t.article_count)]));
  const stats: CorpusStats = { tagWeight: (id) => weights.get(id) ?? tagWeight(total, 0) };
  const articles = await readFeatures(db, now, total, (done) => onProgress({ phase: 'read', done, total }));
  articles.sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);

  // 2. Lists in time order per tag and per section, with each article's place in them.
  const byTag = new Map<number, RelatedFeatures[]>();
  const bySection = new Map<number, RelatedFeatures[]>();
  // For the article at index i: its place in each of its tags' lists (as tagIds), and in its section's.
  const tagPlaces: number[][] = [];
  const sectionPlaces = new Int32Array(articles.length);
  for (const [i, article] of articles.entries()) {
    tagPlaces.push(
      article.tagIds.map((tag) => {
        let list = byTag.get(tag);
        if (!list) byTag.set(tag, (list = []));
        return list.push(article) - 1;
      }),
    );
    let section = bySection.get(article.sectionId);
    if (!section) bySection.set(article.sectionId, (section = []));
    sectionPlaces[i] = section.push(article) - 1;
  }
  const picksOf = new Map<number, number[]>();
  for (const p of picks) picksOf.set(p.article_id, [...(picksOf.get(p.article_id) ?? []), p.related_id]);

  // 3. Rank and write, a batch of articles a transaction.
  let written = 0;
  for (let start = 0; start < articles.length; start += WRITE_BATCH) {
    const batch = articles.slice(start, start + WRITE_BATCH);
    const lists = batch.map((article, offset) => {
      const i = start + offset;
      const candidates = new Set<RelatedFeatures>();
      const around = (list: RelatedFeatures[], at: number) => {
        for (let j = Math.max(0, at - NEIGHBOURS); j <= at + NEIGHBOURS && j < list.length; j++)
          candidates.add(list[j]);
      };
      article.tagIds.slice(0, MAX_TAGS).forEach((tag, t) => around(byTag.get(tag)!, tagPlaces[i][t]));
      around(bySection.get(article.sectionId)!, sectionPlaces[i]);
      return {
        id: article.id,
        chosen: relatedList(article, picksOf.get(article.id) ?? [], candidates, stats),
      };
    });
    await writeLists(db, lists);
    written += lists.length;
    onProgress({ phase: 'write', done: written, total: articles.length });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return written;
}

/**
 * A batch of lists in one transaction, each replacing the article's list and
 * leaving the queue. SQLite: prepared statements on the connection the
 * transaction holds, a few rows each, many times. PostgreSQL: three
 * statements for the batch, the rows as arrays.
 */
async function writeLists(db: Db, lists: { id: number; chosen: { id: number; score: number }[] }[]) {
  if (dialectOf(db) === 'postgres') {
    const ids = lists.map((l) => l.id);
    const rows = lists.flatMap(({ id, chosen }) =>
      chosen.map((c, position) => [id, c.id, position, storedScore(c.score)] as const),
    );
    await db.transaction().execute(async (trx) => {
      await sql`delete from article_related where article_id = any(${ids}::integer[])`.execute(trx);
      await sql`insert into article_related (article_id, related_id, position, score)
        select * from unnest(${rows.map((r) => r[0])}::integer[], ${rows.map((r) => r[1])}::integer[],
          ${rows.map((r) => r[2])}::integer[], ${rows.map((r) => r[3])}::double precision[])`.execute(trx);
      await sql`delete from related_queue where article_id = any(${ids}::integer[])`.execute(trx);
    });
    return;
  }
  const sqlite = sqliteHandle(db);
  let write = statements.get(sqlite);
  if (!write) statements.set(sqlite, (write = prepare(sqlite)));
  await db.transaction().execute(async () => {
    for (const { id, chosen } of lists) {
      write.clear.run(id);
      chosen.forEach((c, position) => write.insert.run(id, c.id, position, storedScore(c.score)));
      write.dequeue.run(id);
    }
  });
}

function prepare(sqlite: SQLite.Database) {
  return {
    clear: sqlite.prepare('delete from article_related where article_id = ?'),
    insert: sqlite.prepare(
      'insert into article_related (article_id, related_id, position, score) values (?, ?, ?, ?)',
    ),
    dequeue: sqlite.prepare('delete from related_queue where article_id = ?'),
  };
}

const statements = new WeakMap<SQLite.Database, ReturnType<typeof prepare>>();

/** Every visible article's features, read in id order a batch at a time. */
async function readFeatures(
  db: Db,
  now: string,
  expected: number,
  onRead: (done: number) => void,
): Promise<RelatedFeatures[]> {
  const features: RelatedFeatures[] = [];
  for (let afterId = 0; ;) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'section_id', 'published_at', 'title', 'lead'])
      .where('id', '>', afterId)
      .where(stillVisibleTo(db, now))
      .orderBy('id')
      .limit(READ_BATCH)
      .execute();
    if (rows.length === 0) return features;
    const last = rows[rows.length - 1].id;
    const tags = await db
      .selectFrom('article_tags')
      .select(['article_id', 'tag_id'])
      .where('article_id', '>=', rows[0].id)
      .where('article_id', '<=', last)
      .orderBy('article_id')
      .orderBy('position')
      .execute();
    const tagIds = new Map<number, number[]>();
    for (const t of tags) {
      let list = tagIds.get(t.article_id);
      if (!list) tagIds.set(t.article_id, (list = []));
      list.push(t.tag_id);
    }
    for (const row of rows) features.push(featuresOf(row, tagIds.get(row.id) ?? []));
    afterId = last;
    onRead(Math.min(features.length, expected));
  }
}
