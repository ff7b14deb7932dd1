// Issue 17: an agenda the frontier algorithm cannot finish in reasonable time is refused before
// the merge that would cross the candidate budget starts, not run for minutes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { DEFAULT_MAX_CANDIDATES, decomposedFrontier } from "../../src/frontier/decomposedFrontier.js";
import { compileScenario } from "../../src/model/compile.js";
import { LimitError } from "../../src/model/errors.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { randomAgenda } from "../helpers/randomAgenda.js";
import { run } from "../cli/run.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const agenda = (parties: number, issues: number, options: number, seed: string): Scenario =>
  randomAgenda(parties, issues, options, seed);

describe("the frontier algorithm's candidate budget (issue 17)", () => {
  it("refuses a 4-party agenda of 30 issues x 6 options early, on a projection of the later merges", () => {
    const c = compileScenario(agenda(4, 30, 6, "hopeless"));
    let err: unknown;
    try {
      decomposedFrontier(c);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LimitError);
    const m =
      /would form about ([\d,]+) candidate sums or more \(([\d,]+) in (\d+) of 30 merges; projected from the (\d+)% of candidates the last merge kept\), over 4 times the limit of 4,000,000/.exec(
        (err as Error).message,
      );
    expect(m, (err as Error).message).not.toBeNull();
    const n = (s: string): number => Number(s.replace(/,/g, ""));
    // refused after a small part of the budget (a fraction of a second), on a projection over 4 times it
    expect(n(m![2]!)).toBeGreaterThanOrEqual(DEFAULT_MAX_CANDIDATES / 64);
    expect(n(m![2]!)).toBeLessThan(DEFAULT_MAX_CANDIDATES / 16);
    expect(n(m![1]!)).toBeGreaterThan(4 * DEFAULT_MAX_CANDIDATES);
    expect(Number(m![3])).toBeLessThan(20);
    // without the projection's margin it would still be refused: the merges that fit were leading there
    expect(() => decomposedFrontier(c, { maxCandidates: n(m![1]!) / 4 - 1 })).toThrow(LimitError);
  });

  it("a budget the work fits in changes nothing (small random agendas)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.string(), (p, i, seed) => {
        const c = compileScenario(agenda(p, i, 3, seed));
        const plain = decomposedFrontier(c);
        const tight = decomposedFrontier(c, { maxCandidates: Math.max(1, plain.candidates) * 3 ** i });
        expect(tight.points).toEqual(plain.points);
        expect(() => decomposedFrontier(c, { maxCandidates: 0 })).toThrow(LimitError);
      }),
      { numRuns: 40 },
    );
  });

  it("analyze passes the option on; the CLI refuses with one line, exit 2, and --max-candidates raises it", async () => {
    const s = agenda(3, 6, 4, "small");
    expect(() => analyze(s, { algorithm: "frontier", maxCandidates: 10 })).toThrow(/over the limit of 10;/);
    const dir = mkdtempSync(path.join(os.tmpdir(), "treatylab-budget-"));
    const file = path.join(dir, "s.json");
    writeFileSync(file, JSON.stringify(s));
    const refused = await run("analyze", file, "--algorithm", "frontier", "--max-candidates", "10");
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^treatylab: the frontier algorithm would form/),
    ]);
    const ok = await run(
      "analyze",
      file,
      "--algorithm",
      "frontier",
      "--max-candidates",
      "100000000",
      "--format",
      "json",
    );
    expect(ok.code).toBe(0);
  });
});

describe("the memory budget's refusal", () => {
  it("states sizes below a megabyte in kilobytes or bytes, never as 0 MB", () => {
    const c = compileScenario(validateScenario(builtinScenario("nash-1950")));
    expect(() => decomposedFrontier(c, { memoryBudgetBytes: 100 })).toThrow(LimitError);
    expect(() => decomposedFrontier(c, { memoryBudgetBytes: 100 })).toThrow(
      /\(about \d+ bytes\) .* over the memory budget of 100 bytes; raise it/,
    );
    expect(() => decomposedFrontier(c, { memoryBudgetBytes: 100 })).not.toThrow(/0 MB/);
  });
});
