import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { Config } from '../config.js';

/** Whether the proxy at `address`, `hop` steps back from the connection, is believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * The proxies whose X-Forwarded-For is believed (TRUST_PROXY), as Fastify
 * takes them: a count trusts that many hops back from the connection (what
 * the last proxy added), a list trusts those addresses; false, none.
 */
export function proxyTrust(trustProxy: Config['trustProxy']): ProxyTrust | false {
  if (trustProxy === false) return false;
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  return proxyAddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
}

/**
 * The reader's address, as Fastify's `request.ip` gives it under the same
 * trust: for the answers given before routing (cache/http.ts FrontDoor).
 */
export function clientAddress(request: IncomingMessage, trust: ProxyTrust | false): string | undefined {
  if (!trust) return request.socket.remoteAddress;
  const addresses = proxyAddr.all(request, trust);
  return addresses[addresses.length - 1];
}
