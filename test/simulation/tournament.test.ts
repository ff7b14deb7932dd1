import { describe, expect, it } from "vitest";
import { builtinScenario, simulate, tournament } from "../../src/index.js";

describe("tournament", () => {
  const s = builtinScenario("nash-1950");
  const strategies = ["boulware", "conceder", "hardliner", "random"];
  const t = tournament([s], { strategies, seeds: 2, seed: 5, rounds: 30 });

  it("runs every assignment of strategies to parties, times the seeds, with documented sub-seeds", () => {
    expect(t.runs).toHaveLength(4 ** 2 * 2);
    expect(new Set(t.runs.map((r) => r.seed)).size).toBe(t.runs.length);
    expect(t.runs[0]!.seed).toBe("5/nash-1950/0/0");
  });

  it("each run equals the same negotiation simulated alone with its sub-seed", () => {
    for (const run of t.runs.filter((_, k) => k % 5 === 0)) {
      const alone = simulate(s, {
        seed: run.seed,
        rounds: 30,
        parties: { bill: { strategy: run.strategies.bill! }, jack: { strategy: run.strategies.jack! } },
      });
      expect(run.agreed).toBe(alone.agreement !== null);
      expect(run.rounds).toBe(alone.rounds);
      expect(run.utilities).toEqual(alone.metrics.utilities);
    }
  });

  it("summaries are the means over the runs each strategy played", () => {
    for (const sum of t.summary) {
      const plays = t.runs.flatMap((r) =>
        Object.entries(r.strategies)
          .filter(([, st]) => st === sum.strategy)
          .map(([party]) => ({ r, party })),
      );
      expect(sum.runs).toBe(plays.length);
      expect(sum.agreementRate).toBeCloseTo(plays.filter((p) => p.r.agreed).length / plays.length, 9);
      expect(sum.meanUtility).toBeCloseTo(plays.reduce((a, p) => a + p.r.utilities[p.party]!, 0) / plays.length, 9);
      expect(sum.meanRounds).toBeCloseTo(plays.reduce((a, p) => a + p.r.rounds, 0) / plays.length, 9);
    }
  });

  it("is deterministic for a seed", () => {
    expect(JSON.stringify(tournament([s], { strategies, seeds: 2, seed: 5, rounds: 30 }))).toBe(JSON.stringify(t));
  });

  it("refuses a malformed scenario with a ScenarioError naming the field, before any run", () => {
    expect(() => tournament([s, { id: "broken" } as never], { strategies, rounds: 5 })).toThrow(
      /^\$\.issues: missing; expected/,
    );
  });

  it("gives the same runs for a plain copy of the scenario (validated once, not per run)", () => {
    const plain = JSON.parse(JSON.stringify(s)) as typeof s;
    expect(JSON.stringify(tournament([plain], { strategies, seeds: 2, seed: 5, rounds: 30 }))).toBe(JSON.stringify(t));
  });
});
