/**
 * The explorer's Web Worker: answers each {@link ComputeRequest} posted to it with four
 * {@link ComputeResult}s, the results first, then the plot, then the forecast panel, then the
 * stability panel (so the numbers show before the plot, and the plot before the panels). The page cancels a stale computation by terminating the worker and starting a
 * new one; the worker keeps only its last analysis (reused when only the proposal or the plot
 * changes).
 * @module
 */
import { compute, computeForecast, type ComputeMemo, computePlot, computeStability } from "./compute.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";

/** The part of a worker's global scope used here (the project compiles without the webworker lib). */
interface WorkerScope {
  onmessage: ((ev: { data: ComputeRequest }) => void) | null;
  postMessage(message: ComputeResult): void;
}

const scope = globalThis as unknown as WorkerScope;
const memo: ComputeMemo = {};
const guarded = (id: number, f: () => ComputeResult): ComputeResult => {
  try {
    return f();
  } catch (err) {
    return { id, ok: false, error: `internal error: ${(err as Error).message}` };
  }
};
scope.onmessage = (ev) => {
  const first = guarded(ev.data.id, () => compute(ev.data, memo));
  scope.postMessage(first);
  if (!first.ok) return;
  const plot = guarded(ev.data.id, () => computePlot(ev.data, memo));
  scope.postMessage(plot);
  if (!plot.ok) return;
  const forecast = guarded(ev.data.id, () => computeForecast(ev.data, memo));
  scope.postMessage(forecast);
  if (forecast.ok) scope.postMessage(guarded(ev.data.id, () => computeStability(ev.data, memo)));
};
