import { parentPort, workerData } from 'node:worker_threads';
import { packArticles, prepareArticle, type PreparedArticle } from '../content/bulk/bulk-writer.js';
import { indexableText } from '../search/snippet.js';
import { archiveArticles, bulkInput, syntheticNewsroom } from '../content/synthetic/archive-plan.js';

/**
 * The other core's half of `newsdesk generate`: writes the stories and
 * prepares them (checked and serialised, prepareArticle) a batch at a time,
 * while the main thread writes the previous batch to the database. Section,
 * tag, author and source are indexes into the plan; the main thread maps
 * them to ids. Answers each 'next' with a batch, an empty one at the end.
 */
export interface GeneratedBatch {
  /** Their body JSON and body text as UTF-8 bytes in one transferred buffer; the text indexable already. */
  articles: PreparedArticle[];
  /** [index in the batch, site day, views] for articles of the last month. */
  views: [number, string, number][];
}

export interface WorkerInput {
  articles: number;
  seed: number;
  /** ISO time the archive ends at. */
  now: string;
  batch: number;
}

const input = workerData as WorkerInput;
const { plan, stories, random } = syntheticNewsroom(input.seed);
const articles = archiveArticles(random, stories, plan, input.articles, new Date(input.now));

parentPort?.on('message', () => {
  const batch: GeneratedBatch = { articles: [], views: [] };
  for (let i = 0; i < input.batch; i++) {
    const next = articles.next();
    if (next.done) break;
    const a = next.value;
    for (const [day, n] of a.dailyViews) batch.views.push([batch.articles.length, day, n]);
    const prepared = prepareArticle(bulkInput(a), `articles[${i}]`);
    batch.articles.push({ ...prepared, bodyText: indexableText(prepared.bodyText) });
  }
  const packed = packArticles(batch.articles);
  parentPort!.postMessage({ ...batch, articles: packed.articles }, [packed.buffer]);
});
