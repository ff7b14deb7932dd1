import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

// n issues x 8 options with irregular values: too many distinct utility sums for the exact count by
// dynamic programming, too many bundles to walk for the count. At 8 issues (16.7 million bundles)
// the two halves of the agenda are small enough to count exactly by meet in the middle; at 14
// (4.4 * 10^12) they are not, and the size is estimated.
const wide = (n: number, id: string) => {
  const issues = Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    options: Array.from({ length: 8 }, (_, o) => ({ id: `o${o}` })),
  }));
  const party = (id: string, phase: number) => ({
    id,
    weights: Object.fromEntries(issues.map((i, k) => [i.id, 1 + ((k * 7 + phase) % 5)])),
    values: Object.fromEntries(
      issues.map((i, k) => [
        i.id,
        Object.fromEntries(
          i.options.map((o, j) => [o.id, Number((Math.abs(Math.sin(k * 13.1 + j * 3.7 + phase)) * 100).toFixed(3))]),
        ),
      ]),
    ),
    reservation: 0.45,
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "treatylab-est-")), `${id}.json`);
  writeFileSync(file, JSON.stringify({ id, issues, parties: [party("a", 0), party("b", 2)] }));
  return file;
};
const file = wide(14, "wide");

describe("analyze on a ZOPA too large to count exactly", () => {
  it("labels the seeded estimate with its standard error, in JSON and in the table", async () => {
    const j = await run("analyze", file, "--format", "json", "--seed", "3");
    expect(j.code).toBe(0);
    const a = JSON.parse(j.out);
    expect(a.algorithm).toBe("frontier");
    expect(a.zopaCounting.method).toBe("estimate");
    expect(a.zopaCounting.standardError).toBeGreaterThan(0);
    const t = await run("analyze", file, "--seed", "3");
    // The count grouped by thousands, and the standard error with two significant digits, grouped
    // too from the hundreds (never in exponent form).
    const grouped = String(a.zopaCounting.countExact).replace(/\B(?=(\d{3})+$)/g, ",");
    const se = a.zopaCounting.standardError as number;
    const seText = se >= 100 ? Number(se.toPrecision(2)).toLocaleString("en-US") : se.toPrecision(2);
    expect(t.out.replace(/\s+/g, " ")).toContain(`ZOPA: ~${grouped} ± ${seText} (seeded estimate)`); // the line wraps at 100 columns
    expect(t.out).not.toMatch(/e\+/);
    // same seed, same estimate
    const again = await run("analyze", file, "--format", "json", "--seed", "3");
    expect(again.out).toBe(j.out);
  });

  it("counts exactly by meet in the middle where the halves of the agenda are small enough", async () => {
    const small = wide(8, "wide8");
    const j = await run("analyze", small, "--format", "json");
    expect(j.code).toBe(0);
    const a = JSON.parse(j.out);
    expect(a.zopaCounting.method).toBe("meet-in-the-middle");
    expect(a.zopaCounting.standardError).toBe(0);
    const e = await run("analyze", small, "--format", "json", "--algorithm", "enumerate", "--max-outcomes", "20000000");
    expect(e.code).toBe(0);
    expect(JSON.parse(e.out).zopa.count).toBe(a.zopa.count);
  });
});
