import { describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import { scenarioSchema } from "../../src/model/schema.js";
import * as shape from "../../src/model/shape.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";

describe("validate once", () => {
  it("a scenario validateScenario returned is returned as it is, without parsing it again", () => {
    const v = validateScenario(JSON.parse(JSON.stringify(nash1950)));
    const parse = vi.spyOn(scenarioSchema, "safeParse");
    const check = vi.spyOn(shape, "matchShape"); // the structure check, standing for the zod schema
    try {
      expect(validateScenario(v)).toBe(v);
      analyze(v);
      expect(check).not.toHaveBeenCalled();
      // a plain object (even an equal copy) is validated, and gives a new frozen scenario
      const copy = JSON.parse(JSON.stringify(v)) as unknown;
      const again = validateScenario(copy);
      expect(check).toHaveBeenCalledTimes(1);
      expect(parse).not.toHaveBeenCalled(); // a valid scenario never reaches zod
      expect(again).not.toBe(copy);
      expect(again).toEqual(v);
    } finally {
      parse.mockRestore();
      check.mockRestore();
    }
  });

  it("an edited copy of a validated scenario is validated again (the memo holds only what was returned)", () => {
    const v = validateScenario(JSON.parse(JSON.stringify(nash1950)));
    expect(() => validateScenario({ ...v, parties: [] })).toThrow();
    expect(Object.isFrozen(v) && Object.isFrozen(v.parties)).toBe(true);
  });

  it("a validated scenario is compiled once; anything else is compiled afresh", () => {
    const v = validateScenario(JSON.parse(JSON.stringify(nash1950)));
    const c = compileScenario(v);
    expect(compileScenario(v)).toBe(c);
    analyze(v);
    expect(compileScenario(v)).toBe(c);
    // an object that only looks like a scenario (never validated, so it may still change)
    const plain = JSON.parse(JSON.stringify(v)) as typeof v;
    const first = compileScenario(plain);
    expect(compileScenario(plain)).not.toBe(first);
    expect(compileScenario(plain).contrib).toEqual(c.contrib);
  });
});
