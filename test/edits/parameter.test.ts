import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expandParameters,
  formatParameter,
  getParameter,
  parameterLabel,
  parseParameter,
  type ParameterRef,
} from "../../src/edits/parameter.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,8}$/);

describe("parameter paths", () => {
  it("format and parse are inverse, ids with dots included", () => {
    const ref: fc.Arbitrary<ParameterRef> = fc.oneof(
      fc.record({ kind: fc.constant("reservation" as const), party: id }),
      fc.record({ kind: fc.constant("power" as const), party: id }),
      fc.record({ kind: fc.constant("weight" as const), party: id, issue: id }),
      fc.record({ kind: fc.constant("value" as const), party: id, issue: id, option: id }),
    );
    fc.assert(fc.property(ref, (r) => void expect(parseParameter(formatParameter(r))).toEqual({ ...r })));
  });

  it("reads values and expands wildcards in scenario order", () => {
    const s = validateScenario(nash1950);
    expect(getParameter(s, parseParameter("parties.bill.reservation"))).toBeCloseTo(12 / 34, 15);
    expect(getParameter(s, parseParameter("parties.jack.weights.book"))).toBe(4);
    expect(expandParameters(s, "parties.*.reservation").map(formatParameter)).toEqual([
      "parties.bill.reservation",
      "parties.jack.reservation",
    ]);
    expect(expandParameters(s, "parties.bill.weights.*")).toHaveLength(9);
    expect(expandParameters(s, "parties.*.values.pen.*").map(formatParameter)).toEqual([
      "parties.bill.values.pen.bill",
      "parties.bill.values.pen.jack",
      "parties.jack.values.pen.bill",
      "parties.jack.values.pen.jack",
    ]);
  });

  it("names the problem in one line", () => {
    const s = validateScenario(nash1950);
    expect(() => parseParameter("parties.bill.colour")).toThrow(
      /parties\.bill\.colour: is not a parameter path; expected parties\.<party>\.reservation/,
    );
    expect(() => expandParameters(s, "parties.bob.reservation")).toThrow(
      /unknown party "bob"; expected one of "bill", "jack"/,
    );
    expect(() => expandParameters(s, "parties.bill.weights.car")).toThrow(/unknown issue "car"/);
    expect(() => getParameter(s, parseParameter("parties.bill.values.pen.nobody"))).toThrow(
      /unknown option "nobody" of issue "pen"/,
    );
  });
});

describe("parameterLabel", () => {
  it("names each kind of parameter with the scenario's labels, or its ids without one", () => {
    expect(parameterLabel(nash1950, "parties.bill.reservation")).toBe("Bill: reservation");
    expect(parameterLabel(nash1950, "parties.jack.power")).toBe("Jack: power");
    expect(parameterLabel(nash1950, "parties.bill.weights.pen")).toBe(
      "Bill: weight on Pen: who holds it after the trade",
    );
    expect(parameterLabel(nash1950, "parties.bill.values.pen.jack")).toBe(
      "Bill: value of Pen: who holds it after the trade = Jack",
    );
    expect(parameterLabel(undefined, "parties.bill.weights.pen")).toBe("bill: weight on pen");
    expect(parameterLabel(nash1950, "parties.nobody.reservation")).toBe("nobody: reservation");
    expect(parameterLabel(nash1950, "not a path")).toBe("not a path");
  });
});
