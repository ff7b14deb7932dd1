import { describe, expect, it } from "vitest";
import { adjustedWinner } from "../../src/procedures/adjustedWinner.js";
import { pointsFromScenario } from "../../src/procedures/scenarioPoints.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "../cli/run.js";

const s = validateScenario({
  id: "fund",
  issues: [
    { id: "fund", divisible: true, options: [{ id: "a" }, { id: "b" }] },
    { id: "land", divisible: true, options: [{ id: "a" }, { id: "b" }] },
    { id: "flag", options: [{ id: "a" }, { id: "b" }] },
  ],
  parties: [
    {
      id: "a",
      weights: { fund: 50, land: 40, flag: 10 },
      values: { fund: { a: 1, b: 0 }, land: { a: 1, b: 0 }, flag: { a: 1, b: 0 } },
      reservation: 0,
    },
    {
      id: "b",
      weights: { fund: 30, land: 60, flag: 10 },
      values: { fund: { a: 0, b: 1 }, land: { a: 0, b: 1 }, flag: { a: 0, b: 1 } },
      reservation: 0,
    },
  ],
});

describe("Adjusted Winner on a scenario's divisible issues", () => {
  it("uses the issues marked divisible and the parties' weights as points", () => {
    const input = pointsFromScenario(s, ["a", "b"]);
    expect(input.items.map((i) => [i.id, i.points])).toEqual([
      ["fund", { a: 50, b: 30 }],
      ["land", { a: 40, b: 60 }],
    ]);
    // Scaled to 100: a has 5/9 and 4/9, b 1/3 and 2/3; a wins the fund, b the land: a 500/9 vs b 200/3.
    // b is ahead: part of the land passes to a until both totals are equal.
    const r = adjustedWinner(input);
    expect(r.points.a).toBe(r.points.b);
    expect(r.split?.item).toBe("land");
  });
  it("names unknown parties and issues, and a scenario without divisible issues", () => {
    expect(() => pointsFromScenario(s, ["a", "c"])).toThrow(/no party "c"/);
    expect(() => pointsFromScenario(s, ["a", "b"], ["sea"])).toThrow(/no issue "sea"/);
    expect(() => pointsFromScenario(builtinScenario("nash-1950"), ["bill", "jack"])).toThrow(
      /marks no issue "divisible"/,
    );
  });
  it("treatylab divide <scenario> --parties a,b works end to end, and a scenario without --parties gets a hint", async () => {
    const r = await run("divide", "nash-1950", "--parties", "bill,jack", "--items", "pen,knife", "--format", "json");
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.points.bill).toBe(d.points.jack);
    const bad = await run("divide", "nash-1950");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--parties a,b/);
  });
});
