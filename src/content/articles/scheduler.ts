import { nextDueAt, publishedBetween, publishScheduled } from './articles.repository.js';
import type { ServiceContext } from './articles.service.js';

/**
 * Publishes what has come due: a scheduled article whose time has passed
 * becomes published (also one whose time passed while the server was down),
 * and a published article whose future time has now arrived is announced, so
 * search, related lists and feeds pick it up with no request needed.
 *
 * Returns the ids announced. `since` is the previous round's `now`: each
 * round must pass on the very time it used, or an article falling due between
 * two readings of the clock is announced by both rounds.
 */
export async function publishDue(
  ctx: ServiceContext,
  since: string | null,
  now = ctx.now().toISOString(),
): Promise<number[]> {
  const due = await publishScheduled(ctx.db, now);
  const arrived = since === null ? [] : await publishedBetween(ctx.db, since, now);
  const ids = [...new Set([...due, ...arrived])];
  for (const articleId of ids) await ctx.events.emit('article.published', { articleId });
  return ids;
}

/**
 * Runs publishDue at start (publishing what came due while the server was
 * down), then exactly when the next scheduled article is due, and every
 * `everyMs` as a safety net. Returns a function that stops it.
 */
export function startScheduler(
  ctx: ServiceContext,
  everyMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let since: string | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let wake: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;

  const arm = (at: number) => {
    if (stopped || at >= wakeAt) return;
    clearTimeout(wake);
    wakeAt = at;
    const delay = Math.min(Math.max(0, at - ctx.now().getTime()), 2 ** 31 - 1);
    wake = setTimeout(() => {
      wakeAt = Number.POSITIVE_INFINITY;
      tick();
    }, delay);
    wake.unref();
  };
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      const at = ctx.now().toISOString();
      try {
        await publishDue(ctx, since, at);
        since = at;
        const next = await nextDueAt(ctx.db, at);
        if (next) arm(Date.parse(next));
      } catch (error) {
        onError(error);
      }
    });
  };
  ctx.events.on('article.scheduled', ({ at }) => arm(Date.parse(at)));
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(wake);
    await running;
  };
}
