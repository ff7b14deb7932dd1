/**
 * The worker-thread entry of {@link BatchPool}: prepares the task's context from `workerData`
 * once, then answers each `{ id, start, end }` message with the block's result and each
 * `{ id, flush: true }` with what the task held back. A message that carries a `job` switches
 * to that job first (see `BatchPool.setJob`).
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { BATCH_TASKS, type BatchTask, type BatchTaskName } from "../jobs/batchTasks.js";
import { TreatylabError } from "../model/errors.js";

const { task, job } = workerData as { task: BatchTaskName; job: unknown };
const t = BATCH_TASKS[task] as BatchTask<unknown, unknown, unknown>;
let ctx: unknown;
let failure: unknown;
function prepare(next: unknown): void {
  try {
    ctx = t.prepare(next);
    failure = undefined;
  } catch (err) {
    failure = err;
  }
}
prepare(job);

parentPort!.on("message", (m: { id: number; start: number; end: number; flush?: boolean; job?: unknown }) => {
  if (m.job !== undefined) prepare(m.job);
  try {
    if (failure !== undefined) throw failure;
    const result = m.flush ? t.flush!(ctx) : t.run(ctx, m.start, m.end);
    parentPort!.postMessage({ id: m.id, ok: true, result });
  } catch (err) {
    parentPort!.postMessage({
      id: m.id,
      ok: false,
      message: (err as Error)?.message ?? String(err),
      known: err instanceof TreatylabError,
    });
  }
});
