import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontierPoints, zopaFrontier } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { directFrontier } from "../../src/frontier/directFrontier.js";
import { UTILITY_TOLERANCE } from "../../src/model/tolerance.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { everyFeature, scenarioArb } from "../helpers/arbitraries.js";
import { twoBinaryIssues } from "../helpers/twoBinaryIssues.js";

const plain = (pts: readonly { bundle: Int32Array; utilities: Float64Array }[]) =>
  pts.map((p) => ({ b: [...p.bundle], u: [...p.utilities] }));

describe("directFrontier", () => {
  it("equals the enumerated frontier, bundle for bundle and in order, on random two-party scenarios with ties and red lines", () => {
    fc.assert(
      fc.property(scenarioArb({ maxParties: 2, maxIssues: 6, maxOptions: 5, redLines: true }), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(c.partyIds.length === 2);
        const got = directFrontier(c);
        expect(got).not.toBeNull();
        expect(plain(got!)).toEqual(plain(zopaFrontier(c).points));
        expect(plain(frontierPoints(c))).toEqual(plain(got!));
      }),
      { numRuns: 400 },
    );
  });

  it("declines what it does not handle (not two parties, constraints, constituencies, interactions, too many sums); frontierPoints is then unchanged", () => {
    fc.assert(
      fc.property(scenarioArb(everyFeature(3)), (s) => {
        const c = compileScenario(validateScenario(s));
        const plainCase =
          c.partyIds.length === 2 && !c.hasInteractions && c.agents.length === 0 && c.constraints.length === 0;
        expect(directFrontier(c) === null).toBe(!plainCase);
        const capped = directFrontier(c, 1); // gives up on the first issue of more than one option
        if (!plainCase) expect(capped).toBeNull();
        else if (capped !== null) expect(plain(capped)).toEqual(plain(zopaFrontier(c).points));
        if (notVoting(c)) expect(plain(frontierPoints(c))).toEqual(plain(zopaFrontier(c).points));
      }),
      { numRuns: 300 },
    );
  });
});

describe("directFrontier at the reach test's boundary", () => {
  it("keeps bundles worth exactly a reservation less the tolerance, for either party", () => {
    // Each party's reservation less the tolerance rounds to 0.5 on the grid, and each party has a
    // frontier bundle worth exactly 0.5: a strict test (or an inexact threshold) would drop it.
    const reservation = 0.5 + UTILITY_TOLERANCE;
    const c = twoBinaryIssues("boundary", [
      { id: "x", a: [0, 1], b: [1, 0], reservation },
      { id: "y", a: [1, 0], b: [1, 0], reservation },
    ]);
    const expected = plain(zopaFrontier(c).points);
    expect(expected.map((p) => p.u)).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(plain(directFrontier(c)!)).toEqual(expected);
  });
});

describe("directFrontier off the utility grid", () => {
  it("gives up (the general methods then run) when sums of utilities are not exact", () => {
    // Compiled utilities are on a grid where sums are exact; these two are 2^-54 apart, and adding
    // 0.75 to each gives the same double, so the runs of sums would not be strictly in order.
    const base = compileScenario(
      validateScenario({
        id: "off-grid",
        issues: [
          { id: "x", options: [{ id: "p" }, { id: "q" }] },
          { id: "y", options: [{ id: "r" }, { id: "s" }] },
        ],
        parties: ["a", "b"].map((id) => ({
          id,
          reservation: 0,
          weights: { x: 0.5, y: 0.5 },
          values: { x: { p: 1, q: 0 }, y: { r: 1, s: 0 } },
        })),
      }),
    );
    const contrib = (x: number[], y: number[]) => [Float64Array.from(x), Float64Array.from(y)];
    const exact = { ...base, contrib: [contrib([0.5, 0.25], [0.75, 0]), contrib([0, 2 ** -40], [0, 0])] };
    expect(directFrontier(exact)).not.toBeNull();
    const inexact = {
      ...base,
      contrib: [contrib([0.5, 0.5 - 2 ** -54], [0.75, 0]), contrib([0, 2 ** -40], [0, 0])],
    };
    expect(0.5 + 0.75).toBe(0.5 - 2 ** -54 + 0.75); // the premise
    expect(directFrontier(inexact)).toBeNull();
    // A repeated sum at a run head that is not taken (another run's head, with the same sum, is):
    // its successor would have come first (found in review), so this too must give up.
    const hidden = {
      ...base,
      contrib: [contrib([0.5, 0.5 - 2 ** -54], [0.75, 0.75 - 2 ** -53]), contrib([0, 0.5], [0, 0.25])],
    };
    expect(directFrontier(hidden)).toBeNull();
  });
});

describe("directFrontier on a built-in scenario", () => {
  it("gives up past its candidate cap, and frontierPoints then falls back to enumeration", () => {
    const c = compileScenario(builtinScenario("nash-1950"));
    expect(directFrontier(c, 1)).toBeNull();
    expect(plain(directFrontier(c)!)).toEqual(plain(zopaFrontier(c).points));
  });

  it("leaves frontierPoints' limit error and forced algorithms as they were", () => {
    const c = compileScenario(builtinScenario("nash-1950")); // 512 bundles: auto enumerates them
    expect(() => frontierPoints(c, { maxOutcomes: 100 })).toThrow(/over the enumeration limit of 100/);
    expect(plain(frontierPoints(c, { algorithm: "enumerate" }))).toEqual(plain(directFrontier(c)!));
    expect(plain(frontierPoints(c, { algorithm: "frontier" }))).toEqual(plain(directFrontier(c)!));
  });
});

/** Scenarios whose frontier enumeration and the frontier method agree on (both exact when decomposable). */
function notVoting(c: ReturnType<typeof compileScenario>): boolean {
  return c.ratification.every((r) => r.agents.every((a) => c.agents[a]!.mustAccept));
}
