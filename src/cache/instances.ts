import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import type { ContentEventMap } from '../content/events.js';
import type { Db } from '../db/database.js';
import type { DependencyKey } from '../lib/dependencies.js';
import type { Invalidate } from './invalidation.js';

/**
 * Several instances on one PostgreSQL database keep their page caches in
 * step: the keys of every change made on one are sent on a channel
 * (`NOTIFY`), and every instance listens on a connection of its own
 * (`LISTEN`) and drops those pages, within milliseconds. Only the instance
 * that made the change purges the cache in front (invalidation.ts targets),
 * so a purge is sent once, not once per instance.
 *
 * The same channel tells the others when an article is scheduled, so that
 * the lead instance's scheduler wakes up for it on time, wherever it was
 * scheduled.
 */
const CHANNEL = 'newsdesk_pages';
/** A notification's payload must stay under 8,000 bytes: the keys go in chunks. */
const PAYLOAD_BYTES = 7000;
const RETRY_MS = [250, 1000, 5000, 15_000];

/** This process, as its notifications name it, so that it skips its own. */
export const INSTANCE = randomUUID();

/** What goes out on the channel: from this process, a change's keys or a scheduled article. */
interface Message {
  from: string;
  keys?: DependencyKey[];
  scheduled?: Scheduled;
}

type Scheduled = ContentEventMap['article.scheduled'];

/** Sends a message to the other instances. */
async function send(db: Db, message: Omit<Message, 'from'>): Promise<void> {
  const payload = JSON.stringify({ from: INSTANCE, ...message } satisfies Message);
  await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(db);
}

/** Sends a change's keys to the other instances. */
export function notifyInstances(db: Db): Invalidate {
  return async (keys) => {
    for (const chunk of chunks(keys)) await send(db, { keys: chunk });
  };
}

/** Tells the other instances that an article was scheduled (unless that news came from one of them). */
export function announceSchedule(db: Db): (event: Scheduled) => Promise<void> {
  return async ({ articleId, at, elsewhere }) => {
    if (!elsewhere) await send(db, { scheduled: { articleId, at } });
  };
}

export interface ListenerOptions {
  url: string;
  /** Pages to drop, for a change another instance made. */
  drop: (keys: DependencyKey[]) => void;
  /** An article another instance scheduled. */
  scheduled: (event: Scheduled) => void;
  /** The connection was lost, and changes may have been missed meanwhile: drop everything. */
  lost: () => void;
  onError: (error: unknown) => void;
}

/** Listens for the other instances' changes, reconnecting (and dropping every page) after a loss. */
export class InstanceListener {
  readonly #options: ListenerOptions;
  #client: pg.Client | undefined;
  #stopped = false;
  #failures = 0;
  #retry: NodeJS.Timeout | undefined;

  constructor(options: ListenerOptions) {
    this.#options = options;
  }

  /** Resolves once listening (or once the first attempt failed: it goes on trying). */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { from, keys, scheduled } = JSON.parse(message.payload) as Message;
        if (from === INSTANCE) return;
        if (Array.isArray(keys)) this.#options.drop(keys);
        if (typeof scheduled?.articleId === 'number' && typeof scheduled.at === 'string')
          this.#options.scheduled({ articleId: scheduled.articleId, at: scheduled.at, elsewhere: true });
      } catch (error) {
        this.#options.onError(error);
      }
    });
    client.on('error', (error) => this.#lose(client, error));
    client.on('end', () => this.#lose(client, undefined));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (this.#stopped) return void (await client.end());
      this.#client = client;
      // Whatever changed while this instance was not listening is not known: start afresh.
      if (this.#failures > 0) this.#options.lost();
      this.#failures = 0;
    } catch (error) {
      this.#lose(client, error);
    }
  }

  #lose(client: pg.Client, error: unknown): void {
    if (this.#stopped || (this.#client !== undefined && this.#client !== client)) return;
    this.#client = undefined;
    client.end().catch(() => {});
    if (error) this.#options.onError(error);
    if (this.#retry) return;
    this.#options.lost();
    const wait = RETRY_MS[Math.min(this.#failures++, RETRY_MS.length - 1)];
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.#connect();
    }, wait);
    this.#retry.unref();
  }
}

function* chunks(keys: DependencyKey[]): Generator<DependencyKey[]> {
  let chunk: DependencyKey[] = [];
  let bytes = 0;
  for (const key of keys) {
    if (bytes + key.length + 3 > PAYLOAD_BYTES && chunk.length) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(key);
    bytes += key.length + 3;
  }
  if (chunk.length) yield chunk;
}
