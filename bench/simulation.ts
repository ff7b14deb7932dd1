/**
 * Simulation benchmark: bilateral alternating-offers negotiations of up to 100 rounds on a
 * 10^4-bundle scenario (4 issues x 10 options, 2 parties, random integer values from a seeded
 * generator). Run with `npx tsx bench/simulation.ts` (add `--quick` for a short run); it runs the
 * built package (dist/) when there is one, as `npm run bench` does, else the sources.
 * Prints a table: negotiations per second, rounds per second, sizes, peak memory (RSS and heap,
 * sampled with process.memoryUsage), and the ratio to a baseline measured in the same run: the
 * same Boulware curve with a strategy that scans every bundle each round instead of searching the
 * sorted index. Each case is timed three times after a warm-up and the best time is kept.
 * Before the table: warm build times of a 10^4-bundle space on new scenario objects, the full
 * space (`outcomeSpace`, with and without both own orders) and the split space simulations use
 * (`simulationSpace`), with validation plus compilation alone for reference.
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Scenario, StrategyFactory } from "../src/index.js";

// The built package (dist/, what users run: `npm run bench` builds it first) when it exists, else
// the sources through tsx (slower: separate modules, about 0.6x the built package's rate on the
// varied rows). Every module comes from the same place, so they share their caches.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const fromDist = existsSync(path.join(dist, "index.js"));
const load = async <T>(file: string): Promise<T> =>
  (await import(fromDist ? pathToFileURL(path.join(dist, `${file}.js`)).href : `../src/${file}.js`)) as T;
const { applyEdits, negotiate, outcomeSpace, seededRandom, simulate, validateScenario } =
  await load<typeof import("../src/index.js")>("index");
const { timeDependentTarget, prepare } = await load<typeof import("../src/advanced.js")>("advanced");
const { canonicalOrder, sortDescendingStable } =
  await load<typeof import("../src/simulation/ownOrder.js")>("simulation/ownOrder");
const { simulationSpace } = await load<typeof import("../src/simulation/outcomeSpace.js")>("simulation/outcomeSpace");

const quick = process.argv.includes("--quick");
const rng = seededRandom("bench-simulation");
const ISSUES = 4;
const OPTIONS = 10;
const issues = Array.from({ length: ISSUES }, (_, i) => ({
  id: `i${i}`,
  options: Array.from({ length: OPTIONS }, (_, o) => ({ id: `o${o}` })),
}));
const party = (id: string, reservation: number) => ({
  id,
  weights: Object.fromEntries(issues.map((i) => [i.id, 1 + Math.floor(rng() * 5)])),
  values: Object.fromEntries(
    issues.map((i) => [i.id, Object.fromEntries(i.options.map((o) => [o.id, Math.floor(rng() * 100)]))]),
  ),
  reservation,
});
// Validated once, as a script that runs many negotiations on one scenario should: a scenario that
// is not frozen may change between calls, so it is validated and compiled on every call.
const scenario: Scenario = validateScenario({ id: "bench-10k", issues, parties: [party("a", 0.3), party("b", 0.3)] });
/**
 * Opposed preferences (b's values are 99 minus a's, same weights) with reservations 0.6: no bundle
 * satisfies both (the table's agreement rate of 0 shows it), so every run plays all 100 rounds.
 */
const a0 = scenario.parties[0]!;
const noZopa: Scenario = validateScenario({
  ...scenario,
  id: "bench-10k-no-zopa",
  parties: [
    { ...a0, reservation: 0.6 },
    {
      ...a0,
      id: "b",
      reservation: 0.6,
      values: Object.fromEntries(
        Object.entries(a0.values).map(([i, v]) => [
          i,
          Object.fromEntries(Object.entries(v as Record<string, number>).map(([o, x]) => [o, 99 - x])),
        ]),
      ),
    },
  ],
});

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

/** The naive baseline: Boulware's target, but the offer found by scanning every bundle each round. */
const naiveBoulware: StrategyFactory = {
  name: "naive-scan-boulware",
  description: "Boulware with a full scan per round",
  create: (p) => ({
    propose(ctx) {
      const { space } = ctx;
      const P = space.parties;
      let max = Number.NEGATIVE_INFINITY;
      let min = Number.POSITIVE_INFINITY;
      for (let k = 0; k < space.size; k++)
        if (space.acceptable[k * P + p]) {
          max = Math.max(max, space.utility[k * P + p]!);
          min = Math.min(min, space.utility[k * P + p]!);
        }
      const target = timeDependentTarget(ctx.time, max, min, 0.2);
      let best = -1;
      for (let k = 0; k < space.size; k++) {
        const u = space.utility[k * P + p]!;
        if (space.acceptable[k * P + p] && u >= target - 1e-9 && (best < 0 || u < space.utility[best * P + p]!))
          best = k;
      }
      return best;
    },
    respond: (ctx, offer) =>
      ctx.space.utility[offer * ctx.space.parties + p]! >=
      timeDependentTarget(Math.min(1, ctx.time + 1 / (ctx.horizon - 1)), 1, 0.3, 0.2) - 1e-9,
  }),
};

