import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { STORED_CACHE_CONTROL } from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';

/**
 * The media library's files for readers, from the store that holds them
 * (DATA_DIR/media, or S3 with MEDIA_STORE). A stored file never changes (a
 * new upload is a new random name), so browsers and CDNs may keep it for a
 * year. Only names the library itself gives out are served: `..`, encoded
 * slashes and any other file are a 404.
 */
export function mediaFileRoutes(app: FastifyInstance, services: AppServices): void {
  const store = services.media;

  // Files carry their own validators and are not worth keeping in memory twice.
  app.get<{ Params: { '*': string } }>(
    '/media/*',
    { config: { pageCache: false } },
    async (request, reply) => {
      const name = request.params['*'];
      const file = await store.open(name);
      if (!file) throw new AppError('NOT_FOUND', `no image at /media/${name}`);
      return reply
        .type(file.type)
        .header('content-length', file.bytes)
        .header('cache-control', STORED_CACHE_CONTROL)
        .header('last-modified', file.modified.toUTCString())
        .header('x-content-type-options', 'nosniff')
        .send(file.body);
    },
  );
}
