import cliProgress from "cli-progress";
import type { CliContext } from "./context.js";

/**
 * Milliseconds between two heartbeat lines unless the context says otherwise.
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { HEARTBEAT_MS, progress } from "./progress.js";
 * const lines: string[] = [];
 * const ctx: CliContext = { stdout: () => {}, stderr: (s) => lines.push(s), isTTY: false, columns: 80, verbose: true };
 * const p = progress({ ...ctx, heartbeatMs: HEARTBEAT_MS }, "sweep", "rows");
 * p.update(3, 10);
 * p.stop();
 * lines; // []: a run shorter than 2 s prints no heartbeat
 * ```
 */
export const HEARTBEAT_MS = 2_000;

/**
 * The progress of one long-running command: `update(done, total)` as work completes, `stop()`
 * once (also after an error).
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { type Progress, progress } from "./progress.js";
 * const lines: string[] = [];
 * const ctx: CliContext = { stdout: () => {}, stderr: (s) => lines.push(s), isTTY: false, columns: 80, verbose: true };
 * const p: Progress = progress({ ...ctx, heartbeatMs: 0 }, "sweep", "rows");
 * p.update(3, 10);
 * p.stop();
 * lines; // a heartbeat, then the last line (the seconds since the start)
 * // ["treatylab: sweep 3/10 rows, 0.0 s\n", "treatylab: sweep 3/10 rows, 0.0 s\n"]
 * ```
 */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/**
 * The one progress display of the CLI, on standard error and never on standard output:
 * - stderr is a terminal: a bar with an ETA (cli-progress);
 * - stderr is not a terminal and `--verbose` was given: a heartbeat line such as
 *   `treatylab: sweep 12/40 rows, 8.1 s` every `ctx.heartbeatMs` (2 s by default; the first one
 *   after that long, so a quick run prints none), also while no progress is reported (a timer,
 *   which runs between the main thread's own work), and a last line when the work ends if any
 *   was printed before;
 * - otherwise nothing, so scripts and logs stay clean.
 * The lines are the same for the same run apart from the times (and how many are printed).
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { progress } from "./progress.js";
 * const lines: string[] = [];
 * const ctx: CliContext = { stdout: () => {}, stderr: (s) => lines.push(s), isTTY: false, columns: 80, verbose: true };
 * const p = progress({ ...ctx, heartbeatMs: 0 }, "sweep", "rows");
 * const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.8, steps: 3 }] };
 * try {
 *   await runSweepParallel({ scenario: nash1950, spec }, { threads: 1, onProgress: p.update });
 * } finally {
 *   p.stop();
 * }
 * lines.map((l) => l.split(",")[0]); // ["treatylab: sweep 0/3 rows", "... 1/3 rows", "... 2/3 rows", "... 3/3 rows"]
 * ```
 */
export function progress(ctx: CliContext, command: string, unit: string): Progress {
  if (ctx.stderrIsTTY) return bar(`${command}: ${unit}`);
  if (!ctx.verbose) return { update: () => {}, stop: () => {} };
  const every = ctx.heartbeatMs ?? HEARTBEAT_MS;
  const t0 = performance.now();
  let last = t0;
  let printed = false;
  let latest: readonly [number, number] | undefined;
  let finished = false;
  const line = (done: number, total: number, now: number): void => {
    ctx.stderr(`treatylab: ${command} ${done}/${total} ${unit}, ${((now - t0) / 1000).toFixed(1)} s\n`);
    printed = true;
    last = now;
  };
  // A heartbeat also while no progress is reported (a block of draws can take longer than the
  // interval; found in review: 15 s without a line). Unref'd: it never keeps the process alive.
  const timer =
    every > 0
      ? setInterval(() => {
          const now = performance.now();
          if (latest && !finished && now - last >= every) line(latest[0], latest[1], now);
        }, every)
      : undefined;
  timer?.unref?.();
  return {
    update: (done, total) => {
      latest = [done, total];
      const now = performance.now();
      if (done >= total && total > 0) {
        if (printed && !finished) line(done, total, now);
        finished = true;
      } else {
        finished = false; // more work came after a total was reached
        if (now - last >= every) line(done, total, now);
      }
    },
    stop: () => {
      if (timer) clearInterval(timer);
      if (printed && !finished && latest) line(latest[0], latest[1], performance.now());
      finished = true;
    },
  };
}

/** A cli-progress bar with an ETA on stderr. */
function bar(label: string): Progress {
  const b = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let shownTotal = 0;
  return {
    update: (done, total) => {
      if (!started) {
        b.start(total, done);
        started = true;
      } else {
        // the frontier algorithm's total grows merge by merge
        if (total !== shownTotal) b.setTotal(total);
        b.update(done);
      }
      shownTotal = total;
    },
    stop: () => {
      if (started) b.stop();
    },
  };
}

/**
 * Runs `work` with a {@link progress} display that it updates through the callback it is given,
 * and stops the display however `work` ends.
 *
 * @example
 * ```ts
 * import type { CliContext } from "./context.js";
 * import { withProgress } from "./progress.js";
 * const ctx: CliContext = { stdout: () => {}, stderr: (s) => process.stderr.write(s), isTTY: false, columns: 80 };
 * const result = await withProgress(ctx, "backtest", "cases", (onProgress) => backtest({ onProgress, draws: 0 }));
 * result.summary.cases; // 8 (no line on stderr: not a terminal, not --verbose)
 * ```
 */
export async function withProgress<T>(
  ctx: CliContext,
  command: string,
  unit: string,
  work: (onProgress: (done: number, total: number) => void) => T | Promise<T>,
): Promise<T> {
  const shown = progress(ctx, command, unit);
  try {
    return await work(shown.update);
  } finally {
    shown.stop();
  }
}
