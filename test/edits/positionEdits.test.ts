import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import { scenarioForecastTables } from "../../src/forecast/scenarioTables.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

const CASE = builtinScenario("camp-david-1978");
const discrete = CASE.issues.flatMap((i) =>
  i.type === "numeric" ? [] : [{ issue: i.id, options: i.options.map((o) => o.id) }],
);

/** The oracle: the same change made by hand on a JSON copy. */
function byHand(s: Scenario, e: Extract<ScenarioEdit, { op: "setPosition" }>): Scenario {
  const d = JSON.parse(JSON.stringify(s)) as { issues: { id: string; options: { id: string; position?: number }[] }[] };
  d.issues.find((i) => i.id === e.issue)!.options.find((o) => o.id === e.option)!.position = e.value;
  return validateScenario(d);
}

describe("setPosition: an option's place on its issue's forecast scale", () => {
  it("any sequence of setPosition edits equals the hand-made changes, and the forecast tables read the new positions (property)", () => {
    const edit = fc.constantFrom(...discrete).chain((i) =>
      fc.record({
        op: fc.constant("setPosition" as const),
        issue: fc.constant(i.issue),
        option: fc.constantFrom(...i.options),
        value: fc.integer({ min: -100, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const expected = edits.reduce(byHand, CASE);
        const got = applyEdits(CASE, edits);
        expect(got).toEqual(expected);
        const scales = scenarioForecastTables(got).scales;
        for (const e of edits) {
          const last = edits.filter((x) => x.issue === e.issue && x.option === e.option).at(-1)!;
          const sc = scales.find((x) => x.issue === e.issue)!;
          expect(sc.positions[sc.optionIds.indexOf(e.option)]).toBe(last.value);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("names the place of a bad edit", () => {
    const numeric: Scenario = {
      id: "split",
      issues: [{ id: "share", type: "numeric", range: { min: 0, max: 10, step: 5 } }],
      parties: ["a", "b"].map((id, k) => ({
        id,
        weights: { share: 1 },
        values: {
          share: {
            points: [
              [0, 1 - k],
              [10, k],
            ],
          },
        },
        reservation: 0,
      })),
    };
    const issue = discrete[0]!.issue;
    expect(() => applyEdits(CASE, [{ op: "setPosition", issue: "nope", option: "x", value: 1 }])).toThrow(
      'edits[0].issue: "nope" is not a discrete issue of the scenario',
    );
    expect(() => applyEdits(CASE, [{ op: "setPosition", issue, option: "nope", value: 1 }])).toThrow(
      `edits[0].option: "nope" is not an option of issue "${issue}"`,
    );
    expect(() =>
      applyEdits(CASE, [{ op: "setPosition", issue, option: discrete[0]!.options[0]!, value: Number.NaN }]),
    ).toThrow(/edits\[0\]\.value/);
    expect(() => applyEdits(numeric, [{ op: "setPosition", issue: "share", option: "5", value: 1 }])).toThrow(
      /"share" is not a discrete issue.*a numeric issue's values are its scale/,
    );
  });
});
