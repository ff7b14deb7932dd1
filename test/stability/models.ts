import type { GraphModel } from "../../src/stability/model.js";

// Options: option 0 = A defects, option 1 = B defects.
/** Prisoner's Dilemma as a graph model. */
export const prisonersDilemma: GraphModel = {
  name: "Prisoner's Dilemma",
  options: [{ name: "A defects" }, { name: "B defects" }],
  decisionMakers: [
    { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
    { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
  ],
};
