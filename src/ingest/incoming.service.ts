import type { Db } from '../db/database.js';
import { AppError, forbidden, invalidInput } from '../lib/app-error.js';
import { can, type Actor } from '../content/users/permissions.js';
import { recordAudit } from '../content/audit/audit.repository.js';
import { findBySlug } from '../content/taxonomy/taxonomy.repository.js';
import { createArticle, type ServiceContext } from '../content/articles/articles.service.js';
import { feedCategories, fileIncoming, paragraphsDoc } from './incoming.filing.js';
import {
  copiesOf,
  countQueue,
  deleteFeed,
  dismissStory,
  feedById,
  feedsWithHealth,
  feedUrlTaken,
  insertFeed,
  itemExists,
  itemForDraft,
  linkStoryToArticle,
  queuePage,
} from './incoming.repository.js';

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
  return (await feedsWithHealth(db, id)).map((r) => ({
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
  if (await feedUrlTaken(db, url)) throw new AppError('SLUG_TAKEN', `url: ${url} is already subscribed`);
  const feedId = await insertFeed(db, {
    source_id: source.id,
    url,
    interval_seconds: minutes * 60,
    next_fetch_at: now.toISOString(),
    created_at: now.toISOString(),
  });
  await recordAudit(db, {
    at: now.toISOString(),
    actor,
    action: 'feed.add',
    subject: `${source.name}: ${url}`,
  });
  const [feed] = await feeds(db, feedId);
  return feed;
}

export async function removeFeed(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  allowed(actor);
  const feed = await feedById(db, id);
  if (!feed) throw new AppError('NOT_FOUND', `feed ${id} not found`);
  await deleteFeed(db, id);
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
  const q = filter.q?.trim();
  const wanted = { status: filter.status ?? 'new', source: filter.source, q };
  const total = await countQueue(db, wanted);
  const rows = await queuePage(db, wanted, {
    limit: Math.min(filter.limit ?? 50, 200),
    offset: filter.offset ?? 0,
  });
  const twins = await copiesOf(
    db,
    rows.map((r) => r.id),
  );
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
  if (!(await itemExists(db, id))) throw new AppError('NOT_FOUND', `incoming item ${id} not found`);
  await dismissStory(db, id);
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
  const item = await itemForDraft(ctx.db, id);
  if (!item) throw new AppError('NOT_FOUND', `incoming item ${id} not found`);
  if (item.article_id !== null) return { articleId: item.article_id };
  const { tags, section } = await fileIncoming(ctx.db, {
    ...item,
    categories: feedCategories(item.categories),
  });
  if (!section) throw invalidInput('section', 'add a section first: a draft needs one');
  const article = await createArticle(ctx, actor, {
    title: item.title.slice(0, 300),
    lead: item.summary.slice(0, 1000),
    section: section.slug,
    source: item.slug,
    tags,
    status: 'draft',
    body: paragraphsDoc(item.text || item.summary),
  });
  await linkStoryToArticle(ctx.db, id, article.id);
  return { articleId: article.id };
}
