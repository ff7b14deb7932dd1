import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontierPoints, zopaFrontier } from "../../src/analysis/analyze.js";
import { type CompiledScenario, compareBundles, compileScenario } from "../../src/model/compile.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import { validateScenario } from "../../src/model/validate.js";
import { DEFAULT_MAX_CANDIDATES, decomposedFrontier, sortFrontier } from "../../src/frontier/decomposedFrontier.js";
import { smallFrontier } from "../../src/frontier/smallFrontier.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { everyFeature, scenarioArb } from "../helpers/arbitraries.js";

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

  it("gives the built-in scenarios' frontiers", () => {
    const c = compileScenario(builtinScenario("nash-1950"));
    expect(plain(sortFrontier(c, smallFrontier(c)!.points))).toEqual(plain(zopaFrontier(c).points));
  });
});
