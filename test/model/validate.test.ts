import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/model/compile.js";
import { ScenarioError } from "../../src/model/errors.js";
import { scenarioJsonSchema } from "../../src/model/jsonSchema.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { scenarioArb } from "../helpers/arbitraries.js";

const base = (): Scenario => ({
  id: "t",
  issues: [
    { id: "nato", options: [{ id: "open" }, { id: "closed" }] },
    { id: "cap", type: "numeric", range: { min: 0, max: 100, step: 50 } },
  ],
  parties: [
    {
      id: "a",
      weights: { nato: 1, cap: 1 },
      values: {
        nato: { open: 0, closed: 10 },
        cap: {
          points: [
            [0, 1],
            [100, 0],
          ],
        },
      },
      reservation: 0.2,
    },
    { id: "b", weights: { nato: 2, cap: 0 }, values: { nato: { open: 10, closed: 3 } }, reservation: 0.1 },
  ],
});

type Mut = (s: any) => void;
const cases: [string, Mut, string, RegExp][] = [
  [
    "unknown issue in weights",
    (s) => (s.parties[0].weights.natoo = 1),
    "$.parties[0].weights.natoo",
    /unknown issue "natoo"; expected one of "nato", "cap"/,
  ],
  [
    "unknown option in values",
    (s) => (s.parties[0].values.nato.shut = 1),
    "$.parties[0].values.nato.shut",
    /unknown option "shut"/,
  ],
  ["duplicate issue id", (s) => (s.issues[1].id = "nato"), "$.issues[1].id", /duplicate issue id "nato"/],
  [
    "duplicate option id",
    (s) => (s.issues[0].options[1].id = "open"),
    "$.issues[0].options[1].id",
    /duplicate option id/,
  ],
  ["duplicate party id", (s) => (s.parties[1].id = "a"), "$.parties[1].id", /duplicate party id/],
  ["negative weight", (s) => (s.parties[0].weights.nato = -1), "$.parties[0].weights.nato", /is -1/],
  ["all-zero weights", (s) => (s.parties[1].weights.nato = 0), "$.parties[1].weights", /all weights are zero/],
  ["missing weight", (s) => delete s.parties[0].weights.cap, "$.parties[0].weights", /no weight for issue "cap"/],
  ["missing values", (s) => delete s.parties[0].values.nato, "$.parties[0].values.nato", /missing/],
  [
    "missing option value",
    (s) => delete s.parties[0].values.nato.open,
    "$.parties[0].values.nato",
    /no value for option "open"/,
  ],
  [
    "NaN value",
    (s) => (s.parties[0].values.nato.open = Number.NaN),
    "$.parties[0].values.nato.open",
    /is NaN; expected/,
  ],
  [
    "Infinity reservation",
    (s) => (s.parties[0].reservation = Number.POSITIVE_INFINITY),
    "$.parties[0].reservation",
    /Infinity/,
  ],
  ["reservation above 1", (s) => (s.parties[0].reservation = 1.4), "$.parties[0].reservation", /is 1\.4; expected .*1/],
  ["reservation below 0", (s) => (s.parties[0].reservation = -0.1), "$.parties[0].reservation", /is -0\.1/],
  ["__proto__ id", (s) => (s.issues[0].options[0].id = "__proto__"), "$.issues[0].options[0].id", /__proto__/],
  ["constructor party id", (s) => (s.parties[0].id = "constructor"), "$.parties[0].id", /constructor/],
  ["unknown field", (s) => (s.parties[0].weight = {}), "$.parties[0].weight", /unknown field "weight"/],
  [
    "misspelt required field",
    (s) => {
      s.parties[0].weigths = s.parties[0].weights;
      delete s.parties[0].weights;
    },
    "$.parties[0].weights",
    /^\$\.parties\[0\]\.weights: missing \(the object has the unknown field "weigths": misspelt\?\); expected a record$/,
  ],
  [
    "missing required field",
    (s) => delete s.parties[0].weights,
    "$.parties[0].weights",
    /: missing; expected a record$/,
  ],
  [
    "options not an array",
    (s) => (s.issues[0].options = "open"),
    "$.issues[0].options",
    /is "open"; expected an array/,
  ],
  ["no parties", (s) => (s.parties = []), "$.parties", /is \[\]/],
  ["step not dividing range", (s) => (s.issues[1].range.step = 30), "$.issues[1].range.step", /does not divide/],
  ["max below min", (s) => (s.issues[1].range.max = -10), "$.issues[1].range", /below min/],
  [
    "piecewise on discrete issue",
    (s) => (s.parties[0].values.nato = { points: [[0, 1]] }),
    "$.parties[0].values.nato",
    /piecewise/,
  ],
  [
    "unsorted piecewise points",
    (s) =>
      (s.parties[0].values.cap = {
        points: [
          [50, 1],
          [10, 0],
        ],
      }),
    "$.parties[0].values.cap.points[1]",
    /strictly increasing/,
  ],
  [
    "all-zero values with weight",
    (s) => (s.parties[0].values.nato = { open: 0, closed: 0 }),
    "$.parties[0].values.nato",
    /all values are zero/,
  ],
  [
    "red line on unknown option",
    (s) => (s.parties[0].redLines = [{ issue: "nato", reject: ["veto"] }]),
    "$.parties[0].redLines[0].reject[0]",
    /unknown option "veto"/,
  ],
  [
    "red line rejecting nothing",
    (s) => (s.parties[0].redLines = [{ issue: "nato" }]),
    "$.parties[0].redLines[0]",
    /rejects nothing/,
  ],
  [
    "constraint with unknown issue",
    (s) => (s.constraints = [{ if: { naro: "open" }, then: { cap: ["0"] } }]),
    "$.constraints[0].if.naro",
    /unknown issue/,
  ],
  [
    "constraint with unknown option",
    (s) => (s.constraints = [{ if: { nato: "open" }, then: { cap: ["7"] } }]),
    "$.constraints[0].then.cap[0]",
    /unknown option "7"/,
  ],
  [
    "quota rule without quota",
    (s) => {
      s.parties[0].constituencies = [
        { id: "rada", weights: { nato: 1, cap: 0 }, values: { nato: { open: 1, closed: 0 } }, reservation: 0 },
      ];
      s.parties[0].ratification = { rule: "quota" };
    },
    "$.parties[0].ratification.quota",
    /missing/,
  ],
  [
    "constituency with unknown issue",
    (s) => {
      s.parties[0].constituencies = [
        { id: "rada", weights: { nato: 1, cap: 0, x: 1 }, values: { nato: { open: 1, closed: 0 } }, reservation: 0 },
      ];
    },
    "$.parties[0].constituencies[0].weights.x",
    /unknown issue "x"/,
  ],
  [
    "interaction on unknown option",
    (s) => (s.parties[0].interactions = [{ when: { nato: "ajar" }, value: 0.1 }]),
    "$.parties[0].interactions[0].when.nato",
    /unknown option "ajar"/,
  ],
];

