import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { BATCH_TASKS, type BatchTask, type BatchTaskName } from "../jobs/batchTasks.js";
import { TreatylabError } from "../model/errors.js";

/**
 * Where the worker script is: `batchWorker.js` beside this module in the ESM build
 * (dist/workers/), or the same file reached from the CommonJS build (a chunk in dist/cjs/, so
 * `../workers/batchWorker.js`: the CommonJS engine runs the ESM worker script, which exchanges
 * only plain data with it), or, when running the TypeScript sources
 * (vitest, tsx), `src/workers/batchWorker.ts`, loaded by a small inline bootstrap that first
 * registers tsx's loader in the worker (tsx is a dev dependency, so only sources need it).
 *
 * @example
 * ```ts
 * workerScript().script; // URL of ".../dist/workers/batchWorker.js" in the built package
 * ```
 */
export function workerScript(): { script: URL | string; eval: boolean } {
  const here = typeof import.meta.url === "string" ? import.meta.url : pathToFileURL(__filename).href;
  for (const rel of ["./batchWorker.js", "../workers/batchWorker.js"]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  const ts = new URL("./batchWorker.ts", here);
  if (existsSync(fileURLToPath(ts))) {
    // Sources: register tsx's loader inside the worker, then load the TypeScript entry.
    const api = pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
    return {
      script: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`,
      eval: true,
    };
  }
  throw new TreatylabError(
    `cannot find the worker script batchWorker.js beside ${fileURLToPath(here)}; rebuild with \`npm run build\``,
  );
}

/** Blocks sent ahead to each worker while enough are left (see {@link BatchPool.run}). */
const QUEUE_DEPTH = 2;

type Pending = { resolve: (r: unknown) => void; reject: (e: Error) => void };

type AnyBatchTask = BatchTask<unknown, unknown, unknown>;

/** Resolves after pending I/O and messages have been handled (the calling thread's lane yields between blocks). */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A pool of `threads` threads running one batch task's blocks: this (calling) thread and
 * `threads - 1` worker threads. The calling thread computes blocks too, between taking in
 * results, so two threads means one worker thread more, not two: no thread stands idle while
 * workers start, and only as many engines as threads warm up. Blocks are handed out as threads
 * become free; each result is the same whichever thread computes it, so the caller only has to
 * put results in block order.
 *
 * @example
 * ```ts
 * const job = monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 200, seed: 1 });
 * const pool = new BatchPool("montecarlo", job, 2);
 * const blocks = await pool.run<DrawBlock>([[0, 100], [100, 200]], (result, block) => {});
 * await pool.close();
 * blocks.map((b) => b.rows.length); // [100, 100], in block order
 * ```
 */
export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private inline: { readonly ctx: unknown; readonly task: AnyBatchTask };
  /** Version of the current job, and the version each worker has prepared (see {@link BatchPool.setJob}). */
  private version = 0;
  private readonly workerVersion: number[] = [];
  private current: unknown;
  private broken: Error | null = null;
  private closing = false;

  constructor(
    readonly task: BatchTaskName,
    job: unknown,
    readonly threads: number,
    /** This thread's context when the caller has prepared it already (the task's `prepare(job)`). */
    context?: unknown,
  ) {
    this.current = job;
    if (!Number.isSafeInteger(threads) || threads < 1)
      throw new TreatylabError(`threads ${threads} is not a positive integer`);
    const t = BATCH_TASKS[task] as AnyBatchTask;
    if (threads > 1) {
      // Started first: they load and prepare while this thread prepares its own context.
      const { script, eval: isEval } = workerScript();
      for (let k = 1; k < threads; k++) {
        const w = new Worker(script, { workerData: { task, job }, eval: isEval });
        w.on("message", (m: { id: number; ok: boolean; result?: unknown; message?: string; known?: boolean }) => {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          if (m.ok) p.resolve(m.result);
          else p.reject(m.known ? new TreatylabError(m.message ?? "error in a worker") : new Error(m.message));
        });
        w.on("error", (err) => this.failAll(err));
        w.on("exit", () => {
          if (!this.closing) this.failAll(new Error("a worker thread stopped"));
        });
        this.workers.push(w);
        this.workerVersion.push(0);
      }
    }
    try {
      this.inline = { ctx: context ?? t.prepare(job), task: t };
    } catch (err) {
      void this.close();
      throw err;
    }
  }

  /** The job the pool runs (the last given to the constructor or {@link BatchPool.setJob}). */
  get job(): unknown {
    return this.current;
  }

  /**
   * Switches the pool to another job of the same task: this thread prepares it now (or takes
   * `context`, already prepared), each worker with its next block. The threads stay up and
   * their compiled code stays warm, so a script that runs many jobs (one per scenario variant,
   * say) pays for starting threads once.
   *
   * @example
   * ```ts
   * const u = { "parties.*.reservation": { spread: 0.1 } };
   * const jobA = monteCarloJob(nash1950, u, { draws: 200, seed: 1 });
   * const jobB = monteCarloJob(nash1950, u, { draws: 200, seed: 2 });
   * const pool = new BatchPool("montecarloPooled", jobA, 2);
   * await runMonteCarloParallel(jobA, { pool });
   * const b = await runMonteCarloParallel(jobB, { pool }); // calls pool.setJob(jobB)
   * await pool.close();
   * b.kind === "treatylab-montecarlo" ? b.seed : null; // "2": jobB's result, from the same warm threads
   * ```
   */
  setJob(job: unknown, context?: unknown): void {
    const task = BATCH_TASKS[this.task] as AnyBatchTask;
    this.inline = { ctx: context ?? task.prepare(job), task };
    this.current = job;
    this.version++;
  }

  /** A worker thread failed: every pending and later block fails with this error. */
  private failAll(err: Error): void {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Sends a block to worker k (with the job, when it has an older one), or with no block asks it to flush. */
  private send(k: number, block: readonly [number, number] | null): Promise<unknown> {
    const id = this.nextId++;
    const job = this.workerVersion[k] === this.version ? {} : { job: this.current };
    this.workerVersion[k] = this.version;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[k]!.postMessage(
        block ? { id, start: block[0], end: block[1], ...job } : { id, flush: true, ...job },
      );
    });
  }

  /**
   * Runs blocks; `onResult` is called as each finishes (in completion order, which may differ
   * from block order). When the task has `flush` (see {@link BatchTask}), each thread that ran a
   * block is then flushed and `onFlush` gets what it held back. Resolves with the results in block
   * order; rejects on the first error.
   */
  async run<R>(
    blocks: readonly (readonly [number, number])[],
    onResult: (result: R, block: readonly [number, number], k: number) => void | Promise<void> = () => {},
    onFlush: (result: R) => void | Promise<void> = () => {},
  ): Promise<R[]> {
    if (this.broken) throw this.broken;
    const results = new Array<R>(blocks.length);
    const { ctx, task } = this.inline;
    const flushes = task.flush !== undefined;
    let next = 0;
    // A worker holds up to QUEUE_DEPTH blocks while more blocks than threads are left: its next
    // block is queued when it finishes one, so it does not wait while this thread computes a
    // block or merges a result. Near the end, one block each, so that no thread holds work
    // another could start.
    const threads = this.workers.length + 1;
    // After the first error no thread takes a new block and no result is reported.
    let failed = false;
    const guard = (f: () => Promise<void>) => async (): Promise<void> => {
      try {
        await f();
      } catch (err) {
        failed = true;
        throw err;
      }
    };
    const loop = async (w: number): Promise<void> => {
      const queued: { k: number; result: Promise<unknown> }[] = [];
      const fill = (): void => {
        while (
          !failed &&
          next < blocks.length &&
          (queued.length === 0 || (queued.length < QUEUE_DEPTH && blocks.length - next > threads))
        ) {
          const k = next++;
          queued.push({ k, result: this.send(w, blocks[k]!) });
        }
      };
      fill();
      const ran = queued.length > 0;
      while (queued.length > 0) {
        const { k, result } = queued.shift()!;
        const r = (await result) as R;
        if (failed) return;
        fill();
        results[k] = r;
        await onResult(r, blocks[k]!, k);
      }
      if (flushes && ran && !failed) await onFlush((await this.send(w, null)) as R);
    };
    // This thread's lane: a block at a time, yielding in between so that worker results are
    // taken in and workers refilled.
    const lane = async (): Promise<void> => {
      let ran = false;
      while (!failed && next < blocks.length) {
        const k = next++;
        const r = task.run(ctx, blocks[k]![0], blocks[k]![1]) as R;
        ran = true;
        results[k] = r;
        await onResult(r, blocks[k]!, k);
        if (this.workers.length > 0) await yieldToEventLoop();
      }
      if (flushes && ran && !failed) await onFlush(task.flush!(ctx) as R);
    };
    try {
      await Promise.all([...this.workers.map((_, w) => guard(() => loop(w))()), guard(lane)()]);
    } catch (err) {
      // Threads may hold results of the failed run (a task's held-back totals): every thread
      // prepares the job afresh before its next block, so a later run starts clean.
      try {
        if (!this.broken) this.setJob(this.current);
      } catch (again) {
        this.broken = again as Error;
      }
      throw err;
    }
    return results;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
