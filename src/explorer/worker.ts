/**
 * The explorer's Web Worker: answers each {@link ComputeRequest} posted to it with three
 * {@link ComputeResult}s, the results first, then the plot, then the forecast and stability
 * panels (so the numbers show before the plot and the panels are ready). The page cancels a stale computation by terminating the worker and starting a
 * new one; the worker keeps only its last analysis (reused when only the proposal or the plot
 * changes).
 * @module
 */
import { compute, type ComputeMemo, computePanels, computePlot } from "./compute.js";
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
  if (plot.ok) scope.postMessage(guarded(ev.data.id, () => computePanels(ev.data, memo)));
};
