import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { parameterEdit, parseParameter } from "../../src/edits/parameter.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { breakEven } from "../../src/sensitivity/breakEven.js";
import { compareScenarios } from "../../src/sensitivity/compareScenarios.js";
import { sweep } from "../../src/sensitivity/sweep.js";
import { mergeSweepParts, sweepOutput } from "../../src/sensitivity/sweepPart.js";
import { tornado } from "../../src/sensitivity/tornado.js";
import { type WhatIfOutcome, whatIfOutcome } from "../../src/sensitivity/whatIfOutcome.js";
import type { SolutionName } from "../../src/solutions/solutionConcepts.js";
import { notDecomposable } from "../../src/enumeration/acceptors.js";
import { compileScenario } from "../../src/model/compile.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { allBundles, inZopa, zopa } from "../helpers/oracle.js";

const small = scenarioArb({ maxParties: 3, maxIssues: 3, maxOptions: 3, redLines: true, constraints: true }).map(
  validateScenario,
);
const key = (b: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(b).sort());

/** The answers break-even watches, computed by the lead's exact analysis on an edited scenario. */
function answerAt(s: Scenario, path: string, value: number): { nash: string | null; empty: boolean } {
  const a = analyze(applyEdits(s, [parameterEdit(parseParameter(path), value)]));
  return { nash: a.solutions.nash ? key(a.solutions.nash.bundle) : null, empty: a.zopa.count === 0 };
}

