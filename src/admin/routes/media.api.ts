import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  browseMedia,
  deleteMedia,
  getMedia,
  mediaSrcset,
  updateMedia,
  uploadMedia,
  uploadTooLarge,
  type Media,
  type MediaText,
  type MediaUpload,
} from '../../content/index.js';
import { invalidInput } from '../../lib/app-error.js';
import { actor } from '../auth.js';

/** A file as `bufferUpload` leaves it in a multipart request's body. */
export type UploadedFile = { filename: string; data: Buffer } | { filename: string; tooLarge: true };

/** An upload form's body: the multipart plugin's `keyValues` (text fields as strings, the file as above). */
export interface UploadForm {
  _csrf?: unknown;
  alt?: unknown;
  caption?: unknown;
  credit?: unknown;
  file?: UploadedFile;
}

/**
 * The multipart plugin's `onFile`: reads an uploaded file into memory for the
 * route. The plugin reads the whole form before validation (and before the
 * CSRF check, which needs a browser form's `_csrf` field); signed-out requests
 * were refused earlier, before their body was read. A file over the limit is
 * cut off by the parser and kept only as "too large", so the route can say so
 * on its own page instead of failing the whole request. The empty, nameless
 * file a browser sends when no file was chosen is no file: the field is left
 * out of the body.
 */
export async function bufferUpload(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) if (!part.file.truncated) chunks.push(chunk as Buffer);
  if (!part.filename && chunks.length === 0) return;
  const filename = path.basename(part.filename || 'the file');
  part.value = part.file.truncated
    ? ({ filename, tooLarge: true } satisfies UploadedFile)
    : ({ filename, data: Buffer.concat(chunks) } satisfies UploadedFile);
}

/** The file and texts of an upload form, or the reason it cannot be stored. */
export function uploadFrom(request: FastifyRequest): MediaUpload {
  if (!request.isMultipart())
    throw invalidInput('file', 'send the image as multipart/form-data, in a field named "file"');
  const form = (request.body ?? {}) as UploadForm;
  const file = form.file;
  if (!file || typeof file !== 'object' || !('filename' in file))
    throw invalidInput('file', 'choose an image to upload');
  if ('tooLarge' in file) throw uploadTooLarge(file.filename);
  return {
    filename: file.filename,
    data: file.data,
    ...(form.alt !== undefined ? { alt: form.alt as string } : {}),
    ...(form.caption !== undefined ? { caption: form.caption as string } : {}),
    ...(form.credit !== undefined ? { credit: form.credit as string } : {}),
  };
}

/** An image as the admin API returns it. */
export function mediaJson(media: Media) {
  return {
    id: media.id,
    url: media.url,
    originalName: media.originalName,
    mime: media.mime,
    width: media.width,
    height: media.height,
    bytes: media.bytes,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    srcset: mediaSrcset(media),
    variants: media.variants.map((v) => ({
      width: v.width,
      height: v.height,
      url: v.url,
      mime: v.mime,
      bytes: v.bytes,
    })),
    uploader: media.userId === null ? null : { id: media.userId, name: media.uploader },
    createdAt: media.createdAt,
  };
}

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

const textSchema = {
  type: 'object',
  properties: {
    alt: {
      type: 'string',
      description: 'what the image shows, for people who cannot see it (up to 500 characters)',
    },
    caption: { type: 'string', description: 'shown under the image (up to 1000 characters)' },
    credit: { type: 'string', description: 'photographer or agency (up to 200 characters)' },
  },
} as const;

/** The media library in the admin API: the same services and rules as the back-office page. */
export function mediaApi(app: FastifyInstance, services: AppServices): void {
  const store = services.media;

  app.get<{ Querystring: { q?: string; page?: number } }>(
    '/api/admin/media',
    {
      schema: {
        tags: ['media'],
        summary: 'List the media library, newest first; `q` matches file name, alt text, caption and credit',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            page: { type: 'integer', minimum: 1, default: 1 },
          },
        },
      },
    },
    async (request) => {
      actor(request);
      const result = await browseMedia(services.db, request.query);
      return { ...result, media: result.media.map(mediaJson) };
    },
  );

  app.post(
    '/api/admin/media',
    {
      schema: {
        tags: ['media'],
        summary: 'Upload an image (multipart/form-data: `file`, optional `alt`, `caption`, `credit`)',
        description:
          'JPEG, PNG, WebP or AVIF, checked by content; up to 15 MB and 50 megapixels. The image is turned upright by its EXIF orientation, stripped of metadata (GPS included) and stored with WebP sizes 320, 640, 1024 and 1600 pixels wide (never wider than the image) and a JPEG or PNG fallback at 1024. Refused with 415 UNSUPPORTED_MEDIA (naming the detected type), 413 PAYLOAD_TOO_LARGE or 400 INVALID_INPUT.',
        consumes: ['multipart/form-data'],
        body: {
          type: 'object',
          properties: {
            file: { description: 'the image file: JPEG, PNG, WebP or AVIF' },
            ...textSchema.properties,
          },
        },
      },
    },
    async (request, reply) => {
      const media = await uploadMedia(services.content, store, actor(request), uploadFrom(request));
      return reply.code(201).header('location', `/api/admin/media/${media.id}`).send(mediaJson(media));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/admin/media/:id',
    { schema: { tags: ['media'], summary: 'Get one image with its stored sizes', params: idParams } },
    async (request) => {
      actor(request);
      return mediaJson(await getMedia(services.db, request.params.id));
    },
  );

  app.patch<{ Params: { id: number }; Body: MediaText }>(
    '/api/admin/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'Change alt text, caption or credit (the uploader on their own images, editors on all)',
        params: idParams,
        body: textSchema,
      },
    },
    async (request) =>
      mediaJson(await updateMedia(services.content, actor(request), request.params.id, request.body ?? {})),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/admin/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'Delete an image and its files (the uploader their own, editors any)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteMedia(services.content, store, actor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
