import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDependencies, type DependencyKey } from '../lib/dependencies.js';
import type { CachedPage, PageCache, Rendered } from './page-cache.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False: this route's answers never go through the page cache (files, beacons). */
    pageCache?: boolean;
  }
}

export interface HttpCachingOptions {
  cache: PageCache;
  /** Renders go through this app's full request pipeline (app.inject). */
  app: FastifyInstance;
  /** Seconds a browser keeps a page without asking again. */
  browserSeconds: number;
  /** Seconds a shared cache (a CDN, Varnish) keeps it; content changes purge it sooner. */
  sharedSeconds: number;
  /** Seconds past that a shared cache may serve it while fetching it anew. */
  staleSeconds: number;
  /** The header a CDN reads the keys from, besides Surrogate-Key (purge.ts tagHeader). */
  tagHeader?: { name: string; join: string };
  /** Takes the front door (see `FrontDoor`), for the server to put before its routing. */
  frontDoor?: (door: FrontDoor) => void;
}

/**
 * Answers the commonest requests under a spike straight from the server's
 * request event, before Fastify routes them, and says whether it did; what
 * a door does not take, Fastify answers. Routing, hooks and the reply's
 * pipeline cost more than these answers themselves (docs/PERFORMANCE.md).
 * This module's door takes fresh page-cache hits; anything else (a miss, a
 * stale page, a page whose route spends a per-address budget, any method
 * but GET and HEAD) goes on. The server (app.ts) asks each door in turn and
 * logs what they answer.
 */
export type FrontDoor = (
  request: IncomingMessage,
  response: ServerResponse,
  /** Headers every answer of this server carries, name, value (X-Served-By under workers). */
  own: readonly string[],
) => boolean;

/** Headers of a render that belong to one answer, not to the page. */
const PER_ANSWER = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'vary',
  'etag',
  'cache-control',
  'set-cookie',
  'x-served-by',
]);

/**
 * The reader site's HTTP caching, as an onRequest hook for a scope's GET and
 * HEAD routes: answers from the page cache (fresh, or stale while one
 * request renders anew), renders a missing page once however many readers
 * ask (through `app.inject`, collecting the render's dependency keys), and
 * gives every cached answer what a cache in front needs: a weak ETag (and a
 * 304 for a matching If-None-Match), Cache-Control with s-maxage and
 * stale-while-revalidate, the dependency keys as Surrogate-Key, and the
 * encoding the reader asked for, compressed once at store time.
 *
 * `X-Cache: hit | stale | miss` tells which; answers that must not be shared
 * (errors, redirects, anything private or setting a cookie) pass through as
 * rendered, each waiting reader getting the same one.
 */
