/**
 * Validation walks a valid scenario once: the shape check accepts only plain data within the input
 * limits (shape.ts), and the input guard (inputGuard.ts) runs only on a mismatch. These tests pin
 * that the guard's error still comes first, with its message, for each limit the shape enforces.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/model/errors.js";
import { checkInputData, INPUT_LIMITS } from "../../src/model/inputGuard.js";
import { SCENARIO_SHAPE } from "../../src/model/scenarioShapeData.js";
import { matchShape, type Shape } from "../../src/model/shape.js";
import type { Scenario } from "../../src/model/types.js";
import { assertValidScenario, validateScenario } from "../../src/model/validate.js";
import { validateScenario as validatePublic } from "../../src/model/validatePublic.js";
import { hostileScenarioArb, mutate } from "../fuzz/hostile.js";

const base = (): Scenario => ({
  id: "t",
  issues: [{ id: "nato", options: [{ id: "open" }, { id: "closed" }] }],
  parties: [
    { id: "a", weights: { nato: 1 }, values: { nato: { open: 0, closed: 10 } }, reservation: 0.2 },
    { id: "b", weights: { nato: 1 }, values: { nato: { open: 10, closed: 0 } }, reservation: 0.2 },
  ],
});

/** The message of the input guard on `x`, or undefined when it passes. */
function guardMessage(x: unknown): string | undefined {
  try {
    checkInputData(x, { numbers: true });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The message `f` throws (a ScenarioError), or undefined when it returns. */
function thrown(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as Error).message;
  }
}

class Weights {
  nato = 1;
}

/** Scenarios whose only fault is one input limit (each is valid once that value is plain and small). */
const faults: readonly { name: string; edit: (s: Record<string, any>) => void; message: RegExp }[] = [
  {
    name: "an object with a class prototype",
    edit: (s) => (s.parties[0].weights = new Weights()),
    message: /^\$\.parties\[0\]\.weights: is a Weights object; expected plain JSON data/,
  },
  {
    name: "a number beyond exact arithmetic",
    edit: (s) => (s.parties[0].weights.nato = 1e16),
    message: /^\$\.parties\[0\]\.weights\.nato: is 10000000000000000, too large for exact arithmetic/,
  },
  {
    name: "a negative number beyond exact arithmetic",
    edit: (s) => (s.parties[1].values.nato.open = -2e15),
    message: /^\$\.parties\[1\]\.values\.nato\.open: is -2000000000000000, too large for exact arithmetic/,
  },
  {
    name: "a string longer than the limit",
    edit: (s) => (s.title = "x".repeat(INPUT_LIMITS.maxStringLength + 1)),
    message: /^\$\.title: is a string of 1000001 characters; expected at most 1000000 characters/,
  },
  {
    name: "a record key longer than the limit",
    edit: (s) => (s.notes = { ["k".repeat(INPUT_LIMITS.maxKeyLength + 1)]: "text" }),
    message: /^\$\.notes: has a key of 1001 characters/,
  },
];

