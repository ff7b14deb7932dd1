import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bargainingProblem } from "../../src/analysis/analyze.js";
import { blocksOf } from "../../src/batch/shard.js";
import { compareBundles, compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { ParetoArchive } from "../../src/frontier/paretoArchive.js";
import { walkBundles } from "../../src/enumeration/walkBundles.js";
import { nashSolution } from "../../src/solutions/nash.js";
import { BundleCounter } from "../../src/uncertainty/bundleCounter.js";
import { chunkBlocks, monteCarlo, monteCarloJob } from "../../src/uncertainty/monteCarlo.js";
import { bundleIndexer } from "../../src/model/bundleIndexer.js";
import { drawCompiled } from "../../src/uncertainty/draws.js";
import { prepareMonteCarlo } from "../../src/uncertainty/monteCarloJob.js";
import { runDraw, runDrawBlock, runDrawRows } from "../../src/uncertainty/drawRows.js";
import { takeZopaCounts } from "../../src/uncertainty/zopaCounts.js";
import { planZopaKernel, runZopaKernel } from "../../src/uncertainty/zopaKernel.js";
import { scenarioArb } from "../helpers/arbitraries.js";

const scenarios = scenarioArb({ maxParties: 4, maxIssues: 6, maxOptions: 4, redLines: true, constraints: true }).map(
  validateScenario,
);
const spec = { "parties.*.reservation": { spread: 0.3 }, "parties.*.weights.*": { confidence: "low" as const } };

/** The definition the fast path must reproduce: every ZOPA bundle into a ParetoArchive in walk order, then nashSolution. */
function referenceNash(ctx: ReturnType<typeof prepareMonteCarlo>, i: number): { bundle: number; u: number[] } | null {
  const c = drawCompiled(ctx, i);
  const archive = new ParetoArchive((a, b) => compareBundles(c, a, b));
  walkBundles(c, { zopaOnly: true }, (b, u) => void archive.add(u, b));
  const best = nashSolution(bargainingProblem(c, archive.result()));
  if (best === null) return null;
  let x = 0;
  best.point.bundle.forEach((o, k) => (x += o * ctx.walk.strides[k]!));
  return { bundle: x, u: Array.from(best.point.utilities) };
}

describe("BundleCounter", () => {
  it("counts like a Map, in the dense layout (spilling past 255) and in the hash table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 300 })), { maxLength: 60 }),
        fc.boolean(),
        (adds, dense) => {
          const counter = new BundleCounter(4, dense ? 50 : 0);
          const oracle = new Map<number, number>();
          for (const [k, by] of adds) {
            const index = dense ? k : k * 2 ** 40 + 7; // large indices in the hash table
            if (by === 1) counter.increment(index);
            else counter.add(index, by);
            oracle.set(index, (oracle.get(index) ?? 0) + by);
          }
          const expected = [...oracle.entries()].sort((a, b) => a[0] - b[0]);
          const { index, count } = counter.entries();
          expect(Array.from(index, (x, j) => [x, count[j]])).toEqual(expected);
          expect(counter.size).toBe(oracle.size);
          counter.clear();
          expect(counter.entries().index.length).toBe(0);
          for (const [x] of expected) expect(counter.get(x)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("ZOPA kernel", () => {
  it("visits exactly the bundles of walkBundles, in the same order, with the same utilities (bit for bit)", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const c = compileScenario(s);
        const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides);
        if (plan === null) return;
        const expected: string[] = [];
        walkBundles(c, { zopaOnly: true }, (b, u) => void expected.push(`${Array.from(b)}|${Array.from(u)}`));
        const seen: string[] = [];
        const { encode } = bundleIndexer(c.sizes);
        const n = runZopaKernel(plan, c, (index, b, u) => {
          expect(index).toBe(encode(b));
          seen.push(`${Array.from(b)}|${Array.from(u)}`);
        });
        expect(seen).toEqual(expected);
        expect(n).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it("tabulates a tail of unconstrained issues and still agrees when it is wide", () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({
      id: `i${i}`,
      options: Array.from({ length: 3 }, (_, o) => ({ id: `o${o}` })),
    }));
    const party = (id: string, seed: number, reservation: number) => ({
      id,
      reservation,
      weights: Object.fromEntries(issues.map((x, i) => [x.id, 1 + ((i * seed) % 4)])),
      values: Object.fromEntries(
        issues.map((x, i) => [x.id, { o0: (i + seed) % 3, o1: (2 * i + seed) % 4, o2: 3 - ((i + seed) % 3) }]),
      ),
    });
    const s = validateScenario({
      id: "wide",
      issues,
      parties: [party("a", 1, 0.45), party("b", 2, 0.5), party("c", 3, 0.4)],
    } as Scenario);
    const c = compileScenario(s);
    const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides)!;
    expect(plan.tail?.start).toBe(1); // 3^6 = 729 combinations fit, 3^7 do not
    const expected: string[] = [];
    walkBundles(c, { zopaOnly: true }, (b, u) => void expected.push(`${Array.from(b)}|${Array.from(u)}`));
    const seen: string[] = [];
    runZopaKernel(plan, c, (_, b, u) => void seen.push(`${Array.from(b)}|${Array.from(u)}`));
    expect(expected.length).toBeGreaterThan(10);
    expect(seen).toEqual(expected);
  });
});

describe("Nash per draw without the frontier", () => {
  it("gives the bundle and utilities of nashSolution over the archived ZOPA, and the same ZOPA sizes", () => {
    let solved = 0;
    let fallbacks = 0;
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const ctx = prepareMonteCarlo(monteCarloJob(s, spec, { draws: 12, seed, solutions: ["nash"] }));
        for (let i = 0; i < 12; i++) {
          const row = runDraw(ctx, i);
          expect(row.solutions.nash ?? null).toEqual(referenceNash(ctx, i));
          let size = 0;
          walkBundles(drawCompiled(ctx, i), { zopaOnly: true }, () => void size++);
          expect(row.zopaSize).toBe(size);
          if (row.solutions.nash) solved++;
        }
        fallbacks += ctx.fallbacks;
      }),
      { numRuns: 150 },
    );
    // The certificate, not the fallback, answers most draws (ties are frequent here: integer values).
    expect(fallbacks).toBeLessThan(solved / 10);
  });

  it("breaks a near-tie (products 2e-12 apart) as pickBest does: sums tie too, so the canonically first bundle", () => {
    const s = validateScenario({
      id: "near-tie",
      issues: [{ id: "x", options: [{ id: "o1" }, { id: "o2" }, { id: "o3" }] }],
      parties: [
        {
          id: "a",
          reservation: 0,
          weights: { x: 1 },
          values: { x: { o1: 0.5, o2: 0.4, o3: 0.1 } },
          valueScale: "absolute",
        },
        {
          id: "b",
          reservation: 0,
          weights: { x: 1 },
          values: { x: { o1: 0.4, o2: 0.5 + 1e-12, o3: 0.1 } },
          valueScale: "absolute",
        },
      ],
    } as Scenario);
    const ctx = prepareMonteCarlo(
      monteCarloJob(s, { "parties.a.power": { spread: 0 } }, { draws: 3, seed: 1, solutions: ["nash"] }),
    );
    for (let i = 0; i < 3; i++) {
      const nash = runDraw(ctx, i).solutions.nash!;
      expect(nash).toEqual(referenceNash(ctx, i));
      expect(nash.bundle).toBe(0); // o1, although o2's product is larger by 2e-12
    }
  });

  it("falls back to the frontier when a gain is too close to the tolerance for the certificate", () => {
    // Only o1 is acceptable to a, with a gain of 1e-7: the bound of step 1 cannot be proved.
    const s = validateScenario({
      id: "thin",
      issues: [{ id: "x", options: [{ id: "o1" }, { id: "o2" }] }],
      parties: [
        {
          id: "a",
          reservation: 0.6 - 1e-7,
          weights: { x: 1 },
          values: { x: { o1: 0.6, o2: 0.3 } },
          valueScale: "absolute",
        },
        { id: "b", reservation: 0.1, weights: { x: 1 }, values: { x: { o1: 0.9, o2: 0.3 } }, valueScale: "absolute" },
      ],
    } as Scenario);
    const unc = { "parties.b.reservation": { dist: "uniform" as const, min: 0.1, max: 0.2 } };
    const ctx = prepareMonteCarlo(monteCarloJob(s, unc, { draws: 5, seed: 1, solutions: ["nash"] }));
    for (let i = 0; i < 5; i++) expect(runDraw(ctx, i).solutions.nash ?? null).toEqual(referenceNash(ctx, i));
    expect(ctx.fallbacks).toBe(5);
  });
});