export function httpCaching(scope: FastifyInstance, options: HttpCachingOptions): void {
  const { cache, app } = options;
  // The page cache's own renders carry this header, so the hook lets them through to the route.
  const token = randomUUID();
  // Browsers keep a page for the route's own max-age if it gave one (feeds: 5 minutes), else browserSeconds.
  const cacheControl = (page: CachedPage) => {
    const own = /max-age=(\d+)/.exec(page.headers['cache-control'] ?? '');
    return `public, max-age=${own ? own[1] : options.browserSeconds}, s-maxage=${options.sharedSeconds}, stale-while-revalidate=${options.staleSeconds}`;
  };

  /** What a route answered, as the page cache keeps it. */
  const rendered = (
    answer: { status: number; headers: Record<string, unknown>; body: Buffer },
    keys: Set<DependencyKey>,
    beforeRouting: boolean,
  ): Rendered => {
    const headers: Record<string, string> = {};
    for (const name in answer.headers) {
      const value = answer.headers[name];
      if (value !== undefined && !PER_ANSWER.has(name)) headers[name] = String(value);
    }
    const policy = String(answer.headers['cache-control'] ?? '');
    return {
      status: answer.status,
      headers: { ...headers, 'cache-control': policy },
      body: answer.body,
      keys,
      cacheable:
        answer.status === 200 &&
        answer.headers['set-cookie'] === undefined &&
        !/no-store|private/.test(policy),
      beforeRouting,
    };
  };

  /** Renders a page through the app's whole request pipeline, as an anonymous reader asking for it. */
  const render = async (url: string, beforeRouting: boolean): Promise<Rendered> => {
    const { value: response, keys } = await collectDependencies(() =>
      app.inject({
        method: 'GET',
        url,
        headers: { 'x-newsdesk-render': token, 'accept-encoding': 'identity' },
      }),
    );
    return rendered(
      { status: response.statusCode, headers: response.headers, body: response.rawPayload },
      keys,
      beforeRouting,
    );
  };

  /**
   * The requests rendering, themselves, the page they missed: their route
   * answers as for anyone, and the onSend hook below hands the answer to the
   * page cache (`done`) and sends the cache's answer instead (`filled`).
   */
  const leading = new WeakMap<FastifyRequest, Lead>();

  scope.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (request.routeOptions.config.pageCache === false || !cache.enabled) return;
    if (request.headers['x-newsdesk-render'] === token) return;
    const url = request.url;
    const beforeRouting = request.routeOptions.config.budget === undefined;
    const found = cache.lookup(url);
    if (found) {
      if (found.state === 'stale') cache.refresh(url, () => render(url, beforeRouting));
      return sendAnswer(reply, hitAnswer(url, found.page, found.state, request.method, request.headers));
    }
    // A plain GET renders the page in this very request, saving a second pass through the app; one
    // carrying a cookie or credentials is rendered as an anonymous reader's, through app.inject, so
    // that nothing of a signed-in reader or editor can reach the page everyone gets.
    if (request.method === 'GET' && !request.headers.cookie && !request.headers.authorization) {
      let began!: () => void;
      const turn = new Promise<'render'>((resolve) => (began = () => resolve('render')));
      const filled: Promise<CachedPage | Rendered> = cache.fill(url, async () => {
        // This request's turn to render (collectDependencies): its reads record their keys from here
        // until the onSend hook has its answer.
        const { value, keys } = await collectDependencies(
          () =>
            new Promise<RouteAnswer>((resolve, reject) => {
              // A reader gone before its turn renders nothing: Fastify may not answer it at all.
              if (request.raw.socket?.destroyed) return reject(new Error(`${url}: the reader went away`));
              leading.set(request, {
                done: (answer) => (answer instanceof Error ? reject(answer) : resolve(answer)),
                filled,
              });
              // Nor one gone while its page renders: the renders queued behind it must not wait for it.
              reply.raw.once('close', () => abandon(request));
              began();
            }),
        );
        return rendered(value, keys, beforeRouting);
      });
      // Either this request renders, or it waits for the render already under way; if that one
      // failed (its reader went away), this one renders for itself, unkept.
      const first = await Promise.race([turn, filled.catch(() => undefined)]);
      if (first === 'render' || first === undefined) return;
      return answerFilled(request, reply, first);
    }
    return answerFilled(request, reply, await cache.fill(url, () => render(url, beforeRouting)));
  });

  // The request that renders its page: the route's answer goes to the page cache, and the cache's
  // answer (ETag, Surrogate-Key, the encoding asked for, made once) is sent instead. Before
  // @fastify/compress's own onSend (a route's hook, run after a scope's), which leaves an answer
  // with a Content-Encoding as it is.
  scope.addHook('onSend', async (request, reply, payload) => {
    const lead = leading.get(request);
    if (!lead) return payload;
    leading.delete(request);
    // A page is a string or bytes; a redirect, nothing; a stream (no page of the cache's) is let be.
    if (
      payload !== undefined &&
      payload !== null &&
      typeof payload !== 'string' &&
      !Buffer.isBuffer(payload)
    ) {
      lead.done(new Error(`${request.url}: the route's answer is not a page`));
      return payload;
    }
    const body = typeof payload === 'string' ? utf8(payload) : (payload ?? Buffer.alloc(0));
    lead.done({ status: reply.statusCode, headers: reply.getHeaders(), body });
    const answer = await lead.filled;
    if (!('etag' in answer)) {
      reply.header('x-cache', answer.cacheable ? 'miss' : 'pass');
      return payload;
    }
    return putAnswer(reply, hitAnswer(request.url, answer, 'miss', request.method, request.headers)) ?? null;
  });
  /** A render whose request ended without an answer (its reader went away): it fails, and its followers render for themselves. */
  const abandon = (request: FastifyRequest) => {
    const lead = leading.get(request);
    if (!lead) return;
    leading.delete(request);
    lead.done(new Error(`${request.url}: the request ended before its page was rendered`));
  };

  /** The answer of a render this request waited for, or made: from the page cache, or as rendered. */
  const answerFilled = (request: FastifyRequest, reply: FastifyReply, answer: CachedPage | Rendered) => {
    if ('etag' in answer)
      return sendAnswer(reply, hitAnswer(request.url, answer, 'miss', request.method, request.headers));
    // Not to be shared (`pass`), or overtaken by a change while it rendered (a `miss` not kept):
    // sent as rendered, compressed on the way out as any answer is.
    reply
      .code(answer.status)
      .headers(answer.headers)
      .header('x-cache', answer.cacheable ? 'miss' : 'pass');
    if (!answer.headers['cache-control']) reply.removeHeader('cache-control');
    return reply.send(answer.body);
  };

  /** A stored page's own headers and those every answer of it carries, name, value, .... */
  const pageHeaders = (page: CachedPage): string[] => {
    const headers: string[] = [];
    for (const name in page.headers)
      if (name !== 'cache-control' && name !== 'surrogate-key' && name !== options.tagHeader?.name)
        headers.push(name, page.headers[name]!);
    headers.push(
      'cache-control',
      cacheControl(page),
      'etag',
      page.etag,
      'vary',
      'accept-encoding',
      'surrogate-key',
      page.keys.join(' '),
    );
    if (options.tagHeader) headers.push(options.tagHeader.name, page.keys.join(options.tagHeader.join));
    return headers;
  };

  /** A stored page's answer, the same whether the front door or the hook sends it. */
  const hitAnswer = (
    url: string,
    page: CachedPage,
    state: 'fresh' | 'stale' | 'miss',
    method: string,
    request: IncomingHttpHeaders,
  ): Answer => {
    const headers = (page.answerHeaders ??= pageHeaders(page)).slice();
    headers.push(
      'x-cache',
      state === 'fresh' ? 'hit' : state,
      'age',
      String(Math.max(0, Math.floor((cache.now() - page.renderedAt) / 1000))),
    );
    if (matches(request['if-none-match'], page.etag)) {
      const type = headers.indexOf('content-type');
      if (type % 2 === 0) headers.splice(type, 2);
      return { status: 304, headers };
    }
    const encoding = chooseEncoding(request['accept-encoding'] ?? '');
    if (encoding !== 'identity') headers.push('content-encoding', encoding);
    const body = cache.encoded(url, page, encoding);
    headers.push('content-length', String(body.length));
    return { status: page.status, headers, body, head: method === 'HEAD' };
  };

  if (options.frontDoor) {
    options.frontDoor((request, response, own) => {
      const method = request.method;
      if ((method !== 'GET' && method !== 'HEAD') || !cache.enabled) return false;
      const url = request.url ?? '';
      const page = cache.hit(url, unbudgeted);
      if (!page) return false;
      const answer = hitAnswer(url, page, 'fresh', method, request.headers);
      if (own.length) answer.headers.push(...own);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.head ? undefined : answer.body);
      return true;
    });
  }
}

