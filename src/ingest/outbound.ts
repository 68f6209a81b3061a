import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Dispatcher } from 'undici';

/**
 * Every request Newsdesk makes to another server (partner feeds, pages to
 * extract, media named in imports) goes through `fetchOutbound`, under one
 * policy, because each takes a URL that someone typed or a feed supplied:
 *
 * - http and https only, on any port;
 * - no address that is not public: loopback, private networks, link-local
 *   (cloud metadata at 169.254.169.254 among them), carrier-grade NAT,
 *   unique-local, multicast, reserved; unless the configuration allows it
 *   (the policy's `allow`, for a partner on the newsroom's own network);
 * - the check is made on the address connected to, inside the connection's
 *   own DNS lookup, so a name that resolves to a public address when
 *   checked and a private one when connecting (DNS rebinding) gains nothing;
 * - redirects are followed by hand, at most 5, each new URL checked again;
 * - a time limit for the whole exchange and a size limit on the body, which
 *   is read no further than the limit.
 *
 * Refusals are `OutboundError`s whose message says what was refused and why,
 * in words an editor can act on.
 */
export interface OutboundPolicy {
  /** Networks allowed although not public, as CIDR (`10.0.0.0/8`, `127.0.0.1/32`, `::1/128`). */
  allow: readonly string[];
  /** Bytes of body read at most. */
  maxBytes: number;
  /** Milliseconds for everything, redirects included. */
  timeoutMs: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_OUTBOUND: OutboundPolicy = {
  allow: [],
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  userAgent: 'Newsdesk (+https://github.com/newsdesk)',
};

/** The policy with the networks the configuration allows (`OUTBOUND_ALLOW`). */
export function outboundPolicy(allow: readonly string[]): OutboundPolicy {
  return { ...DEFAULT_OUTBOUND, allow };
}

export type OutboundProblem = 'url' | 'address' | 'redirects' | 'too-large' | 'timeout' | 'network';

export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    readonly problem: OutboundProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OutboundResponse {
  /** The URL that answered, after any redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * GETs `url` under `policy`. A 304 (for a conditional request) and other
 * non-2xx statuses are answers, not errors: the caller reads `status`.
 *
 * @example await fetchOutbound('https://wire.example/feed.xml', policy, { 'if-none-match': etag })
 */
export async function fetchOutbound(
  url: string,
  policy: OutboundPolicy,
  headers: Record<string, string> = {},
  stop?: AbortSignal,
): Promise<OutboundResponse> {
  const guard = new AddressGuard(policy.allow);
  // undici comes in with the first request out, not with every worker.
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connect: { lookup: guard.lookup }, connections: 1 });
  // The time limit, and the caller's own stop (a poller shutting down).
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
  try {
    const first = checkedUrl(url, guard);
    let current = first;
    for (let hop = 0; ; hop++) {
      // The caller's headers (a conditional GET's validators, a partner's key) go to its own origin only.
      const own = current.origin === first.origin ? headers : {};
      const response = await request(current, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': policy.userAgent, ...own },
        maxRedirections: 0,
      } as Parameters<typeof request>[1]);
      const location = response.headers.location;
      if (
        response.statusCode >= 300 &&
        response.statusCode < 400 &&
        response.statusCode !== 304 &&
        location
      ) {
        discard(response);
        if (hop === policy.maxRedirects)
          throw new OutboundError('redirects', `${url}: more than ${policy.maxRedirects} redirects`);
        current = checkedUrl(new URL(String(location), current).href, guard, current.href);
        continue;
      }
      return {
        url: current.href,
        status: response.statusCode,
        headers: flatHeaders(response.headers),
        body: await readCapped(response, policy.maxBytes, current.href),
      };
    }
  } catch (error) {
    throw explained(error, url, policy, stop?.aborted === true && !timeout.aborted);
  } finally {
    void agent.close();
  }
}

/** The URL, if it is http(s) and names a host the policy allows (literal addresses are checked here). */
function checkedUrl(raw: string, guard: AddressGuard, from?: string): URL {
  const where = from ? ` (redirected from ${from})` : '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('url', `"${raw}"${where} is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundError('url', `${url.href}${where}: only http and https addresses are fetched`);
  if (url.username || url.password)
    throw new OutboundError(
      'url',
      `${url.origin}${where}: addresses with a user name or password are not fetched`,
    );
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) guard.check(host, url.host + where);
  return url;
}

/**
 * Which addresses may be connected to: public unicast ones, and those in the
 * allowed networks. `lookup` is the connection's DNS lookup, checking every
 * address a name resolves to before the connection uses one.
 */
class AddressGuard {
  readonly #allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(allow: readonly string[]) {
    this.#allowed = allow.map((cidr) => ipaddr.parseCIDR(cidr));
  }

  check(address: string, host: string): void {
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
      ip = (ip as ipaddr.IPv6).toIPv4Address();
    // Public: unicast, and for IPv6 within 2000::/3, the global unicast space (not the old
    // IPv4-compatible ::a.b.c.d, nor anything else IANA has not handed out).
    if (ip.range() === 'unicast' && (ip.kind() === 'ipv4' || ip.match(ipaddr.parseCIDR('2000::/3')))) return;
    if (this.#allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return;
    throw new OutboundError(
      'address',
      `${host} is at ${address}, a ${describeRange(ip.range())} address: Newsdesk fetches only from public addresses, unless the configuration allows a network`,
    );
  }

  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      try {
        for (const { address } of addresses) this.check(address, hostname);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, '', 4);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback (this machine)',
  private: 'private-network',
  linkLocal: 'link-local (cloud metadata lives here)',
  uniqueLocal: 'unique-local (private IPv6)',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved',
};

function describeRange(range: string): string {
  return RANGE_WORDS[range] ?? `non-public (${range})`;
}

/** The body, read no further than `max` bytes. */
async function readCapped(
  response: Dispatcher.ResponseData<unknown>,
  max: number,
  url: string,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > max) {
    discard(response);
    throw new OutboundError('too-large', `${url} is ${declared} bytes, more than the ${max} allowed`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      discard(response);
      throw new OutboundError('too-large', `${url} sent more than the ${max} bytes allowed`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Stops reading an answer: the connection closes, and the abort it reports is expected. */
function discard(response: Dispatcher.ResponseData<unknown>): void {
  response.body.on('error', () => {});
  response.body.destroy();
}

function flatHeaders(headers: Dispatcher.ResponseData<unknown>['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Any failure as an OutboundError in words: ours as they are, the network's named. */
function explained(
  error: unknown,
  url: string,
  policy: OutboundPolicy,
  /** Whether the caller stopped the fetch (not the time limit). */
  byCaller = false,
): OutboundError {
  if (error instanceof OutboundError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof OutboundError) return cause;
  const e = error as NodeJS.ErrnoException & { name?: string };
  if (byCaller)
    return new OutboundError('network', `${url}: stopped before an answer came`, { cause: error });
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_ABORTED')
    return new OutboundError('timeout', `${url}: no complete answer within ${policy.timeoutMs / 1000} s`, {
      cause: error,
    });
  const reason =
    e.code === 'ENOTFOUND'
      ? 'no such host'
      : e.code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : e.code === 'ECONNRESET'
          ? 'the connection was cut'
          : (e.message ?? String(error));
  return new OutboundError('network', `${url}: ${reason}`, { cause: error });
}
