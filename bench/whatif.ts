/**
 * What-if benchmark (issue 14): the cost of `findings` (what the zone of agreement hangs on) next
 * to the `analyze` it extends, on the built-in scenarios, and of `simulateRuns` with a breakdown
 * hazard. Run with `npx tsx bench/whatif.ts` (add `--quick` for one repetition). Each case is timed
 * after a warm-up, best of three; the base analysis is passed to `findings`, as `analyze
 * --findings` does, so the findings column is the extra cost.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { analyze, builtinScenario, findings, simulateRuns, type Scenario } from "../src/index.js";

const quick = process.argv.includes("--quick");
const reps = quick ? 1 : 3;
const best = (f: () => void): number => {
  f();
  let t = Number.POSITIVE_INFINITY;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
};

console.log(`node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
console.log("| scenario | analyze (ms) | findings extra (ms) | probes | findings |");
console.log("|---|---|---|---|---|");
for (const id of ["nash-1950", "ukraine-2025", "ukraine-2025-ratification"]) {
  const s: Scenario = builtinScenario(id);
  const a = analyze(s);
  const ta = best(() => analyze(s));
  let r = findings(s, { analysis: a });
  const tf = best(() => {
    r = findings(s, { analysis: a });
  });
  console.log(
    `| ${id} | ${ta.toFixed(0)} | ${tf.toFixed(0)} | ${r.probes} | ${r.pivotalOptions.length + r.findings.length} |`,
  );
}

console.log("\n| runs of nash-1950 (10 rounds, hazard 0.1) | ms | ms per run | agreement rate |");
console.log("|---|---|---|---|");
const nash = builtinScenario("nash-1950");
for (const n of quick ? [200] : [200, 2000]) {
  let rate = 0;
  const t = best(() => {
    rate = simulateRuns(nash, { rounds: 10, seed: 1, hazard: 0.1 }, n).agreementRate;
  });
  console.log(`| ${n} | ${t.toFixed(0)} | ${(t / n).toFixed(3)} | ${rate.toFixed(3)} |`);
}
