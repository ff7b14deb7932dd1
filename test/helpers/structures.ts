// One scenario with every structure the edits reach, shared by the edit properties
// (test/edits/structureEdits.test.ts) and the explorer's browser test.

/**
 * A scenario with every structure these edits reach: piecewise values on a numeric issue (a
 * party's and a constituency's), constituencies with votes and a veto under a quota rule,
 * interaction terms and constraints.
 */
export const STRUCTURES = {
  id: "structures",
  issues: [
    { id: "share", label: "Share", type: "numeric", range: { min: 0, max: 10, step: 1 } },
    { id: "nato", label: "NATO", options: [{ id: "open" }, { id: "moratorium" }, { id: "closed" }] },
    { id: "troops", label: "Troops", options: [{ id: "none" }, { id: "few" }, { id: "many" }] },
  ],
  parties: [
    {
      id: "a",
      label: "A",
      weights: { share: 2, nato: 1, troops: 1 },
      values: {
        share: {
          points: [
            [0, 0],
            [5, 6],
            [10, 10],
          ],
        },
        nato: { open: 0, moratorium: 6, closed: 10 },
        troops: { none: 10, few: 5, many: 0 },
      },
      reservation: 0.35,
      interactions: [{ when: { nato: "closed", troops: ["none"] }, value: 0.05, reason: "together" }],
      constituencies: [
        {
          id: "house",
          weights: { share: 1, nato: 1, troops: 0 },
          values: {
            share: {
              points: [
                [0, 0],
                [8, 10],
              ],
            },
            nato: { open: 0, moratorium: 5, closed: 10 },
          },
          reservation: 0.5,
          votes: 2,
        },
        {
          id: "senate",
          weights: { share: 1, nato: 0, troops: 1 },
          values: {
            share: {
              points: [
                [0, 2],
                [10, 8],
              ],
            },
            troops: { none: 10, few: 8, many: 0 },
          },
          reservation: 0.4,
          veto: true,
        },
        {
          id: "court",
          weights: { share: 0, nato: 1, troops: 0 },
          values: { nato: { open: 2, moratorium: 10, closed: 6 } },
          reservation: 0.3,
        },
      ],
      ratification: { rule: "quota", quota: 0.6 },
    },
    {
      id: "b",
      label: "B",
      weights: { share: 2, nato: 1, troops: 1 },
      values: {
        share: {
          points: [
            [0, 10],
            [10, 0],
          ],
        },
        nato: { open: 10, moratorium: 7, closed: 0 },
        troops: { none: 0, few: 6, many: 10 },
      },
      reservation: 0.3,
      interactions: [{ when: { nato: ["open", "moratorium"] }, value: -0.05 }],
    },
  ],
  constraints: [{ if: { nato: "open" }, then: { troops: ["many", "few"] }, reason: "an open door needs forces" }],
} as const;

/** The same scenario without interactions, constituencies or a ratification rule (the explorer test edits points and constraints). */
export function plainStructures(): Record<string, unknown> {
  return {
    ...STRUCTURES,
    parties: STRUCTURES.parties.map((p) => ({
      id: p.id,
      label: p.label,
      weights: p.weights,
      values: p.values,
      reservation: p.reservation,
    })),
  };
}
