import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
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
});
