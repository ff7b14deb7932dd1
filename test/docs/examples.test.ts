// Every `@example` in src/ must type-check against the public entries and must make a real call.
// examples.baseline.json lists the examples that predate this check and still fail it; the list may only shrink:
// a new or edited example must pass, and an example that now passes must leave the list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleKey, extractExamples, failingExamples, isConstantOnly, typeCheckExamples } from "./exampleCheck.js";

const baseline = new Set<string>(
  JSON.parse(readFileSync(path.join(import.meta.dirname, "examples.baseline.json"), "utf8")) as string[],
);

describe("@example blocks", () => {
  const examples = extractExamples();

  it("the checker flags a constant-only example and accepts a call", () => {
    expect(isConstantOnly("MAX_AGENTS; // 40")).toBe(true);
    expect(isConstantOnly('import { X } from "treatylab";\nX.length; // 3')).toBe(true);
    expect(isConstantOnly("normaliseWeights([1, 3]); // [0.25, 0.75]")).toBe(false);
    expect(isConstantOnly("const a = analyze(s);")).toBe(false);
  });

  it("the checker reports a type error at the example's line", () => {
    const bad = { file: "src/x.ts", line: 10, code: "const n: number = 1;\nconst s: string = n;" };
    const good = {
      file: "src/y.ts",
      line: 20,
      code: 'const a = analyze(builtinScenario("ukraine-2025"));\na.solutions;',
    };
    const errors = typeCheckExamples([bad, good]);
    expect(errors.map((e) => e.message.split(": ")[0])).toEqual(["src/x.ts:11"]);
  });

  it("an example of an internal function imports it relative to its own file", () => {
    const code = 'import { jobDifference } from "./checkParts.js";\nconst d: string = jobDifference({}, {});';
    expect(typeCheckExamples([{ file: "src/batch/checkParts.ts", line: 1, code }])).toEqual([]);
    const wrong = typeCheckExamples([{ file: "src/model/x.ts", line: 1, code }]);
    expect(wrong.map((e) => e.message)).toEqual([expect.stringContaining("Cannot find module")]);
  });

  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThan(500);
  });

  it("type-check and make a real call (outside the shrinking baseline)", () => {
    const failing = failingExamples(examples);
    const fresh = [...failing].filter(([k]) => !baseline.has(k)).flatMap(([, m]) => m);
    expect(fresh).toEqual([]);
    const keys = new Set(examples.map(exampleKey));
    const fixed = [...baseline].filter((k) => !failing.has(k) || !keys.has(k));
    expect(fixed, "these examples now pass (or are gone): remove them from examples.baseline.json").toEqual([]);
  }, 180_000);
});
