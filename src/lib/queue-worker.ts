/**
 * Drains a durable queue off the request path: started in one process (with
 * several workers, the lead), woken when work is queued and every
 * `intervalMs` besides, and stopped between two items. What is left when it
 * stops stays in the queue for the next start. `drain` takes items until the
 * queue is empty or `stopped()` says so, yielding to the event loop between
 * them; an error it throws is reported and the next wake tries again.
 */
export abstract class QueueWorker {
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  #started = false;
  #again = false;

  constructor(options: { intervalMs: number; onError: (error: unknown) => void }) {
    this.#intervalMs = options.intervalMs;
    this.#onError = options.onError;
  }

  /** Takes queued items until the queue is empty or the worker stops. */
  protected abstract drain(): Promise<void>;

  /** Whether the worker was asked to stop: drain looks between items. */
  protected get stopped(): boolean {
    return this.#stopped;
  }

  start(): void {
    this.#stopped = false;
    this.#started = true;
    this.#timer ??= setInterval(() => this.wake(), this.#intervalMs);
    this.#timer.unref();
    this.wake();
  }

  /** Starts a drain, or asks the one under way to look again when it is done. */
  wake(): void {
    // Only the process that started it drains the queue (with several workers, one of them).
    if (this.#stopped || !this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.drain()
      .catch(this.#onError)
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** Resolves when the queue is empty (for tests and the CLI). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops after the item under way; what is left stays queued for the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
