import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import { deepFreeze } from "../../src/model/deepFreeze.js";
import type { Party, Scenario } from "../../src/model/types.js";
import { assertValidScenario, isValidatedScenario, rememberParts, validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { everyFeature, idArbs, numericEdits, scenarioArb } from "../helpers/arbitraries.js";

/** The verdict of a check: "ok" or the error's message. */
function verdict(check: () => unknown): string {
  try {
    check();
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}

/** The full validation's verdict on a plain copy (nothing shared with a validated scenario). */
const fullVerdict = (s: unknown): string => verdict(() => validateScenario(structuredClone(s)));

/** Each frozen variant gets the full validation's verdict by parts; only the one named `valid` passes. */
function expectAsFullValidation(variants: Readonly<Record<string, Scenario>>, valid: string): void {
  for (const [what, edited] of Object.entries(variants)) {
    const parts = verdict(() => assertValidScenario(edited));
    expect(parts, what).toBe(fullVerdict(edited));
    expect(parts === "ok", what).toBe(what === valid);
  }
}

/** Edits that may leave an invalid scenario: numbers out of range, weights all zero, red lines. */
const editsArb = (s: Scenario): fc.Arbitrary<ScenarioEdit[]> => {
  const { party, issue } = idArbs(s);
  const edit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
    ...numericEdits(s, {
      reservation: fc.constantFrom(-0.5, 0, 0.3, 0.7, 1, 1.5),
      weight: fc.constantFrom(-1, 0, 1, 3),
      value: fc.constantFrom(-1, 0, 0.5, 1e16),
      power: fc.constantFrom(-1, 0, 2),
    }),
    fc.record({
      op: fc.constant("addRedLine" as const),
      party,
      redLine: fc.record({ issue, reject: fc.constant(["o0"]) }),
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 });
};

/**
 * Runs `check` on what-ifs of random validated scenarios: random edits applied without validation
 * (so the result may be invalid). Edits a scenario cannot take (a red line on an issue...) are skipped.
 */
function forWhatIfs(check: (base: Scenario, edited: Scenario) => void): void {
  fc.assert(
    fc.property(
      scenarioArb(everyFeature(3)).chain((raw) => {
        const base = validateScenario(raw);
        return fc.tuple(fc.constant(base), editsArb(base));
      }),
      ([base, edits]) => {
        let edited: Scenario;
        try {
          edited = applyEdits(base, edits, { validate: false });
        } catch {
          return; // an edit the scenario cannot take (e.g. a red line on an issue); not what is tested
        }
        check(base, edited);
      },
    ),
    { numRuns: 300 },
  );
}

describe("validation by parts (what-ifs of a validated scenario)", () => {
  it("accepts and refuses exactly what the full validation of a plain copy does, with the same message", () => {
    forWhatIfs((base, edited) => {
      rememberParts(base);
      if (edited === base) return; // the edits changed nothing (immer returns the input)
      expect(isValidatedScenario(edited)).toBe(false);
      const parts = verdict(() => assertValidScenario(edited));
      expect(parts).toBe(fullVerdict(edited));
      expect(isValidatedScenario(edited)).toBe(parts === "ok");
    });
  });

  it("checks a new party in full: unknown ids, missing values, extra fields, non-finite numbers, duplicate ids", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    rememberParts(base);
    const jack = base.parties[1]!;
    const variants: Record<string, unknown> = {
      "unknown issue in weights": { ...jack, weights: { ...jack.weights, nope: 1 } },
      "missing value": { ...jack, values: { ...jack.values, book: {} } },
      "unknown field": { ...jack, colour: "blue" },
      "reservation above 1": { ...jack, reservation: 1.2 },
      "NaN weight": { ...jack, weights: { ...jack.weights, book: Number.NaN } },
      "duplicate id": { ...jack, id: base.parties[0]!.id },
      "ratification without constituencies": { ...jack, ratification: { rule: "majority" } },
      valid: { ...jack, reservation: 0.5 },
    };
    const scenarios = Object.fromEntries(
      Object.entries(variants).map(([what, party]) => [
        what,
        deepFreeze({ ...base, parties: [base.parties[0]!, party as Party] }) as Scenario,
      ]),
    );
    expectAsFullValidation(scenarios, "valid");
  });

  it("checks the scenario's own fields when they change: a new id, an unknown field, new constraints", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    rememberParts(base);
    const cases: Record<string, unknown> = {
      "empty id": { ...base, id: "" },
      "unknown field": { ...base, extra: 1 },
      "constraint on an unknown option": { ...base, constraints: [{ if: { book: "nobody" }, then: { pen: "bill" } }] },
      "new title": { ...base, title: "Another title" },
    };
    const scenarios = Object.fromEntries(Object.entries(cases).map(([what, s]) => [what, deepFreeze(s) as Scenario]));
    expectAsFullValidation(scenarios, "new title");
  });

  it("is not used to accept a scenario that is not frozen, whose parts could still change", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    rememberParts(base);
    const open = { ...base, parties: [base.parties[0]!, { ...base.parties[1]!, reservation: 0.5 }] } as Scenario;
    assertValidScenario(open);
    expect(isValidatedScenario(open)).toBe(false);
  });
});

