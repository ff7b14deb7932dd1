import cliProgress from "cli-progress";

/**
 * A progress bar with an ETA on stderr when stderr is a terminal (cli-progress); silent when
 * stderr is piped or redirected, so scripts and logs stay clean.
 *
 * @example
 * ```ts
 * const progress = progressBar("draws");
 * await run({ onProgress: progress.update });
 * progress.stop();
 * ```
 */
export function progressBar(label: string, enabled = Boolean(process.stderr.isTTY)): { update: (done: number, total: number) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} | {duration_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
