/**
 * The explorer's Web Worker: answers each {@link ComputeRequest} posted to it with a
 * {@link ComputeResult}. The page cancels a stale computation by terminating the worker and
 * starting a new one, so this file keeps only the last analysis (reused when only the proposal changes).
 * @module
 */
import { compute, type ComputeMemo } from "./compute.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";

/** The part of a worker's global scope used here (the project compiles without the webworker lib). */
interface WorkerScope {
  onmessage: ((ev: { data: ComputeRequest }) => void) | null;
  postMessage(message: ComputeResult): void;
}

const scope = globalThis as unknown as WorkerScope;
const memo: ComputeMemo = {};
scope.onmessage = (ev) => {
  let result: ComputeResult;
  try {
    result = compute(ev.data, memo);
  } catch (err) {
    result = { id: ev.data.id, ok: false, error: `internal error: ${(err as Error).message}` };
  }
  scope.postMessage(result);
};
