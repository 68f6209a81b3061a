import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

interface Asset {
  body: Buffer;
  type: string;
}

/**
 * The site's stylesheet and script, read once at start and served under a
 * name that carries their content hash, so browsers and CDNs may keep them
 * for a year and a new version is a new URL.
 */
export function registerAssets(app: FastifyInstance): { css: string; js: string } {
  const files: Record<string, Asset> = {};
  const urls = { css: '', js: '' };
  for (const [key, name, type] of [
    ['css', 'site.css', 'text/css; charset=utf-8'],
    ['js', 'site.js', 'text/javascript; charset=utf-8'],
  ] as const) {
    const body = fs.readFileSync(path.join(DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const url = `/assets/${name.replace('.', `.${hash}.`)}`;
    files[url] = { body, type };
    urls[key] = url;
  }
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = files[`/assets/${request.params.file}`];
    if (!asset) return reply.callNotFound();
    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
  return urls;
}
