import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { phasedProgress } from './progress.js';
import type { Config } from '../config.js';
import { getSettings, insertTerms, isVisible } from '../content/index.js';
import { BulkWriter } from '../content/bulk/bulk-writer.js';
import type { GeneratedBatch, WorkerInput } from './generate-worker.js';
import { Worker } from 'node:worker_threads';
import { isEmptySite } from '../content/demo/seed-demo.js';
import { syntheticNewsroom, type NewsroomPlan } from '../content/synthetic/archive-plan.js';
import { checkpoint, type Db } from '../db/database.js';
import { createServices } from '../services.js';
import { sqliteOnly } from '../config.js';
import { AppError } from '../lib/app-error.js';
import { localDay } from '../lib/dateline.js';
import { slugify } from '../lib/slugify.js';
import { queueRelated, rebuildAllRelated } from '../related/index.js';
import { searchDocument, type SearchIndex } from '../search/index.js';
import { importDailyViews, WEEK_DAYS } from '../views/index.js';

/**
 * `newsdesk generate --articles N [--seed S]`: a synthetic archive of N
 * articles in an empty site, through the bulk path: for the benchmark
 * (`npm run bench -- --articles N`), the scale tests, and anyone who wants
 * to see Newsdesk with a real newsroom's archive.
 *
 * Phases, each owning its clean-up:
 * 1. the newsroom: sections, authors, sources, about 2,000 tags;
 * 2. articles, BATCH a transaction: the articles whole (tags, byline,
 *    revision), their search index entries, their recent views, and their
 *    place in the related queue, so an interrupted run leaves a consistent
 *    site whose queue says what is left;
 * 3. related lists for the whole archive at once (which empties the queue);
 * 4. a WAL checkpoint.
 *
 * SIGINT or SIGTERM (the `signal`) stops after the batch under way.
 */
export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** The archive ends now; tests pass a fixed time. */
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateProgress {
  phase: 'articles' | 'related';
  done: number;
  total: number;
}

export interface GenerateReport {
  articles: number;
  /** Stopped by the signal before the end. */
  interrupted: boolean;
  seconds: { articles: number; related: number; total: number };
  /** Articles a second over the whole run. */
  perSecond: number;
}

const BATCH = 1000;

export async function generateArchive(
  db: Db,
  search: SearchIndex,
  options: GenerateOptions,
): Promise<GenerateReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const progress = options.onProgress ?? (() => {});
  if (!(await isEmptySite(db))) {
    throw new AppError(
      'INVALID_INPUT',
      'generate: the site already has content; generate writes a new archive into an empty site (point DATA_DIR at a new folder)',
    );
  }
  const { timeZone } = await getSettings(db);
  const weekFrom = localDay(new Date(now.getTime() - (WEEK_DAYS - 1) * 86_400_000), timeZone);
  const { plan } = syntheticNewsroom(options.seed ?? 1);

  // 1. The newsroom.
  const ids = await db.transaction().execute((trx) => writeNewsroom(trx, plan));
  const writer = await BulkWriter.open(db);

  // 2. Articles: the worker writes and prepares the next batch while this thread stores the last.
  const worker = new StoryWorker({
    articles: options.articles,
    seed: options.seed ?? 1,
    now: at,
    batch: BATCH,
  });
  let written = 0;
  let interrupted = false;
  let next: Promise<GeneratedBatch> | undefined;
  try {
    next = worker.next();
    while (written < options.articles) {
      const generated = await next;
      if (generated.articles.length === 0) break;
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      next = worker.next();
      const batch = generated.articles.map((a) => ({
        ...a,
        sectionId: ids.sections[a.sectionId],
        sourceId: a.sourceId === null ? null : ids.sources[a.sourceId],
        tagIds: [...new Set(a.tagIds.map((t) => ids.tags[t]))],
        authorIds: a.authorIds.map((n) => ids.authors[n]),
      }));
      const shown = batch.map((a) => isVisible(a.status, a.publishedAt, at));
      await db.transaction().execute(async (trx) => {
        const articleIds = await writer.write(trx, batch);
        const visible = articleIds.filter((_, i) => shown[i]);
        await search.addDocuments(
          trx,
          articleIds.flatMap((id, i) =>
            shown[i]
              ? [
                  searchDocument({
                    id,
                    title: batch[i].title,
                    lead: batch[i].lead,
                    bodyText: batch[i].bodyText,
                    tags: batch[i].tagIds.map((t) => writer.tagName(t)),
                  }),
                ]
              : [],
          ),
        );
        await importDailyViews(
          trx,
          generated.views.map(([index, day, views]) => ({ articleId: articleIds[index], day, views })),
          weekFrom,
        );
        await queueRelated(trx, visible, at);
      });
      written += batch.length;
      progress({ phase: 'articles', done: written, total: options.articles });
      // Back to the event loop between batches: a worker that is always a batch ahead would
      // otherwise keep this thread in one long run of messages, and a signal would wait for the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    // A batch asked for and no longer wanted fails when the worker stops; that is expected.
    next?.catch(() => {});
    await worker.stop();
  }
  const articlesDone = performance.now();

  // 3. Related lists, unless stopped: the queue then keeps what is left for the server's worker.
  if (!interrupted && !options.signal?.aborted) {
    await rebuildAllRelated(db, at, (p) => {
      if (p.phase === 'write') progress({ phase: 'related', done: p.done, total: p.total });
    });
  } else interrupted = true;
  const relatedDone = performance.now();

  // 4. The WAL folded into the database.
  await checkpoint(db);

  const total = (performance.now() - started) / 1000;
  return {
    articles: written,
    interrupted,
    seconds: {
      articles: round((articlesDone - started) / 1000),
      related: round((relatedDone - articlesDone) / 1000),
      total: round(total),
    },
    perSecond: Math.round(written / total),
  };
}

