import cliProgress from 'cli-progress';

/**
 * A progress bar a phase at a time ("articles", then "related"), on a
 * terminal only: elsewhere (CI, a pipe, `--json`) nothing is drawn. Feed it
 * the command's `onProgress` reports; `stop()` when done or failed.
 */
export function phasedProgress(show: boolean): {
  onProgress(progress: { phase: string; done: number; total: number }): void;
  stop(): void;
} {
  const bar = show
    ? new cliProgress.SingleBar(
        {
          format: '{phase} [{bar}] {value}/{total} ({percentage}%) eta {eta_formatted}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let phase = '';
  return {
    onProgress(p) {
      if (!bar) return;
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: p.phase.padEnd(8) });
      } else bar.update(p.done);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * The same on a terminal; elsewhere (CI, a pipe, a log), plain lines: one as
 * each phase starts, and one a tenth of the way, to stderr.
 */
export function progressLines(): ReturnType<typeof phasedProgress> {
  if (process.stderr.isTTY) return phasedProgress(true);
  let phase = '';
  let shown = -1;
  return {
    onProgress(p) {
      const tenth = p.total ? Math.floor((p.done / p.total) * 10) : 10;
      if (p.phase === phase && tenth === shown) return;
      phase = p.phase;
      shown = tenth;
      process.stderr.write(
        `${p.phase}: ${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')}\n`,
      );
    },
    stop() {},
  };
}
