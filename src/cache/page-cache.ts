import { hash } from 'node:crypto';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { dependsOn, type DependencyKey } from '../lib/dependencies.js';

/** What a render produced: the answer as the route gave it, and what it was made of. */
export interface Rendered {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  keys: Set<DependencyKey>;
  /** False for answers no one else may be given (an error, a redirect, a private page). */
  cacheable: boolean;
  /** Whether a hit may be answered before routing: its route spends no per-address budget. */
  beforeRouting: boolean;
}

/** A stored page: its bytes, in each encoding once asked for (computed once), and its dependency keys. */
export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** Weak: the encodings differ in bytes, not in meaning. */
  etag: string;
  keys: DependencyKey[];
  /** Milliseconds, on the cache's clock. */
  renderedAt: number;
  /** Whether a hit may be answered before routing (http.ts frontDoor). */
  beforeRouting: boolean;
  /** The headers of its answers, name, value, ...: made by http.ts on the first answer, then kept. */
  answerHeaders?: string[];
}

export interface PageCacheOptions {
  /** Bound on the stored bytes (all encodings); 0 turns the cache off. */
  maxBytes: number;
  /** How long a page is served as it is. */
  freshMs: number;
  /** How long past that it may still be served while one request renders it anew. */
  staleMs: number;
  /** The clock, in milliseconds; tests move it. */
  now: () => number;
  /** A background re-render failed (the stale page stays until it expires). */
  onError: (error: unknown, url: string) => void;
}

export interface PageCacheStats {
  hits: number;
  /** Of the hits, those answered before routing (`hit`: http.ts's front door). */
  early: number;
  stale: number;
  misses: number;
  /** Renders started: misses that found no render under way, and background refreshes. */
  renders: number;
  /** Pages dropped by content changes. */
  dropped: number;
  pages: number;
  bytes: number;
}

export type Lookup = { page: CachedPage; state: 'fresh' | 'stale' } | undefined;

/**
 * The reader pages and feeds, rendered once and kept in memory, bounded in
 * bytes (least recently used go first), keyed by URL.
 *
 * - Every page carries the dependency keys its reads recorded
 *   (src/lib/dependencies.ts); `drop(keys)` removes exactly the pages that
 *   showed what changed, and no others.
 * - Requests for a page being rendered wait for that render (coalescing): a
 *   cold page under a spike costs one render, not one per reader.
 * - A page past its freshness is still served, for `staleMs`, while one
 *   request renders it anew in the background (stale-while-revalidate).
 *   Content changes never wait for this: they drop pages at once. Freshness
 *   only bounds what changes with time (view counters, most-read lists).
 * - A render that overlaps a drop naming one of its keys may hold the old
 *   state: it answers the requests that waited for it and is not stored.
 */
export class PageCache {
  readonly #options: PageCacheOptions;
  readonly #pages: LRUCache<string, CachedPage>;
  /** Keys named by changes and not yet looked for in the stored pages (`drop`). */
  #unapplied = new Set<DependencyKey>();
  /** Renders a request may wait for, by URL. */
  readonly #rendering = new Map<string, Promise<Rendered>>();
  /** Every render not finished (waited for or not), with the generation it began in. */
  readonly #active = new Set<{ since: number }>();
  /** Drops since the oldest unfinished render began: [generation, keys, or every key]. */
  #drops: [number, ReadonlySet<DependencyKey> | 'all'][] = [];
  #generation = 0;
  readonly #stats = { hits: 0, early: 0, stale: 0, misses: 0, renders: 0, dropped: 0 };
  /** Values many pages are made of (`part`), by name. */
  readonly #parts = new Map<string, Part>();

