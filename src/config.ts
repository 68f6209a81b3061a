import os from 'node:os';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import type { S3Settings } from './content/media/media.s3.js';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Unset means the embedded SQLite database in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** A read replica of `databaseUrl`'s database, which reader pages query (DATABASE_READ_URL); unset: the primary. */
  readonly databaseReadUrl: string | undefined;
  /** Public base URL, no trailing slash: canonical links, feeds and sitemaps use it. */
  readonly siteUrl: string;
  /** Fill an empty site with demo content at start. */
  readonly demo: boolean;
  /** Fastify logger level; `silent` in tests. */
  readonly logLevel: string;
  /** How often buffered view counts are written, in milliseconds. */
  readonly viewFlushMs: number;
  /** How often the scheduler looks for articles whose time has come, in milliseconds. */
  readonly schedulerMs: number;
  /** How often the related-list worker looks at its queue when nothing wakes it, in milliseconds. */
  readonly relatedIntervalMs: number;
  /**
   * Behind reverse proxies (TRUST_PROXY): how many stand in front (`1`: the
   * reader's address is the one the proxy added to X-Forwarded-For, never
   * what the client wrote there), or the proxies' addresses or networks
   * (`10.0.0.2,10.0.1.0/24`); false when none.
   */
  readonly trustProxy: false | number | string;
  /** The in-process page cache's bound, in bytes (PAGE_CACHE_MB); 0 turns it off. */
  readonly pageCacheBytes: number;
  /**
   * Seconds a cached page is served as it is (PAGE_CACHE_FRESH): content
   * changes drop pages at once; this bounds only what moves with time, such
   * as view counters and most-read lists.
   */
  readonly pageCacheFreshSeconds: number;
  /** Seconds past that a page may be served while it is rendered anew (PAGE_CACHE_STALE). */
  readonly pageCacheStaleSeconds: number;
  /** Processes `newsdesk serve` runs (WORKERS; default: one per core). */
  readonly workers: number;
  /**
   * Searches (SEARCH_PER_MINUTE) and view beacons (BEACONS_PER_MINUTE) one
   * reader's address may send a minute, after a burst of a third of that; 0
   * turns a budget off. Loopback is not counted (plugins/address-budget.ts).
   */
  readonly searchPerMinute: number;
  readonly beaconsPerMinute: number;
  /**
   * Networks outbound fetches (`newsdesk extract URL`, later partner feeds)
   * may reach although they are not public (OUTBOUND_ALLOW, CIDR,
   * comma-separated): a partner on the newsroom's own network.
   */
  readonly outboundAllow: readonly string[];
  /** PURGE_STYLE, PURGE_URL, PURGE_TOKEN, PURGE_ZONE; unset when nothing is in front. */
  readonly purge: PurgeSettings | undefined;
  /** Where the media library's files live, and where readers fetch them. */
  readonly media: MediaSettings;
}

export interface MediaSettings {
  /** MEDIA_STORE=s3://bucket/prefix with the S3_* variables; unset: files in DATA_DIR/media. */
  s3: S3Settings | undefined;
  /**
   * MEDIA_BASE_URL, no trailing slash: the public address of the stored files
   * (a CDN in front of the bucket), so pages link pictures there; unset: at
   * /media on this site, which serves them from the store.
   */
  baseUrl: string | undefined;
}

export const PURGE_STYLES = ['varnish-xkey', 'fastly', 'cloudflare', 'bunny'] as const;
export type PurgeStyle = (typeof PURGE_STYLES)[number];

