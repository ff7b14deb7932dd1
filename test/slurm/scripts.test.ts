import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The job scripts of examples/slurm/ run here as Slurm would run them (the array variables set
// by hand), so `npm test` checks them where Slurm is absent; `npm run test:slurm` runs them on a
// real cluster.
const bin = path.resolve("dist/cli/main.cjs");
const script = (name: string): string => path.resolve("examples/slurm", name);

describe("examples/slurm job scripts", () => {
  it.runIf(existsSync(bin))(
    "array tasks then merge give the single run's bytes (Monte Carlo and sweep), a rerun task given SHARDS",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-sbatch-"));
      const base = { ...process.env, TREATYLAB: `${process.execPath} ${bin}`, SCENARIO: "nash-1950" };
      const task = (file: string, env: Record<string, string>): string =>
        execFileSync("bash", [script(file)], {
          cwd: dir,
          env: { ...base, ...env },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      const mc = { SPREAD: "0.2", DRAWS: "600", SEED: "11", PREFIX: "mc" };
      task("montecarlo.sbatch", {
        ...mc,
        SLURM_ARRAY_TASK_ID: "1",
        SLURM_ARRAY_TASK_COUNT: "3",
        SLURM_CPUS_PER_TASK: "1",
      });
      task("montecarlo.sbatch", { ...mc, SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "3" });
      // Task 2 rerun alone (`sbatch --array=2`): the array has 1 task, SHARDS gives the count.
      task("montecarlo.sbatch", { ...mc, SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_COUNT: "1", SHARDS: "3" });
      task("merge.sbatch", { PREFIX: "mc" });
      const single = execFileSync(
        process.execPath,
        [
          bin,
          "montecarlo",
          "nash-1950",
          "--spread",
          "0.2",
          "--draws",
          "600",
          "--seed",
          "11",
          "--threads",
          "1",
          "--format",
          "json",
        ],
        { encoding: "utf8" },
      );
      expect(await fs.readFile(path.join(dir, "mc-result.json"), "utf8")).toBe(single);
      expect(JSON.parse(await fs.readFile(path.join(dir, "mc-part-2.json"), "utf8")).shard).toEqual({ k: 2, n: 3 });

      const sweep = {
        PARAMS: "parties.bill.reservation=0:0.9:10 parties.jack.reservation=0.1,0.5",
        SOLUTIONS: "nash,egalitarian",
        PREFIX: "sweep",
      };
      for (const k of ["1", "2"])
        task("sweep.sbatch", { ...sweep, SLURM_ARRAY_TASK_ID: k, SLURM_ARRAY_TASK_COUNT: "2" });
      task("merge.sbatch", { PREFIX: "sweep" });
      const sweepSingle = execFileSync(
        process.execPath,
        [
          bin,
          "sweep",
          "nash-1950",
          "-p",
          "parties.bill.reservation=0:0.9:10",
          "-p",
          "parties.jack.reservation=0.1,0.5",
          "--solutions",
          "nash,egalitarian",
          "--format",
          "json",
        ],
        { encoding: "utf8" },
      );
      expect(await fs.readFile(path.join(dir, "sweep-result.json"), "utf8")).toBe(sweepSingle);
      await fs.rm(dir, { recursive: true, force: true });
    },
    120_000,
  );
});