  constructor(options: PageCacheOptions) {
    this.#options = options;
    this.#pages = new LRUCache<string, CachedPage>({
      maxSize: Math.max(1, options.maxBytes),
      sizeCalculation: (page) => Math.max(1, sizeOf(page)),
    });
  }

  /** The cache's clock, in milliseconds. */
  now(): number {
    return this.#options.now();
  }

  get enabled(): boolean {
    return this.#options.maxBytes > 0;
  }

  get stats(): PageCacheStats {
    this.#applyDrops();
    return { ...this.#stats, pages: this.#pages.size, bytes: this.#pages.calculatedSize };
  }

  /** The stored page and whether it is still fresh; undefined when absent or too old to serve. */
  lookup(url: string): Lookup {
    const page = this.#page(url);
    if (!page) return undefined;
    const age = this.#options.now() - page.renderedAt;
    if (age < this.#options.freshMs) {
      this.#stats.hits++;
      return { page, state: 'fresh' };
    }
    if (age < this.#options.freshMs + this.#options.staleMs) {
      this.#stats.stale++;
      return { page, state: 'stale' };
    }
    this.#pages.delete(url);
    return undefined;
  }

  /**
   * The stored page if it is fresh and `wanted` takes it, counted as a hit
   * answered early; else undefined, counting nothing (the request goes on to
   * `lookup`).
   */
  hit(url: string, wanted: (page: CachedPage) => boolean): CachedPage | undefined {
    const page = this.#page(url);
    if (!page || this.#options.now() - page.renderedAt >= this.#options.freshMs || !wanted(page))
      return undefined;
    this.#stats.hits++;
    this.#stats.early++;
    return page;
  }

  /**
   * Renders the page, or waits for the render of it already under way, and
   * stores the result if it may be. Resolves with the stored page, or with
   * the render when it is not to be stored (an error page, a redirect).
   */
  async fill(url: string, render: () => Promise<Rendered>): Promise<CachedPage | Rendered> {
    this.#stats.misses++;
    const rendered = await this.#render(url, render);
    return this.#page(url) ?? rendered;
  }

  /** Renders a stale page anew in the background, unless a render of it is under way. */
  refresh(url: string, render: () => Promise<Rendered>): void {
    if (this.#rendering.has(url)) return;
    this.#render(url, render).catch((error: unknown) => this.#options.onError(error, url));
  }

  /**
   * A value that many pages are made of and that seldom changes (the
   * settings, the section menu), read once and kept until a change names one
   * of its keys, as a page is, or until it is as old as a page may be fresh
   * (a change written by another program, which sends no event). Its keys
   * are recorded for the render under way, as the read itself would. With
   * the cache off, it is read every time.
   */
  part<T>(name: string, keys: readonly DependencyKey[], read: () => Promise<T>): Promise<T> {
    if (!this.enabled) return read();
    dependsOn(...keys);
    const kept = this.#parts.get(name);
    if (kept && this.#options.now() - kept.at < this.#options.freshMs) return kept.value as Promise<T>;
    const part: Part = { keys, at: this.#options.now(), value: read() };
    this.#parts.set(name, part);
    // A read that failed is not kept: the next page reads again.
    part.value.catch(() => this.#parts.get(name) === part && this.#parts.delete(name));
    return part.value as Promise<T>;
  }

  /**
   * Removes every stored page that carries one of these keys, before any
   * page is next looked up or stored. The pages are found by looking at
   * each (no index from keys to pages is kept: keeping one cost each miss
   * about 70 µs, a dozen keys and more to a page added on storing and taken
   * out on eviction), once for all the changes that came since the last
   * look: a publish names the related lists of a dozen other articles, and
   * an import thousands, each in a change of its own. Measured in
   * docs/PERFORMANCE.md (`npm run bench -- --demo`): a look at 2,500 article
   * pages (what the default bound holds) takes 1.4-2 ms, at 10,000 about 6.
   */
  drop(keys: Iterable<DependencyKey>): void {
    const named = new Set(keys);
    if (named.size === 0) return;
    this.#changed(named);
    // A part being read when the change came is dropped too: pages that waited for it hold the
    // old value, and are not stored (`#droppedSince`).
    for (const [name, part] of this.#parts)
      if (part.keys.some((key) => named.has(key))) this.#parts.delete(name);
    // None is kept with the cache off or empty; a page stored after this change was rendered after
    // it, or is not stored (`#droppedSince`).
    if (this.#pages.size === 0) return;
    for (const key of named) this.#unapplied.add(key);
    // Many changes and no reader (an import at night): applied as they come, a look per 10,000 keys.
    if (this.#unapplied.size >= 10_000) this.#applyDrops();
  }

  /** The stored page, once the changes that came before are applied. */
  #page(url: string): CachedPage | undefined {
    this.#applyDrops();
    return this.#pages.get(url);
  }

  /** Drops the pages the changes since the last look named (`drop`). */
  #applyDrops(): void {
    if (this.#unapplied.size === 0) return;
    const named = this.#unapplied;
    this.#unapplied = new Set();
    const showing: string[] = [];
    this.#pages.forEach((page, url) => {
      if (page.keys.some((key) => named.has(key))) showing.push(url);
    });
    for (const url of showing) this.#pages.delete(url);
    this.#stats.dropped += showing.length;
  }

  /** Empties the cache (a restore, a change that touches every page). */
  clear(): void {
    this.#changed('all');
    this.#unapplied.clear();
    this.#pages.clear();
    this.#parts.clear();
  }

  #changed(keys: ReadonlySet<DependencyKey> | 'all'): void {
    this.#generation++;
    if (this.#active.size > 0) this.#drops.push([this.#generation, keys]);
    // A request from now on must not wait for a render that began before this change.
    this.#rendering.clear();
  }

  #render(url: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const under = this.#rendering.get(url);
    if (under) return under;
    this.#stats.renders++;
    const active = { since: this.#generation };
    this.#active.add(active);
    // Begun on the next tick, so that `done` is in the map before the render can end.
    const done: Promise<Rendered> = Promise.resolve().then(async () => {
      try {
        const rendered = await render();
        if (rendered.cacheable && this.enabled && !this.#droppedSince(active.since, rendered.keys)) {
          this.#store(url, rendered);
        }
        return rendered;
      } finally {
        if (this.#rendering.get(url) === done) this.#rendering.delete(url);
        this.#active.delete(active);
        this.#trimDrops();
      }
    });
    this.#rendering.set(url, done);
    return done;
  }

  #store(url: string, rendered: Rendered): void {
    const page: CachedPage = {
      status: rendered.status,
      headers: rendered.headers,
      body: rendered.body,
      etag: `W/"${hash('sha1', rendered.body, 'base64url').slice(0, 22)}"`,
      keys: [...rendered.keys],
      renderedAt: this.#options.now(),
      beforeRouting: rendered.beforeRouting,
    };
    this.#applyDrops();
    // A page larger than the whole cache is refused.
    this.#pages.set(url, page);
  }

  /**
   * The page's bytes in an encoding, compressed the first time it is asked
   * for (most readers take brotli; few ask for gzip, and some for neither).
   * Brotli 6 and gzip 6: on a 45 KB page brotli 9 took 49 ms and 6 took 1 ms
   * for 1% more bytes, and on libuv's threads the two took 1.3 ms against
   * 0.6 ms on this one.
   */
  encoded(url: string, page: CachedPage, encoding: 'br' | 'gzip' | 'identity'): Buffer {
    if (encoding === 'identity') return page.body;
    const done = page[encoding];
    if (done) return done;
    const bytes =
      encoding === 'br'
        ? zlib.brotliCompressSync(page.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length,
            },
          })
        : zlib.gzipSync(page.body, { level: 6 });
    // Stored again so that its size counts the new bytes; a page dropped meanwhile stays dropped.
    if (this.#pages.peek(url) === page) {
      this.#pages.delete(url);
      page[encoding] = bytes;
      this.#pages.set(url, page);
    }
    return bytes;
  }

  /** Whether a change since `generation` named one of these keys. */
  #droppedSince(generation: number, keys: ReadonlySet<DependencyKey>): boolean {
    if (generation === this.#generation) return false;
    for (const [at, named] of this.#drops) {
      if (at <= generation) continue;
      if (named === 'all') return true;
      for (const key of named) if (keys.has(key)) return true;
    }
    return false;
  }

  #trimDrops(): void {
    let oldest = Infinity;
    for (const { since } of this.#active) oldest = Math.min(oldest, since);
    this.#drops = this.#drops.filter(([at]) => at > oldest);
  }
}

/** A kept value (`PageCache.part`): its keys, when it was read, and the read. */
interface Part {
  keys: readonly DependencyKey[];
  at: number;
  value: Promise<unknown>;
}

function sizeOf(page: CachedPage): number {
  let headers = 0;
  for (const name in page.headers) headers += name.length + page.headers[name]!.length;
  const encoded = (page.br?.length ?? 0) + (page.gzip?.length ?? 0);
  return page.body.length + encoded + headers + page.keys.length * 24 + 200;
}
