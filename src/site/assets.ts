import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Static files served under a name that carries their content hash, so
 * browsers and CDNs may keep them for a year and a new version is a new URL.
 * One server per URL prefix (`/assets`, `/admin/assets`).
 */
export class AssetServer {
  readonly #files = new Map<string, { body: Buffer; br?: Buffer; gzip?: Buffer; type: string }>();

  constructor(
    app: FastifyInstance,
    readonly prefix: string,
  ) {
    // Compressed once per encoding, at the highest levels, on first request: never per request, and not at start.
    app.get<{ Params: { file: string } }>(`${prefix}/:file`, { compress: false }, async (request, reply) => {
      const asset = this.#files.get(request.params.file);
      if (!asset) return reply.callNotFound();
      const accepts = String(request.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
      reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding')
        .header('x-content-type-options', 'nosniff');
      if (encoding) reply.header('content-encoding', encoding);
      if (encoding === 'br') {
        asset.br ??= zlib.brotliCompressSync(asset.body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
        });
        return reply.send(asset.br);
      }
      if (encoding === 'gzip') {
        asset.gzip ??= zlib.gzipSync(asset.body, { level: 9 });
        return reply.send(asset.gzip);
      }
      return reply.send(asset.body);
    });
  }

  /** Serves `body` as `name` (e.g. `site.css`); returns its hashed URL, e.g. `/assets/site.3f2a9c01de.css`. */
  add(name: string, body: Buffer | string): string {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
    const ext = path.extname(name);
    const hashed = `${path.basename(name, ext)}.${hash}${ext}`;
    this.#files.set(hashed, { body: data, type: TYPES[ext] ?? 'application/octet-stream' });
    return `${this.prefix}/${hashed}`;
  }

  addFile(file: string): string {
    return this.add(path.basename(file), fs.readFileSync(file));
  }
}

const SITE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** The reader site's stylesheet and script. */
export function registerAssets(app: FastifyInstance): { css: string; js: string } {
  const server = new AssetServer(app, '/assets');
  return {
    css: server.addFile(path.join(SITE_DIR, 'site.css')),
    js: server.addFile(path.join(SITE_DIR, 'site.js')),
  };
}
