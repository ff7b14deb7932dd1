import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { applyScenarioPatches, describePatches, diffScenarios } from "../../src/edits/diffScenarios.js";
import { applyEvents, battlefieldEvent, deadlineEvent, sanctionsEvent } from "../../src/edits/events.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { idArbs, numericEdits, scenarioArb } from "../helpers/arbitraries.js";

/** A scenario and a list of valid numeric edits of it. */
const editedArb = scenarioArb({ maxParties: 3, maxIssues: 3, maxOptions: 3, redLines: true }).chain((raw) => {
  const s = validateScenario(raw);
  const { party } = idArbs(s);
  const edit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
    ...numericEdits(s, {
      reservation: fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
      weight: fc.integer({ min: 1, max: 5 }),
      value: fc.integer({ min: 1, max: 9 }).map((x) => x / 10),
      power: fc.integer({ min: 1, max: 4 }),
    }),
    fc.record({
      op: fc.constant("shiftReservation" as const),
      party,
      by: fc.integer({ min: -5, max: 5 }).map((x) => x / 10),
    }),
  );
  return fc.tuple(fc.constant(s), fc.array(edit, { minLength: 1, maxLength: 5 }));
});

describe("scenario edits (properties)", () => {
  it("never mutate their input, and return a frozen scenario", () => {
    fc.assert(
      fc.property(editedArb, ([s, edits]) => {
        const before = JSON.stringify(s);
        const next = applyEdits(s, edits);
        expect(JSON.stringify(s)).toBe(before);
        expect(Object.isFrozen(next)).toBe(true);
        expect(Object.isFrozen(next.parties)).toBe(true);
      }),
    );
  });

  it("share the parties and issues they do not touch", () => {
    fc.assert(
      fc.property(editedArb, ([s, edits]) => {
        const next = applyEdits(s, edits);
        const touched = new Set(edits.map((e) => (e as { party: string }).party));
        s.parties.forEach((p, k) => {
          if (!touched.has(p.id)) expect(next.parties[k]).toBe(p);
        });
        expect(next.issues).toBe(s.issues);
      }),
    );
  });

  it("a diff applied to the old scenario gives the new one", () => {
    fc.assert(
      fc.property(editedArb, ([s, edits]) => {
        const next = applyEdits(s, edits);
        const patches = diffScenarios(s, next);
        expect(applyScenarioPatches(s, patches)).toEqual(next);
        expect(describePatches(s, patches)).toHaveLength(patches.length);
        if (JSON.stringify(s) === JSON.stringify(next)) expect(patches).toEqual([]);
      }),
    );
  });
});

describe("named events", () => {
  const bill = (s: Scenario) => s.parties.find((p) => p.id === "bill")!;
  const jack = (s: Scenario) => s.parties.find((p) => p.id === "jack")!;

  it("sanctions lower the target's reservation and charge the imposers", () => {
    const s = validateScenario(nash1950);
    const after = applyEvents(s, [sanctionsEvent({ target: "bill", by: 0.1, imposers: ["jack"], cost: 0.02 })]);
    expect(bill(after).reservation).toBeCloseTo(bill(s).reservation - 0.1, 12);
    expect(jack(after).reservation).toBeCloseTo(jack(s).reservation - 0.02, 12);
    expect(describePatches(s, diffScenarios(s, after))).toEqual([
      `parties[bill].reservation: ${bill(s).reservation} -> ${bill(after).reservation}`,
      `parties[jack].reservation: ${jack(s).reservation} -> ${jack(after).reservation}`,
    ]);
  });

  it("a battlefield change moves both reservations, kept in [0, 1]", () => {
    const s = validateScenario(nash1950);
    const after = applyEvents(s, [battlefieldEvent({ gainer: "jack", loser: "bill", by: 0.9 })]);
    expect(jack(after).reservation).toBe(1);
    expect(bill(after).reservation).toBe(0);
  });

  it("a deadline sets discount factors and presses a party", () => {
    const s = validateScenario(nash1950);
    const after = applyEvents(s, [
      deadlineEvent({ parties: ["bill", "jack"], discount: 0.9, pressed: ["jack"], by: 0.05 }),
    ]);
    expect(bill(after).discount).toBe(0.9);
    expect(jack(after).discount).toBe(0.9);
    expect(jack(after).reservation).toBeCloseTo(jack(s).reservation - 0.05, 12);
    expect(bill(after).reservation).toBe(bill(s).reservation);
  });

  it("an event naming an unknown party fails with the event's name and the edit's path", () => {
    const s = validateScenario(nash1950);
    expect(() =>
      applyEvents(s, [
        sanctionsEvent({ target: "bill", by: 0.1 }),
        sanctionsEvent({ target: "kremlin", by: 0.1, id: "oops" }),
      ]),
    ).toThrow(/^events\[1\] "oops": edits\[0\]\.party: unknown party "kremlin"/);
  });
});
