import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { MAX_EXPORT_BYTES } from '../../ingest/import/plan.js';
import { invalidInput } from '../../lib/app-error.js';
import { actor } from '../auth.js';

/**
 * `POST /api/admin/import/wordpress|ghost`: `newsdesk import` for scripts.
 * The export file is the request's body, as it is (any content type);
 * options are query parameters. Answers the import's report; with
 * `dryRun=true`, what it would do. Administrators only.
 */
export async function importApi(api: FastifyInstance, services: AppServices): Promise<void> {
  await api.register(async (scope) => {
    // The body is the file's bytes, whatever it says it is: read here, not by the JSON parser.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_EXPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post<{
      Params: { format: 'wordpress' | 'ghost' };
      Querystring: { dryRun?: boolean; media?: 'fetch' | 'link'; section?: string; oldUrl?: string };
    }>(
      '/api/admin/import/:format',
      {
        bodyLimit: MAX_EXPORT_BYTES,
        schema: {
          tags: ['import'],
          summary:
            'Move a site in: the body is a WordPress export (WXR) or a Ghost export (JSON), as exported; answers the report',
          params: {
            type: 'object',
            properties: { format: { type: 'string', enum: ['wordpress', 'ghost'] } },
            required: ['format'],
          },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              dryRun: { type: 'boolean', description: 'say what would be imported; write nothing' },
              media: {
                type: 'string',
                enum: ['fetch', 'link'],
                description: 'pictures: fetch (default) or link',
              },
              section: {
                type: 'string',
                description: 'section slug for posts without a category (default news)',
              },
              oldUrl: { type: 'string', description: "the old site's address (Ghost: for __GHOST_URL__)" },
            },
          },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw invalidInput('body', 'send the export file as the request body');
        const text = body.toString('utf8');
        const { oldUrl } = request.query;
        if (oldUrl !== undefined && !/^https?:\/\/[^/]/.test(oldUrl))
          throw invalidInput('oldUrl', 'must be an http(s) address, like https://old.example');
        // Loaded here, not with the app: the readers' parsers stay out of workers that only serve readers.
        const { importPlan, readExport } = await import('../../ingest/import/index.js');
        const plan = readExport(request.params.format, text, { oldUrl });
        return importPlan(services.content, plan, {
          actor: actor(request),
          dryRun: request.query.dryRun === true,
          media: request.query.media,
          section: request.query.section,
          outbound: services.outbound,
          store: services.media,
        });
      },
    );
  });
}
