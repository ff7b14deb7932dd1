import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioShapeModule, shapeOf } from "../../scripts/scenario-shape.js";
import { readFileSync } from "node:fs";
import { readGeniusFolder } from "../../src/files/geniusFolder.js";
import { checkInputData } from "../../src/model/inputGuard.js";
import { scenarioSchema } from "../../src/model/schema.js";
import { SCENARIO_SHAPE } from "../../src/model/scenarioShapeData.js";
import { matchShape } from "../../src/model/shape.js";
import type { Scenario } from "../../src/model/types.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { mutate, mutationArb } from "../fuzz/hostile.js";
import { scenarioArb } from "../helpers/arbitraries.js";

/** zod's verdict and the structure check's on one input agree: same acceptance, same value. */
function agree(input: unknown): void {
  try {
    checkInputData(input, { numbers: true }); // validateScenario's first step: cycles, depth, BigInt...
  } catch {
    return;
  }
  const z = scenarioSchema.safeParse(input);
  const m = matchShape(SCENARIO_SHAPE, input);
  expect(m.ok, JSON.stringify(z.success ? "zod accepts" : z.error.issues[0])).toBe(z.success);
  if (m.ok && z.success) {
    expect(m.value).toStrictEqual(z.data); // undefined fields too
    expect(JSON.stringify(m.value)).toBe(JSON.stringify(z.data)); // and the order of the fields
    expect(m.value).not.toBe(input); // a fresh copy, as zod's
  }
}

const withUncertainty = (s: Scenario): Scenario => ({
  ...s,
  uncertainty: {
    "parties.*.reservation": { spread: 0.1 },
    [`parties.${s.parties[0]!.id}.weights.x`]: { dist: "triangular", min: 0, max: 1 },
    "a.b": { dist: "normal", sd: 0.2 },
  },
});

describe("the scenario structure without zod (issue 18: validate without loading zod)", () => {
  it("SCENARIO_SHAPE is what the zod schema gives (regenerate with `npx tsx scripts/scenario-shape.ts`)", () => {
    expect(SCENARIO_SHAPE).toEqual(shapeOf(scenarioSchema));
    expect(readFileSync("src/model/scenarioShapeData.ts", "utf8")).toBe(scenarioShapeModule());
  });

  it("accepts every built-in and GENIUS scenario with the value zod returns, fields in zod's order", async () => {
    for (const id of builtinScenarioIds()) agree(JSON.parse(JSON.stringify(builtinScenario(id))));
    const root = "../shared/data/genius";
    let folders: string[] = [];
    try {
      folders = readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      // the shared GENIUS data is not in every checkout
    }
    for (const f of folders.slice(0, 6)) {
      const s = await readGeniusFolder(`${root}/${f}`).catch(() => undefined);
      if (s) agree(JSON.parse(JSON.stringify(s)));
    }
    // fields in another order than the schema's come back in the schema's order, as from zod
    const s = builtinScenario("nash-1950");
    agree(Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(s)) as object).reverse()));
  });

  it("agrees with zod on random scenarios and hostile mutations of them (acceptance and value)", () => {
    const bases = fc.oneof(
      scenarioArb({
        maxParties: 4,
        maxIssues: 4,
        maxOptions: 4,
        redLines: true,
        constraints: true,
        constituencies: true,
        interactions: true,
      }),
      fc.constantFrom(...builtinScenarioIds()).map((id) => builtinScenario(id)),
    );
    fc.assert(
      fc.property(bases, fc.boolean(), fc.array(mutationArb, { maxLength: 3 }), (base, unc, mutations) => {
        agree(mutate(unc ? withUncertainty(base) : base, mutations));
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with zod at the edges of each bound: ids, reservations, weights, steps, points, quotas", () => {
    const s = JSON.parse(JSON.stringify(builtinScenario("ukraine-2025"))) as Record<string, any>;
    const at = (edit: (d: Record<string, any>) => void): unknown => {
      const d = JSON.parse(JSON.stringify(s)) as Record<string, any>;
      edit(d);
      return d;
    };
    const values: unknown[] = [-1, -0, 0, 1e-300, 0.5, 1, 1.0000001, 2, NaN, "0.5", null, undefined, true];
    for (const v of values) {
      agree(at((d) => (d.parties[0].reservation = v)));
      agree(at((d) => (d.parties[0].weights[d.issues[0].id] = v)));
      agree(at((d) => (d.parties[0].power = v)));
      agree(at((d) => (d.parties[0].discount = v)));
      agree(at((d) => (d.parties[0].ratification = { rule: "quota", quota: v })));
      agree(at((d) => (d.issues[0] = { id: "n", type: "numeric", range: { min: 0, max: 10, step: v } })));
      agree(at((d) => (d.parties[0].values[d.issues[0].id] = { points: [[0, v]] })));
      agree(at((d) => (d.parties[0].interactions = [{ when: { [d.issues[0].id]: "x" }, value: v }])));
    }
    for (const id of ["", "a", "_a", "a b", "constructor", "prototype", "__proto__", "toString", "a:b.c-d_e", "é"]) {
      agree(at((d) => (d.id = id)));
      agree(at((d) => (d.issues[0].options[0].id = id)));
    }
    for (const v of [[], [""], "", "x", ["x"], 5, { a: 1 }]) {
      agree(at((d) => (d.constraints = [{ if: { a: v }, then: { b: v } }])));
      agree(at((d) => (d.sources = [{ title: v }])));
      agree(at((d) => (d.notes = { a: v })));
      agree(at((d) => (d.uncertainty = { "": { spread: 0.1 }, b: v })));
      agree(at((d) => (d.issues[0].type = v)));
      agree(at((d) => (d.parties[0].values[d.issues[0].id] = { points: v })));
    }
  });
});
