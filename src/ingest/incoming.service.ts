import type { Db } from '../db/database.js';
import { AppError, forbidden, invalidInput } from '../lib/app-error.js';
import { can, type Actor } from '../content/users/permissions.js';
import { recordAudit } from '../content/audit/audit.repository.js';
import { findBySlug } from '../content/taxonomy/taxonomy.repository.js';
import { createArticle, type ServiceContext } from '../content/articles/articles.service.js';
import { feedCategories, fileIncoming, paragraphsDoc } from './incoming.filing.js';

/**
 * Subscriptions of sources to partner feeds, and the Incoming queue the
 * poller (feed-poller.ts) fills. Editors and administrators manage both,
 * as they manage sources.
 */
export interface PartnerFeed {
  id: number;
  source: { slug: string; name: string };
  url: string;
  intervalMinutes: number;
  /** Health: the last good fetch, the last failure in words (null once it works again), failures in a row, the next try. */
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextFetchAt: string;
  items: number;
}

export interface IncomingEntry {
  id: number;
  source: { slug: string; name: string };
  /** Other partners that sent the same story (near-identical text), with their links. */
  alsoFrom: { slug: string; name: string; link: string | null }[];
  title: string;
  summary: string;
  text: string;
  link: string | null;
  author: string | null;
  categories: string[];
  publishedAt: string | null;
  fetchedAt: string;
  status: 'new' | 'dismissed' | 'used';
}

function allowed(actor: Actor): void {
  if (!can.manageTaxonomy(actor)) throw forbidden('manage partner feeds');
}

export async function listFeeds(db: Db, actor: Actor): Promise<PartnerFeed[]> {
  allowed(actor);
  return feeds(db);
}

/** Feeds with their health, all or the one of this id. */
async function feeds(db: Db, id?: number): Promise<PartnerFeed[]> {
  let query = db.selectFrom('partner_feeds as f');
  if (id !== undefined) query = query.where('f.id', '=', id);
  const rows = await query
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
  return rows.map((r) => ({
    id: r.id,
    source: { slug: r.slug, name: r.name },
    url: r.url,
    intervalMinutes: Math.round(r.interval_seconds / 60),
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    failures: r.failures,
    nextFetchAt: r.next_fetch_at,
    items: Number(r.items ?? 0),
  }));
}

/**
 * Subscribes a source to a feed: fetched first at once, then every
 * `intervalMinutes` (5 to 1440, default 10).
 */
export async function addFeed(
  db: Db,
  actor: Actor,
  input: { source: string; url: string; intervalMinutes?: number },
  now: Date,
): Promise<PartnerFeed> {
  allowed(actor);
  const source = await findBySlug(db, 'sources', String(input.source ?? ''));
  if (!source) throw invalidInput('source', `there is no source "${String(input.source)}"`);
  const url = feedUrl(input.url);
  const minutes = input.intervalMinutes ?? 10;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440)
    throw invalidInput('intervalMinutes', 'must be a whole number of minutes from 5 to 1440');
  const taken = await db.selectFrom('partner_feeds').select('id').where('url', '=', url).executeTakeFirst();
  if (taken) throw new AppError('SLUG_TAKEN', `url: ${url} is already subscribed`);
  const row = await db
    .insertInto('partner_feeds')
    .values({
      source_id: source.id,
      url,
      interval_seconds: minutes * 60,
      next_fetch_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    at: now.toISOString(),
    actor,
    action: 'feed.add',
    subject: `${source.name}: ${url}`,
  });
  const [feed] = await feeds(db, row.id);
  return feed;
}

