import type { ServiceContext } from './articles.service.js';

/**
 * Publishes what has come due: a scheduled article whose time has passed
 * becomes published (also one whose time passed while the server was down),
 * and a published article whose future time has now arrived is announced, so
 * search, related lists and feeds pick it up with no request needed.
 *
 * Returns the ids announced. `since` is the previous run's time.
 */
export async function publishDue(ctx: ServiceContext, since: string | null): Promise<number[]> {
  const now = ctx.now().toISOString();
  const due = await ctx.db
    .updateTable('articles')
    .set({ status: 'published' })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .returning('id')
    .execute();
  let arrived: { id: number }[] = [];
  if (since !== null) {
    arrived = await ctx.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('published_at', '>', since)
      .where('published_at', '<=', now)
      .execute();
  }
  const ids = [...new Set([...due, ...arrived].map((r) => r.id))];
  for (const articleId of ids) await ctx.events.emit('article.published', { articleId });
  return ids;
}

/** Runs publishDue now and then every `everyMs`; returns a function that stops it. */
export function startScheduler(
  ctx: ServiceContext,
  everyMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let since: string | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      const at = ctx.now().toISOString();
      try {
        await publishDue(ctx, since);
        since = at;
      } catch (error) {
        onError(error);
      }
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
