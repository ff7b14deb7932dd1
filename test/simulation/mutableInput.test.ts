import { describe, expect, it } from "vitest";
import { negotiate, simulate } from "../../src/simulation/simulate.js";
import { outcomeSpace, simulationSpace } from "../../src/simulation/outcomeSpace.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import type { Scenario } from "../../src/model/types.js";

/** A plain copy of nash-1950 the test may change. */
const mutableCopy = (): { -readonly [K in keyof Scenario]: Scenario[K] } & { parties: { reservation: number }[] } =>
  JSON.parse(JSON.stringify(nash1950)) as never;

describe("a scenario object that is not frozen may change between calls", () => {
  it("simulate, negotiate, outcomeSpace and simulationSpace see the change (nothing is cached on the caller's object)", () => {
    const s = mutableCopy();
    const before = simulate(s as Scenario, { seed: 1 });
    expect(before.metrics.outcome).toBe("agreement");
    const accepted = (x: { acceptable: Uint8Array }) => x.acceptable.reduce((a, b) => a + b, 0);
    const acceptedBefore = accepted(outcomeSpace(s as Scenario));
    s.parties[0]!.reservation = 0.99; // bill now accepts almost nothing
    const after = simulate(s as Scenario, { seed: 1 });
    expect(after.agreement).toBeNull();
    expect(negotiate(s as Scenario, { seed: 1, trace: false }).outcome.agreement).toBe(-1);
    expect(accepted(outcomeSpace(s as Scenario))).toBeLessThan(acceptedBefore);
    expect(simulationSpace(s as Scenario).maxAccepted(0)).toBeGreaterThanOrEqual(0.99 - 1e-9);
    // the same as a fresh copy of the changed scenario
    expect(after).toEqual(simulate(JSON.parse(JSON.stringify(s)) as Scenario, { seed: 1 }));
  });

  it("a validated (frozen) scenario keeps its outcome space: the same object on every call", () => {
    const v = validateScenario(mutableCopy());
    expect(outcomeSpace(v)).toBe(outcomeSpace(v));
    expect(simulationSpace(v)).toBe(simulationSpace(v));
    expect(negotiate(v, { seed: 1 }).session.space).toBe(negotiate(v, { seed: 2 }).session.space);
  });

  it("an events list that is not frozen may change too: the next run applies it as it is then", () => {
    const v = validateScenario(mutableCopy());
    const events: { round: number; edits: { op: "setReservation"; party: string; value: number }[] }[] = [
      { round: 2, edits: [{ op: "setReservation", party: "bill", value: 0.99 }] },
    ];
    const tight = simulate(v, { seed: 1, events });
    expect(tight.agreement).toBeNull(); // from round 2 bill accepts almost nothing
    events[0]!.edits[0]!.value = 0.1; // now the event loosens bill instead
    const loose = simulate(v, { seed: 1, events });
    expect(loose).toEqual(simulate(v, { seed: 1, events: structuredClone(events) }));
    expect(loose.agreement).not.toBeNull();
  });
});