describe("validation: the input guard's error for a value the shape check refuses as beyond a limit", () => {
  it("the cases are valid without their fault, and the guard refuses each", () => {
    expect(() => validateScenario(base())).not.toThrow();
    for (const f of faults) {
      const s = base() as Record<string, any>;
      f.edit(s);
      expect(guardMessage(s), f.name).toMatch(f.message);
    }
  });

  for (const f of faults)
    it(`${f.name}: validateScenario, assertValidScenario and a what-if of a validated scenario`, () => {
      const s = base() as Record<string, any>;
      f.edit(s);
      // The shape check alone refuses it (the guard does not run when the shape accepts).
      expect(matchShape(SCENARIO_SHAPE, s).ok).toBe(false);
      expect(thrown(() => validateScenario(s))).toMatch(f.message);
      expect(thrown(() => assertValidScenario(s as Scenario))).toMatch(f.message);
      // A what-if sharing a validated scenario's issues goes through the check by parts first.
      const valid = validateScenario(base());
      const whatIf: Record<string, any> = { ...valid, parties: structuredClone(valid.parties) };
      f.edit(whatIf);
      expect(thrown(() => validateScenario(whatIf))).toMatch(f.message);
    });

  it("a non-enumerable field neither hides an unread extra field nor carries a value past the limits (found in review)", () => {
    // The shape counted a non-enumerable field as present but not among the keys, so an extra
    // enumerable field beside it passed unread; the guard no longer ran to see it.
    const hidden = (): Record<string, any> => {
      const s = base() as Record<string, any>;
      const issues = s.issues;
      delete s.issues;
      Object.defineProperty(s, "issues", { value: issues, enumerable: false });
      return s;
    };
    for (const [junk, message] of [
      [10n, /^\$\.junk: is a BigInt/],
      [1e16, /^\$\.junk: is 10000000000000000, too large for exact arithmetic/],
      ["j".repeat(INPUT_LIMITS.maxStringLength + 1), /^\$\.junk: is a string of 1000001 characters/],
    ] as const) {
      const s = hidden();
      s.junk = junk;
      expect(thrown(() => validateScenario(s))).toMatch(message);
      expect(thrown(() => validatePublic(s))).toMatch(message);
    }
    // Inside a changed party of a what-if (the check by parts).
    const valid = validateScenario(base());
    const party: Record<string, any> = structuredClone(valid.parties[0]!);
    const weights = party.weights;
    delete party.weights;
    Object.defineProperty(party, "weights", { value: weights, enumerable: false });
    party.junk = 10n;
    expect(thrown(() => validateScenario({ ...valid, parties: [party, valid.parties[1]] }))).toMatch(
      /^\$\.parties\[0\]\.junk: is a BigInt/,
    );
    // A non-enumerable field alone is not a field of the input (the guard does not see it): the
    // scenario is refused, even where zod, which reads it, would accept it, and a value past the
    // limits in it never gets through.
    const big = base() as Record<string, any>;
    const parties = big.parties;
    delete big.parties;
    parties[0].weights.nato = 1e16;
    Object.defineProperty(big, "parties", { value: parties, enumerable: false });
    // (validatePublic, imported here, registers zod's check for this module too: both refuse the
    // copy zod makes, whose weight is past the limit; without zod the field is missing.)
    expect(thrown(() => validateScenario(big))).toMatch(/too large for exact arithmetic|^\$\.parties: missing/);
    expect(thrown(() => validatePublic(big))).toMatch(/too large for exact arithmetic/);
  });

  it("on hostile mutations: what validation accepts the guard accepts, and the guard's error comes first", () => {
    fc.assert(
      fc.property(hostileScenarioArb, ({ base: b, mutations }) => {
        const x = mutate(b, mutations);
        const guard = guardMessage(x);
        const got = thrown(() => validateScenario(x));
        if (guard !== undefined) expect(got).toBe(guard);
        if (got === undefined) expect(guard).toBeUndefined();
        if (matchShape(SCENARIO_SHAPE, x).ok) expect(guard).toBeUndefined();
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it("the scenario shape is shallower than the guard's depth limit (so what it accepts is too)", () => {
    const depth = (s: Shape): number => {
      switch (s.t) {
        case "object":
          return 1 + Math.max(0, ...Object.values(s.fields).map(depth));
        case "array":
          return 1 + depth(s.item);
        case "tuple":
          return 1 + Math.max(0, ...s.items.map(depth));
        case "record":
          return 1 + depth(s.value);
        case "union":
          return Math.max(...s.options.map(depth));
        case "optional":
          return depth(s.inner);
        default:
          return 0;
      }
    };
    const d = depth(SCENARIO_SHAPE);
    expect(d).toBeGreaterThan(3);
    expect(d).toBeLessThan(INPUT_LIMITS.maxDepth);
  });
});
