import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zopaFrontier } from "../../src/analysis/analyze.js";
import { compileScenario } from "../../src/model/compile.js";
import { validateScenario } from "../../src/model/validate.js";
import { mustAcceptAgents, notDecomposable } from "../../src/enumeration/acceptors.js";
import { decomposedFrontier } from "../../src/frontier/decomposedFrontier.js";
import { scenarioArb } from "../helpers/arbitraries.js";

const opts = { maxParties: 4, maxIssues: 5, maxOptions: 4, redLines: true, constraints: true, constituencies: true };
const plain = (pts: { bundle: Int32Array; utilities: Float64Array }[]) =>
  pts.map((p) => ({ b: [...p.bundle], u: [...p.utilities] }));

describe("decomposedFrontier", () => {
  it("equals the enumerated frontier, bundle for bundle, on random scenarios with ties, red lines, constraints and must-accept constituencies", () => {
    fc.assert(
      fc.property(scenarioArb(opts), (s) => {
        const c = compileScenario(validateScenario(s));
        fc.pre(notDecomposable(c) === null);
        const expected = zopaFrontier(c).points;
        const got = decomposedFrontier(c, { extraAcceptors: mustAcceptAgents(c) }).points;
        expect(plain(got)).toEqual(plain(expected));
      }),
      { numRuns: 300 },
    );
  });
});
