import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/app-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which of the scope's per-address budgets a request to this route spends. */
    budget?: string;
  }
}

/** A budget: `perMinute` requests a minute on average, after a first burst of `burst`. */
export interface Budget {
  perMinute: number;
  burst: number;
}

/**
 * How many requests one address may make to the routes that cost the most
 * when flooded (search renders a query per new URL; every beacon is counted),
 * so that one client cannot take the server from everyone else. A token
 * bucket per address: `burst` at once, then `perMinute` a minute; past that,
 * `429` with `Retry-After`, at the cost of one map lookup.
 *
 * The address is Fastify's `request.ip` (the reader's when TRUST_PROXY says
 * which proxies to trust), IPv6 by its /64 (one machine's whole range). A
 * connection from loopback is not counted: it is this machine (the page
 * cache's own renders, a proxy in front without TRUST_PROXY, benchmarks); a
 * forwarded header that says 127.0.0.1 is counted. Registered before the page cache,
 * so a cached answer spends the budget too: nobody searches 60 times a minute.
 * At most `MAX_ADDRESSES` are remembered; those seen longest ago are
 * forgotten first. Each process keeps its own: with `WORKERS=2` an address
 * may spend up to twice its budget.
 */
export function addressBudgets(
  scope: FastifyInstance,
  budgets: Record<string, Budget>,
  now = Date.now,
): SpendBudget {
  const buckets = new Map<string, Buckets>();
  for (const [name, budget] of Object.entries(budgets))
    if (budget.perMinute > 0) buckets.set(name, new Buckets(budget, now));
  // Requests a front door spent for and then left to their route: only those, so that the
  // beacons and hits the doors answer (thousands a second in a spike) add nothing here.
  const paid = new WeakSet<IncomingMessage>();
  const spend: SpendBudget = Object.assign(
    (name: string, ip: string | undefined, request: IncomingMessage) => {
      const bucket = buckets.get(name);
      const address = bucket && ip !== undefined ? budgetKey(ip, request.socket.remoteAddress) : undefined;
      return bucket && address !== undefined ? bucket.take(address) : 0;
    },
    { paid: (request: IncomingMessage) => void paid.add(request) },
  );
  if (!buckets.size) return spend;
  // A callback hook, not an async one: it runs on every routed request of the scope, page-cache
  // hits included (those answered before routing spend through `spend` themselves).
  scope.addHook('onRequest', (request, reply, done) => {
    const name = request.routeOptions.config.budget;
    // A request a front door spent for and then left to the route is not charged twice.
    if (name === undefined || paid.has(request.raw)) return done();
    // A refusal takes nothing from the bucket: one the door met and left to the route is met again here.
    const wait = spend(name, request.ip, request.raw);
    if (wait === 0) return done();
    reply.header('retry-after', String(wait));
    done(
      new AppError(
        'RATE_LIMITED',
        `too many requests from your address: try again in ${wait} second${wait === 1 ? '' : 's'}`,
      ),
    );
  });
  return spend;
}

/**
 * Spends one request of `ip`'s budget `name`: 0 if it may go on (or the
 * budget is off, or the request comes from this machine), else the seconds
 * until it may; a refusal spends nothing. For answers given before routing,
 * which no hook sees.
 */
export interface SpendBudget {
  (name: string, ip: string | undefined, request: IncomingMessage): number;
  /** Says that `request`, spent for by a front door, goes on to its route after all: its hook does not charge it again. */
  paid(request: IncomingMessage): void;
}

/** At most this many addresses per budget are remembered (about 100 bytes each). */
export const MAX_ADDRESSES = 100_000;

class Buckets {
  readonly #tokens = new Map<string, { tokens: number; at: number }>();
  readonly #perMs: number;

  constructor(
    readonly budget: Budget,
    readonly now: () => number,
  ) {
    this.#perMs = budget.perMinute / 60_000;
  }

  /** Spends one request of `address`: 0 if it may go on, else the seconds until it may. */
  take(address: string): number {
    const now = this.now();
    let entry = this.#tokens.get(address);
    if (entry) {
      entry.tokens = Math.min(this.budget.burst, entry.tokens + (now - entry.at) * this.#perMs);
      entry.at = now;
      // To the end of the Map's order: the addresses forgotten first are those seen longest ago.
      this.#tokens.delete(address);
      this.#tokens.set(address, entry);
    } else {
      if (this.#tokens.size >= MAX_ADDRESSES) this.#forgetOldest();
      entry = { tokens: this.budget.burst, at: now };
      this.#tokens.set(address, entry);
    }
    if (entry.tokens >= 1) {
      entry.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - entry.tokens) / this.#perMs / 1000));
  }

  /** Drops the tenth of the addresses seen longest ago (a Map keeps insertion order). */
  #forgetOldest(): void {
    let n = Math.ceil(MAX_ADDRESSES / 10);
    for (const key of this.#tokens.keys()) {
      this.#tokens.delete(key);
      if (--n === 0) break;
    }
  }
}

/**
 * What a request's budget is counted under: its address, or nothing for
 * this machine. Loopback is this machine only when the connection itself
 * comes from it: a forwarded header that says 127.0.0.1 is counted like any
 * other address.
 */
function budgetKey(ip: string, socketAddress: string | undefined): string | undefined {
  return addressKey(ip) ?? (ip === socketAddress ? undefined : ip);
}

/** The address a budget counts: undefined for loopback, an IPv6 address's /64. */
export function addressKey(ip: string): string | undefined {
  const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const family = isIP(mapped);
  if (family === 4) return mapped.startsWith('127.') ? undefined : mapped;
  if (family === 6) {
    if (mapped === '::1') return undefined;
    return expandIpv6(mapped).slice(0, 4).join(':') + '::/64';
  }
  return mapped;
}

function expandIpv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const middle = ip.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...middle, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
