import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { frontierMatrixSpec } from "../../src/plots/frontierMatrix.js";
import { coincidingSolutionsNote } from "../../src/plots/frontierPoints.js";
import { parallelCoordinatesSpec } from "../../src/plots/parallelCoordinates.js";
import { utilitySpaceSpec } from "../../src/plots/utilitySpace.js";
import { plotNumber } from "../../src/plots/spec.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { SOLUTION_LIST } from "../../src/solutions/solutionConcepts.js";

describe("coincidingSolutionsNote: the solutions a frontier plot draws on one point", () => {
  it("names exactly the solutions whose plotted utilities are equal, in groups, on every built-in scenario", () => {
    let groupsSeen = 0;
    for (const id of builtinScenarioIds()) {
      const a = analyze(builtinScenario(id));
      const note = coincidingSolutionsNote(a);
      // The oracle: every pair of solutions, compared on the utilities as plotted.
      const present = SOLUTION_LIST.filter((c) => a.solutions[c.name] !== null && a.solutions[c.name] !== undefined);
      const at = (c: (typeof present)[number]): string =>
        JSON.stringify(a.parties.map((p) => plotNumber(a.solutions[c.name]!.utilities[p.id]!)));
      const groups = note === "" ? [] : note.split(". ").map((g) => g.replace(/ coincide\.?$/, ""));
      const groupOf = new Map<string, number>();
      groups.forEach((g, k) => {
        for (const label of g.split(/, | and /)) groupOf.set(label, k);
      });
      for (const x of present)
        for (const y of present)
          if (x !== y)
            expect([id, x.label, y.label, at(x) === at(y)]).toEqual([
              id,
              x.label,
              y.label,
              groupOf.has(x.label) && groupOf.get(x.label) === groupOf.get(y.label),
            ]);
      groupsSeen += groups.length;
    }
    expect(groupsSeen).toBeGreaterThan(0); // some built-in scenario has coinciding solutions
  });

  it("is the second subtitle line of the parallel-coordinates and frontier-matrix plots, the last of the utility space, and absent when nothing coincides", () => {
    const gf = analyze(builtinScenario("good-friday-1998"));
    const note = "Nash and Utilitarian coincide. Kalai-Smorodinsky and Egalitarian coincide.";
    expect(coincidingSolutionsNote(gf)).toBe(note);
    for (const spec of [parallelCoordinatesSpec(gf), frontierMatrixSpec(gf)])
      expect((spec.title as { subtitle: string[] }).subtitle[1]).toBe(note);
    const nash = builtinScenario("nash-1950");
    expect((utilitySpaceSpec(nash, analyze(nash)).title as { subtitle: string[] }).subtitle.at(-1)).toBe(
      "Nash, Kalai-Smorodinsky, Egalitarian and Utilitarian coincide.",
    );
    const uk = analyze(builtinScenario("ukraine-2025"));
    expect(
      (utilitySpaceSpec(builtinScenario("ukraine-2025"), uk).title as { subtitle: string[] }).subtitle.join(" "),
    ).not.toMatch(/coincide/);
    expect(coincidingSolutionsNote(uk)).toBe("");
    for (const spec of [parallelCoordinatesSpec(uk), frontierMatrixSpec(uk)])
      expect((spec.title as { subtitle: string[] }).subtitle).toHaveLength(1);
  });
});