/** A cache in front to purge on every content change (src/cache/purge.ts). */
export interface PurgeSettings {
  style: PurgeStyle;
  /** Where purges go; the CDN's own API when unset (required for varnish-xkey). */
  url: string | undefined;
  /** The CDN's API token or key. */
  token: string | undefined;
  /** The CDN's service, zone or pull zone id. */
  zone: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Fails fast, naming the bad variable.
 *
 * @example loadConfig(process.env, { demo: true })
 */
export function loadConfig(env: Env, overrides: Partial<Config> = {}): Config {
  const port = parsePort(env.PORT ?? '3000');
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  const databaseUrl = parseDatabaseUrl('DATABASE_URL', env.DATABASE_URL);
  const databaseReadUrl = parseDatabaseUrl('DATABASE_READ_URL', env.DATABASE_READ_URL);
  if (databaseReadUrl && !databaseUrl)
    throw new ConfigError(
      'DATABASE_READ_URL names a read replica of the PostgreSQL database in DATABASE_URL: set DATABASE_URL too (SQLite in DATA_DIR has no replicas)',
    );
  const siteUrl = parseSiteUrl(env.SITE_URL ?? `http://${host}:${port}`);
  const demo = parseFlag('NEWSDESK_DEMO', env.NEWSDESK_DEMO);
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  const viewFlushMs = 1000;
  const schedulerMs = 10_000;
  const relatedIntervalMs = 5_000;
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const pageCacheBytes = parseNumber('PAGE_CACHE_MB', env.PAGE_CACHE_MB, 32, 0, 65_536) * 1024 * 1024;
  const pageCacheFreshSeconds = parseNumber('PAGE_CACHE_FRESH', env.PAGE_CACHE_FRESH, 60, 1, 86_400);
  const pageCacheStaleSeconds = parseNumber('PAGE_CACHE_STALE', env.PAGE_CACHE_STALE, 3600, 0, 604_800);
  const workers = parseNumber('WORKERS', env.WORKERS, os.availableParallelism(), 1, 64);
  const searchPerMinute = parseNumber('SEARCH_PER_MINUTE', env.SEARCH_PER_MINUTE, 60, 0, 1_000_000);
  const beaconsPerMinute = parseNumber('BEACONS_PER_MINUTE', env.BEACONS_PER_MINUTE, 600, 0, 1_000_000);
  const outboundAllow = parseNetworks('OUTBOUND_ALLOW', env.OUTBOUND_ALLOW);
  const purge = parsePurge(env);
  const media = parseMedia(env);
  return Object.freeze({
    port,
    host,
    dataDir,
    databaseUrl,
    databaseReadUrl,
    siteUrl,
    demo,
    logLevel,
    viewFlushMs,
    schedulerMs,
    relatedIntervalMs,
    trustProxy,
    pageCacheBytes,
    pageCacheFreshSeconds,
    pageCacheStaleSeconds,
    workers,
    searchPerMinute,
    beaconsPerMinute,
    outboundAllow,
    purge,
    media,
    ...overrides,
  });
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SITE_URL must be an absolute URL such as https://news.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SITE_URL must start with http:// or https://, got "${raw}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function parsePurge(env: Env): PurgeSettings | undefined {
  const style = env.PURGE_STYLE?.trim();
  if (!style) return undefined;
  if (!(PURGE_STYLES as readonly string[]).includes(style))
    throw new ConfigError(`PURGE_STYLE must be one of ${PURGE_STYLES.join(', ')}, got "${style}"`);
  const url = parseHttpUrl('PURGE_URL', env.PURGE_URL);
  const token = env.PURGE_TOKEN?.trim() || undefined;
  const zone = env.PURGE_ZONE?.trim() || undefined;
  if (style === 'varnish-xkey' && !url)
    throw new ConfigError(
      'PURGE_STYLE=varnish-xkey needs PURGE_URL, where Varnish listens (e.g. http://127.0.0.1:6081)',
    );
  if (style !== 'varnish-xkey' && (!token || !zone))
    throw new ConfigError(
      `PURGE_STYLE=${style} needs PURGE_TOKEN (the API token) and PURGE_ZONE (the service or zone id)`,
    );
  return { style: style as PurgeStyle, url, token, zone };
}

/** An http:// or https:// address, or undefined when unset. */
function parseHttpUrl(name: string, raw: string | undefined): string | undefined {
  const url = raw?.trim() || undefined;
  if (url !== undefined && !/^https?:\/\/[^/]/.test(url))
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${url}"`);
  return url;
}

function parseMedia(env: Env): MediaSettings {
  const store = env.MEDIA_STORE?.trim() ?? '';
  const base = env.MEDIA_BASE_URL?.trim() ?? '';
  // Pages allow pictures from https: addresses only (plugins/security-headers.ts).
  if (base !== '' && !/^https:\/\/[^/]/.test(base))
    throw new ConfigError(
      `MEDIA_BASE_URL must be an https:// URL (pages load pictures from https: addresses only), got "${base}"`,
    );
  const baseUrl = base.replace(/\/+$/, '') || undefined;
  if (store === '' || store === 'disk') return { s3: undefined, baseUrl };
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(store);
  if (!match)
    throw new ConfigError(
      `MEDIA_STORE must be s3://bucket or s3://bucket/prefix (a bucket name of 3 to 63 lower-case letters, digits, dots and hyphens), or unset for files in DATA_DIR/media; got "${store}"`,
    );
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  const endpoint = parseHttpUrl('S3_ENDPOINT', env.S3_ENDPOINT);
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    throw new ConfigError(
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK's own (AWS_ACCESS_KEY_ID, an instance role)",
    );
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim();
  return {
    s3: {
      bucket: match[1],
      prefix: prefix ? `${prefix}/` : '',
      endpoint,
      region: env.S3_REGION?.trim() || 'us-east-1',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: pathStyle ? parseFlag('S3_FORCE_PATH_STYLE', pathStyle) : endpoint !== undefined,
    },
    baseUrl,
  };
}

function parseNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function parseNetworks(name: string, raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      ipaddr.parseCIDR(entry);
    } catch {
      throw new ConfigError(
        `${name} must list networks as address/bits (10.0.0.0/8, fd00::/8), got "${entry}"`,
      );
    }
  }
  return entries;
}

/** A PostgreSQL address in `name`, or undefined when unset. The message never repeats a password. */
function parseDatabaseUrl(name: string, raw: string | undefined): string | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
    const shown = url ? `${url.protocol}//${url.host}${url.pathname}` : 'something that is not an address';
    throw new ConfigError(
      `${name} must be a PostgreSQL address, like postgres://user:password@host:5432/newsdesk, got ${shown} (unset it to use ${name === 'DATABASE_URL' ? 'SQLite in DATA_DIR' : 'the primary'})`,
    );
  }
  return text;
}

function parseTrustProxy(raw: string | undefined): false | number | string {
  const text = raw?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (/^[1-9]$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries)
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry))
      throw new ConfigError(
        `TRUST_PROXY must be the number of proxies in front (1 to 9) or their addresses, comma-separated, got "${entry}"`,
      );
  return entries.join(',');
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** The configuration, for a command that works on the SQLite file only; a clear error on PostgreSQL. */
export function sqliteOnly(settings: Config, command: string, instead: string): Config {
  if (settings.databaseUrl)
    throw new ConfigError(
      `newsdesk ${command} works on the SQLite file in DATA_DIR, and DATABASE_URL names a PostgreSQL database: ${instead}`,
    );
  return settings;
}
