import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { assertValidScenario, validateScenario } from "../../src/model/validate.js";
import { deepFreeze } from "../../src/model/deepFreeze.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { compileReference } from "../helpers/compileReference.js";

/** The compiled tables without the scenario they point back to (the same object on both sides). */
function tables(s: Scenario, compile: (s: Scenario) => unknown): unknown {
  const { scenario: _s, ...rest } = compile(s) as { scenario: Scenario };
  return rest;
}

describe("compileScenario", () => {
  it("builds the tables of the reference compiler on random scenarios (red lines, constraints, interactions, constituencies)", () => {
    fc.assert(
      fc.property(
        scenarioArb({
          maxParties: 4,
          maxIssues: 5,
          maxOptions: 5,
          redLines: true,
          constraints: true,
          interactions: true,
          constituencies: true,
        }),
        (input) => {
          const s = validateScenario(input);
          let expected: unknown;
          try {
            expected = tables(s, compileReference);
          } catch (err) {
            expect(() => compileScenario(s)).toThrow((err as Error).message);
            return;
          }
          expect(tables(s, compileScenario)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("builds the tables of the reference compiler on every built-in scenario (numeric issues, piecewise values)", () => {
    for (const id of builtinScenarioIds()) {
      const s = builtinScenario(id);
      expect(tables(s, compileScenario), id).toEqual(tables(s, compileReference));
    }
  });

  it("compiles what-ifs of a validated scenario by parts: the reference's tables, unchanged parties' tables shared", () => {
    fc.assert(
      fc.property(
        scenarioArb({
          maxParties: 3,
          maxIssues: 4,
          maxOptions: 4,
          redLines: true,
          constraints: true,
          interactions: true,
        }),
        fc.integer({ min: 0, max: 9 }),
        (input, k) => {
          const base = validateScenario(input);
          const party = base.parties[k % base.parties.length]!.id;
          const edit = (x: number) => applyEdits(base, [{ op: "setReservation", party, value: x / 10 }]);
          let a: Scenario;
          let b: Scenario;
          try {
            a = edit(k);
            b = edit(9 - k);
          } catch {
            return; // constraints that leave nothing feasible: compile refuses both ways (tested above)
          }
          for (const s of [a, b]) expect(tables(s, compileScenario)).toEqual(tables(s, compileReference));
          const [ca, cb] = [compileScenario(a), compileScenario(b)];
          base.parties.forEach((p, q) => {
            if (p.id !== party) expect(ca.contrib[q]).toBe(cb.contrib[q]); // the same tables, not a copy
          });
          expect(ca.optionRank).toBe(cb.optionRank);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("does not reuse a party's compiled tables for a scenario that lists the issues in another order", () => {
    // The same frozen party objects in two validated scenarios whose issues arrays differ: each
    // scenario's what-ifs must be compiled against their own issues.
    const base = validateScenario(JSON.parse(JSON.stringify(builtinScenario("nash-1950"))) as unknown);
    const edit = [{ op: "setReservation" as const, party: "jack", value: 0.5 }];
    compileScenario(applyEdits(base, edit));
    const reordered = deepFreeze({ ...base, issues: [...base.issues].reverse() }) as Scenario;
    assertValidScenario(reordered); // validated as it is, sharing base's parties
    const whatIf = applyEdits(reordered, edit);
    expect(tables(whatIf, compileScenario)).toEqual(tables(whatIf, compileReference));
  });
});
