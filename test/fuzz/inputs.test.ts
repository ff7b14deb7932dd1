/**
 * Fuzzing of the other inputs a user hands treatylab (issue 17): edits and events files,
 * uncertainty files, GMCR+ save files and GENIUS XML. Each mutated input must either work or be
 * refused with the library's own error (one escaped line), never a TypeError, a RangeError or NaN.
 * The generators and the classifier are in ./inputs.ts (shared with `npm run fuzz -- --inputs`).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { applyEditsData } from "../../src/edits/editsData.js";
import { forecast } from "../../src/forecast/models.js";
import { parseForecastCsv } from "../../src/forecast/parseTable.js";
import type { ForecastTable } from "../../src/forecast/types.js";
import type { Bundle, Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { analyzeStability } from "../../src/stability/concepts.js";
import { fromGmcr } from "../../src/stability/gmcr.js";
import { parseUncertainty } from "../../src/uncertainty/types.js";
import { INPUT_KINDS, runInput } from "./inputs.js";

const nash = builtinScenario("nash-1950");
const json = (file: string): Scenario => JSON.parse(readFileSync(file, "utf8")) as Scenario;

/** Runs `f`; "ok" or "refused" (our error, one clean line); anything else fails the test. */
function cleanly(f: () => unknown): "ok" | "refused" {
  const out = runInput({ describe: () => "", run: f });
  expect(out.kind === "ok" || out.kind === "refused", out.message).toBe(true);
  return out.kind as "ok" | "refused";
}

describe("fuzz: other inputs are used or refused cleanly", () => {
  // Each kind is used at least once and refused at least once in 150 seeded inputs.
  it.each(Object.entries(INPUT_KINDS))("%s", (_, arb) => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arb(), (input) => {
        const out = runInput(input);
        if (out.kind !== "ok" && out.kind !== "refused")
          expect.fail(`${out.kind}: ${out.message}\n  ${input.describe()}`);
        seen.add(out.kind);
      }),
      { numRuns: 150, seed: 17 },
    );
    expect(seen).toEqual(new Set(["ok", "refused"]));
  });

  it("the classifier tells a crash and a NaN from a refusal", () => {
    expect(runInput({ describe: () => "", run: () => JSON.parse("{") }).kind).toBe("crash");
    expect(runInput({ describe: () => "", run: () => ({ u: [0.5, Number.NaN] }) }).kind).toBe("nan");
    expect(runInput({ describe: () => "", run: () => validateScenario({}) }).kind).toBe("refused");
    expect(runInput({ describe: () => "", run: () => analyzeStability(fromGmcr({}, "x.gmcr")) }).kind).toBe("refused");
  });
});

describe("the entry points refuse what is not their input with the library's error", () => {
  // Any JSON-like value where a scenario, a proposal or a forecast table goes (the new-user trial
  // found null and undefined giving a TypeError from analyze and checkProposal, and a list of
  // tables from forecast).
  const notInput = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, [], {}, "nash-1950", 0, true, [nash], { actors: 1 }),
    fc.anything({ maxDepth: 2 }),
  );
  const table = parseForecastCsv("Actor,Capability,Position,Salience\nA,1,0,1\nB,2,10,0.5\n", "t.csv")[0]!;
  const entries: Record<string, (v: unknown) => unknown> = {
    analyze: (v) => analyze(v as Scenario),
    "checkProposal's scenario": (v) => checkProposal(v as Scenario, {}),
    "checkProposal's proposal": (v) => checkProposal(nash, v as Bundle),
    forecast: (v) => forecast(v as ForecastTable),
  };
  it.each(Object.entries(entries))("%s", (_, call) => {
    fc.assert(
      fc.property(notInput, (v) => {
        expect(cleanly(() => call(v))).toBe("refused");
      }),
      { numRuns: 100, seed: 18 },
    );
  });

  it("a list of forecast tables is named as such", () => {
    expect(() => forecast([table] as unknown as ForecastTable)).toThrow(
      /table: is a list of 1 \(parseForecastCsv and forecastTablesFromJson return one table per issue\)/,
    );
    expect(() => checkProposal(nash, null as unknown as Bundle)).toThrow(/^proposal: is null; expected an object/);
  });
});

describe("pinned regressions of the input fuzzing", () => {
  const refusal = (f: () => unknown): string => {
    expect(cleanly(f)).toBe("refused");
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  };
  it("a BigInt in an edit is refused, not a TypeError from JSON.stringify", () => {
    expect(refusal(() => applyEditsData(nash, [{ op: "shiftReservation", party: "bill", by: 1n }], "e.json"))).toMatch(
      /^e\.json: .*BigInt/,
    );
  });
  it("a shift by a non-number names the field", () => {
    expect(
      refusal(() => applyEditsData(nash, [{ op: "shiftReservation", party: "bill", by: [[1]] }], "e.json")),
    ).toMatch(/edits\[0\]\.by: is a list; expected a finite number/);
    expect(refusal(() => applyEditsData(nash, [{ op: "removeConstraint", index: "0" }], "e.json"))).toMatch(
      /edits\[0\]\.index: is "0"; expected a whole number/,
    );
    expect(refusal(() => applyEditsData(nash, [{ op: "setWeight", party: "bill", issue: "book" }], "e.json"))).toMatch(
      /edits\[0\]\.value: is missing/,
    );
  });
  it('a "dist" of "constructor" or "__proto__" is refused, not a TypeError (npm run fuzz -- --inputs, seed 1)', () => {
    for (const dist of ["constructor", "__proto__", "toString"])
      expect(refusal(() => parseUncertainty({ "parties.jack.reservation": { dist, min: 0.1, max: 0.3 } }))).toMatch(
        /^\$\.uncertainty\["parties\.jack\.reservation"\]: is .*; expected \{ "dist": "uniform"/,
      );
  });
  it("a cycle in an uncertainty file or a GMCR+ file is refused", () => {
    const u: Record<string, unknown> = { "parties.*.reservation": { spread: 0.1 } };
    (u["parties.*.reservation"] as Record<string, unknown>).self = u;
    expect(refusal(() => parseUncertainty(u))).toMatch(/cycle/);
    const g = json("test/stability/fixtures/cuban.gmcr") as unknown as Record<string, unknown>;
    g.options = [g];
    expect(refusal(() => fromGmcr(g, "c.gmcr"))).toMatch(/cycle/);
  });
});
