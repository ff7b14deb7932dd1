/**
 * The worker-thread entry of {@link BatchPool}: prepares the task's context from `workerData`
 * once, then answers each `{ id, start, end }` message with the block's result.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { BATCH_TASKS, type BatchTaskName } from "../batch/batchTasks.js";
import { TreatylabError } from "../model/errors.js";

const { task, job } = workerData as { task: BatchTaskName; job: unknown };
const t = BATCH_TASKS[task] as { prepare: (job: unknown) => unknown; run: (ctx: unknown, a: number, b: number) => unknown };
let ctx: unknown;
let failure: unknown;
try {
  ctx = t.prepare(job);
} catch (err) {
  failure = err;
}

parentPort!.on("message", (m: { id: number; start: number; end: number }) => {
  try {
    if (failure !== undefined) throw failure;
    parentPort!.postMessage({ id: m.id, ok: true, result: t.run(ctx, m.start, m.end) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, ok: false, message: (err as Error)?.message ?? String(err), known: err instanceof TreatylabError });
  }
});
