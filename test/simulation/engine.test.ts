import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTimeline, FrequencyModel, positionAtOrAbove, timeDependentTarget } from "../../src/advanced.js";
import {
  builtinScenario,
  outcomeSpace,
  sanctionsEvent,
  simulate,
  TreatylabError,
  type Scenario,
  type StrategyFactory,
} from "../../src/index.js";
import { smallScenarioArb } from "./arb.js";

/** Two parties, one issue of 11 shares: a toy war where no deal is possible until sanctions bite. */
const war: Scenario = {
  id: "toy-war",
  issues: [{ id: "territory", options: Array.from({ length: 11 }, (_, k) => ({ id: `t${k}` })) }],
  parties: [
    {
      id: "russia",
      weights: { territory: 1 },
      values: { territory: Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`t${k}`, k])) },
      reservation: 0.65,
    },
    {
      id: "ukraine",
      weights: { territory: 1 },
      values: { territory: Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`t${k}`, 10 - k])) },
      reservation: 0.45,
    },
  ],
};

describe("outcome space", () => {
  it("positionAtOrAbove finds the acceptable bundle closest to a target from above, as a linear scan does", () => {
    fc.assert(
      fc.property(
        smallScenarioArb({ redLines: true }),
        fc.double({ min: -0.2, max: 1.2, noNaN: true }),
        (s, target) => {
          const space = outcomeSpace(s);
          const u = space.ownUtility[0]!;
          const pos = positionAtOrAbove(space, 0, target);
          if (u.length === 0) {
            expect(pos).toBe(-1);
            return;
          }
          let scan = -1;
          for (let k = 0; k < u.length; k++) if (u[k]! >= target - 1e-9) scan = k;
          expect(pos).toBe(Math.max(scan, 0));
          for (let k = 1; k < u.length; k++) expect(u[k]!).toBeLessThanOrEqual(u[k - 1]!);
        },
      ),
    );
  });

  it("lists every bundle once with the party's acceptance", () => {
    const space = outcomeSpace(builtinScenario("nash-1950"));
    expect(space.size).toBe(512);
    // Bill accepts exactly the bundles worth at least 12 of his 34 (docs/reference/cases.md part 1), counted here from the goods' utilities.
    const bill = [2, 2, 2, 2, 4, 10, 4, 6, 2];
    let count = 0;
    for (let m = 0; m < 512; m++) {
      let v = 0;
      for (let g = 0; g < 9; g++) if (((m >> (8 - g)) & 1) === 0) v += bill[g]!;
      if (v >= 12) count++;
    }
    expect(space.own[0]!.length).toBe(count);
  });
});

describe("strategies", () => {
  it("the time-dependent target follows Faratin et al.'s formula", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (t, e, k) => {
          const expected = 0.3 + 0.6 * (1 - (k + (1 - k) * Math.pow(t, 1 / e)));
          expect(timeDependentTarget(t, 0.9, 0.3, e, k)).toBeCloseTo(expected, 12);
        },
      ),
    );
    expect(timeDependentTarget(0, 0.9, 0.3, 0.2)).toBeCloseTo(0.9, 12);
    expect(timeDependentTarget(1, 0.9, 0.3, 0.2)).toBeCloseTo(0.3, 12);
  });

  it("Boulware concedes later than Conceder: its offers at mid-talks are worth more to it", () => {
    const s = builtinScenario("nash-1950");
    const offerAt = (strategy: string, round: number): number =>
      simulate(s, { rounds: 40, parties: { bill: { strategy }, jack: { strategy: "hardliner" } } }).trace.find(
        (t) => t.round === round,
      )!.utilities.bill!;
    expect(offerAt("boulware", 21)).toBeGreaterThan(offerAt("linear", 21));
    expect(offerAt("linear", 21)).toBeGreaterThan(offerAt("conceder", 21));
  });

  it("the frequency model ranks the opponent's repeated options above the others", () => {
    const space = outcomeSpace(builtinScenario("nash-1950"));
    const m = new FrequencyModel(space.compiled.sizes);
    const jackBest = space.own[1]![0]!;
    for (let k = 0; k < 5; k++) m.observe(space, jackBest);
    const billBest = space.own[0]![0]!;
    expect(m.predict(space, jackBest)).toBeCloseTo(1, 12);
    expect(m.predict(space, billBest)).toBeLessThan(0.5);
  });

  it("a user's own strategy plugs in through the typed interface", () => {
    const splitter: StrategyFactory = {
      name: "splitter",
      description: "offers the acceptable bundle with the largest sum of utilities; accepts anything acceptable",
      create: () => ({
        propose(ctx) {
          const { space } = ctx;
          let best = space.own[ctx.party]![0]!;
          const sum = (k: number): number => space.utility[2 * k]! + space.utility[2 * k + 1]!;
          for (const k of space.own[ctx.party]!) if (space.allAccept[k] && sum(k) > sum(best)) best = k;
          return best;
        },
        respond: () => true,
      }),
    };
    const r = simulate(builtinScenario("nash-1950"), {
      parties: { bill: { strategy: splitter }, jack: { strategy: splitter } },
    });
    expect(r.agreement?.round).toBe(1);
    expect(r.strategies.bill).toBe("splitter");
  });

  it("a hardliner against a hardliner never agrees; the trace runs to the deadline", () => {
    const r = simulate(builtinScenario("nash-1950"), {
      rounds: 12,
      parties: { bill: { strategy: "hardliner" }, jack: { strategy: "hardliner" } },
    });
    expect(r.agreement).toBeNull();
    expect(r.metrics.outcome).toBe("deadline");
    expect(r.trace).toHaveLength(12);
  });
});

