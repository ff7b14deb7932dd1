import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontierPoints, zopaFrontier } from "../../src/analysis/analyze.js";
import { type CompiledScenario, compareBundles, compileScenario } from "../../src/model/compile.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import { validateScenario } from "../../src/model/validate.js";
import {
  DEFAULT_MAX_CANDIDATES,
  DEFAULT_MEMORY_BUDGET_BYTES,
  decomposedFrontier,
  sortFrontier,
} from "../../src/frontier/decomposedFrontier.js";
import { SMALL_MAX_CANDIDATES, smallFrontier, smallMethodsFit } from "../../src/frontier/smallFrontier.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { everyFeature, scenarioArb } from "../helpers/arbitraries.js";
import { twoBinaryIssues } from "../helpers/twoBinaryIssues.js";

const plain = (pts: readonly { bundle: Int32Array; utilities: Float64Array }[]) =>
  pts.map((p) => ({ b: [...p.bundle], u: [...p.utilities] }));

/** Every bundle, the ZOPA's, the non-dominated ones (of equal vectors the first in canonical order), sorted. */
function bruteForce(c: CompiledScenario): { bundle: Int32Array; utilities: Float64Array }[] {
  const P = c.partyIds.length;
  const I = c.sizes.length;
  const zopa: { bundle: Int32Array; utilities: Float64Array }[] = [];
  const b = new Int32Array(I);
  for (;;) {
    const u = new Float64Array(P);
    let ok = true;
    for (let p = 0; p < P; p++) {
      for (let i = 0; i < I; i++) {
        if (c.redLine[p]![i]![b[i]!]) ok = false;
        u[p] = u[p]! + c.contrib[p]![i]![b[i]!]!;
      }
      if (u[p]! < c.reservation[p]! - UTILITY_TOLERANCE) ok = false;
    }
    if (ok) zopa.push({ bundle: b.slice(), utilities: u });
    let i = 0;
    while (i < I && ++b[i]! === c.sizes[i]!) b[i++] = 0;
    if (i === I) break;
  }
  const front = zopa.filter(
    (x) =>
      !zopa.some((y) => {
        let ge = true;
        let gt = false;
        for (let p = 0; p < P; p++) {
          if (y.utilities[p]! < x.utilities[p]!) ge = false;
          if (y.utilities[p]! > x.utilities[p]!) gt = true;
        }
        return ge && (gt || compareBundles(c, y.bundle, x.bundle) < 0);
      }),
  );
  return sortFrontier(c, front);
}