describe("break-even (properties)", () => {
  it("each reported change flips the answer, and every smaller change in that direction keeps it", () => {
    fc.assert(
      fc.property(
        small,
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (s, fractions) => {
          const r = breakEven(s, { steps: 16 });
          const base = analyze(s);
          const baseNash = base.solutions.nash ? key(base.solutions.nash.bundle) : null;
          const baseEmpty = base.zopa.count === 0;
          for (const e of r.entries) {
            for (const [target, dir] of [
              ["solution", "up"],
              ["solution", "down"],
              ["zopa", "up"],
              ["zopa", "down"],
            ] as const) {
              const change = e[target][dir];
              if (change === null) continue;
              const flipped = (a: { nash: string | null; empty: boolean }): boolean =>
                target === "solution" ? a.nash !== baseNash : a.empty !== baseEmpty;
              expect(
                flipped(answerAt(s, e.parameter, change.to)),
                `${e.parameter} ${target} ${dir} at ${change.to}`,
              ).toBe(true);
              if (e.kind !== "reservation") continue; // exact only for reservations (see breakEven's doc)
              expect(Math.abs(change.to - change.keptUpTo)).toBeLessThanOrEqual(1e-7);
              for (const f of [...fractions, 1]) {
                const v = e.base + f * (change.keptUpTo - e.base);
                expect(
                  flipped(answerAt(s, e.parameter, v)),
                  `${e.parameter} ${target} ${dir}: ${v} is closer than ${change.keptUpTo}`,
                ).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("for a weight, `to` flips the answer and every scanned share closer to the base keeps it", () => {
    const steps = 8;
    fc.assert(
      fc.property(small, (s) => {
        const r = breakEven(s, { steps, parameters: ["parties.*.weights.*"] });
        const base = analyze(s);
        const baseNash = base.solutions.nash ? key(base.solutions.nash.bundle) : null;
        for (const e of r.entries) {
          const change = e.solution.up;
          if (change === null) continue;
          const [party, issue] = [e.parameter.split(".")[1]!, e.parameter.split(".")[3]!];
          const rest = Object.entries(s.parties.find((p) => p.id === party)!.weights).reduce(
            (acc, [i, w]) => acc + (i === issue ? 0 : w),
            0,
          );
          expect(change.share!.to).toBeCloseTo(change.to / (change.to + rest), 12);
          expect(answerAt(s, e.parameter, change.to).nash).not.toBe(baseNash);
          for (let k = 1; k <= steps; k++) {
            const t = change.share!.from + ((0.999 - change.share!.from) * k) / steps;
            if (t > change.share!.to) break;
            if (t >= change.share!.to - 1e-7) continue;
            expect(answerAt(s, e.parameter, (t * rest) / (1 - t)).nash, `${e.parameter} at share ${t}`).toBe(baseNash);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("whatIfOutcome by the frontier method gives enumeration's solution, emptiness and (when counted) size", () => {
    const additive = scenarioArb({ maxParties: 3, maxIssues: 4, maxOptions: 4, redLines: true, constraints: true }).map(
      validateScenario,
    );
    fc.assert(
      fc.property(
        additive,
        fc.constantFrom("nash", "kalaiSmorodinsky", "egalitarian", "utilitarian") as fc.Arbitrary<SolutionName>,
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (s, solution, r) => {
          const edits = [parameterEdit(parseParameter(`parties.${s.parties[0]!.id}.reservation`), r)];
          if (notDecomposable(compileScenario(applyEdits(s, edits))) !== null) return;
          const byEnumeration = whatIfOutcome(s, edits, solution, { algorithm: "enumerate" });
          const byFrontier = whatIfOutcome(s, edits, solution, { algorithm: "frontier" });
          expect(byFrontier.key).toBe(byEnumeration.key);
          expect(byFrontier.zopaEmpty).toBe(byEnumeration.zopaEmpty);
          expect(byEnumeration.zopaEmpty).toBe(byEnumeration.zopaSize === 0);
          if (byFrontier.zopaSizeStandardError === undefined) expect(byFrontier.zopaSize).toBe(byEnumeration.zopaSize);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("runs on an agenda too large to enumerate (frontier method), and its changes still flip the answer", () => {
    // 2 parties, 8 issues of 6 options: 1,679,616 bundles, analysed by the frontier method; the
    // enumeration limit of 1,000 proves that nothing is enumerated.
    const issues = Array.from({ length: 8 }, (_, i) => ({
      id: `clause-${i}`,
      options: Array.from({ length: 6 }, (_, o) => ({ id: `level-${o}` })),
    }));
    const party = (id: string, flip: number, reservation: number): Scenario["parties"][number] => ({
      id,
      weights: Object.fromEntries(issues.map((issue, i) => [issue.id, 1 + ((i * 3 + flip) % 4)])),
      values: Object.fromEntries(
        issues.map((issue, i) => [
          issue.id,
          Object.fromEntries(issue.options.map((o, k) => [o.id, (i + flip) % 2 === 0 ? k : 5 - k])),
        ]),
      ),
      reservation,
    });
    const s = validateScenario({ id: "big", issues, parties: [party("north", 0, 0.45), party("south", 1, 0.45)] });
    const options = { maxOutcomes: 1000, parameters: ["parties.north.reservation"], steps: 8 };
    expect(() => whatIfOutcome(s, [], "nash", { maxOutcomes: 1000, algorithm: "enumerate" })).toThrow(
      /enumeration limit/,
    );
    const r = breakEven(s, options);
    const base = whatIfOutcome(s, [], "nash", options);
    expect(base.zopaEmpty).toBe(false);
    const e = r.entries[0]!;
    expect(e.zopa.up).not.toBeNull();
    for (const [target, dir] of [
      ["solution", "up"],
      ["solution", "down"],
      ["zopa", "up"],
    ] as const) {
      const change = e[target][dir];
      if (change === null) continue;
      const at = (v: number): WhatIfOutcome =>
        whatIfOutcome(s, [parameterEdit(parseParameter(e.parameter), v)], "nash", options);
      const flipped = (o: WhatIfOutcome): boolean =>
        target === "solution" ? o.key !== base.key : o.zopaEmpty !== base.zopaEmpty;
      expect(flipped(at(change.to)), `${target} ${dir} at ${change.to}`).toBe(true);
      expect(flipped(at(change.keptUpTo)), `${target} ${dir} kept up to ${change.keptUpTo}`).toBe(false);
    }
  });

  it("on nash-1950 the ZOPA empties just above Bill's best utility among the bundles Jack accepts", () => {
    const s = validateScenario(nash1950);
    const r = breakEven(s, { parameters: ["parties.*.reservation"] });
    const bill = r.entries.find((e) => e.parameter === "parties.bill.reservation")!;
    // The ZOPA empties when Bill's reservation passes his best utility among bundles Jack accepts.
    const jack = s.parties[1]!;
    const bestForBill = Math.max(
      ...allBundles(s)
        .filter((b) => inZopa({ ...s, parties: [{ ...s.parties[0]!, reservation: 0 }, jack] }, b))
        .map((b) => s.issues.reduce((u, i) => u + (b[i.id] === "bill" ? s.parties[0]!.weights[i.id]! : 0), 0) / 34),
    );
    expect(bill.zopa.up!.to).toBeGreaterThan(bestForBill);
    expect(bill.zopa.up!.to - bestForBill).toBeLessThan(1e-6);
    expect(bill.zopa.down).toBeNull();
  });
});

describe("sweeps", () => {
  it("rows are the analyses of the edited scenarios, first axis outermost", () => {
    fc.assert(
      fc.property(small, (s) => {
        const p = s.parties[0]!.id;
        const q = s.parties[s.parties.length - 1]!.id;
        const axes = [
          { parameter: `parties.${p}.reservation`, from: 0, to: 0.8, steps: 3 },
          ...(p !== q ? [{ parameter: `parties.${q}.reservation`, values: [0.1, 0.5] }] : []),
        ];
        const rows = sweep(s, { axes });
        expect(rows).toHaveLength(axes.length === 2 ? 6 : 3);
        rows.forEach((row, k) => {
          const a = axes.length === 2 ? [0, 0.4, 0.8][Math.floor(k / 2)]! : [0, 0.4, 0.8][k]!;
          expect(row.values[`parties.${p}.reservation`]).toBe(a);
          const edited = applyEdits(
            s,
            Object.entries(row.values).map(([path, v]) => parameterEdit(parseParameter(path), v)),
          );
          expect(row.zopaSize).toBe(zopa(edited).length);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("shards merged give the single run, whatever the split", () => {
    const s = validateScenario(nash1950);
    const spec = {
      axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.8, steps: 7 }],
      solutions: ["nash" as const],
    };
    const rows = sweep(s, spec);
    const whole = sweepOutput(s, spec, rows, { start: 0, end: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }), (cuts) => {
        const edges = [0, ...[...cuts].sort((a, b) => a - b), 7];
        const parts = edges
          .slice(1)
          .map((end, k) => sweepOutput(s, spec, rows.slice(edges[k]!, end), { start: edges[k]!, end }));
        expect(JSON.stringify(mergeSweepParts(JSON.parse(JSON.stringify(parts))))).toBe(JSON.stringify(whole));
      }),
    );
    expect(() => mergeSweepParts([sweepOutput(s, spec, rows.slice(0, 3), { start: 0, end: 3 })])).toThrow(
      /items 3-6 of 7 are missing/,
    );
  });
});

describe("compare", () => {
  it("entered and left are the set differences of the two ZOPAs", () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 10 }), (s, r) => {
        const after = applyEdits(s, [{ op: "setReservation", party: s.parties[0]!.id, value: r / 10 }]);
        const c = compareScenarios(s, after, { examples: 100 });
        const A = new Set(zopa(s).map((p) => key(p.bundle)));
        const B = new Set(zopa(after).map((p) => key(p.bundle)));
        expect(c.zopa.entered.count).toBe([...B].filter((b) => !A.has(b)).length);
        expect(c.zopa.left.count).toBe([...A].filter((b) => !B.has(b)).length);
        for (const b of c.zopa.entered.examples) expect(B.has(key(b)) && !A.has(key(b))).toBe(true);
        const nb = analyze(s).solutions.nash;
        const na = analyze(after).solutions.nash;
        expect(c.solutions.nash.bundleChanged).toBe(
          (nb === null) !== (na === null) || (nb !== null && na !== null && key(nb.bundle) !== key(na.bundle)),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe("tornado", () => {
  it("bars are sorted by effect and each is |metric(high) - metric(low)|", () => {
    const s = validateScenario(nash1950);
    const t = tornado(s, { parameters: ["parties.*.reservation", "parties.bill.weights.pen"] });
    expect(t.bars.map((b) => b.parameter).sort()).toEqual([
      "parties.bill.reservation",
      "parties.bill.weights.pen",
      "parties.jack.reservation",
    ]);
    for (let k = 1; k < t.bars.length; k++) expect(t.bars[k - 1]!.effect).toBeGreaterThanOrEqual(t.bars[k]!.effect);
    for (const b of t.bars) {
      const at = (v: number): number => zopa(applyEdits(s, [parameterEdit(parseParameter(b.parameter), v)])).length;
      expect(b.low.metric).toBe(at(b.low.value));
      expect(b.high.metric).toBe(at(b.high.value));
      expect(b.effect).toBe(Math.abs(b.high.metric - b.low.metric));
    }
  });
});