describe("validateScenario: one clear error naming the JSON path", () => {
  it("accepts the base scenario", () => {
    expect(() => validateScenario(base())).not.toThrow();
  });
  for (const [name, mutate, path, message] of cases) {
    it(name, () => {
      const s = base();
      mutate(s);
      let err: unknown;
      try {
        validateScenario(s);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).path).toBe(path);
      expect((err as ScenarioError).message).toMatch(message);
      expect((err as ScenarioError).message).toMatch(/expected /);
    });
  }

  it("reports constraints that leave no feasible bundle", () => {
    const s = {
      ...base(),
      constraints: [
        { if: { nato: ["open", "closed"] }, then: { cap: ["0"] } },
        { if: { cap: "0" }, then: { nato: "open" } },
        { if: { nato: "open" }, then: { cap: "100" } },
      ],
    };
    expect(() => compileScenario(validateScenario(s))).toThrow(/\$\.constraints: leave no feasible bundle/);
  });

  it("rejects non-objects at the top level", () => {
    for (const bad of [null, 3, "x", [], undefined]) expect(() => validateScenario(bad)).toThrow(ScenarioError);
  });

  it("never throws anything but a ScenarioError on randomly corrupted scenarios", () => {
    const corrupt = fc.oneof(
      fc.constant(Number.NaN),
      fc.constant(-1),
      fc.constant(null),
      fc.constant("__proto__"),
      fc.constant({}),
      fc.constant([]),
      fc.constant(1e308 * 10),
      fc.string(),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        scenarioArb({ redLines: true, constraints: true, constituencies: true }),
        fc.array(fc.nat()),
        corrupt,
        (s, path, value) => {
          const copy: any = structuredClone(s);
          // Walk down a random path and replace the value found there.
          let node = copy;
          let key: string | number = "id";
          for (const step of path) {
            const keys = node !== null && typeof node === "object" ? Object.keys(node) : [];
            if (keys.length === 0) break;
            key = keys[step % keys.length]!;
            if (node[key] === null || typeof node[key] !== "object") break;
            node = node[key];
            key = Object.keys(node)[0] ?? key;
          }
          if (node !== null && typeof node === "object") node[key] = value;
          try {
            compileScenario(validateScenario(copy));
          } catch (e) {
            expect(e).toBeInstanceOf(ScenarioError);
            expect((e as ScenarioError).path.startsWith("$")).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns a frozen copy and leaves its input untouched", () => {
    const s = base();
    const v = validateScenario(s);
    expect(Object.isFrozen(v.parties[0]!.weights)).toBe(true);
    expect(v).not.toBe(s);
    expect(Object.isFrozen(s)).toBe(false);
  });
});

describe("the published JSON Schema", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(scenarioJsonSchema());
  it("accepts every built-in scenario", () => {
    for (const id of builtinScenarioIds())
      expect(validate(JSON.parse(JSON.stringify(builtinScenario(id)))), id).toBe(true);
  });
  it("rejects structural errors an editor should flag", () => {
    const s: any = base();
    s.parties[0].reservation = 2;
    expect(validate(s)).toBe(false);
    const t: any = base();
    t.parties[0].colour = "red";
    expect(validate(t)).toBe(false);
  });
  it("accepts a derived scenario (a base and edits) and rejects an unknown edit", () => {
    expect(
      validate({
        base: "nash-1950",
        id: "x",
        edits: [{ op: "shiftValue", party: "jack", issue: "ball", option: "bill", by: 1 }],
      }),
    ).toBe(true);
    expect(validate({ base: "nash-1950", edits: [{ op: "explode" }] })).toBe(false);
    expect(validate({ edits: [] })).toBe(false);
  });
});
