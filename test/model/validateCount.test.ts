import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run as cli } from "../cli/run.js";
import * as shape from "../../src/model/shape.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { breakEven } from "../../src/sensitivity/breakEven.js";
import { sweep } from "../../src/sensitivity/sweep.js";
import { tornado } from "../../src/sensitivity/tornado.js";

// Count compilations too: tornado and breakEven used to compile their input only to validate it.
const compiled = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/model/compile.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/model/compile.js")>();
  return {
    ...original,
    compileScenario: (...args: Parameters<typeof original.compileScenario>) => {
      compiled.count++;
      return original.compileScenario(...args);
    },
  };
});

// Issue #16, "validate once": every scenario object is checked against the schema at most once.
// The spy counts the structure checks (each validation runs exactly one, in validateScenario or
// in assertValidScenario: shape.ts's matchShape, which stands for the zod schema without loading
// it) and records what each checked.
let checked: unknown[] = [];
let spy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  checked = [];
  const match = shape.matchShape;
  spy = vi.spyOn(shape, "matchShape").mockImplementation(((s: Parameters<typeof match>[0], input: unknown) => {
    checked.push(input);
    return match(s, input);
  }) as typeof match);
});
afterEach(() => spy.mockRestore());

const validated = (): ReturnType<typeof validateScenario> => {
  const v = validateScenario(JSON.parse(JSON.stringify(nash1950)));
  checked = [];
  return v;
};

/** Each object checked once at most, and the already validated input never. */
function expectEachOnce(input: object): void {
  expect(checked).not.toContain(input);
  expect(new Set(checked).size).toBe(checked.length);
}

describe("validate once (issue #16)", () => {
  it("`treatylab analyze <file>` validates the scenario once (and, with --findings, each probe once)", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "treatylab-validate-")), "nash.json");
    writeFileSync(file, JSON.stringify(nash1950));
    const plain = await cli("analyze", file);
    expect(plain.code).toBe(0);
    expect(checked).toHaveLength(1);
    checked = [];
    expect((await cli("analyze", file, "--findings")).code).toBe(0);
    // the findings probe edited scenarios (each checked once by applyEdits); the loaded one once
    expect(checked[0]).toMatchObject({ id: "nash-1950" });
    expect(new Set(checked).size).toBe(checked.length);
  });

  it("a sweep validates each row's scenario once (applyEdits checks it, analyze does not again)", () => {
    const v = validated();
    const rows = sweep(v, { axes: [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.6, steps: 5 }] });
    expect(rows).toHaveLength(5);
    expect(checked).toHaveLength(5);
    expectEachOnce(v);
  });

  it("`treatylab sweep` (one thread) validates the loaded scenario once and each row once", async () => {
    const r = await cli("sweep", "nash-1950", "--param", "parties.bill.reservation=0.2:0.6:5", "--threads", "1");
    expect(r.code).toBe(0);
    // the built-in scenario (at most once per process), then the 5 rows
    expect(checked.length).toBeGreaterThanOrEqual(5);
    expect(checked.length).toBeLessThanOrEqual(6);
    expect(new Set(checked).size).toBe(checked.length);
  });

  it("tornado and breakEven validate no scenario twice and do not validate (or compile) a validated input again", () => {
    const v = validated();
    compiled.count = 0;
    const t = tornado(v, { parameters: ["parties.*.reservation"] });
    expect(t.bars.length).toBe(2);
    // the low and the high scenario of each bar, each checked once and compiled once, and the base
    // scenario compiled once (for its outcome), not once more to validate it
    expect(checked).toHaveLength(2 * t.bars.length);
    expect(compiled.count).toBe(checked.length + 1);
    expectEachOnce(v);
    checked = [];
    breakEven(v, { parameters: ["parties.*.reservation"] });
    expect(checked.length).toBeGreaterThan(0);
    expectEachOnce(v);
  });

  it("a scenario that is not deep-frozen is checked again each time (the memo holds only what cannot change)", () => {
    const copy = JSON.parse(JSON.stringify(nash1950)) as typeof nash1950;
    validateScenario(copy);
    validateScenario(copy);
    expect(checked).toEqual([copy, copy]);
  });
});
