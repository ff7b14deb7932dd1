import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { BATCH_TASKS, type BatchTaskName } from "../batch/batchTasks.js";
import { TreatylabError } from "../model/errors.js";

/**
 * Where the worker script is: `batchWorker.js` beside the built bundle (dist/, found from
 * dist/cli/main.js, dist/index.js or dist/node.js), or, when running the TypeScript sources
 * (vitest, tsx), `src/io/batchWorker.ts`, loaded by a small inline bootstrap that first
 * registers tsx's loader in the worker (tsx is a dev dependency, so only sources need it).
 *
 * @example
 * ```ts
 * workerScript().script; // URL of ".../dist/batchWorker.js" in the built package
 * ```
 */
export function workerScript(): { script: URL | string; eval: boolean } {
  const here = typeof import.meta.url === "string" ? import.meta.url : pathToFileURL(__filename).href;
  for (const rel of ["./batchWorker.js", "../batchWorker.js"]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  const ts = new URL("./batchWorker.ts", here);
  if (existsSync(fileURLToPath(ts))) {
    // Sources: register tsx's loader inside the worker, then load the TypeScript entry.
    const api = pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
    return { script: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`, eval: true };
  }
  throw new TreatylabError(`cannot find the worker script batchWorker.js beside ${fileURLToPath(here)}; rebuild with \`npm run build\``);
}

type Pending = { resolve: (r: unknown) => void; reject: (e: Error) => void };

/**
 * A pool of worker threads running one batch task's blocks. With one thread the blocks run in
 * this thread (no worker). Blocks are handed out as threads become free; each result is the
 * same whichever thread computes it, so the caller only has to put results in block order.
 *
 * @example
 * ```ts
 * const pool = new BatchPool("montecarlo", job, 2);
 * const blocks = await pool.run([[0, 100], [100, 200]], (result, block) => {});
 * await pool.close();
 * ```
 */
export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private inline: { ctx: unknown; run: (ctx: unknown, a: number, b: number) => unknown } | null = null;

  constructor(
    readonly task: BatchTaskName,
    readonly job: unknown,
    readonly threads: number,
  ) {
    if (!Number.isSafeInteger(threads) || threads < 1) throw new TreatylabError(`threads ${threads} is not a positive integer`);
    const t = BATCH_TASKS[task] as { prepare: (job: unknown) => unknown; run: (ctx: unknown, a: number, b: number) => unknown };
    if (threads === 1) {
      this.inline = { ctx: t.prepare(job), run: t.run };
      return;
    }
    const { script, eval: isEval } = workerScript();
    for (let k = 0; k < threads; k++) {
      const w = new Worker(script, { workerData: { task, job }, eval: isEval });
      w.on("message", (m: { id: number; ok: boolean; result?: unknown; message?: string; known?: boolean }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(m.known ? new TreatylabError(m.message ?? "error in a worker") : new Error(m.message));
      });
      w.on("error", (err) => this.failAll(err));
      this.workers.push(w);
    }
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private send(w: Worker, block: readonly [number, number]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, start: block[0], end: block[1] });
    });
  }

  /**
   * Runs blocks; `onResult` is called as each finishes (in completion order, which may differ
   * from block order). Resolves with the results in block order; rejects on the first error.
   */
  async run<R>(blocks: readonly (readonly [number, number])[], onResult: (result: R, block: readonly [number, number], k: number) => void | Promise<void> = () => {}): Promise<R[]> {
    const results = new Array<R>(blocks.length);
    if (this.inline) {
      for (let k = 0; k < blocks.length; k++) {
        const r = this.inline.run(this.inline.ctx, blocks[k]![0], blocks[k]![1]) as R;
        results[k] = r;
        await onResult(r, blocks[k]!, k);
      }
      return results;
    }
    let next = 0;
    const loop = async (w: Worker): Promise<void> => {
      while (next < blocks.length) {
        const k = next++;
        const r = (await this.send(w, blocks[k]!)) as R;
        results[k] = r;
        await onResult(r, blocks[k]!, k);
      }
    };
    await Promise.all(this.workers.map(loop));
    return results;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
