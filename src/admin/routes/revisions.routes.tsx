import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import {
  bodyText,
  findBySlug,
  getArticle,
  getRevision,
  getSettings,
  listRevisions,
  restoreRevision,
  snapshotOf,
  type Article,
  type BodyDoc,
  type RevisionSnapshot,
} from '../../content/index.js';
import type { Db } from '../../db/database.js';
import { AppError, invalidInput } from '../../lib/app-error.js';
import { formatDate } from '../../lib/dateline.js';
import { adminContext, sendAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash, takeFlash } from '../flash.js';
import { ADMIN_TIME, STATUS_LABELS } from '../pages/articles-list-page.js';
import { diffVersions, type ReadableVersion } from '../pages/revision-diff.js';
import {
  ComparePage,
  RevisionsPage,
  type RevisionsArticle,
  type VersionLabel,
} from '../pages/revisions-page.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;
const versionParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 }, version: { type: 'integer', minimum: 1 } },
  required: ['id', 'version'],
} as const;

/** One version to compare: an old revision, or the article as it stands. */
interface Side {
  version: number;
  snapshot: RevisionSnapshot;
  label: VersionLabel;
}

/** An article's history: every saved version, a readable comparison of two, and restore. */
export function revisionRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  async function historyPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    error?: string,
    status = 200,
  ) {
    const flash = takeFlash(request, reply);
    const article = await getArticle(db, id);
    const [revisions, settings, ctx] = await Promise.all([
      listRevisions(db, id),
      getSettings(db),
      adminContext(services, request, flash.notice),
    ]);
    return sendAdminPage(
      reply,
      <RevisionsPage
        ctx={ctx}
        timeZone={settings.timeZone}
        article={head(article)}
        revisions={revisions}
        error={error ?? flash.error}
      />,
      status,
    );
  }

  app.get<{ Params: { id: number } }>(
    '/admin/articles/:id/revisions',
    { schema: { params: idParams } },
    async (request, reply) => {
      actor(request);
      return historyPage(request, reply, request.params.id);
    },
  );

  app.get<{ Params: { id: number; version: number }; Querystring: { against?: string } }>(
    '/admin/articles/:id/revisions/:version',
    { schema: { params: versionParams } },
    async (request, reply) => {
      actor(request);
      const { id, version } = request.params;
      const article = await getArticle(db, id);
      const settings = await getSettings(db);
      const tz = settings.timeZone;
      const revisionSide = async (v: number): Promise<Side> => {
        const revision = await getRevision(db, id, v);
        if (!revision) throw new AppError('NOT_FOUND', `article ${id} has no version ${v}`);
        const current = v === article.version ? ' (current)' : '';
        return {
          version: v,
          snapshot: revision.snapshot,
          label: { name: `version ${v}${current}`, at: revision.createdAt, by: revision.userName },
        };
      };
      const against = request.query.against;
      if (against !== undefined && !/^[1-9]\d*$/.test(against))
        throw invalidInput('against', 'must be a version number');
      const one = await revisionSide(version);
      const other: Side = against
        ? await revisionSide(Number(against))
        : {
            version: article.version,
            snapshot: snapshotOf(article),
            label: {
              name: `the current version (${article.version})`,
              at: article.updatedAt,
              by: (await getRevision(db, id, article.version))?.userName ?? '',
            },
          };
      // Read older to newer, whichever way round the link put them.
      const [from, to] = one.version <= other.version ? [one, other] : [other, one];
      const names = new NameCache(db);
      const diff = diffVersions(
        await readable(from.snapshot, names, tz),
        await readable(to.snapshot, names, tz),
      );
      const ctx = await adminContext(services, request);
      return sendAdminPage(
        reply,
        <ComparePage
          ctx={ctx}
          timeZone={tz}
          article={head(article)}
          from={from.label}
          to={to.label}
          diff={diff}
          restorable={from.version !== article.version ? from.version : undefined}
        />,
      );
    },
  );

  app.post<{ Params: { id: number; version: number }; Body: { version?: string } }>(
    '/admin/articles/:id/revisions/:version/restore',
    { schema: { params: versionParams }, config: { form: ['version'] } },
    async (request, reply) => {
      const me = actor(request);
      const { id, version } = request.params;
      const expected = Number(request.body?.version);
      if (!Number.isSafeInteger(expected) || expected < 1)
        return historyPage(
          request,
          reply,
          id,
          'version: missing from the form; reload the page and try again',
          400,
        );
      try {
        const article = await restoreRevision(services.content, me, id, version, expected);
        return redirectWithFlash(reply, `/admin/articles/${id}/edit`, {
          notice: `Restored version ${version}: saved as version ${article.version}.`,
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.code === 'ARTICLE_NOT_FOUND')
          throw error;
        return historyPage(request, reply, id, error.message, error.status);
      }
    },
  );
}

function head(article: Article): RevisionsArticle {
  return { id: article.id, title: article.title, version: article.version, status: article.status };
}

/** Names for the slugs a snapshot keeps; a slug since removed shows as itself. */
class NameCache {
  readonly #names = new Map<string, Promise<string>>();
  constructor(readonly db: Db) {}
  name(table: 'sections' | 'authors' | 'sources', slug: string): Promise<string> {
    const key = `${table}:${slug}`;
    let name = this.#names.get(key);
    if (!name) {
      name = findBySlug(this.db, table, slug).then((row) => row?.name ?? slug);
      this.#names.set(key, name);
    }
    return name;
  }
}

async function readable(s: RevisionSnapshot, names: NameCache, timeZone: string): Promise<ReadableVersion> {
  const body = s.body as BodyDoc | undefined;
  return {
    title: s.title,
    lead: s.lead ?? '',
    section: await names.name('sections', s.section),
    tags: s.tags ?? [],
    authors: await Promise.all((s.authors ?? []).map((slug) => names.name('authors', slug))),
    source: s.source ? await names.name('sources', s.source) : '',
    status: STATUS_LABELS[s.status] ?? s.status,
    publishedAt: s.publishedAt ? formatDate(s.publishedAt, timeZone, ADMIN_TIME) : '',
    slug: s.slug,
    featured: s.featured ? 'Yes' : 'No',
    seoTitle: s.seoTitle ?? '',
    seoDescription: s.seoDescription ?? '',
    body: body && Array.isArray(body.content) ? bodyText(body) : '',
  };
}