describe("events, deadlines and delay", () => {
  it("no deal exists before the sanctions event; after it lowers Russia's reservation a deal follows", () => {
    // Before: Russia needs >= 0.65 (t >= 7), Ukraine needs >= 0.45 (t <= 5): no ZOPA. After -0.2: t in {5}... (Russia >= 0.45).
    const events = [
      { round: 5, label: "new sanctions", edits: [{ op: "shiftReservation" as const, party: "russia", by: -0.2 }] },
    ];
    const r = simulate(war, {
      rounds: 30,
      seed: 1,
      events,
      parties: { russia: { strategy: "boulware" }, ukraine: { strategy: "conceder" } },
    });
    expect(r.agreement).not.toBeNull();
    expect(r.agreement!.round).toBeGreaterThanOrEqual(5);
    expect(r.trace.find((t) => t.round === 5)?.events).toEqual(["new sanctions"]);
    const without = simulate(war, {
      rounds: 30,
      seed: 1,
      parties: { russia: { strategy: "boulware" }, ukraine: { strategy: "conceder" } },
    });
    expect(without.agreement).toBeNull();
  });

  it("accepts the named events of src/edits/events.ts, labelled by id", () => {
    const r = simulate(war, {
      rounds: 30,
      events: [{ round: 5, ...sanctionsEvent({ target: "russia", by: 0.2 }) }],
      parties: { russia: { strategy: "boulware" }, ukraine: { strategy: "conceder" } },
    });
    expect(r.trace.find((t) => t.round === 5)?.events).toEqual(["New sanctions on russia"]);
    expect(r.agreement).not.toBeNull();
  });

  it("events may not change the agenda", () => {
    const events = [
      { round: 2, label: "x", edits: [{ op: "removeOption" as const, issue: "territory", option: "t0" }] },
    ];
    expect(() => simulate(war, { events })).toThrow(TreatylabError);
    expect(() => simulate(war, { events })).toThrow(/agenda/);
  });

  it("an announced deadline ends talks and strategies concede by it", () => {
    const r = simulate(builtinScenario("nash-1950"), {
      rounds: 100,
      deadline: 10,
      parties: { bill: { strategy: "boulware" }, jack: { strategy: "boulware" } },
    });
    expect(r.rounds).toBeLessThanOrEqual(10);
    expect(r.agreement).not.toBeNull();
  });

  it("payoffs apply the per-round discount and cost of delay to the agreement", () => {
    const r = simulate(builtinScenario("nash-1950"), {
      rounds: 30,
      parties: {
        bill: { strategy: "linear", delay: { discount: 0.9, costPerRound: 0.001 } },
        jack: { strategy: "linear" },
      },
    });
    const t = r.agreement!.round - 1;
    expect(r.metrics.payoffs.bill).toBeCloseTo(r.agreement!.utilities.bill! * 0.9 ** t - 0.001 * t, 9);
    expect(r.metrics.payoffs.jack).toBeCloseTo(r.agreement!.utilities.jack!, 9);
  });

  it("a party that plans for a longer horizon (it believes it can fight on) holds out: talks fail at the deadline", () => {
    const patient = simulate(builtinScenario("nash-1950"), {
      rounds: 20,
      parties: { bill: { strategy: "boulware", horizon: 1000 }, jack: { strategy: "boulware" } },
    });
    const plain = simulate(builtinScenario("nash-1950"), {
      rounds: 20,
      parties: { bill: { strategy: "boulware" }, jack: { strategy: "boulware" } },
    });
    expect(plain.agreement).not.toBeNull();
    expect(patient.agreement === null || patient.agreement.utilities.bill! >= plain.agreement!.utilities.bill!).toBe(
      true,
    );
  });
});

