import type { PurgeSettings, PurgeStyle } from '../config.js';
import type { DependencyKey } from '../lib/dependencies.js';

/**
 * Purges a cache in front of Newsdesk (Varnish, a CDN) by the same
 * dependency keys the page cache drops: each page carries them in its
 * Surrogate-Key header (and in the header the CDN reads, `tagHeader`), and
 * each content change sends one purge naming them.
 *
 * - `varnish-xkey`: `PURGE /` to PURGE_URL with the keys in an `xkey-purge`
 *   header; docs/varnish/default.vcl does the rest (vmod xkey).
 * - `fastly`: `POST {PURGE_URL or https://api.fastly.com}/service/{PURGE_ZONE}/purge`
 *   with `Surrogate-Key` and `Fastly-Key: PURGE_TOKEN`, 256 keys a call.
 * - `cloudflare`: `POST {… or https://api.cloudflare.com/client/v4}/zones/{PURGE_ZONE}/purge_cache`
 *   with `{"tags": […]}`, 30 a call, `Authorization: Bearer PURGE_TOKEN`;
 *   pages carry `Cache-Tag` (cache tags need Cloudflare's Enterprise plan).
 * - `bunny`: `POST {… or https://api.bunny.net}/pullzone/{PURGE_ZONE}/purgeCache`
 *   with `{"CacheTag": key}`, one key a call, `AccessKey: PURGE_TOKEN`;
 *   pages carry `CDN-Tag`.
 *
 * Purges never make a save wait or fail: keys are gathered for a moment and
 * sent in the background; a failed call is logged and tried again with
 * growing pauses (1 s, 2 s, 4 s … up to 5 tries), then given up on with an
 * error in the log (the page then lives out its s-maxage).
 */

export interface PurgerOptions {
  settings: PurgeSettings;
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** Milliseconds keys are gathered before a purge is sent. */
  gatherMs?: number;
  /** Milliseconds before the first retry; doubled each time. */
  retryMs?: number;
  attempts?: number;
}

const API = {
  fastly: 'https://api.fastly.com',
  cloudflare: 'https://api.cloudflare.com/client/v4',
  bunny: 'https://api.bunny.net',
};

/** The response header carrying the keys, for CDNs that read their own (beside Surrogate-Key). */
export function tagHeader(style: PurgeStyle | undefined): { name: string; join: string } | undefined {
  if (style === 'cloudflare') return { name: 'cache-tag', join: ',' };
  if (style === 'bunny') return { name: 'cdn-tag', join: ',' };
  return undefined;
}

export class Purger {
  readonly #options: Required<PurgerOptions>;
  #pending = new Set<DependencyKey>();
  #timer: NodeJS.Timeout | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  #sent = 0;
  #failed = 0;

  constructor(options: PurgerOptions) {
    this.#options = { gatherMs: 20, retryMs: 1000, attempts: 5, ...options };
  }

  /** Purges sent (calls that succeeded) and given up on, for tests and the log. */
  get stats(): { sent: number; failed: number } {
    return { sent: this.#sent, failed: this.#failed };
  }

  /** Queues keys; returns at once. */
  purge(keys: DependencyKey[]): void {
    for (const key of keys) this.#pending.add(key);
    this.#timer ??= setTimeout(() => this.#flush(), this.#options.gatherMs);
  }

  /** Resolves when every queued purge has been sent or given up on. */
  async idle(): Promise<void> {
    while (this.#timer || this.#inFlight.size > 0) {
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#flush();
      }
      await Promise.allSettled([...this.#inFlight]);
    }
  }

  #flush(): void {
    this.#timer = undefined;
    const keys = [...this.#pending];
    this.#pending = new Set();
    if (keys.length === 0) return;
    for (const request of requests(this.#options.settings, keys)) {
      const sending = this.#send(request).finally(() => this.#inFlight.delete(sending));
      this.#inFlight.add(sending);
    }
  }

  async #send(request: PurgeRequest): Promise<void> {
    const { attempts, retryMs, log } = this.#options;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) {
          this.#sent++;
          return;
        }
        throw new Error(`${response.status} ${(await response.text()).slice(0, 200)}`);
      } catch (error) {
        const where = {
          style: this.#options.settings.style,
          url: request.url,
          keys: request.keys.length,
          attempt,
        };
        if (attempt >= attempts) {
          this.#failed++;
          log.error({ ...where, err: error }, 'purge failed; the cached pages live out their s-maxage');
          return;
        }
        log.warn({ ...where, err: error }, 'purge failed; trying again');
        await new Promise((resolve) => setTimeout(resolve, retryMs * 2 ** (attempt - 1)));
      }
    }
  }
}

interface PurgeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  keys: DependencyKey[];
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The HTTP calls that purge these keys in this style. */
export function requests(settings: PurgeSettings, keys: DependencyKey[]): PurgeRequest[] {
  const { style, token = '', zone = '' } = settings;
  const base = (settings.url ?? (style === 'varnish-xkey' ? '' : API[style])).replace(/\/+$/, '');
  switch (style) {
    case 'varnish-xkey':
      // Varnish reads one header line of keys; a few hundred a call keep it short.
      return chunks(keys, 200).map((part) => ({
        url: `${base}/`,
        method: 'PURGE',
        headers: { 'xkey-purge': part.join(' ') },
        keys: part,
      }));
    case 'fastly':
      return chunks(keys, 256).map((part) => ({
        url: `${base}/service/${encodeURIComponent(zone)}/purge`,
        method: 'POST',
        headers: { 'fastly-key': token, 'surrogate-key': part.join(' ') },
        keys: part,
      }));
    case 'cloudflare':
      return chunks(keys, 30).map((part) => ({
        url: `${base}/zones/${encodeURIComponent(zone)}/purge_cache`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: part }),
        keys: part,
      }));
    case 'bunny':
      return keys.map((key) => ({
        url: `${base}/pullzone/${encodeURIComponent(zone)}/purgeCache`,
        method: 'POST',
        headers: { accesskey: token, 'content-type': 'application/json' },
        body: JSON.stringify({ CacheTag: key }),
        keys: [key],
      }));
  }
}
