/**
 * Monte Carlo over ukraine-2025 with the uncertainty in examples/uncertainty/ukraine-2025.json:
 * the chance the ZOPA is non-empty, the most robust settlement and the bundles most likely to be
 * the Nash solution, with standard errors. Uses two worker threads; the result is the same on one.
 * Run with `npx tsx examples/montecarlo.ts [draws]` (default 100 draws: the interaction terms of ukraine-2025 make each draw an enumeration of 26.5 million bundles).
 */
import { readFileSync } from "node:fs";
import { builtinScenario, monteCarloJob, parseUncertainty, type MonteCarloResult } from "treatylab";
import { runMonteCarloParallel } from "treatylab/node";

const draws = Number(process.argv[2] ?? 100);
const file = new URL("./uncertainty/ukraine-2025.json", import.meta.url);
const uncertainty = parseUncertainty((JSON.parse(readFileSync(file, "utf8")) as { uncertainty: unknown }).uncertainty);
const job = monteCarloJob(builtinScenario("ukraine-2025"), uncertainty, {
  draws,
  seed: "example",
  solutions: ["nash"],
});
const r = (await runMonteCarloParallel(job, { threads: 2, top: 200 })) as MonteCarloResult;

console.log(
  `${r.draws} draws: P(ZOPA not empty) = ${r.zopa.pNonEmpty.p.toFixed(3)} ± ${r.zopa.pNonEmpty.se.toFixed(3)}`,
);
if (r.mostRobust)
  console.log(
    `most robust settlement (accepted by all in ${(100 * r.mostRobust.pZopa).toFixed(1)}% of draws):`,
    r.mostRobust.bundle,
  );
const byNash = [...r.bundles].sort((a, b) => b.pNash - a.pNash).slice(0, 3);
for (const b of byNash)
  console.log(
    `pNash ${b.pNash.toFixed(3)} ± ${b.pNashSE.toFixed(3)}, pZopa ${b.pZopa.toFixed(3)}:`,
    JSON.stringify(b.bundle),
  );
for (const [party, u] of Object.entries(r.solutions.nash?.utilities ?? {}))
  console.log(
    `${party}: utility at the Nash solution, median ${u.median} (5%-95%: ${u.q05}-${u.q95}), mean ${u.mean} ± ${u.se}`,
  );
