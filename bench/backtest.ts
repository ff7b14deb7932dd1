/**
 * Backtest benchmark: `backtest()` over the eight historical cases, without the robustness check
 * (exact analysis and `checkProposal` per case) and with it (200 and 1,000 seeded draws per case).
 * Run with `npx tsx bench/backtest.ts` (add `--quick` for one repetition). Each configuration is
 * timed three times after a warm-up and the best time is kept; peak memory is sampled with
 * process.memoryUsage.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { backtest, HISTORICAL_CASES } from "../src/index.js";

const quick = process.argv.includes("--quick");
let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function time(draws: number): { ms: number; hits: number } {
  let best = Number.POSITIVE_INFINITY;
  let hits = 0;
  backtest({ draws }); // warm-up
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    const t0 = performance.now();
    const r = backtest({ draws });
    best = Math.min(best, performance.now() - t0);
    hits = r.summary.hits;
    sample();
  }
  return { ms: best, hits };
}

console.log(
  `cores ${cpus().length}, load ${loadavg()[0]!.toFixed(2)}; ${HISTORICAL_CASES.length} cases, ${HISTORICAL_CASES.reduce((a, c) => a + c.scenario.issues.reduce((p, i) => p * (i.type === "numeric" ? 1 : i.options.length), 1), 0)} bundles in all`,
);
console.log("| draws per case | time (best of 3) | per case | hits |");
console.log("|---|---|---|---|");
for (const draws of [0, 200, 1000]) {
  const { ms, hits } = time(draws);
  console.log(
    `| ${draws} | ${ms.toFixed(0)} ms | ${(ms / HISTORICAL_CASES.length).toFixed(1)} ms | ${hits}/${HISTORICAL_CASES.length} |`,
  );
}
console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