describe("smallFrontier", () => {
  it("equals brute force and enumeration, bundle for bundle and in order, on random 3-4-party scenarios with ties and red lines", () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true }),
        fc.boolean(),
        (s, noReservations) => {
          const scenario = noReservations ? { ...s, parties: s.parties.map((p) => ({ ...p, reservation: 0 })) } : s;
          const c = compileScenario(validateScenario(scenario));
          fc.pre(c.partyIds.length >= 3);
          const got = smallFrontier(c);
          expect(got).not.toBeNull();
          const sorted = plain(sortFrontier(c, got!.points));
          expect(sorted).toEqual(plain(bruteForce(c)));
          expect(sorted).toEqual(plain(zopaFrontier(c).points));
          // frontierPoints under auto takes this path too, whatever algorithm auto would pick.
          expect(plain(frontierPoints(c))).toEqual(sorted);
          // decomposedFrontier takes this path by default; forced past it, the same points.
          expect(plain(decomposedFrontier(c).points)).toEqual(sorted);
          expect(plain(decomposedFrontier(c, { maxCandidates: DEFAULT_MAX_CANDIDATES }).points)).toEqual(sorted);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("declines scenarios with constraints, constituencies or interactions, and gives up past its comparison cap", () => {
    fc.assert(
      fc.property(scenarioArb(everyFeature(4)), (s) => {
        const c = compileScenario(validateScenario(s));
        const plainCase = !c.hasInteractions && c.agents.length === 0 && c.constraints.length === 0;
        expect(smallFrontier(c) === null).toBe(!plainCase);
        if (!plainCase) return;
        const capped = smallFrontier(c, 0);
        if (capped !== null) expect(plain(sortFrontier(c, capped.points))).toEqual(plain(zopaFrontier(c).points));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["(b0, c1) and (b1, c0)", false],
    ["(b0, c0) and (b1, c1)", true],
  ])(
    "breaks an exact tie of partial sums, %s, in canonical bundle order, an issue not yet taken counting as equal",
    (_, flip) => {
      // Issues b and c (two options each) are taken before a (three), which comes first in
      // canonical order. The two partial bundles named give every party exactly the same utility,
      // so the merge over c meets an exact tie while a is not taken yet: the one with b0 must be
      // kept, as enumeration keeps (a?, b0, ...) over (a?, b1, ...). The two cases put the one to
      // keep in the first and in the second run of the merge.
      const ids = (n: number, p: string) => Array.from({ length: n }, (_, k) => ({ id: `${p}${k}` }));
      const cx = flip ? { c0: 0, c1: 1 } : { c0: 1, c1: 0 };
      const cy = flip ? { c0: 1, c1: 0 } : { c0: 0, c1: 1 };
      const c = compileScenario(
        validateScenario({
          id: "tie",
          issues: [
            { id: "a", options: ids(3, "a") },
            { id: "b", options: ids(2, "b") },
            { id: "c", options: ids(2, "c") },
          ],
          parties: [
            {
              id: "x",
              weights: { a: 1, b: 1, c: 1 },
              values: { a: { a0: 1, a1: 0, a2: 0.5 }, b: { b0: 1, b1: 0 }, c: cx },
              reservation: 0,
            },
            {
              id: "y",
              weights: { a: 1, b: 1, c: 1 },
              values: { a: { a0: 0, a1: 1, a2: 0.5 }, b: { b0: 0, b1: 1 }, c: cy },
              reservation: 0,
            },
            {
              id: "z",
              weights: { a: 1, b: 1, c: 1 },
              values: { a: { a0: 1, a1: 1, a2: 1 }, b: { b0: 1, b1: 1 }, c: { c0: 1, c1: 1 } },
              reservation: 0,
            },
          ],
        }),
      );
      const got = plain(sortFrontier(c, smallFrontier(c)!.points));
      expect(got).toEqual(plain(bruteForce(c)));
      expect(got).toEqual(plain(zopaFrontier(c).points));
      // The b1 bundle of the tie comes after the b0 one whatever a is: it is never on the frontier.
      const keep = flip ? 0 : 1;
      expect(got.some((p) => p.b[1] === 0 && p.b[2] === keep)).toBe(true);
      expect(got.some((p) => p.b[1] === 1 && p.b[2] === 1 - keep)).toBe(false);
    },
  );

  it("gives the built-in scenarios' frontiers", () => {
    const c = compileScenario(builtinScenario("nash-1950"));
    expect(plain(sortFrontier(c, smallFrontier(c)!.points))).toEqual(plain(zopaFrontier(c).points));
  });

  it("runs under budgets that cover its caps (the command line's defaults), not under smaller ones", () => {
    const defaults = { maxCandidates: DEFAULT_MAX_CANDIDATES, memoryBudgetBytes: DEFAULT_MEMORY_BUDGET_BYTES };
    fc.assert(
      fc.property(scenarioArb({ maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true }), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(c.partyIds.length > 2); // two parties: directFrontier, before decomposedFrontier
        const small = smallFrontier(c);
        fc.pre(small !== null && small.points.length > 0);
        expect(smallMethodsFit(c, defaults)).toBe(true);
        // The decomposed method took the small one's route: its candidate count is the small one's.
        const viaDefaults = decomposedFrontier(c, defaults);
        expect(viaDefaults.candidates).toBe(small.candidates);
        expect(plain(viaDefaults.points)).toEqual(plain(sortFrontier(c, small.points)));
        // A candidate budget under the small method's cap (a step may form SMALL_MAX_CANDIDATES
        // sums) sends it to the general method, which counts its own candidates against it.
        const tight = { maxCandidates: SMALL_MAX_CANDIDATES * c.sizes.length - 1 };
        expect(smallMethodsFit(c, tight)).toBe(false);
        expect(smallMethodsFit(c, { memoryBudgetBytes: 20_000 })).toBe(false);
        expect(plain(decomposedFrontier(c, tight).points)).toEqual(plain(viaDefaults.points));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a bundle worth exactly the reservation less the tolerance (the reach test's boundary)", () => {
    // Party x's reservation less the tolerance (0.5 + 1e-9 - 1e-9, a double just under 0.5) rounds
    // up to 0.5 on the grid: a bundle worth exactly 0.5 reaches it, at the boundary, where a
    // strict test (or an inexact threshold) would drop it.
    const reservation = 0.5 + UTILITY_TOLERANCE;
    expect(0.5 >= reservation - UTILITY_TOLERANCE).toBe(true); // the premise
    // x gets 0.5 from (a0, b0) and (a1, b1), 1 from (a1, b0), 0 from (a0, b1).
    const c = twoBinaryIssues("boundary", [
      { id: "x", a: [0, 1], b: [1, 0], reservation },
      { id: "y", a: [1, 0], b: [0, 1], reservation: 0 },
      { id: "z", a: [1, 0], b: [1, 0], reservation: 0 },
    ]);
    const expected = plain(zopaFrontier(c).points);
    expect(expected.some((p) => p.u[0] === 0.5)).toBe(true); // a frontier bundle at the boundary
    expect(plain(sortFrontier(c, smallFrontier(c)!.points))).toEqual(expected);
    expect(plain(frontierPoints(c))).toEqual(expected);
  });

  it("gives way to the general methods on hand-made tables whose sums would not be exact", () => {
    const c0 = compileScenario(
      validateScenario({
        id: "hand-made",
        issues: [{ id: "a", options: [{ id: "a0" }, { id: "a1" }] }],
        parties: ["x", "y", "z"].map((id, p) => ({
          id,
          weights: { a: 1 },
          values: { a: { a0: p === 1 ? 0 : 1, a1: p === 1 ? 1 : 0 } },
          reservation: 0,
        })),
      }),
    );
    expect(smallFrontier(c0)).not.toBeNull();
    const off = 0.6 - UTILITY_TOLERANCE; // off the grid: party x's reservation less the tolerance
    const cases: CompiledScenario[] = [
      {
        ...c0,
        contrib: [[Float64Array.of(off, 0)], c0.contrib[1]!, c0.contrib[2]!],
        reservation: Float64Array.of(0.6, 0, 0),
      },
      { ...c0, contrib: [[Float64Array.of(-0.25, 0)], c0.contrib[1]!, c0.contrib[2]!] },
      { ...c0, contrib: [[Float64Array.of(Number.NaN, 0)], c0.contrib[1]!, c0.contrib[2]!] },
      { ...c0, contrib: [[Float64Array.of(8, 0)], c0.contrib[1]!, c0.contrib[2]!] },
      { ...c0, reservation: Float64Array.of(Number.NaN, 0, 0) },
    ];
    for (const c of cases) {
      expect(smallFrontier(c)).toBeNull();
      expect(plain(frontierPoints(c))).toEqual(plain(zopaFrontier(c).points));
    }
    // The first: enumeration keeps the bundle worth exactly the reservation less the tolerance.
    expect(plain(frontierPoints(cases[0]!)).map((p) => p.u)).toEqual([[off, 0, 1]]);
  });
});
