import { type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import { caselessLike } from '../db/dialect.js';
import { containing } from '../db/like.js';
import type { IncomingItemsTable, IncomingStatus, PartnerFeedsTable, SourceRow } from '../db/schema.js';

/**
 * Partner feeds and the items they bring (`partner_feeds`, `incoming_items`,
 * migration 0007): the SQL of the Incoming queue, the poller and "Write from
 * this". The rules (who may, what a feed address must be, the back-off, when
 * two texts are one story) stay in incoming.service.ts and feed-poller.ts.
 *
 * A story is an item with the copies other partners sent of it: the copies
 * point at it through `duplicate_of`, and what happens to the story (dismissed,
 * written from) happens to them too.
 */
export type PartnerFeedRow = Selectable<PartnerFeedsTable>;
export type NewPartnerFeedRow = Insertable<PartnerFeedsTable>;
export type IncomingItemRow = Selectable<IncomingItemsTable>;
export type NewIncomingItemRow = Insertable<IncomingItemsTable>;

// Feeds.

/** A feed with its health, its source's slug and name, and how many items it has brought. */
export type FeedWithHealth = Pick<
  PartnerFeedRow,
  'id' | 'url' | 'interval_seconds' | 'last_success_at' | 'last_error' | 'failures' | 'next_fetch_at'
> &
  Pick<SourceRow, 'slug' | 'name'> & { items: number | null };

/**
 * Feeds with their health, all or the one of this id, by source name and address.
 *
 * ```sql
 * select f.id, f.url, …, s.slug, s.name,
 *   (select count(*) from incoming_items i where i.feed_id = f.id) as items
 * from partner_feeds f join sources s on s.id = f.source_id [where f.id = :id]
 * order by s.name, f.url
 * ```
 */
export async function feedsWithHealth(db: Db, id?: number): Promise<FeedWithHealth[]> {
  let query = db.selectFrom('partner_feeds as f');
  if (id !== undefined) query = query.where('f.id', '=', id);
  return query
    .innerJoin('sources as s', 's.id', 'f.source_id')
    .select((eb) => [
      'f.id',
      'f.url',
      'f.interval_seconds',
      'f.last_success_at',
      'f.last_error',
      'f.failures',
      'f.next_fetch_at',
      's.slug',
      's.name',
      eb
        .selectFrom('incoming_items as i')
        .whereRef('i.feed_id', '=', 'f.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('items'),
    ])
    .orderBy('s.name')
    .orderBy('f.url')
    .execute();
}

export async function feedById(db: Db, id: number): Promise<PartnerFeedRow | undefined> {
  return db.selectFrom('partner_feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether some source already subscribes to this address (one subscription per address). */
export async function feedUrlTaken(db: Db, url: string): Promise<boolean> {
  const row = await db.selectFrom('partner_feeds').select('id').where('url', '=', url).executeTakeFirst();
  return row !== undefined;
}

/** Adds a subscription; its id. */
export async function insertFeed(db: Db, row: NewPartnerFeedRow): Promise<number> {
  return (await db.insertInto('partner_feeds').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Ends a subscription; its items go with it (the foreign key cascades). */
export async function deleteFeed(db: Db, id: number): Promise<void> {
  await db.deleteFrom('partner_feeds').where('id', '=', id).execute();
}

/** Feeds whose next fetch is due at `now`, the longest-waiting first (the partner_feeds_next index). */
export async function dueFeeds(db: Db, now: string): Promise<PartnerFeedRow[]> {
  return db
    .selectFrom('partner_feeds')
    .selectAll()
    .where('next_fetch_at', '<=', now)
    .orderBy('next_fetch_at')
    .execute();
}

/** What a fetch writes about a feed's health: the caller works out the back-off. */
export type FeedHealth = Pick<
  Updateable<PartnerFeedsTable>,
  | 'etag'
  | 'last_modified'
  | 'last_fetched_at'
  | 'last_success_at'
  | 'last_error'
  | 'failures'
  | 'next_fetch_at'
>;

export async function setFeedHealth(db: Db, id: number, health: FeedHealth): Promise<void> {
  await db.updateTable('partner_feeds').set(health).where('id', '=', id).execute();
}

// Items, as the poller files them.

export type StoryText = Pick<IncomingItemRow, 'id' | 'source_id' | 'title' | 'summary' | 'text'>;

/**
 * Stories (not copies) fetched since `since`, newest first, at most `limit`:
 * what a new item's text is compared with (the incoming_items_fetched index).
 *
 * ```sql
 * select id, source_id, title, summary, text from incoming_items
 * where fetched_at >= :since and duplicate_of is null order by id desc limit :limit
 * ```
 */
export async function recentStories(db: Db, since: string, limit: number): Promise<StoryText[]> {
  return db
    .selectFrom('incoming_items')
    .select(['id', 'source_id', 'title', 'summary', 'text'])
    .where('fetched_at', '>=', since)
    .where('duplicate_of', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Whether an item is filed already: the source's own GUID, or the same link
 * from any partner (a null link matches nothing).
 *
 * ```sql
 * select id from incoming_items where (source_id = :source and guid = :guid) [or link = :link]
 * ```
 */
export async function itemKnown(
  db: Db,
  item: { sourceId: number; guid: string; link: string | null },
): Promise<boolean> {
  const row = await db
    .selectFrom('incoming_items')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('source_id', '=', item.sourceId), eb('guid', '=', item.guid)]),
        ...(item.link ? [eb('link', '=', item.link)] : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Files an item; its id. */
export async function insertItem(db: Db, row: NewIncomingItemRow): Promise<number> {
  return (await db.insertInto('incoming_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// The queue.

export interface QueueFilter {
  status: IncomingStatus;
  /** A source's slug. */
  source?: string;
  /** Words looked for in the title, summary and text, as typed (trimmed, not empty). */
  q?: string;
}

/** A story on the queue, with its source's slug and name. */
export type QueueRow = Pick<
  IncomingItemRow,
  | 'id'
  | 'title'
  | 'summary'
  | 'text'
  | 'link'
  | 'author'
  | 'categories'
  | 'published_at'
  | 'fetched_at'
  | 'status'
> &
  Pick<SourceRow, 'slug' | 'name'>;

/**
 * Stories (copies left out) of this status, of one source and with the words
 * when asked.
 *
 * ```sql
 * from incoming_items i join sources s on s.id = i.source_id
 * where i.duplicate_of is null and i.status = :status [and s.slug = :source]
 *   [and (i.title like :q escape '\' or i.summary like :q escape '\' or i.text like :q escape '\')]
 * ```
 */
function queue(db: Db, filter: QueueFilter) {
  let query = db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .where('i.duplicate_of', 'is', null)
    .where('i.status', '=', filter.status);
  if (filter.source) query = query.where('s.slug', '=', filter.source);
  if (filter.q) {
    const like = containing(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('i.title', caselessLike(db), like),
        eb('i.summary', caselessLike(db), like),
        eb('i.text', caselessLike(db), like),
      ]),
    );
  }
  return query;
}

/** How many stories the filter finds. */
export async function countQueue(db: Db, filter: QueueFilter): Promise<number> {
  const row = await queue(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of the stories the filter finds, newest fetched first. */
export async function queuePage(
  db: Db,
  filter: QueueFilter,
  page: { limit: number; offset: number },
): Promise<QueueRow[]> {
  return queue(db, filter)
    .select([
      'i.id',
      'i.title',
      'i.summary',
      'i.text',
      'i.link',
      'i.author',
      'i.categories',
      'i.published_at',
      'i.fetched_at',
      'i.status',
      's.slug',
      's.name',
    ])
    .orderBy('i.fetched_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Another partner's copy of a story, with its source's slug and name. */
export type CopyRow = Pick<IncomingItemRow, 'duplicate_of' | 'link'> & Pick<SourceRow, 'slug' | 'name'>;

/**
 * The copies of these stories, in the order they came (the incoming_items_duplicate index).
 *
 * ```sql
 * select i.duplicate_of, i.link, s.slug, s.name from incoming_items i join sources s on s.id = i.source_id
 * where i.duplicate_of in (:ids) order by i.id
 * ```
 */
export async function copiesOf(db: Db, storyIds: number[]): Promise<CopyRow[]> {
  if (!storyIds.length) return [];
  return db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.duplicate_of', 'i.link', 's.slug', 's.name'])
    .where('i.duplicate_of', 'in', storyIds)
    .orderBy('i.id')
    .execute();
}

export async function itemExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('incoming_items').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

/** Takes a story off the queue: it and its copies. */
export async function dismissStory(db: Db, id: number): Promise<void> {
  await db
    .updateTable('incoming_items')
    .set({ status: 'dismissed' })
    .where((eb) => eb.or([eb('id', '=', id), eb('duplicate_of', '=', id)]))
    .execute();
}

/** Marks a story (it and its copies) used, linked to the draft written from it. */
export async function linkStoryToArticle(db: Db, id: number, articleId: number): Promise<void> {
  await db
    .updateTable('incoming_items')
    .set({ status: 'used', article_id: articleId })
    .where((eb) => eb.or([eb('id', '=', id), eb('duplicate_of', '=', id)]))
    .execute();
}

/** What a draft is written from: the item's text and categories, the draft already written, its source's slug. */
export type ItemForDraft = Pick<
  IncomingItemRow,
  'id' | 'title' | 'summary' | 'text' | 'categories' | 'article_id'
> &
  Pick<SourceRow, 'slug'>;

export async function itemForDraft(db: Db, id: number): Promise<ItemForDraft | undefined> {
  return db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.title', 'i.summary', 'i.text', 'i.categories', 'i.article_id', 's.slug'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

// The original beside the editor.

/** An item as the editor shows it beside a draft, with its source's name. */
export type OriginalRow = Pick<
  IncomingItemRow,
  'id' | 'link' | 'title' | 'summary' | 'text' | 'author' | 'published_at' | 'fetched_at'
> &
  Pick<SourceRow, 'name'>;

/**
 * The items linked to an article, the story first (the one the others are
 * copies of), then by id (the incoming_items_article index).
 *
 * ```sql
 * select … from incoming_items i join sources s on s.id = i.source_id
 * where i.article_id = :articleId order by i.duplicate_of is not null, i.id
 * ```
 */
export async function itemsOfArticle(db: Db, articleId: number): Promise<OriginalRow[]> {
  return db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select([
      'i.id',
      'i.link',
      'i.title',
      'i.summary',
      'i.text',
      'i.author',
      'i.published_at',
      'i.fetched_at',
      's.name',
    ])
    .where('i.article_id', '=', articleId)
    .orderBy((eb) => eb('i.duplicate_of', 'is not', null))
    .orderBy('i.id')
    .execute();
}

/** A copy's id, link and source name. */
export type CopyCredit = Pick<IncomingItemRow, 'id' | 'link'> & Pick<SourceRow, 'name'>;

/**
 * A story's copies that came after its draft was written: merged into it, not linked to the article.
 *
 * ```sql
 * select i.id, i.link, s.name from incoming_items i join sources s on s.id = i.source_id
 * where i.duplicate_of = :storyId and i.article_id is null order by i.id
 * ```
 */
export async function unlinkedCopiesOf(db: Db, storyId: number): Promise<CopyCredit[]> {
  return db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.link', 's.name'])
    .where('i.duplicate_of', '=', storyId)
    .where('i.article_id', 'is', null)
    .orderBy('i.id')
    .execute();
}

// Sources, for a page's credit.

/**
 * Sources that have a web address, by id (the first one made wins a shared
 * address): which one a page's site is, the caller decides.
 */
export async function sourcesWithSite(db: Db): Promise<Pick<SourceRow, 'slug' | 'url'>[]> {
  return db
    .selectFrom('sources')
    .select(['slug', 'url'])
    .where('url', 'is not', null)
    .orderBy('id')
    .execute();
}
