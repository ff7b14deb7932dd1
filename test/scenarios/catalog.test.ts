import { describe, expect, it } from "vitest";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { BUILTIN_LOADERS, isBuiltinScenarioId, loadBuiltinScenario } from "../../src/scenarios/catalog.js";

describe("the catalog of built-in scenarios (one list of ids; lazy loading for the command line)", () => {
  it("loads each built-in alone, equal to what builtinScenario returns", async () => {
    expect(builtinScenarioIds()).toEqual(Object.keys(BUILTIN_LOADERS).sort());
    expect(builtinScenarioIds()).toHaveLength(11);
    for (const id of builtinScenarioIds()) {
      const lazy = await loadBuiltinScenario(id);
      expect(lazy, id).toStrictEqual(builtinScenario(id));
      expect(lazy.id, id).toBe(id);
      expect(Object.isFrozen(lazy), id).toBe(true);
    }
  });

  it("names no built-in for an unknown id, an inherited property name or a near miss, with the same error both ways", async () => {
    for (const id of ["nash", "toString", "__proto__", "constructor", "NASH-1950", " nash-1950", ""]) {
      expect(isBuiltinScenarioId(id), id).toBe(false);
      expect(() => builtinScenario(id)).toThrow(`no built-in scenario "${id}"; built-ins: annan-plan-2004, `);
      await expect(loadBuiltinScenario(id)).rejects.toThrow(
        `no built-in scenario "${id}"; built-ins: annan-plan-2004, `,
      );
    }
    expect(isBuiltinScenarioId("nash-1950")).toBe(true);
  });
});
