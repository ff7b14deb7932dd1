import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits } from "../../src/cli/format/groupDigits.js";
import { runCli } from "../../src/cli/program.js";

describe("groupDigits: counts in the CLI's human output", () => {
  it("puts a comma before each group of three digits, and nothing else changes", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
        const grouped = groupDigits(n);
        expect(grouped.replaceAll(",", "")).toBe(n.toString());
        expect(grouped).toMatch(/^-?\d{1,3}(,\d{3})*$/);
        expect(groupDigits(n.toString())).toBe(grouped);
        if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER))
          expect(groupDigits(Number(n))).toBe(grouped);
      }),
    );
    expect([groupDigits(999), groupDigits(1000), groupDigits("26542080")]).toEqual(["999", "1,000", "26,542,080"]);
  });

  it("returns what is not an integer as given", () => {
    for (const x of ["1.5e+21", "12.5", "~3", "", "abc", 1.5]) expect(groupDigits(x)).toBe(String(x));
  });

  it("analyze and validate print grouped counts; JSON keeps the exact digits", async () => {
    const run = async (...argv: string[]): Promise<string> => {
      const out: string[] = [];
      expect(
        await runCli(argv, { stdout: (s) => void out.push(s), stderr: () => {}, isTTY: false, columns: 100 }),
      ).toBe(0);
      return out.join("");
    };
    expect(await run("analyze", "ukraine-2025")).toMatch(/^Outcomes: 26,542,080 feasible bundles; ZOPA: 110,625 \(/m);
    expect(await run("validate", "ukraine-2025")).toMatch(/, 26,542,080 feasible bundles\n$/);
    const json = JSON.parse(await run("analyze", "ukraine-2025", "--format", "json"));
    expect([json.outcomesExact, json.zopaCounting.countExact]).toEqual(["26542080", "110625"]);
  });
});
