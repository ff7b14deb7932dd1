// A seeded random additive agenda, shared by test/frontier/candidateBudget.test.ts and
// test/analysis/progress.test.ts.
import seedrandom from "seedrandom";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";

/**
 * Parties x issues x options with seeded random integer weights (1-10) and values (0-10; one random
 * option of each issue 10, so no issue is all zero), every reservation `reservation`.
 */
export function randomAgenda(
  parties: number,
  issues: number,
  options: number,
  seed: string,
  reservation = 0,
): Scenario {
  const rng = seedrandom(seed);
  const issueList = Array.from({ length: issues }, (_, i) => ({
    id: `i${i}`,
    options: Array.from({ length: options }, (_, o) => ({ id: `o${o}` })),
  }));
  return validateScenario({
    id: "agenda",
    issues: issueList,
    parties: Array.from({ length: parties }, (_, p) => ({
      id: `p${p}`,
      weights: Object.fromEntries(issueList.map((i) => [i.id, 1 + Math.floor(rng() * 10)])),
      values: Object.fromEntries(
        issueList.map((i) => {
          const top = Math.floor(rng() * options);
          return [i.id, Object.fromEntries(i.options.map((o, k) => [o.id, k === top ? 10 : Math.floor(rng() * 11)]))];
        }),
      ),
      reservation,
    })),
  });
}
