import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zopaFrontier } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { PointStore } from "../../src/enumeration/pointStore.js";
import { type MonotoneChain, mergeChain, monotoneChain } from "../../src/frontier/chainMerge.js";
import { decomposedFrontier } from "../../src/frontier/decomposedFrontier.js";

/** Values on a coarse grid (many exact ties and equal sums) or tenths (sums that round). */
const valueArb = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((k) => k / 4),
  fc.integer({ min: 0, max: 30 }).map((k) => k / 10),
);

const instanceOf = (maxR: number, minG: number, maxG: number) =>
  fc
    .record({
      dims: fc.integer({ min: 1, max: 4 }),
      gainCut: fc.integer({ min: 0, max: 1 }),
      nR: fc.integer({ min: 1, max: maxR }),
      nG: fc.integer({ min: minG, max: maxG }),
      seed: fc.array(valueArb, { minLength: 200, maxLength: 200 }),
      steps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
      up: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      need: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 4, maxLength: 4 }),
      rest: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
      rankSeed: fc.integer({ min: 0, max: 1000 }),
    })
    .map(({ dims, gainCut, nR, nG, seed, steps, up, need, rest, rankSeed }) => {
      const D = dims;
      // Two "issues": 0 fixed by R (its row index), 1 fixed by the group (its option index).
      const R = new PointStore(D, 2, nR);
      let k = 0;
      for (let r = 0; r < nR; r++) {
        const j = R.add();
        for (let d = 0; d < D; d++) R.values[j * D + d] = seed[k++ % seed.length]!;
        R.bundles[j * 2] = r;
      }
      // R sorted by decreasing coordinate 0, as the frontier keeps it.
      const sorted = new PointStore(D, 2, nR);
      const byX0 = Array.from({ length: nR }, (_, i) => i).sort((a, b) => R.values[b * D]! - R.values[a * D]! || a - b);
      for (const i of byX0) sorted.copyFrom(R, i);
      // A chain: each coordinate moves by 0-2 quarters per step, up or down; rows stored shuffled.
      const G = new PointStore(D, 2, nG);
      const order = Array.from({ length: nG }, (_, t) => (t * 7 + rankSeed) % nG);
      const unique = new Set(order).size === nG ? order : Array.from({ length: nG }, (_, t) => t);
      for (let t = 0; t < nG; t++) G.add();
      let s = 0;
      for (let t = 0; t < nG; t++) {
        const o = unique[t]!;
        G.bundles[o * 2 + 1] = t;
        for (let d = 0; d < D; d++) {
          const prev = t === 0 ? 1.5 : G.values[unique[t - 1]! * D + d]!;
          const step = t === 0 ? 0 : steps[s++ % steps.length]! / 4;
          G.values[o * D + d] = up[d] ? prev + step : prev - step;
        }
      }
      const chain: MonotoneChain = {
        order: Int32Array.from(unique),
        up: Uint8Array.from(up.slice(0, D), (b) => (b ? 1 : 0)),
      };
      const gainDims = Math.max(1, D - gainCut);
      // Canonical order: the group's issue first for odd seeds, then R's row (ranked backwards).
      const key = (r: number, o: number): [number, number] =>
        rankSeed % 2
          ? [G.bundles[o * 2 + 1]!, -sorted.bundles[r * 2]!]
          : [-sorted.bundles[r * 2]!, G.bundles[o * 2 + 1]!];
      const compare = (r: number, o: number, r2: number, o2: number): number => {
        const [a, b] = key(r, o);
        const [c, e] = key(r2, o2);
        return a - c || b - e;
      };
      return {
        R: sorted,
        G,
        chain,
        space: {
          issues: [1],
          rest: Float64Array.from(rest.slice(0, D), (x) => x / 2),
          need: Float64Array.from(need.slice(0, D), (x) => x / 2),
          gainDims,
          compare,
        },
      };
    });

const instanceArb = instanceOf(12, 1, 12);

type Instance = typeof instanceArb extends fc.Arbitrary<infer T> ? T : never;

/** Brute force: every candidate sum against every other, with the generic merge's filters. */
function oracle({ R, G, chain, space }: Instance): number[][] {
  const D = R.dims;
  const cands: { r: number; t: number; x: number[] }[] = [];
  for (let r = 0; r < R.size; r++)
    for (let t = 0; t < chain.order.length; t++) {
      const o = chain.order[t]!;
      const x = Array.from({ length: D }, (_, d) => R.values[r * D + d]! + G.values[o * D + d]!);
      if (x[0]! < space.need[0]! - space.rest[0]!) continue;
      if (x.some((v, d) => v + space.rest[d]! < space.need[d]!)) continue;
      cands.push({ r, t, x });
    }
  const beats = (a: (typeof cands)[0], b: (typeof cands)[0]): boolean => {
    if (a.x.some((v, d) => v < b.x[d]!)) return false;
    if (a.x.some((v, d) => d < space.gainDims && v > b.x[d]!)) return true;
    if (a.x.some((v, d) => v !== b.x[d]!)) return false;
    return space.compare(a.r, chain.order[a.t]!, b.r, chain.order[b.t]!) < 0;
  };
  return cands
    .filter((b) => !cands.some((a) => a !== b && beats(a, b)))
    .sort((a, b) => b.x[0]! - a.x[0]! || a.r - b.r || a.t - b.t)
    .map((p) => [p.r, p.t, ...p.x]);
}

