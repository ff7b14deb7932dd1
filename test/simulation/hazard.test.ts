import { describe, expect, it } from "vitest";
import { breakdownClock, hazardSchedule, survival } from "../../src/simulation/hazard.js";
import { seededRandom } from "../../src/simulation/random.js";
import { simulateRuns } from "../../src/simulation/runs.js";
import { simulate } from "../../src/simulation/simulate.js";
import type { SimulationOptions } from "../../src/simulation/types.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "../cli/run.js";
import { GENERATOR } from "../../src/cli/context.js";

const nash = builtinScenario("nash-1950");
// Linear concession over a 10-round horizon: no random draw, so every run agrees in the same round.
const base: SimulationOptions = { rounds: 10, seed: "h" };

describe("breakdown hazard", () => {
  const k = simulate(nash, base).agreement!.round;

  it("the strategy pair agrees in round k in every run without a hazard (the premise of the closed form)", () => {
    expect(k).toBeGreaterThan(1);
    const r = simulateRuns(nash, base, 50);
    expect(r.outcomes.agreement).toBe(50);
    expect(r.endRounds).toEqual([{ round: k, runs: 50, agreement: 50, breakdown: 0, deadline: 0, conflict: 0 }]);
  });

  it("a hazard h gives P(agreement) = (1 - h)^k: Monte Carlo within a binomial bound, and the exact count from the seeded draws", () => {
    const h = 0.1;
    const n = 2000;
    const r = simulateRuns(nash, { ...base, hazard: h }, n);
    const p = (1 - h) ** k;
    expect(survival(h, k)).toBeCloseTo(p, 15);
    // 4 standard errors: a correct engine fails this with probability about 6e-5 (and the seed is fixed).
    expect(Math.abs(r.agreementRate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // Exact: run i agrees iff none of the first k draws of its breakdown stream falls below h.
    let agree = 0;
    for (let i = 0; i < n; i++) {
      const rng = seededRandom(`h/${i}/breakdown`);
      let ok = true;
      for (let t = 1; t <= k; t++) if (rng() < h) ok = false;
      if (ok) agree++;
    }
    expect(r.outcomes.agreement).toBe(agree);
    expect(r.outcomes.breakdown).toBe(n - agree);
    // A breakdown before round t leaves t - 1 rounds played: end rounds 0 .. k - 1, geometric.
    for (const e of r.endRounds) if (e.round < k) expect(e.agreement + e.deadline + e.conflict).toBe(0);
  });

  it("expected utilities mix the agreement and the reservations by the agreement rate", () => {
    const r = simulateRuns(nash, { ...base, hazard: 0.2 }, 400);
    const deal = simulate(nash, base).agreement!.utilities;
    for (const p of nash.parties) {
      const want = r.agreementRate * deal[p.id]! + (1 - r.agreementRate) * p.reservation;
      expect(r.expected.utilities[p.id]).toBeCloseTo(want, 9);
    }
  });

  it("a breakdown cost (the war escalates) lowers the no-deal utility of a breakdown, not of a deadline", () => {
    const cost = { bill: 0.2, jack: 0.5 };
    const r = simulateRuns(nash, { ...base, hazard: 0.2, breakdownCost: cost }, 400);
    const deal = simulate(nash, base).agreement!.utilities;
    for (const p of nash.parties) {
      const want =
        r.agreementRate * deal[p.id]! +
        (1 - r.agreementRate) * Math.max(0, p.reservation - cost[p.id as "bill" | "jack"]);
      expect(r.expected.utilities[p.id]).toBeCloseTo(want, 9);
    }
    const noDeal = simulate(nash, {
      ...base,
      rounds: 3,
      breakdownCost: cost,
      parties: { bill: { strategy: "hardliner" }, jack: { strategy: "hardliner" } },
    });
    expect(noDeal.metrics.outcome).toBe("deadline");
    expect(noDeal.metrics.utilities.jack).toBe(nash.parties[1]!.reservation);
    expect(() => simulate(nash, { ...base, breakdownCost: { zed: 0.1 } })).toThrow(
      /unknown party "zed" in the breakdown costs/,
    );
  });

  it("a hazard never changes the moves: the trace is a prefix of the hazard-free one", () => {
    const free = simulate(nash, base);
    for (const seed of ["a", "b", "c", "d"]) {
      const hit = simulate(nash, { ...base, seed, hazard: 0.3 });
      const ref = simulate(nash, { ...base, seed });
      expect(ref.trace).toEqual(free.trace);
      expect(hit.trace).toEqual(ref.trace.slice(0, hit.trace.length));
      if (hit.metrics.outcome === "breakdown") expect(hit.agreement).toBeNull();
    }
  });

  it("per-round lists, functions and event hazards", () => {
    const at = hazardSchedule(
      [0, 0.5],
      [
        { round: 4, hazard: 1, edits: [] },
        { round: 6, hazard: 0, edits: [] },
      ],
    )!;
    expect([1, 2, 3, 4, 5, 6, 7].map(at)).toEqual([0, 0.5, 0.5, 1, 1, 0, 0]);
    expect(survival((r) => (r === 2 ? 0.5 : 0), 3)).toBe(0.5);
    // An escalation in round 3 with hazard 1 ends every run before round 3 is played.
    const r = simulateRuns(nash, { ...base, events: [{ round: 3, label: "escalation", hazard: 1, edits: [] }] }, 20);
    expect(r.outcomes.breakdown).toBe(20);
    expect(r.endRounds.map((e) => e.round)).toEqual([2]);
    expect(() => hazardSchedule(1.5)).toThrow(/hazard is 1.5; expected a probability from 0 to 1/);
    expect(() => hazardSchedule([])).toThrow(/empty list/);
    expect(() => breakdownClock((r) => r, [], 1)!.collapses(2)).toThrow(/hazard\(2\) is 2/);
  });

  it("the summary is deterministic and the CLI prints it (--hazard, --runs)", async () => {
    expect(JSON.stringify(simulateRuns(nash, { ...base, hazard: [0, 0.2] }, 100))).toBe(
      JSON.stringify(simulateRuns(nash, { ...base, hazard: [0, 0.2] }, 100)),
    );
    const j = await run(
      "simulate",
      "nash-1950",
      "--rounds",
      "10",
      "--seed",
      "h",
      "--hazard",
      "0.1",
      "--runs",
      "300",
      "--format",
      "json",
    );
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toEqual({
      generator: GENERATOR,
      ...JSON.parse(JSON.stringify(simulateRuns(nash, { ...base, hazard: 0.1 }, 300))),
    });
    const t = await run("simulate", "nash-1950", "--rounds", "10", "--hazard", "0,0.1", "--runs", "50");
    expect(t.out).toMatch(/Agreement in \d+ of 50 runs/);
    const bad = await run("simulate", "nash-1950", "--hazard", "2");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"2" is not a probability/);
  });
});
