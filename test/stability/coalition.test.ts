import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coalitionStability } from "../../src/stability/coalition.js";
import { analyzeStability } from "../../src/stability/concepts.js";
import { compileGraphModel, stateString } from "../../src/stability/model.js";
import { stabilityReport } from "../../src/stability/report.js";
import { statusQuoAnalysis } from "../../src/stability/statusQuo.js";
import { prisonersDilemma } from "./models.js";
import { Oracle } from "./oracle.js";
import { arbGraphModel } from "./random.js";

const pd = prisonersDilemma;

describe("coalition stability (Inohara and Hipel 2008)", () => {
  it("with every DM alone, coalition Nash and coalition SEQ are Nash and SEQ", () => {
    fc.assert(
      fc.property(
        arbGraphModel(7).filter((m) => new Oracle(m).states.length > 0),
        (model) => {
          const cm = compileGraphModel(model);
          const a = analyzeStability(cm, { concepts: ["nash", "seq"] });
          const c = coalitionStability(cm);
          expect(c.equilibria.cnash).toEqual(a.equilibria.nash);
          expect(c.equilibria.cseq).toEqual(a.equilibria.seq);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("Prisoner's Dilemma as a grand coalition: mutual defection is no longer stable, mutual cooperation is", () => {
    const c = coalitionStability(compileGraphModel({ ...pd, coalitions: [["A", "B"]] }));
    expect(c.blocks).toEqual([["A", "B"]]);
    expect(c.equilibria.cnash.map((s) => stateString(s, 2)).sort()).toEqual(["NN", "NY", "YN"]);
    expect(c.equilibria.cseq.map((s) => stateString(s, 2)).sort()).toEqual(["NN", "NY", "YN"]);
    const r = stabilityReport({ ...pd, coalitions: [["A", "B"]] });
    expect(r.coalitions!.equilibria.cnash).toContain("NN");
    expect(r.coalitions!.equilibria.cnash).not.toContain("YY");
  });

  it("status quo analysis follows coalition improvements of declared coalitions", () => {
    const alone = statusQuoAnalysis(analyzeStability(pd), "YY");
    expect(alone.reachableStates).toBe(1);
    const together = statusQuoAnalysis(analyzeStability({ ...pd, coalitions: [["A", "B"]] }), "YY");
    const nn = together.equilibria.find((e) => e.state === "NN")!;
    expect(nn).toMatchObject({ reachable: true, length: 1, path: [{ dm: "A + B", to: "NN" }] });
  });

  it("a declared coalition names its members; unknown or repeated members are errors", () => {
    expect(() => compileGraphModel({ ...pd, coalitions: [["A", "Z"]] })).toThrow(
      /\$\.coalitions\[0\]\[1\]: names "Z", who is not a decision maker/,
    );
    expect(() => compileGraphModel({ ...pd, coalitions: [["A"], ["A", "B"]] })).toThrow(
      /\$\.coalitions\[1\]: puts "A" in a second coalition/,
    );
  });
});
