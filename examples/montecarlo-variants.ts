/**
 * Monte Carlo over several what-ifs of ukraine-2025 on one pool of threads: the base scenario,
 * new US sanctions (Russia's no-deal utility down 0.05) and a Russia that expects to gain from
 * fighting on (up 0.05), each under the uncertainty in examples/uncertainty/ukraine-2025.json.
 * The pool's threads start (and V8 compiles the engine in them) once, for all the runs; each run
 * gives the same result as on fresh threads, or on one.
 * Run with `npx tsx examples/montecarlo-variants.ts [draws]` (default 100 draws per variant: the interaction terms of ukraine-2025 make each draw an enumeration).
 */
import { readFileSync } from "node:fs";
import {
  applyEdits,
  builtinScenario,
  monteCarloJob,
  parseUncertainty,
  type MonteCarloResult,
  type Scenario,
} from "treatylab";
import { BatchPool, runMonteCarloParallel } from "treatylab/node";

const draws = Number(process.argv[2] ?? 100);
const file = new URL("./uncertainty/ukraine-2025.json", import.meta.url);
const uncertainty = parseUncertainty((JSON.parse(readFileSync(file, "utf8")) as { uncertainty: unknown }).uncertainty);
const base = builtinScenario("ukraine-2025");
const variants: readonly (readonly [string, Scenario])[] = [
  ["base", base],
  ["new US sanctions", applyEdits(base, [{ op: "shiftReservation", party: "russia", by: -0.05 }])],
  ["Russia expects gains", applyEdits(base, [{ op: "shiftReservation", party: "russia", by: 0.05 }])],
];
const jobs = variants.map(([, scenario]) =>
  monteCarloJob(scenario, uncertainty, { draws, seed: "variants", solutions: ["nash"] }),
);

const pool = new BatchPool("montecarloPooled", jobs[0], 2);
try {
  console.log(`${draws} draws per variant, 2 threads`);
  for (const [k, [label]] of variants.entries()) {
    const t = performance.now();
    const r = (await runMonteCarloParallel(jobs[k]!, { pool, top: 1 })) as MonteCarloResult;
    const p = r.zopa.pNonEmpty;
    const robust = r.mostRobust
      ? `most robust settlement accepted by all in ${(100 * r.mostRobust.pZopa).toFixed(1)}% of draws`
      : "no settlement in any draw";
    console.log(
      `${label.padEnd(21)} P(ZOPA not empty) ${p.p.toFixed(3)} ± ${p.se.toFixed(3)}; ${robust} (${((performance.now() - t) / 1000).toFixed(2)} s)`,
    );
  }
} finally {
  await pool.close();
}
