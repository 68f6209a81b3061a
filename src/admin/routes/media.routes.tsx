import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  articlesUsingMedia,
  browseMedia,
  deleteMedia,
  getMedia,
  getSettings,
  mayChangeMedia,
  updateMedia,
  uploadMedia,
  type MediaText,
} from '../../content/index.js';
import { AppError } from '../../lib/app-error.js';
import { renderAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash, takeFlash } from '../flash.js';
import { MediaDetailPage, MediaLibraryPage } from '../pages/media-page.js';
import { uploadFrom, type UploadForm } from './media.api.js';

type TextBody = MediaText & { _csrf?: string };

/** Refusals a person can act on (bad file, no right) are shown on the page; anything else is the error page. */
function shown(error: unknown): AppError {
  if (error instanceof AppError && error.status < 500) return error;
  throw error;
}

/**
 * The media library in the back office. Every form works without script:
 * uploads are plain multipart posts that come back to the library with a
 * notice, or with the reason the file was refused.
 */
export function mediaRoutes(app: FastifyInstance, services: AppServices): void {
  const store = services.media;

  async function libraryPage(
    request: FastifyRequest<{ Querystring: { q?: string; page?: string } }>,
    reply: FastifyReply,
    options: { notice?: string; error?: string; values?: MediaText; status?: number } = {},
  ) {
    actor(request);
    const q = String(request.query.q ?? '').slice(0, 200);
    const page = Math.max(1, Number.parseInt(String(request.query.page ?? '1'), 10) || 1);
    const [list, settings] = await Promise.all([
      browseMedia(services.db, { q, page }),
      getSettings(services.db),
    ]);
    return renderAdminPage(services, request, reply, options, (ctx) => (
      <MediaLibraryPage
        ctx={ctx}
        timeZone={settings.timeZone}
        q={q}
        {...list}
        error={options.error}
        values={options.values}
      />
    ));
  }

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: { notice?: string; error?: string; values?: MediaText; status?: number } = {},
  ) {
    const me = actor(request);
    const media = await getMedia(services.db, id);
    const [usedIn, settings] = await Promise.all([
      articlesUsingMedia(services.db, media),
      getSettings(services.db),
    ]);
    return renderAdminPage(services, request, reply, options, (ctx) => (
      <MediaDetailPage
        ctx={ctx}
        timeZone={settings.timeZone}
        media={media}
        mayChange={mayChangeMedia(me, media)}
        siteUrl={services.config.siteUrl}
        usedIn={usedIn}
        error={options.error}
        values={options.values}
      />
    ));
  }

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/media', async (request, reply) => {
    const flash = takeFlash(request, reply);
    return libraryPage(request, reply, flash);
  });

  app.post<{ Querystring: { q?: string; page?: string } }>(
    '/admin/media',
    { config: { form: ['file', 'alt', 'caption', 'credit'] } },
    async (request, reply) => {
      const me = actor(request);
      const form = (request.body ?? {}) as UploadForm;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const values = { alt: text(form.alt), caption: text(form.caption), credit: text(form.credit) };
      try {
        const media = await uploadMedia(services.content, store, me, uploadFrom(request));
        const notice = media.alt
          ? `Uploaded ${media.originalName}.`
          : `Uploaded ${media.originalName}. Add alt text before you use it in an article.`;
        return redirectWithFlash(reply, `/admin/media/${media.id}`, { notice });
      } catch (error) {
        const refused = shown(error);
        return libraryPage(request, reply, { error: refused.message, values, status: refused.status });
      }
    },
  );

  app.get<{ Params: { id: string } }>('/admin/media/:id', async (request, reply) => {
    const flash = takeFlash(request, reply);
    return detailPage(request, reply, mediaId(request.params.id), flash);
  });

  app.post<{ Params: { id: string }; Body: TextBody }>(
    '/admin/media/:id',
    { config: { form: ['alt', 'caption', 'credit'] } },
    async (request, reply) => {
      const id = mediaId(request.params.id);
      const body = request.body ?? {};
      const values = { alt: body.alt, caption: body.caption, credit: body.credit };
      try {
        await updateMedia(services.content, actor(request), id, values);
        return redirectWithFlash(reply, `/admin/media/${id}`, { notice: 'Saved.' });
      } catch (error) {
        const refused = shown(error);
        if (refused.code === 'NOT_FOUND') throw refused;
        return detailPage(request, reply, id, { error: refused.message, values, status: refused.status });
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { confirm?: string } }>(
    '/admin/media/:id/delete',
    { config: { form: ['confirm'] } },
    async (request, reply) => {
      const id = mediaId(request.params.id);
      if (request.body?.confirm !== 'yes')
        return detailPage(request, reply, id, {
          error: 'confirm: tick the box to confirm the deletion',
          status: 400,
        });
      const media = await getMedia(services.db, id);
      try {
        await deleteMedia(services.content, store, actor(request), id);
      } catch (error) {
        const refused = shown(error);
        return detailPage(request, reply, id, { error: refused.message, status: refused.status });
      }
      return redirectWithFlash(reply, '/admin/media', { notice: `Deleted ${media.originalName}.` });
    },
  );
}

function mediaId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('NOT_FOUND', `no image ${raw}`);
  return id;
}
