import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { STORED_TYPES } from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';

/**
 * The media library's files for readers, from DATA_DIR/media. A stored file
 * never changes (a new upload is a new random name), so browsers and CDNs may
 * keep it for a year. Only names the library itself gives out are served:
 * `..`, encoded slashes and any other file are a 404.
 */
export function mediaFileRoutes(app: FastifyInstance, services: AppServices): void {
  const store = services.media;

  // Files carry their own validators and are not worth keeping in memory twice.
  app.get<{ Params: { '*': string } }>(
    '/media/*',
    { config: { pageCache: false } },
    async (request, reply) => {
      const name = request.params['*'];
      const file = store.pathOf(name);
      const stat = file ? await fs.promises.stat(file).catch(() => undefined) : undefined;
      if (!file || !stat?.isFile()) throw new AppError('NOT_FOUND', `no image at /media/${name}`);
      return reply
        .type(STORED_TYPES[path.extname(file)])
        .header('content-length', stat.size)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('last-modified', stat.mtime.toUTCString())
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(file));
    },
  );
}