/** Sections, authors, sources and tags; returns their ids in the plan's order. */
async function writeNewsroom(trx: Db, plan: NewsroomPlan) {
  // Tags whose names make the same slug are one tag (the synthetic vocabulary has no "C" beside "C++", which ensureTags would refuse).
  const slugs = new Map<string, number>();
  const tagRows: { slug: string; name: string }[] = [];
  const tagIndex = plan.tags.map((name) => {
    const slug = slugify(name);
    if (!slugs.has(slug)) {
      slugs.set(slug, tagRows.length);
      tagRows.push({ slug, name });
    }
    return slugs.get(slug)!;
  });
  const tagIds = await insertTerms(trx, 'tags', tagRows);
  return {
    sections: await insertTerms(
      trx,
      'sections',
      plan.sections.map((s, position) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        position,
      })),
    ),
    authors: await insertTerms(trx, 'authors', plan.authors),
    sources: await insertTerms(trx, 'sources', plan.sources),
    tags: tagIndex.map((i) => tagIds[i]),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The worker thread that writes the stories (generate-worker.ts), one batch per request. */
class StoryWorker {
  readonly #worker: Worker;

  constructor(input: WorkerInput) {
    // A worker thread starts without tsx; generate-worker.boot.js registers it, then loads the worker.
    this.#worker = new Worker(new URL('./generate-worker.boot.js', import.meta.url), { workerData: input });
  }

  /** The next batch; fails if the worker fails or stops first. Listeners go when it settles. */
  next(): Promise<GeneratedBatch> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        this.#worker.off('message', onMessage);
        this.#worker.off('error', onError);
        this.#worker.off('exit', onExit);
      };
      const onMessage = (batch: GeneratedBatch) => {
        settle();
        resolve(batch);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = (code: number) => {
        settle();
        reject(new Error(`the story worker stopped (exit code ${code})`));
      };
      this.#worker.on('message', onMessage);
      this.#worker.on('error', onError);
      this.#worker.on('exit', onExit);
      this.#worker.postMessage('next');
    });
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}

/** The command: options, a progress bar on a terminal, a summary on stdout. */
export function generateCommand(program: Command, config: () => Config): void {
  program
    .command('generate')
    .description('fill an empty site with a synthetic archive (for benchmarks and trying Newsdesk at scale)')
    .requiredOption('--articles <n>', 'how many articles, e.g. 100000', positiveInteger)
    .option(
      '--seed <n>',
      'seed of the random generator: the same seed gives the same archive',
      positiveInteger,
      1,
    )
    .action(async (opts: { articles: number; seed: number }) => {
      const services = await createServices({
        ...sqliteOnly(config(), 'generate', 'generate an archive on SQLite, then move it over'),
        demo: false,
      });
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const bar = phasedProgress(process.stderr.isTTY);
      try {
        const report = await generateArchive(services.db, services.search, {
          articles: opts.articles,
          seed: opts.seed,
          signal: abort.signal,
          onProgress: bar.onProgress,
        });
        bar.stop();
        console.log(
          report.interrupted
            ? `stopped: ${report.articles} articles written whole; their related lists are queued and the server computes them`
            : `generated ${report.articles} articles in ${report.seconds.total} s (${report.perSecond} a second; articles ${report.seconds.articles} s, related lists ${report.seconds.related} s)`,
        );
        if (report.interrupted) process.exitCode = 130;
      } finally {
        bar.stop();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await services.stop();
      }
    });
}

function positiveInteger(raw: string): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}