describe("monotoneChain", () => {
  it("returns an order along which every coordinate is monotone, in the direction it reports", () => {
    fc.assert(
      fc.property(instanceArb, ({ G }) => {
        const chain = monotoneChain(G);
        // The generated rows are a chain, but sorted by increasing coordinates it may not show
        // (ties on coordinate 0 ordered against a falling coordinate): only the claim is checked.
        if (chain === null) return;
        expect([...chain.order].sort((a, b) => a - b)).toEqual(Array.from({ length: G.size }, (_, i) => i));
        const D = G.dims;
        for (let d = 0; d < D; d++)
          for (let t = 1; t < G.size; t++) {
            const step = G.values[chain.order[t]! * D + d]! - G.values[chain.order[t - 1]! * D + d]!;
            expect(chain.up[d] ? step >= 0 : step <= 0).toBe(true);
          }
      }),
      { numRuns: 300 },
    );
  });

  it("finds the chain of a group whose first coordinate strictly rises", () => {
    const g = new PointStore(3, 1);
    for (let k = 0; k < 4; k++) g.add();
    g.values.set([3, 0, 5, 1, 3, 8, 0, 9, 9, 2, 3, 6]); // steps 2, 1, 3, 0 stored shuffled
    const chain = monotoneChain(g)!;
    expect([...chain.order]).toEqual([2, 1, 3, 0]);
    expect([...chain.up]).toEqual([1, 0, 0]);
  });
});

describe("mergeChain", () => {
  const check = (inst: Instance): void => {
    const { next, candidates } = mergeChain(inst.R, inst.G, inst.chain, inst.space);
    const D = inst.R.dims;
    const expected = oracle(inst);
    // Row of R (bundle issue 0 holds the row before sorting) and step (issue 1) of each output.
    const rowOf = new Map(Array.from({ length: inst.R.size }, (_, r) => [inst.R.bundles[r * 2]!, r]));
    const got = Array.from({ length: next.size }, (_, j) => [
      rowOf.get(next.bundles[j * 2]!)!,
      next.bundles[j * 2 + 1]!,
      ...next.values.subarray(j * D, (j + 1) * D),
    ]);
    expect(got).toEqual(expected);
    // Candidates counted as the generic merge counts them: sums whose coordinate 0 passes.
    let count = 0;
    for (let r = 0; r < inst.R.size; r++)
      for (let o = 0; o < inst.G.size; o++)
        if (inst.R.values[r * D]! + inst.G.values[o * D]! >= inst.space.need[0]! - inst.space.rest[0]!) count++;
    expect(candidates).toBe(count);
  };

  it("keeps exactly the candidates no other candidate dominates (one per class of equal sums), sorted", () => {
    fc.assert(fc.property(instanceArb, check), { numRuns: 500 });
  });

  it("does the same on chains long enough to be split into intervals of steps", () => {
    fc.assert(fc.property(instanceOf(5, 33, 90), check), { numRuns: 80 });
  });
});

/** Parties valuing an issue of `steps` + 1 numbers piecewise linearly, rising or falling (or peaked). */
const numericScenarioArb = fc
  .record({
    parties: fc.integer({ min: 2, max: 4 }),
    steps: fc.integer({ min: 31, max: 60 }),
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    ints: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 120, maxLength: 120 }),
    peaked: fc.boolean(),
  })
  .map(({ parties, steps, sizes, ints, peaked }): Scenario => {
    let k = 0;
    const next = (n: number): number => ints[k++ % ints.length]! % n;
    const discrete = sizes.map((n, i) => ({
      id: `i${i}`,
      options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })),
    }));
    const numeric = { id: "cap", type: "numeric" as const, range: { min: 0, max: steps, step: 1 } };
    return {
      id: "numeric",
      issues: [...discrete, numeric],
      parties: Array.from({ length: parties }, (_, p) => {
        const mid = 1 + next(steps - 1);
        const shape = peaked && p === 0 ? 2 : next(2);
        const points: [number, number][] =
          shape === 2
            ? [
                [0, 0],
                [mid, 10],
                [steps, next(4)],
              ]
            : shape === 1
              ? [
                  [0, 0],
                  [mid, 1 + next(9)],
                  [steps, 10],
                ]
              : [
                  [0, 10],
                  [mid, next(9)],
                  [steps, 0],
                ];
        return {
          id: `p${p}`,
          weights: Object.fromEntries([...discrete.map((i) => [i.id, next(4)]), ["cap", 1 + next(3)]]),
          values: Object.fromEntries([
            ...discrete.map((i) => [
              i.id,
              Object.fromEntries(i.options.map((o, j) => [o.id, j === 0 ? 1 + next(4) : next(5)])),
            ]),
            ["cap", { points }],
          ]),
          reservation: next(5) / 10,
        };
      }),
    } as Scenario;
  });

describe("decomposedFrontier with a numeric issue merged as a chain", () => {
  it("equals the enumerated frontier, bundle for bundle", () => {
    const plain = (pts: { bundle: Int32Array; utilities: Float64Array }[]) =>
      pts.map((p) => ({ b: [...p.bundle], u: [...p.utilities] }));
    fc.assert(
      fc.property(numericScenarioArb, (s) => {
        const c = compileScenario(validateScenario(s));
        expect(plain(decomposedFrontier(c).points)).toEqual(plain(zopaFrontier(c).points));
      }),
      { numRuns: 150 },
    );
  });
});
