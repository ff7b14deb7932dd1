import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { forEachZopaBundle } from "../../src/analysis/zopa.js";
import { explainBundle } from "../../src/explain/explainBundle.js";
import type { Bundle, Constituency, Scenario } from "../../src/model/types.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { scenarioArb } from "../helpers/arbitraries.js";

const key = (b: Bundle): string => JSON.stringify(Object.entries(b).sort());
const zopaSet = (s: Scenario): Set<string> => {
  const out = new Set<string>();
  forEachZopaBundle(s, (p) => void out.add(key(p.bundle)));
  return out;
};

describe("two-level games: ratification by domestic constituencies (Putnam 1988)", () => {
  it("under the unanimity rule, adding a constituency never enlarges a win-set: the new ZOPA is inside the old one", () => {
    fc.assert(
      fc.property(
        scenarioArb({ redLines: true, constituencies: true }),
        fc.nat(),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (s, who, res, vetoFlag) => {
          const p = who % s.parties.length;
          const party = s.parties[p]!;
          // A veto player under a vote rule still adds its votes, which can tip a majority: see the next test.
          fc.pre((party.ratification?.rule ?? "all") === "all");
          const veto = vetoFlag;
          const extra: Constituency = {
            id: "extra",
            weights: party.weights,
            values: Object.fromEntries(Object.entries(party.values).map(([k, v]) => [k, v])),
            reservation: res / 10,
            ...(veto ? { veto: true } : {}),
          };
          const withExtra: Scenario = {
            ...s,
            parties: s.parties.map((q, k) =>
              k === p
                ? {
                    ...q,
                    constituencies: [...(q.constituencies ?? []).filter((c) => c.id !== "extra"), extra],
                    ...(q.ratification ? {} : {}),
                  }
                : q,
            ),
          };
          const before = zopaSet(s);
          const after = zopaSet(withExtra);
          expect(after.size).toBeLessThanOrEqual(before.size);
          for (const b of after) expect(before.has(b)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("under a vote-counting rule an extra accepting voter can enlarge a win-set (why the property above needs unanimity)", () => {
    const s: Scenario = {
      id: "votes",
      issues: [{ id: "x", options: [{ id: "a" }, { id: "b" }] }],
      parties: [
        {
          id: "p",
          weights: { x: 1 },
          values: { x: { a: 1, b: 1 } },
          reservation: 0,
          constituencies: [
            { id: "yes", weights: { x: 1 }, values: { x: { a: 1, b: 0 } }, reservation: 0.5 },
            { id: "no", weights: { x: 1 }, values: { x: { a: 0, b: 1 } }, reservation: 0.5 },
          ],
          ratification: { rule: "majority" },
        },
      ],
    };
    expect(analyze(s).zopa.count).toBe(0); // 1 of 2 votes is not a majority
    const more: Scenario = {
      ...s,
      parties: [
        {
          ...s.parties[0]!,
          constituencies: [
            ...s.parties[0]!.constituencies!,
            { id: "also-yes", weights: { x: 1 }, values: { x: { a: 1, b: 0 } }, reservation: 0.5 },
          ],
        },
      ],
    };
    expect(analyze(more).zopa.count).toBe(1); // 2 of 3 votes ratify a
  });

  it("with constituencies that accept everything the analysis equals the foundation's", () => {
    fc.assert(
      fc.property(scenarioArb({ redLines: true, constraints: true }), (s) => {
        const lax: Scenario = {
          ...s,
          parties: s.parties.map((p) => ({
            ...p,
            constituencies: [{ id: "rubber-stamp", weights: p.weights, values: p.values, reservation: 0 }],
            ratification: { rule: "majority" },
          })),
        };
        const a = analyze(s);
        const b = analyze(lax);
        expect(b.zopa).toEqual(a.zopa);
        expect(b.frontier).toEqual(a.frontier);
        expect(b.solutions).toEqual(a.solutions);
      }),
      { numRuns: 80 },
    );
  });

  it("ukraine-2025-ratification: the referendum and Congress vetoes shrink the ZOPA, and every bundle that leaves it is one a constituency refuses", () => {
    const base = analyze(builtinScenario("ukraine-2025"));
    const two = analyze(builtinScenario("ukraine-2025-ratification"));
    expect(two.zopa.count).toBeGreaterThan(0);
    expect(two.zopa.count).toBeLessThan(base.zopa.count);
    const inner = zopaSet(builtinScenario("ukraine-2025-ratification"));
    const outer = zopaSet(builtinScenario("ukraine-2025"));
    for (const b of inner) expect(outer.has(b)).toBe(true);
    // The bundles that left the zone: each fails ratification (not the parties' own test, which is unchanged).
    const ratified = builtinScenario("ukraine-2025-ratification");
    const left = [...outer].filter((b) => !inner.has(b));
    expect(left.length).toBe(base.zopa.count - two.zopa.count);
    for (const b of left.slice(0, 2000)) {
      const e = explainBundle(ratified, Object.fromEntries(JSON.parse(b) as [string, string][]));
      expect(e.notRatified.length, b).toBeGreaterThan(0);
    }
    // Here the base's Nash settlement is ratified as it stands, so the vetoes do not move it (Putnam's
    // pull towards the constrained negotiator needs a binding constraint at the solution).
    expect(two.solutions.nash!.bundle).toEqual(base.solutions.nash!.bundle);
  });
});
