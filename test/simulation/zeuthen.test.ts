import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinScenario, simulate } from "../../src/index.js";
import type { Scenario } from "../../src/model/types.js";
import { acceptsOf, allBundles, smallScenarioArb, utilityOf } from "./arb.js";

const TOL = 1e-9;

/** Brute force: the ZOPA's Pareto frontier (distinct utility vectors, sorted by party 0) and the Nash product maximisers. */
function frontierAndNash(s: Scenario): { frontier: number[][]; nash: number[][] } {
  const [a, b] = s.parties as [Scenario["parties"][0], Scenario["parties"][0]];
  const pts = allBundles(s)
    .filter((x) => acceptsOf(s, a, x) && acceptsOf(s, b, x))
    .map((x) => [utilityOf(s, a, x), utilityOf(s, b, x)] as number[]);
  const dominated = (p: number[], q: number[]): boolean =>
    q[0]! >= p[0]! - TOL && q[1]! >= p[1]! - TOL && (q[0]! > p[0]! + TOL || q[1]! > p[1]! + TOL);
  const frontier: number[][] = [];
  for (const p of pts)
    if (
      !pts.some((q) => dominated(p, q)) &&
      !frontier.some((f) => Math.abs(f[0]! - p[0]!) <= TOL && Math.abs(f[1]! - p[1]!) <= TOL)
    )
      frontier.push(p);
  frontier.sort((x, y) => x[0]! - y[0]!);
  const product = (p: number[]): number => Math.max(0, p[0]! - a.reservation) * Math.max(0, p[1]! - b.reservation);
  const best = Math.max(...frontier.map(product));
  return { frontier, nash: frontier.filter((p) => product(p) >= best - TOL) };
}

describe("monotonic concession with the Zeuthen strategy", () => {
  it("reaches the published Nash trade of Nash (1950) (docs/reference/cases.md part 1)", () => {
    const r = simulate(builtinScenario("nash-1950"), { protocol: "zeuthen", seed: 1 });
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
  });

  it("ends at or next to the Nash solution on random scenarios (next: adjacent on the ZOPA's Pareto frontier)", () => {
    fc.assert(
      fc.property(smallScenarioArb({ redLines: true }), fc.nat(1000), (s, seed) => {
        const { frontier, nash } = frontierAndNash(s);
        const r = simulate(s, { protocol: "zeuthen", seed, rounds: 1000 });
        if (frontier.length === 0) {
          expect(r.agreement).toBeNull();
          return;
        }
        expect(r.agreement).not.toBeNull();
        const u = [r.agreement!.utilities.p0!, r.agreement!.utilities.p1!];
        const at = frontier.findIndex((f) => Math.abs(f[0]! - u[0]!) <= 1e-6 && Math.abs(f[1]! - u[1]!) <= 1e-6);
        expect(at, `agreement ${u} is not on the frontier ${JSON.stringify(frontier)}`).toBeGreaterThanOrEqual(0);
        const nashAt = nash.map((n) => frontier.indexOf(n));
        expect(
          nashAt.some((k) => Math.abs(k - at) <= 1),
          `agreement ${u}, Nash ${JSON.stringify(nash)}, frontier ${JSON.stringify(frontier)}`,
        ).toBe(true);
      }),
    );
  });
});
