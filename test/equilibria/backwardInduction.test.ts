import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subgamePerfectEquilibrium, type Scenario } from "../../src/index.js";
import { acceptsOf, allBundles, smallScenarioArb, utilityOf } from "../simulation/arb.js";

const TOL = 1e-9;

/** A pie of size 1 as a numeric issue with the given step: party a gets x, party b gets 1 - x. */
function pie(step: number): Scenario {
  return {
    id: "pie",
    issues: [{ id: "share", type: "numeric", range: { min: 0, max: 1, step } }],
    parties: [
      {
        id: "a",
        weights: { share: 1 },
        values: {
          share: {
            points: [
              [0, 0],
              [1, 1],
            ],
          },
        },
        reservation: 0,
      },
      {
        id: "b",
        weights: { share: 1 },
        values: {
          share: {
            points: [
              [0, 1],
              [1, 0],
            ],
          },
        },
        reservation: 0,
      },
    ],
  };
}

/**
 * The game tree searched literally: in round t the proposer tries every bundle; the responder
 * compares accepting with the value of the whole subgame after a rejection (searched again for
 * each offer). Same rules as documented: accept when at least the continuation; the proposer
 * agrees when its best accepted offer is at least its continuation, preferring (among equal
 * offers) the one better for the responder. Exponential: tiny cases only.
 */
function bruteForce(
  s: Scenario,
  T: number,
  d: [number, number],
): { values: number[]; round: number | null; u: number[] | null } {
  const [A, B] = s.parties as [Scenario["parties"][0], Scenario["parties"][0]];
  const options = allBundles(s)
    .filter((x) => acceptsOf(s, A, x) && acceptsOf(s, B, x))
    .map((x) => [utilityOf(s, A, x), utilityOf(s, B, x)]);
  const solve = (t: number): { values: number[]; round: number | null; u: number[] | null } => {
    if (t > T) return { values: [A.reservation, B.reservation], round: null, u: null };
    const i = (t - 1) % 2;
    const j = 1 - i;
    let best: number[] | null = null;
    let rejected: { values: number[]; round: number | null; u: number[] | null } | null = null;
    for (const u of options) {
      const sub = solve(t + 1); // the subgame after this offer is rejected
      const cont = [d[0] * sub.values[0]!, d[1] * sub.values[1]!];
      rejected = { values: cont, round: sub.round, u: sub.u };
      if (u[j]! < cont[j]! - TOL) continue;
      if (best === null || u[i]! > best[i]! + TOL || (Math.abs(u[i]! - best[i]!) <= TOL && u[j]! > best[j]! + TOL))
        best = u;
    }
    if (rejected === null) {
      const sub = solve(t + 1);
      rejected = { values: [d[0] * sub.values[0]!, d[1] * sub.values[1]!], round: sub.round, u: sub.u };
    }
    if (best !== null && best[i]! >= rejected.values[i]! - TOL) return { values: best, round: t, u: best };
    return rejected;
  };
  return solve(1);
}

describe("subgame-perfect equilibrium by backward induction", () => {
  it("reproduces (1 - (-d)^T) / (1 + d) to 1e-9 on a pie whose grid holds the exact shares (docs/reference/cases.md part 3)", () => {
    const s = pie(0.00001);
    for (let T = 1; T <= 5; T++) {
      const r = subgamePerfectEquilibrium(s, { rounds: T, discount: { a: 0.9, b: 0.9 } });
      expect(r.round).toBe(1);
      expect(Math.abs(r.agreement!.utilities.a! - (1 - (-0.9) ** T) / 1.9)).toBeLessThanOrEqual(1e-9);
    }
  });

  it("reproduces the two-factor recursion s_t = 1 - d_responder s_(t+1) on a grid", () => {
    const s = pie(0.001);
    // d_a = 0.5, d_b = 0.8: T=1: 1; T=2: 1 - 0.8 = 0.2; T=3: 1 - 0.8 (1 - 0.5) = 0.6; T=4: 1 - 0.8 (1 - 0.5 * 0.2) = 0.28.
    const shares = [1, 0.2, 0.6, 0.28];
    shares.forEach((share, k) => {
      const r = subgamePerfectEquilibrium(s, { rounds: k + 1, discount: { a: 0.5, b: 0.8 } });
      expect(Math.abs(r.agreement!.utilities.a! - share)).toBeLessThanOrEqual(1e-9);
    });
  });

  it("approaches the closed form within one grid step on a coarse pie", () => {
    const s = pie(0.001);
    for (const T of [10, 50]) {
      const r = subgamePerfectEquilibrium(s, { rounds: T, discount: { a: 0.9, b: 0.9 } });
      expect(Math.abs(r.agreement!.utilities.a! - (1 - (-0.9) ** T) / 1.9)).toBeLessThanOrEqual(0.001 + 1e-9);
    }
  });

  it("matches a brute-force game-tree search on tiny random scenarios", () => {
    fc.assert(
      fc.property(
        smallScenarioArb({ maxIssues: 2, maxOptions: 3, redLines: true }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0.5, 0.8, 0.9, 1),
        fc.constantFrom(0.5, 0.8, 0.9, 1),
        (s, T, d0, d1) => {
          const want = bruteForce(s, T, [d0, d1]);
          const got = subgamePerfectEquilibrium(s, { rounds: T, discount: { p0: d0, p1: d1 } });
          expect(got.round).toBe(want.round);
          expect(got.payoffs.p0).toBeCloseTo(want.values[0]!, 9);
          expect(got.payoffs.p1).toBeCloseTo(want.values[1]!, 9);
          if (want.u) {
            expect(got.agreement!.utilities.p0).toBeCloseTo(want.u[0]!, 9);
            expect(got.agreement!.utilities.p1).toBeCloseTo(want.u[1]!, 9);
          } else expect(got.agreement).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses scenarios with other than two parties and unknown parties", () => {
    const three: Scenario = { ...pie(0.1), parties: [...pie(0.1).parties, { ...pie(0.1).parties[0]!, id: "c" }] };
    expect(() => subgamePerfectEquilibrium(three, { rounds: 2 })).toThrow(/two parties/);
    expect(() => subgamePerfectEquilibrium(pie(0.1), { rounds: 2, discount: { z: 0.5 } })).toThrow(/unknown party "z"/);
  });
});