/** A route's answer to the request rendering its page, as the onSend hook has it. */
interface RouteAnswer {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** A request rendering its page: how to hand the page cache its answer, and the cache's answer. */
interface Lead {
  done: (answer: RouteAnswer | Error) => void;
  filled: Promise<CachedPage | Rendered>;
}

/** An answer from the page cache: status, headers, and the bytes unless a 304. */
interface Answer {
  status: number;
  /** Name, value, name, value: what `writeHead` takes fastest (no object made per answer). */
  headers: string[];
  body?: Buffer;
  head?: boolean;
}

/** A page the front door may answer: its route spends no per-address budget. */
const unbudgeted = (page: CachedPage) => page.beforeRouting;

function sendAnswer(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.send(putAnswer(reply, answer));
}

/** Puts the answer's status and headers on the reply; returns its bytes (none for a 304). */
function putAnswer(reply: FastifyReply, answer: Answer): Buffer | undefined {
  const { headers } = answer;
  reply.code(answer.status);
  for (let i = 0; i < headers.length; i += 2) reply.header(headers[i]!, headers[i + 1]);
  if (answer.status === 304) reply.removeHeader('content-type');
  return answer.body;
}

/** If-None-Match against a weak ETag: weak comparison, a list, or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === opaque);
}

type Encoding = 'br' | 'gzip' | 'identity';

/** chooseEncoding's answers by header: readers' browsers send a handful of different ones. */
const chosen = new Map<string, Encoding>();

/** Brotli if the reader takes it, then gzip, else the bytes as they are (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string): Encoding {
  let encoding = chosen.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(acceptEncoding);
    // Bounded: a client sending a new header with each request only undoes the remembering.
    if (chosen.size >= 256) chosen.clear();
    chosen.set(acceptEncoding, encoding);
  }
  return encoding;
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return 'identity';
}

const encoder = new TextEncoder();
/** Room to encode a page in: three bytes for each UTF-16 unit at most; grown for a longer page. */
let scratch = new Uint8Array(0);
/** Pages longer than this are encoded by `Buffer.from` rather than kept room for. */
const SCRATCH_MAX = 1 << 21;

/**
 * A rendered page's UTF-8 bytes. `Buffer.from` walks the string twice, once
 * to measure it and once to write it: 5% of a miss's CPU in a profile, the
 * page a fresh render's string of thousands of pieces, with a character or
 * two past Latin-1 (curly quotes do it). Encoded once into kept room and the
 * bytes copied out: 13 µs for a 13 KB page where `Buffer.from` took 22.
 */
function utf8(text: string): Buffer {
  if (text.length * 3 > SCRATCH_MAX) return Buffer.from(text);
  if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, 64 * 1024));
  const { written } = encoder.encodeInto(text, scratch);
  // Not from the shared pool: a small page kept would keep the whole 8 KB slab with it.
  const bytes = Buffer.allocUnsafeSlow(written);
  bytes.set(scratch.subarray(0, written));
  return bytes;
}