describe("work units", () => {
  it("counts held over several blocks (runDrawRows, takeZopaCounts) are the sums of the per-block counts, and the rows are the same", () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 99 }),
        (s, lengths, seed) => {
          const job = monteCarloJob(s, spec, { draws: 40, seed, solutions: ["nash"] });
          const perBlock = prepareMonteCarlo(job);
          const held = prepareMonteCarlo(job);
          const sum = new Map<number, number>();
          let start = 0;
          for (const length of lengths) {
            const block = runDrawBlock(perBlock, start, start + length);
            Array.from(block.zopa.index).forEach((k, j) => sum.set(k, (sum.get(k) ?? 0) + block.zopa.count[j]!));
            expect(runDrawRows(held, start, start + length)).toEqual(block.rows);
            start += length;
          }
          const taken = takeZopaCounts(held);
          const index = Array.from(taken.index);
          expect(index).toEqual([...sum.keys()].sort((a, b) => a - b));
          expect(Array.from(taken.count)).toEqual(index.map((k) => sum.get(k)));
          expect(takeZopaCounts(held).index.length).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("chunkBlocks covers the blocks in order, largest units first, at most 10 blocks each, a 1/(2 threads) share of what is left", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 1, max: 8 }),
        (start, length, threads) => {
          const blocks = blocksOf(start, start + length, 100);
          const units = chunkBlocks(blocks, threads);
          expect(units[0]![0]).toBe(start);
          expect(units.at(-1)![1]).toBe(start + length);
          for (let k = 1; k < units.length; k++) expect(units[k]![0]).toBe(units[k - 1]![1]);
          for (const [a, b] of units)
            expect(blocks.some(([x]) => x === a) && blocks.some(([, y]) => y === b)).toBe(true);
          const sizes = units.map(([a, b]) => blocks.filter(([x, y]) => x >= a && y <= b).length);
          for (let k = 1; k < sizes.length; k++) expect(sizes[k]!).toBeLessThanOrEqual(sizes[k - 1]!);
          expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
          let left = blocks.length;
          for (const size of sizes) {
            expect(size).toBe(Math.min(10, Math.ceil(left / (2 * threads))));
            left -= size;
          }
        },
      ),
    );
  });

  it("--top lists the first bundles of the full ranking", () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 1, max: 12 }), (s, top) => {
        const all = monteCarlo(s, spec, { draws: 200, seed: 4, solutions: ["nash"] });
        const listed = monteCarlo(s, spec, { draws: 200, seed: 4, solutions: ["nash"], top });
        expect(listed.bundles).toEqual(all.bundles.slice(0, top));
        expect([listed.bundlesInZopa, all.bundlesInZopa]).toEqual([all.bundles.length, all.bundles.length]);
        expect(all.bundles.every((b) => b.pZopa > 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
