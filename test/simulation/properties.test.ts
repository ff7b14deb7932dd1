import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, builtinStrategies, simulate } from "../../src/index.js";
import type { ProtocolName, SimulationEvent, SpaceScope } from "../../src/simulation/types.js";
import type { Scenario } from "../../src/model/types.js";
import { acceptsOf, smallScenarioArb } from "./arb.js";

const names = Object.keys(builtinStrategies).filter((n) => n !== "zeuthen");
const protocolArb = fc.constantFrom<ProtocolName>("alternating", "stacked", "single-text", "zeuthen");

/** A random sanctions-style event: shift one party's reservation at some round. */
const eventArb = (s: Scenario): fc.Arbitrary<SimulationEvent[]> =>
  fc.array(
    fc
      .record({
        round: fc.integer({ min: 1, max: 12 }),
        party: fc.constantFrom(...s.parties.map((p) => p.id)),
        by: fc.constantFrom(-0.2, -0.1, 0.1, 0.2),
      })
      .map((e) => ({
        round: e.round,
        label: `shift ${e.party} by ${e.by}`,
        edits: [{ op: "shiftReservation" as const, party: e.party, by: e.by }],
      })),
    { maxLength: 2 },
  );

const caseArb = fc
  .tuple(smallScenarioArb({ parties: [2, 3], redLines: true }), protocolArb, fc.nat(10_000))
  .chain(([s, protocol, seed]) =>
    fc.record({
      s: fc.constant(s),
      protocol: fc.constant(
        s.parties.length === 2 || protocol === "single-text" ? protocol : ("stacked" as ProtocolName),
      ),
      seed: fc.constant(seed),
      strategies: fc.array(fc.constantFrom(...names), { minLength: s.parties.length, maxLength: s.parties.length }),
      events: eventArb(s),
      rounds: fc.integer({ min: 1, max: 30 }),
      scope: fc.constantFrom<SpaceScope>("all", "zopa"),
    }),
  );

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function run(c: Case) {
  const parties = Object.fromEntries(
    c.s.parties.map((p, k) => [p.id, { strategy: c.protocol === "zeuthen" ? "zeuthen" : c.strategies[k]! }]),
  );
  return simulate(c.s, {
    protocol: c.protocol,
    seed: c.seed,
    rounds: c.rounds,
    parties,
    events: c.events,
    scope: c.scope,
  });
}

describe("simulation properties", () => {
  it("an agreement is acceptable to every party under the scenario in force when it is reached", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        if (!r.agreement) return;
        // The scenario in force: every event up to the agreement's round applied, recomputed here from the JSON.
        const inForce = c.events
          .filter((e) => e.round <= r.agreement!.round)
          .sort((a, b) => a.round - b.round)
          .reduce((s, e) => applyEdits(s, e.edits), c.s);
        for (const p of inForce.parties)
          expect(
            acceptsOf(inForce, p, r.agreement.bundle),
            `${p.id} rejects ${JSON.stringify(r.agreement.bundle)}`,
          ).toBe(true);
        expect(r.agreement.round).toBeLessThanOrEqual(c.rounds);
      }),
    );
  });

  it("the same seed gives an identical trace (byte for byte once serialised)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(JSON.stringify(run(c))).toBe(JSON.stringify(run(c)));
      }),
      { numRuns: 50 },
    );
  });

  it("time-dependent offers never rise in the proposer's own utility", () => {
    fc.assert(
      fc.property(
        smallScenarioArb({ redLines: true, maxIssues: 5, maxOptions: 6 }),
        fc.constantFrom(
          "boulware",
          "linear",
          "conceder",
          "time-dependent:e=0.5",
          "time-dependent:e=3:k=0.1",
          "linear:model=0",
        ),
        fc.constantFrom(...names),
        fc.nat(1000),
        (s, mine, theirs, seed) => {
          const r = simulate(s, { seed, rounds: 200, parties: { p0: { strategy: mine }, p1: { strategy: theirs } } });
          const own = r.trace.filter((t) => t.proposer === "p0").map((t) => t.utilities.p0!);
          for (let k = 1; k < own.length; k++) expect(own[k]!).toBeLessThanOrEqual(own[k - 1]! + 1e-9);
        },
      ),
    );
  });

  it("a strategy never agrees below its reservation even when its rule would (the compiled acceptance gates it)", () => {
    fc.assert(
      fc.property(smallScenarioArb(), fc.nat(1000), (s, seed) => {
        const yes = {
          name: "yes",
          description: "accepts everything",
          create: () => ({ propose: () => 0, respond: () => true }),
        };
        const r = simulate(s, { seed, rounds: 10, parties: { p0: { strategy: yes }, p1: { strategy: yes } } });
        if (r.agreement) for (const p of s.parties) expect(acceptsOf(s, p, r.agreement.bundle)).toBe(true);
        else expect(s.parties.some((p) => !acceptsOf(s, p, r.trace[0]!.offer))).toBe(true);
      }),
    );
  });
});
