import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

describe("nash-1950: Nash's Bill and Jack barter (docs/reference/cases.md part 1)", () => {
  const a = analyze(builtinScenario("nash-1950"));
  const billTotal = 34;
  const jackTotal = 16;

  it("its Nash solution is the published trade", () => {
    expect(a.solutions.nash!.bundle).toEqual({
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

  it("with gains 12 for Bill and 5 for Jack in Nash's units (Nash product 60)", () => {
    const gBill = (a.solutions.nash!.utilities.bill! - 12 / billTotal) * billTotal;
    const gJack = (a.solutions.nash!.utilities.jack! - 6 / jackTotal) * jackTotal;
    expect(gBill).toBeCloseTo(12, 9);
    expect(gJack).toBeCloseTo(5, 9);
    expect(gBill * gJack).toBeCloseTo(60, 9);
  });

  it("has the derived Pareto-optimal gains (2,8), (6,7), (8,6), (12,5), (14,4), (16,2), (18,0)", () => {
    const gains = a.frontier
      .map((f) => [
        Math.round((f.utilities.bill! - 12 / billTotal) * billTotal),
        Math.round((f.utilities.jack! - 6 / jackTotal) * jackTotal),
      ])
      .sort((x, y) => x[0]! - y[0]!);
    expect(gains).toEqual([
      [2, 8],
      [6, 7],
      [8, 6],
      [12, 5],
      [14, 4],
      [16, 2],
      [18, 0],
    ]);
  });
});
