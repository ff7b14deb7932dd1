// Issue 17: analyzeStability reports progress in verdicts (decision makers x concepts x states).
import { describe, expect, it } from "vitest";
import { builtinGraphModel } from "../../src/stability/builtins.js";
import { analyzeStability } from "../../src/stability/concepts.js";
import { compileGraphModel } from "../../src/stability/model.js";

describe("analyzeStability's progress (issue 17)", () => {
  it("counts verdicts up to decision makers x concepts x states, and changes nothing", () => {
    const model = builtinGraphModel("ukraine-2025-may")!;
    const cm = compileGraphModel(model);
    const calls: [number, number][] = [];
    const a = analyzeStability(cm, { onProgress: (d, t) => calls.push([d, t]) });
    const total = cm.dmNames.length * a.concepts.length * cm.states.length;
    // the start, then the end of each (decision maker, concept): fewer than 4,096 states each
    expect(calls).toEqual(
      Array.from({ length: cm.dmNames.length * a.concepts.length + 1 }, (_, i) => [i * cm.states.length, total]),
    );
    expect(a.equilibria).toEqual(analyzeStability(cm).equilibria);
  });
});