/** A scenario as a script makes a what-if by hand: a new plain object, new copies of the changed parties. */
const plainWhatIf = (base: Scenario, edited: Scenario): Scenario => ({
  ...edited,
  parties: edited.parties.map((p) => (base.parties.includes(p) ? p : structuredClone(p))),
});

describe("validation by parts of new plain objects (validateScenario)", () => {
  it("returns what the full validation returns (same fields in the same order, same errors), sharing the unchanged parties", () => {
    forWhatIfs((base, edited) => {
      const plain = plainWhatIf(base, edited);
      const before = JSON.stringify(plain);
      let result: Scenario | undefined;
      const parts = verdict(() => (result = validateScenario(plain)));
      expect(parts).toBe(fullVerdict(plain));
      expect(JSON.stringify(plain)).toBe(before); // the input is not changed
      if (result === undefined) return;
      const full = validateScenario(structuredClone(plain));
      expect(result).toStrictEqual(full);
      expect(JSON.stringify(result)).toBe(JSON.stringify(full));
      expect(Object.isFrozen(result) && isValidatedScenario(result)).toBe(true);
      // Validated by parts: the issues and every unchanged party are the base's own objects.
      expect(result.issues).toBe(base.issues);
      result.parties.forEach((p, i) => expect(p === base.parties[i]).toBe(plain.parties[i] === base.parties[i]));
    });
  });

  it("needs no recorded base: a scenario validateScenario returned marks its parts", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    const jack = base.parties[1]!;
    const what = validateScenario({ ...base, parties: [base.parties[0]!, { ...jack, reservation: 0.5 }] });
    expect(what.parties[0]).toBe(base.parties[0]);
    expect(what.parties[1]!.reservation).toBe(0.5);
    expect(() => validateScenario({ ...base, parties: [base.parties[0]!, { ...jack, reservation: 1.5 }] })).toThrow(
      "$.parties[1].reservation: is 1.5; expected number to be <=1",
    );
  });

  it("does not trust a mark copied onto another object (a party rebuilt from the descriptors of a checked one)", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    const bill = base.parties[0]!;
    const forged = Object.create(Object.prototype, {
      ...Object.getOwnPropertyDescriptors(bill),
      reservation: { value: 1.5, enumerable: true, writable: true, configurable: true },
    }) as Party;
    expect(Object.getOwnPropertySymbols(forged).length).toBeGreaterThan(0); // the mark was copied
    const scenario = { ...base, parties: [forged, base.parties[1]!] };
    expect(verdict(() => validateScenario(scenario))).toBe(fullVerdict(scenario));
    expect(verdict(() => validateScenario(scenario))).toContain("$.parties[0].reservation");
  });

  it("checks the issues in full when they are not a validated scenario's (a copy of them)", () => {
    const base = validateScenario(JSON.parse(JSON.stringify(nash1950)) as unknown);
    const copied = { ...base, issues: base.issues.map((i) => ({ ...i })) };
    const v = validateScenario(copied);
    expect(v.issues).not.toBe(base.issues);
    expect(v.parties[0]).not.toBe(base.parties[0]);
    expect(v).toStrictEqual(base);
  });
});