export async function removeFeed(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  allowed(actor);
  const feed = await db
    .selectFrom('partner_feeds')
    .select(['id', 'url'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!feed) throw new AppError('NOT_FOUND', `feed ${id} not found`);
  await db.deleteFrom('partner_feeds').where('id', '=', id).execute();
  await recordAudit(db, { at: now.toISOString(), actor, action: 'feed.remove', subject: feed.url });
}

/** The queue: new items, newest first, each story once (a partner's copy of another's listed under it). */
export async function listIncoming(
  db: Db,
  actor: Actor,
  filter: {
    source?: string;
    q?: string;
    status?: 'new' | 'dismissed' | 'used';
    limit?: number;
    offset?: number;
  },
): Promise<{ items: IncomingEntry[]; total: number }> {
  allowed(actor);
  let query = db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .where('i.duplicate_of', 'is', null)
    .where('i.status', '=', filter.status ?? 'new');
  if (filter.source) query = query.where('s.slug', '=', filter.source);
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('i.title', 'like', eb.val(like)),
        eb('i.summary', 'like', eb.val(like)),
        eb('i.text', 'like', eb.val(like)),
      ]),
    );
  }
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await query
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
    .limit(Math.min(filter.limit ?? 50, 200))
    .offset(filter.offset ?? 0)
    .execute();
  const twins = rows.length
    ? await db
        .selectFrom('incoming_items as i')
        .innerJoin('sources as s', 's.id', 'i.source_id')
        .select(['i.duplicate_of', 'i.link', 's.slug', 's.name'])
        .where(
          'i.duplicate_of',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      source: { slug: r.slug, name: r.name },
      alsoFrom: twins
        .filter((t) => t.duplicate_of === r.id)
        .map((t) => ({ slug: t.slug, name: t.name, link: t.link })),
      title: r.title,
      summary: r.summary,
      text: r.text,
      link: r.link,
      author: r.author,
      categories: JSON.parse(r.categories) as string[],
      publishedAt: r.published_at,
      fetchedAt: r.fetched_at,
      status: r.status,
    })),
  };
}

/** Takes an item off the queue (it and its twins from other partners). */
export async function dismissIncoming(db: Db, actor: Actor, id: number): Promise<void> {
  allowed(actor);
  const item = await db.selectFrom('incoming_items').select('id').where('id', '=', id).executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', `incoming item ${id} not found`);
  await db
    .updateTable('incoming_items')
    .set({ status: 'dismissed' })
    .where((eb) => eb.or([eb('id', '=', id), eb('duplicate_of', '=', id)]))
    .execute();
}

/** An http(s) feed address, or a 400 naming what is wrong with it. */
function feedUrl(input: unknown): string {
  const text = String(input ?? '').trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidInput('url', `"${text}" is not a web address (it should start with https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidInput('url', 'must start with http:// or https://');
  if (url.username || url.password) throw invalidInput('url', 'must not carry a user name or password');
  if (url.href.length > 1000) throw invalidInput('url', 'must be at most 1000 characters');
  return url.href;
}

/**
 * "Write from this": a new draft from an item, its source credited, its
 * headline, summary and text to start from, with the tags and section
 * `fileIncoming` picks (incoming.filing.ts); the item leaves the queue, linked
 * to the draft. An item already written from gives the same draft again.
 */
export async function writeFromItem(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<{ articleId: number }> {
  allowed(actor);
  const item = await ctx.db
    .selectFrom('incoming_items as i')
    .innerJoin('sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.title', 'i.summary', 'i.text', 'i.categories', 'i.article_id', 's.slug'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', `incoming item ${id} not found`);
  if (item.article_id !== null) return { articleId: item.article_id };
  const { tags, section } = await fileIncoming(ctx.db, {
    ...item,
    categories: feedCategories(item.categories),
  });
  if (!section) throw invalidInput('section', 'add a section first: a draft needs one');
  const article = await createArticle(
    ctx,
    {
      title: item.title.slice(0, 300),
      lead: item.summary.slice(0, 1000),
      section: section.slug,
      source: item.slug,
      tags,
      status: 'draft',
      body: paragraphsDoc(item.text || item.summary),
    },
    actor,
  );
  await ctx.db
    .updateTable('incoming_items')
    .set({ status: 'used', article_id: article.id })
    .where((eb) => eb.or([eb('id', '=', id), eb('duplicate_of', '=', id)]))
    .execute();
  return { articleId: article.id };
}
