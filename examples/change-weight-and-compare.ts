/**
 * What if? Change one number of the ukraine-2025 scenario with immer's `produce` (the built-in
 * scenario is frozen and never modified), re-analyse, and print what changed: the size of the
 * zone of agreement and each solution's clauses.
 *
 * Run: npx tsx examples/change-weight-and-compare.ts
 */
import { produce } from "immer";
import { type Analysis, type Scenario, analyze, builtinScenario } from "treatylab";

const base = builtinScenario("ukraine-2025");

const variants: [string, Scenario][] = [
  [
    "Russia's reservation 0.44 -> 0.50 (more confident it can win by fighting)",
    produce(base, (s) => {
      s.parties.find((p) => p.id === "russia")!.reservation = 0.5;
    }),
  ],
  [
    "Ukraine's weight on security guarantees 21 -> 10 (guarantees matter half as much)",
    produce(base, (s) => {
      s.parties.find((p) => p.id === "ukraine")!.weights.guarantees = 10;
    }),
  ],
  [
    "Ukraine's reservation 0.43 -> 0.38 (its forces weaken further)",
    produce(base, (s) => {
      s.parties.find((p) => p.id === "ukraine")!.reservation = 0.38;
    }),
  ],
];

const names = ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] as const;

function compare(before: Analysis, after: Analysis): void {
  const pct = (a: Analysis): string => `${(a.zopa.share * 100).toFixed(3)}%`;
  console.log(`  ZOPA: ${before.zopa.count} (${pct(before)}) -> ${after.zopa.count} (${pct(after)})`);
  for (const name of names) {
    const b = before.solutions[name];
    const a = after.solutions[name];
    if (a === null || b === null) {
      console.log(
        `  ${name}: ${b === null ? "none" : "exists"} -> ${a === null ? "none (the ZOPA is empty)" : "exists"}`,
      );
      continue;
    }
    const changed = Object.keys(a.bundle).filter((i) => a.bundle[i] !== b.bundle[i]);
    const moves = changed.map((i) => `${i} ${b.bundle[i]} -> ${a.bundle[i]}`);
    const utils = Object.keys(a.utilities).map((p) => `${p} ${a.utilities[p]!.toFixed(3)}`);
    console.log(`  ${name}: ${moves.length ? moves.join("; ") : "same settlement"} [${utils.join(", ")}]`);
  }
}

const before = analyze(base);
for (const [title, scenario] of variants) {
  console.log(`\n${title}`);
  compare(before, analyze(scenario));
}
console.log(`\nThe built-in scenario is unchanged: Russia's reservation is still ${base.parties[0]!.reservation}.`);
