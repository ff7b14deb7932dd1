import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario, normaliseWeights } from "../../src/model/compile.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { drawCompiled, drawScenario, drawValues } from "../../src/uncertainty/draws.js";
import { permuteIssues, prepareMonteCarlo } from "../../src/uncertainty/monteCarloJob.js";

// Issue #16: the Monte Carlo job is split by concept (the job and its preparation, the draws,
// running draws, the per-bundle ZOPA counts), and weights are normalised in one place: the
// model's `normaliseWeights`, which compiling uses and so do the draws that redraw weights
// without recompiling.
const job = {
  scenario: builtinScenario("ukraine-2025"),
  uncertainty: { "parties.*.reservation": { spread: 0.1 }, "parties.*.weights.*": { spread: 0.3 } },
  seed: "16",
  draws: 5,
  solutions: ["nash" as const],
};

describe("Monte Carlo modules (issue #16)", () => {
  it("a draw's tables built without recompiling hold the compiler's normalised weights exactly", () => {
    const ctx = prepareMonteCarlo(job);
    expect(ctx.walk.values).not.toBeNull(); // the path that redraws weights from the base tables
    for (let i = 0; i < job.draws; i++) {
      const values = drawValues(ctx, i);
      const fast = drawCompiled(ctx, i, values);
      const compiled = compileScenario(permuteIssues(drawScenario(ctx, i, values), ctx.walk.order));
      expect(fast.weight).toEqual(compiled.weight);
      expect(fast.reservation).toEqual(compiled.reservation);
    }
  });

  it("normaliseWeights divides by the sum and gives zeros when nothing is positive", () => {
    expect(Array.from(normaliseWeights([1, 3]))).toEqual([0.25, 0.75]);
    expect(Array.from(normaliseWeights([0, 0]))).toEqual([0, 0]);
  });

  it("a draw whose weights are all 0 is refused by name, whichever path builds it", () => {
    const ctx = prepareMonteCarlo(job);
    const zeros = drawValues(ctx, 0).map((v, k) => (ctx.parameters[k]!.ref.kind === "weight" ? 0 : v));
    expect(() => drawCompiled(ctx, 0, zeros)).toThrow(/draw 0: every weight of party "[^"]+" was drawn as 0/);
    expect(() => drawScenario(ctx, 0, zeros)).toThrow(/draw 0: every weight of party "[^"]+" was drawn as 0/);
  });

  it("no module outside the model sums weights to normalise them, and each Monte Carlo module stays one concept", () => {
    const dir = "src/uncertainty";
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), "utf8");
      expect(text, `${f} normalises weights itself: use normaliseWeights (model/compile.ts)`).not.toMatch(
        /(\/ total\b|total \+= .*weights)/,
      );
    }
    for (const f of ["monteCarloJob.ts", "draws.ts", "drawRows.ts", "zopaCounts.ts"])
      expect(readFileSync(path.join(dir, f), "utf8").split("\n").length).toBeLessThan(200);
  });
});