describe("protocols", () => {
  it("the single-text mediator seeking the Nash product reaches Nash's published trade (docs/reference/cases.md part 1)", () => {
    const r = simulate(builtinScenario("nash-1950"), { protocol: "single-text", mediator: "nash", rounds: 30 });
    expect(r.agreement?.bundle).toEqual({
      book: "jack",
      whip: "jack",
      ball: "jack",
      bat: "jack",
      box: "bill",
      pen: "bill",
      toy: "bill",
      knife: "bill",
      hat: "jack",
    });
    expect(r.trace[0]!.proposer).toBe("mediator");
    expect(r.trace[0]!.objections?.jack?.shortfall).toBeGreaterThan(0);
  });

  it("stacked offers need every other party's acceptance", () => {
    const three: Scenario = {
      ...war,
      id: "three",
      parties: [...war.parties, { ...war.parties[1]!, id: "eu", reservation: 0 }].map((p) => ({
        ...p,
        reservation: 0,
      })),
    };
    const r = simulate(three, {
      protocol: "stacked",
      rounds: 30,
      parties: { russia: { strategy: "linear" }, ukraine: { strategy: "linear" }, eu: { strategy: "linear" } },
    });
    const last = r.trace[r.trace.length - 1]!;
    expect(Object.values(last.responses)).toEqual(["accept", "accept"]);
    for (const t of r.trace.slice(0, -1)) expect(Object.values(t.responses)).toContain("reject");
  });

  it("rejects the bilateral protocols on three parties and unknown parties with one-line errors", () => {
    const three: Scenario = { ...war, id: "three", parties: [...war.parties, { ...war.parties[1]!, id: "eu" }] };
    expect(() => simulate(three, { protocol: "alternating" })).toThrow(/stacked/);
    expect(() => simulate(three, { protocol: "zeuthen" })).toThrow(/bilateral/);
    expect(() => simulate(war, { parties: { nato: { strategy: "linear" } } })).toThrow(/unknown party "nato"/);
    expect(() => simulate(war, { rounds: 0 })).toThrow(/rounds/);
  });
});

describe("scope zopa", () => {
  it("lists exactly the bundles every party accepts when there are no events", () => {
    fc.assert(
      fc.property(smallScenarioArb({ parties: [2, 3], redLines: true }), (s) => {
        const all = outcomeSpace(s);
        const t = buildTimeline(s, [], "zopa");
        const zopa: string[] = [];
        for (let k = 0; k < all.size; k++)
          if (all.allAccept[k])
            zopa.push(Array.from(all.bundles.subarray(k * all.issues, (k + 1) * all.issues)).join(","));
        const listed: string[] = [];
        const z = t.initial.space;
        for (let k = 0; k < z.size; k++)
          listed.push(Array.from(z.bundles.subarray(k * z.issues, (k + 1) * z.issues)).join(","));
        expect(listed).toEqual(zopa);
      }),
    );
  });

  it("keeps the bundles of every version when an event enlarges the ZOPA", () => {
    const events = [
      { round: 3, label: "sanctions", edits: [{ op: "shiftReservation" as const, party: "russia", by: -0.2 }] },
    ];
    const t = buildTimeline(war, events, "zopa");
    expect(t.initial.space.size).toBe(t.at.get(3)!.space.size);
    expect(t.initial.space.size).toBeGreaterThan(0);
    let before = 0;
    for (let k = 0; k < t.initial.space.size; k++) before += t.initial.space.allAccept[k]!;
    expect(before).toBe(0); // no deal before the sanctions
    const r = simulate(war, {
      scope: "zopa",
      events,
      rounds: 20,
      parties: { russia: { strategy: "boulware" }, ukraine: { strategy: "conceder" } },
    });
    expect(r.agreement!.round).toBeGreaterThanOrEqual(3);
  });
});