interface Row {
  case: string;
  runs: number;
  seconds: number;
  rounds: number;
  agreed: number;
}

/** Best of three timed repetitions after a warm-up (the machine may be shared: the best is the least disturbed). */
function measure(label: string, runs: number, run: (k: number) => { rounds: number; agreed: boolean }): Row {
  for (let k = 0; k < Math.min(1000, runs); k++) run(k); // warm-up (JIT)
  let best: Row | null = null;
  for (let rep = 0; rep < 3; rep++) {
    let rounds = 0;
    let agreed = 0;
    const t0 = performance.now();
    for (let k = 0; k < runs; k++) {
      const r = run(k);
      rounds += r.rounds;
      if (r.agreed) agreed++;
      if ((k & 1023) === 0) sample();
    }
    const seconds = (performance.now() - t0) / 1000;
    sample();
    if (best === null || seconds < best.seconds) best = { case: label, runs, seconds, rounds, agreed };
  }
  return best!;
}

const t0 = performance.now();
const space = outcomeSpace(scenario);
const buildMs = performance.now() - t0;
// Warm build time of a 10^4-bundle outcome space: best of 200 builds on new scenario objects,
// interleaved with two references measured in the same loop: the build plus both parties' own
// orders (what a bilateral run reads), and the same with the own orders found as before issue 18
// (the canonical sequence filtered, then the radix sort of every accepted bundle).
const buildCases = {
  build: (s: Scenario) => outcomeSpace(s),
  withOrders: (s: Scenario) => {
    const o = outcomeSpace(s);
    return [o.own[0], o.own[1]];
  },
  radixOrders: (s: Scenario) => {
    const o = outcomeSpace(s);
    const canonical = canonicalOrder(o.compiled, o.bundles, o.size, true);
    return [0, 1].map((p) =>
      sortDescendingStable(
        canonical.filter((k) => o.acceptable[k * 2 + p] === 1),
        (k) => o.utility[k * 2 + p]!,
      ),
    );
  },
};
// The split space a simulation builds (simulationSpace), alone and with both parties' best and
// worst acceptable utilities (what a time-dependent strategy reads first), and validation plus
// compilation alone (part of every build above).
Object.assign(buildCases, {
  split: (s: Scenario) => simulationSpace(s),
  splitSearched: (s: Scenario) => {
    const o = simulationSpace(s);
    return [o.maxAccepted(0), o.minAccepted(0), o.maxAccepted(1), o.minAccepted(1)];
  },
  compile: (s: Scenario) => prepare(s),
});
const buildBest = {
  build: Number.POSITIVE_INFINITY,
  withOrders: Number.POSITIVE_INFINITY,
  radixOrders: Number.POSITIVE_INFINITY,
  split: Number.POSITIVE_INFINITY,
  splitSearched: Number.POSITIVE_INFINITY,
  compile: Number.POSITIVE_INFINITY,
};
const buildNames = ["build", "withOrders", "radixOrders", "split", "splitSearched", "compile"] as const;
for (let k = 0; k < 200 * buildNames.length; k++) {
  const which = buildNames[k % buildNames.length]!;
  const s: Scenario = {
    ...scenario,
    parties: [{ ...scenario.parties[0]!, reservation: 0.3 + (k % 5) / 100 }, scenario.parties[1]!],
  };
  const t = performance.now();
  (buildCases as Record<(typeof buildNames)[number], (s: Scenario) => unknown>)[which](s);
  buildBest[which] = Math.min(buildBest[which], performance.now() - t);
}
const warmBuildMs = buildBest.build;
sample();
outcomeSpace(noZopa);
const fast =
  (a: string, b: string, s: Scenario = scenario) =>
  (k: number) => {
    const n = negotiate(s, { rounds: 100, seed: k, trace: false, parties: { a: { strategy: a }, b: { strategy: b } } });
    return { rounds: n.outcome.rounds, agreed: n.outcome.agreement >= 0 };
  };
