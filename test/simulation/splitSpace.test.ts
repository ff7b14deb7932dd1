import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { outcomeSpace, simulationSpace } from "../../src/simulation/outcomeSpace.js";
import { negotiate } from "../../src/simulation/simulate.js";
import { SPLIT_SEARCH_LIMIT, splitEligible, splitSpace } from "../../src/simulation/splitSpace.js";
import { seededRandom } from "../../src/simulation/random.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { smallScenarioArb } from "./arb.js";

/**
 * The scenario with issues and options renamed so that declaration order is not canonical order
 * (issue ids descending, option ids reversed within each issue): canonical tie-breaks get tested.
 */
function scrambled(s: Scenario): Scenario {
  const I = s.issues.length;
  const issueId = (i: number): string => `q${String(I - 1 - i).padStart(2, "0")}`;
  const names = new Map<string, { id: string; options: Map<string, string> }>();
  const issues = s.issues.map((issue, i) => {
    if (issue.type === "numeric") throw new Error("discrete issues only");
    const n = issue.options.length;
    const options = new Map(issue.options.map((o, k) => [o.id, `v${n - 1 - k}`]));
    names.set(issue.id, { id: issueId(i), options });
    return { id: issueId(i), options: issue.options.map((o) => ({ id: options.get(o.id)! })) };
  });
  const parties = s.parties.map((p) => ({
    ...p,
    weights: Object.fromEntries(Object.entries(p.weights).map(([i, w]) => [names.get(i)!.id, w])),
    values: Object.fromEntries(
      Object.entries(p.values).map(([i, v]) => [
        names.get(i)!.id,
        Object.fromEntries(
          Object.entries(v as Record<string, number>).map(([o, x]) => [names.get(i)!.options.get(o)!, x]),
        ),
      ]),
    ),
    redLines: p.redLines?.map((r) => ({
      issue: names.get(r.issue)!.id,
      reject: r.reject?.map((o) => names.get(r.issue)!.options.get(o)!),
    })),
  }));
  return { ...s, issues, parties } as Scenario;
}

const scenarios = fc
  .tuple(smallScenarioArb({ parties: [2, 3], maxIssues: 5, maxOptions: 5, redLines: true }), fc.boolean())
  .map(([s, scramble]) => (scramble ? scrambled(s) : s));

