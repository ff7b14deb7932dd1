import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksOf } from "../../src/batch/shard.js";
import { BatchPool } from "../../src/workers/batchPool.js";
import { runMonteCarloParallel } from "../../src/workers/runMonteCarloParallel.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { monteCarloJob } from "../../src/uncertainty/monteCarlo.js";
import { type DrawBlock, type DrawRow, runDrawBlock } from "../../src/uncertainty/drawRows.js";
import { prepareMonteCarlo } from "../../src/uncertainty/monteCarloJob.js";

const spec = { "parties.*.reservation": { spread: 0.3 }, "parties.*.weights.*": { confidence: "low" as const } };

describe("BatchPool", () => {
  it("the pool computes on the calling thread too, and flushes each thread that ran a block once", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 600, seed: "pool", solutions: ["nash"] });
    const whole = runDrawBlock(prepareMonteCarlo(job), 0, 600);
    for (const [threads, blocks] of [
      [1, blocksOf(0, 600, 100)],
      [2, blocksOf(0, 600, 100)],
      [3, blocksOf(0, 600, 300)],
    ] as const) {
      const pool = new BatchPool("montecarloPooled", job, threads);
      try {
        const rows: DrawRow[] = [];
        const flushed: DrawBlock[] = [];
        const results = await pool.run<DrawBlock>(
          blocks,
          (r) => void rows.push(...r.rows),
          (r) => void flushed.push(r),
        );
        expect(results.map((r) => [r.start, r.end])).toEqual(blocks);
        expect(rows.sort((a, b) => a.draw - b.draw)).toEqual(whole.rows);
        // One flush per thread that ran a block (with 2 blocks and 3 threads, one thread ran none).
        expect(flushed.length).toBe(Math.min(threads, blocks.length));
        expect(flushed.every((f) => f.rows.length === 0)).toBe(true);
        const sum = new Map<number, number>();
        for (const f of flushed)
          Array.from(f.zopa.index).forEach((k, j) => sum.set(k, (sum.get(k) ?? 0) + f.zopa.count[j]!));
        expect([...sum].sort((a, b) => a[0] - b[0])).toEqual(
          Array.from(whole.zopa.index, (k, j) => [k, whole.zopa.count[j]]),
        );
      } finally {
        await pool.close();
      }
    }
  });

  it("a pool reused for several jobs (setJob) gives each job's own result, and refuses a run of another task", async () => {
    const s = validateScenario(nash1950);
    const jobs = [
      monteCarloJob(s, spec, { draws: 500, seed: "a", solutions: ["nash"] }),
      monteCarloJob(s, spec, { draws: 300, seed: "b" }),
    ];
    const fresh = await Promise.all(
      jobs.map(async (job) => JSON.stringify(await runMonteCarloParallel(job, { threads: 2 }))),
    );
    const pool = new BatchPool("montecarloPooled", jobs[0], 2);
    try {
      for (const k of [0, 1, 0, 1])
        expect(JSON.stringify(await runMonteCarloParallel(jobs[k]!, { pool }))).toBe(fresh[k]);
      expect(pool.job).toBe(jobs[1]);
      await expect(
        runMonteCarloParallel(jobs[0]!, { pool, jsonl: path.join(os.tmpdir(), "unused.jsonl") }),
      ).rejects.toThrow(/task "montecarloPooled".*needs a pool for "montecarlo"/);
    } finally {
      await pool.close();
    }
  });

  it("a block that fails stops the run: the error is reported and no thread takes or reports a block after it", async () => {
    const s = validateScenario(nash1950);
    // Row 3 sets a reservation of 5, which validation refuses.
    const job = {
      scenario: s,
      spec: {
        axes: [{ parameter: "parties.jack.reservation", values: [0.1, 0.2, 0.3, 5, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] }],
      },
    };
    for (const threads of [1, 2, 3]) {
      const pool = new BatchPool("sweep", job, threads);
      try {
        const seen: number[] = [];
        await expect(pool.run(blocksOf(0, 10, 1), (_, block) => void seen.push(block[0]))).rejects.toThrow(
          /sweep row 3 .*reservation/,
        );
        const after = seen.length;
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(seen.length).toBe(after);
        expect(seen).not.toContain(3);
      } finally {
        await pool.close();
      }
    }
  });

  it("a pool whose run failed starts the next run clean (no counts held from the failed run)", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 800, seed: "again", solutions: ["nash"] });
    const fresh = JSON.stringify(await runMonteCarloParallel(job, { threads: 2 }));
    for (const threads of [1, 2]) {
      const pool = new BatchPool("montecarloPooled", job, threads);
      try {
        let seen = 0;
        const fail = (): void => {
          if (++seen === 3) throw new Error("stop here");
        };
        await expect(pool.run(blocksOf(0, 800, 100), fail)).rejects.toThrow("stop here");
        expect(JSON.stringify(await runMonteCarloParallel(job, { pool }))).toBe(fresh);
      } finally {
        await pool.close();
      }
    }
  });

  it("a worker thread that dies fails the run and every later run instead of hanging", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 400, seed: "dies", solutions: ["nash"] });
    const pool = new BatchPool("montecarloPooled", job, 2);
    try {
      await (pool as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0]!.terminate();
      await expect(pool.run(blocksOf(0, 400, 100))).rejects.toThrow(/worker thread stopped/);
      await expect(runMonteCarloParallel(job, { pool })).rejects.toThrow(/worker thread stopped/);
    } finally {
      await pool.close();
    }
  });
});