const N = quick ? 2_000 : 20_000;
const rows: Row[] = [
  measure("boulware vs boulware (compact)", N, fast("boulware", "boulware")),
  measure("boulware vs conceder (compact)", N, fast("boulware", "conceder")),
  measure("hardliner vs hardliner, 100 rounds (compact)", N, fast("hardliner", "hardliner")),
  measure("boulware vs boulware, no ZOPA: 100 rounds (compact)", N, fast("boulware", "boulware", noZopa)),
  measure("conceder vs linear, no ZOPA: 100 rounds (compact)", N, fast("conceder", "linear", noZopa)),
  measure("tit-for-tat vs linear (compact)", N, fast("tit-for-tat", "linear")),
  measure("boulware:model=0 vs boulware:model=0 (compact)", N, fast("boulware:model=0", "boulware:model=0")),
  // Tournaments over many what-ifs: every negotiation on a new scenario (a's reservation and one
  // weight vary with k), so the outcome space is built for each run (issue 18). First as the
  // package makes what-ifs (applyEdits on a validated scenario: the result shares the unchanged
  // parts and is validated by applyEdits), then as new plain objects that keep the validated
  // scenario's issues and b (validated by parts by negotiate: only a is checked and copied).
  measure("boulware vs boulware, varied what-ifs (applyEdits, space built per run)", Math.max(500, N / 10), (k) => {
    const s = applyEdits(scenario, [
      { op: "setReservation", party: "a", value: 0.2 + (k % 10) / 100 },
      { op: "setWeight", party: "a", issue: "i0", value: 1 + (k % 7) },
    ]);
    return fast("boulware", "boulware", s)(k);
  }),
  measure("boulware vs boulware, varied plain objects (space built per run)", Math.max(500, N / 10), (k) => {
    const s: Scenario = {
      ...scenario,
      parties: [
        { ...a0, reservation: 0.2 + (k % 10) / 100, weights: { ...a0.weights, i0: 1 + (k % 7) } },
        scenario.parties[1]!,
      ],
    };
    return fast("boulware", "boulware", s)(k);
  }),
  measure("boulware vs boulware (full result, named trace)", Math.max(200, N / 20), (k) => {
    const r = simulate(scenario, {
      rounds: 100,
      seed: k,
      parties: { a: { strategy: "boulware" }, b: { strategy: "boulware" } },
    });
    return { rounds: r.rounds, agreed: r.agreement !== null };
  }),
  measure("baseline: naive scan per round (compact)", Math.max(50, N / 200), (k) => {
    const n = negotiate(scenario, {
      rounds: 100,
      seed: k,
      trace: false,
      parties: { a: { strategy: naiveBoulware }, b: { strategy: naiveBoulware } },
    });
    return { rounds: n.outcome.rounds, agreed: n.outcome.agreement >= 0 };
  }),
];

const rate = (r: Row): number => r.runs / r.seconds;
const baseline = rows[rows.length - 1]!;
const ref = rows[0]!;
console.log(
  `Simulation benchmark: ${space.size} bundles (${ISSUES} issues x ${OPTIONS} options), 2 parties, alternating offers, 100-round limit; code from ${fromDist ? "dist/ (the built package)" : "src/ (tsx)"}`,
);
console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} at the end`,
);
console.log(
  `Outcome space built once in ${buildMs.toFixed(1)} ms (first call, compiling) and shared by all runs but the varied ones`,
);
console.log(
  `Warm build of a 10^4-bundle space on a new scenario object (best of 200 each, interleaved): ${warmBuildMs.toFixed(2)} ms (own orders built on first read; target under 1 ms: ${warmBuildMs < 1 ? "met" : "NOT met"}); ` +
    `with both parties' own orders ${buildBest.withOrders.toFixed(2)} ms; baseline, own orders by the radix sort of every accepted bundle (before issue 18): ${buildBest.radixOrders.toFixed(2)} ms ` +
    `(x${(buildBest.radixOrders / buildBest.withOrders).toFixed(1)} slower than with orders, x${(buildBest.radixOrders / warmBuildMs).toFixed(1)} than the build alone)`,
);
console.log(
  `Split space (what simulations build, issue 18; best of 200, same loop): ${buildBest.split.toFixed(3)} ms (target under 1 ms: ${buildBest.split < 1 ? "met" : "NOT met"}); ` +
    `with both parties' best and worst acceptable utilities ${buildBest.splitSearched.toFixed(3)} ms; of which validation and compilation alone ${buildBest.compile.toFixed(3)} ms`,
);
console.log("");
console.log("| case | runs | negotiations/s | mean rounds | rounds/s | agreement rate | x naive baseline |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows)
  console.log(
    `| ${r.case} | ${r.runs} | ${Math.round(rate(r)).toLocaleString("en-US")} | ${(r.rounds / r.runs).toFixed(1)} | ${Math.round(r.rounds / r.seconds).toLocaleString("en-US")} | ${(r.agreed / r.runs).toFixed(2)} | ${(rate(r) / rate(baseline)).toFixed(1)} |`,
  );
console.log("");
console.log(`Peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
console.log(
  `Target: >= 10,000 bilateral 100-round negotiations/s on a 10^4-bundle scenario: ${rate(ref) >= 10_000 ? "met" : "NOT met"} (${Math.round(rate(ref)).toLocaleString("en-US")}/s for boulware vs boulware)`,
);
const whatIfs = rows.find((r) => r.case.includes("varied what-ifs"))!;
const varied = rows.find((r) => r.case.includes("varied plain"))!;
console.log(
  `Target: >= 10,000 negotiations/s on varied scenarios (issue 18): what-ifs by applyEdits ${rate(whatIfs) >= 10_000 ? "met" : "NOT met"} (${Math.round(rate(whatIfs)).toLocaleString("en-US")}/s); new plain objects ${rate(varied) >= 10_000 ? "met" : "NOT met"} (${Math.round(rate(varied)).toLocaleString("en-US")}/s)`,
);