describe("split outcome space", () => {
  it("searches a party's halves with red lines as the full space does, on fresh search scratch", async () => {
    // 4 x 5 x 5 | 6 x 6: 100 first-half rows, 75 of them without p0's red-lined option. The search
    // scratch once grew only to 75 rows while being indexed by row (up to 99): found by the property
    // test "time-dependent offers never rise" (seed -1852034309), only when no earlier scenario had
    // grown the scratch. A fresh module starts with small scratch.
    vi.resetModules();
    const fresh = await import("../../src/simulation/splitSpace.js");
    const sizes = [4, 5, 5, 6, 6];
    const rng = seededRandom("split-red-scratch");
    const issues = sizes.map((n, i) => ({
      id: `i${i}`,
      options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })),
    }));
    const party = (id: string, reject: string) => ({
      id,
      weights: Object.fromEntries(issues.map((i) => [i.id, 1 + Math.floor(rng() * 4)])),
      values: Object.fromEntries(
        issues.map((i) => [i.id, Object.fromEntries(i.options.map((o) => [o.id, Math.floor(rng() * 6)]))]),
      ),
      reservation: 0.5,
      redLines: [{ issue: "i0", reject: [reject] }],
    });
    const c = compileScenario(validateScenario({ id: "red", issues, parties: [party("p0", "o0"), party("p1", "o3")] }));
    const full = outcomeSpace(c);
    const split = fresh.splitSpace(c, () => full);
    const a = new Int32Array(16);
    const b = new Int32Array(16);
    for (let p = 0; p < 2; p++)
      for (let t = 0; t <= 50; t++) {
        const target = t / 50;
        const n = split.nearAbove(p, target, target + 0.05, 16, a);
        expect([...a.subarray(0, n)]).toEqual([...b.subarray(0, full.nearAbove(p, target, target + 0.05, 16, b))]);
      }
  });

  it("answers every query as the full outcome space does, bit for bit (random small scenarios)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          scenarios,
          scenarioArb({ maxParties: 3, maxIssues: 5, maxOptions: 5, redLines: true, interactions: true }),
        ),
        fc.integer({ min: 0, max: 1e6 }),
        (s, seed) => {
          const c = compileScenario(validateScenario(s));
          if (!splitEligible(c)) {
            expect(
              c.issueIds.length < 2 ||
                c.hasInteractions ||
                c.constraints.length > 0 ||
                c.ratification.some((r) => r.agents.length > 0),
            ).toBe(true);
            return;
          }
          const f = outcomeSpace(c);
          let split = splitSpace(c, () => f);
          let searches = 0;
          /** A fresh split space every so often, so that no search is handed to the full space. */
          const fresh = (): typeof split => {
            if (++searches >= SPLIT_SEARCH_LIMIT) {
              searches = 0;
              split = splitSpace(c, () => f);
            }
            return split;
          };
          const P = f.parties;
          const I = f.issues;
          expect(split.size).toBe(f.size);
          for (let k = 0; k < f.size; k++) {
            for (let p = 0; p < P; p++) {
              expect(Object.is(split.utilityOf(k, p), f.utility[k * P + p])).toBe(true);
              expect(split.accepts(k, p)).toBe(f.acceptable[k * P + p] === 1);
            }
            expect(split.acceptedByAll(k)).toBe(f.allAccept[k] === 1);
            for (let i = 0; i < I; i++) expect(split.option(k, i)).toBe(f.bundles[k * I + i]);
            expect(Array.from(split.row(k))).toEqual(Array.from(f.row(k)));
            expect(split.find(f.row(k))).toBe(k);
          }
          const random = seededRandom(seed);
          const a = new Int32Array(17);
          const b = new Int32Array(17);
          for (let p = 0; p < P; p++) {
            expect(fresh().best(p)).toBe(f.best(p));
            expect(Object.is(fresh().maxAccepted(p), f.maxAccepted(p))).toBe(true);
            expect(Object.is(fresh().minAccepted(p), f.minAccepted(p))).toBe(true);
            // Targets at every utility (ties), just off them, and random; tops and limits varied.
            const targets = Array.from(f.ownUtility[p]!).flatMap((u) => [u, u + 1e-9, u - 2e-9]);
            for (let j = 0; j < 20; j++) targets.push(random() * 1.2 - 0.1);
            for (const target of targets) {
              const limit = 1 + Math.floor(random() * 17);
              const top = random() < 0.2 ? Number.POSITIVE_INFINITY : target + random() * 0.3;
              const n = fresh().nearAbove(p, target, top, limit, a);
              expect(n).toBe(f.nearAbove(p, target, top, limit, b));
              expect(Array.from(a.subarray(0, n))).toEqual(Array.from(b.subarray(0, n)));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("negotiations on a split space have the same outcome and moves as on the full space, also once searches move to the full space", () => {
    const strategies = ["boulware", "conceder", "linear", "tit-for-tat", "hardliner", "random", "boulware:model=0"];
    fc.assert(
      fc.property(
        scenarios,
        fc.constantFrom(...strategies),
        fc.constantFrom(...strategies),
        fc.integer({ min: 0, max: 1000 }),
        (s, x, y, seed) => {
          // Validated, so that each keeps its space (a plain object is validated again on each call).
          const onFull = validateScenario(structuredClone(s));
          const full = outcomeSpace(onFull); // built first: the simulations then run on it
          const onSplit = validateScenario(structuredClone(s));
          const c = compileScenario(onSplit);
          const space = simulationSpace(onSplit);
          expect(Object.hasOwn(space, "utility")).toBe(!splitEligible(c)); // a split space reads it from the full one
          const ids = s.parties.map((p) => p.id);
          const parties = Object.fromEntries(ids.map((id, k) => [id, { strategy: k % 2 === 0 ? x : y }]));
          const protocol = ids.length > 2 ? ("stacked" as const) : ("alternating" as const);
          // Enough runs on the same split space to pass SPLIT_SEARCH_LIMIT.
          for (let r = 0; r < 12; r++) {
            const options = { rounds: 60, seed: seed + r, protocol, parties };
            const a = negotiate(onSplit, options);
            const b = negotiate(onFull, options);
            expect(b.session.space).toBe(full);
            expect(a.outcome).toEqual(b.outcome);
            expect(a.session.moves).toEqual(b.session.moves);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("what-ifs that share a party's valuation share its sorted halves, and answer as their full spaces do", () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: 1e6 }), (s, seed) => {
        const base = validateScenario(s);
        if (!splitEligible(compileScenario(base))) return;
        const changed = base.parties[0]!.id;
        const whatIf = (k: number) =>
          applyEdits(base, [{ op: "setReservation", party: changed, value: k / 10 + 0.05 }]);
        const random = seededRandom(seed);
        const a = new Int32Array(17);
        const b = new Int32Array(17);
        const spaces = [whatIf(2), whatIf(5), whatIf(8)].map((w) => [
          simulationSpace(w),
          outcomeSpace(compileScenario(w)),
        ]);
        for (const [split, full] of spaces) {
          for (let p = 0; p < full!.parties; p++) {
            expect(split!.best(p)).toBe(full!.best(p));
            expect(Object.is(split!.minAccepted(p), full!.minAccepted(p))).toBe(true);
            for (let j = 0; j < 12; j++) {
              const target = random() * 1.2 - 0.1;
              const n = split!.nearAbove(p, target, target + 0.1, 16, a);
              expect(n).toBe(full!.nearAbove(p, target, target + 0.1, 16, b));
              expect(Array.from(a.subarray(0, n))).toEqual(Array.from(b.subarray(0, n)));
            }
          }
        }
        // The unchanged parties' tables are one object across the what-ifs; the changed party's are not.
        const halves = (x: unknown) => (x as { halves: unknown[] }).halves;
        const [h1, h2] = [halves(spaces[0]![0]), halves(spaces[1]![0])];
        expect(h1[0]).not.toBe(h2[0]);
        for (let p = 1; p < h1.length; p++) expect(h1[p]).toBe(h2[p]);
      }),
      { numRuns: 100 },
    );
  });
});
