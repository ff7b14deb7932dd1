import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

// 8 issues x 8 options (16.7 million bundles) with irregular values: too many distinct utility
// sums for the exact count by dynamic programming, too many bundles to walk for the count.
const issues = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, options: Array.from({ length: 8 }, (_, o) => ({ id: `o${o}` })) }));
const party = (id: string, phase: number) => ({
  id,
  weights: Object.fromEntries(issues.map((i, k) => [i.id, 1 + ((k * 7 + phase) % 5)])),
  values: Object.fromEntries(issues.map((i, k) => [i.id, Object.fromEntries(i.options.map((o, j) => [o.id, Number((Math.abs(Math.sin(k * 13.1 + j * 3.7 + phase)) * 100).toFixed(3))]))])),
  reservation: 0.45,
});
const file = path.join(mkdtempSync(path.join(tmpdir(), "treatylab-est-")), "wide.json");
writeFileSync(file, JSON.stringify({ id: "wide", issues, parties: [party("a", 0), party("b", 2)] }));

describe("analyze on a ZOPA too large to count exactly", () => {
  it("labels the seeded estimate with its standard error, in JSON and in the table", async () => {
    const j = await run("analyze", file, "--format", "json", "--seed", "3");
    expect(j.code).toBe(0);
    const a = JSON.parse(j.out);
    expect(a.algorithm).toBe("frontier");
    expect(a.zopaCounting.method).toBe("estimate");
    expect(a.zopaCounting.standardError).toBeGreaterThan(0);
    const t = await run("analyze", file, "--seed", "3");
    expect(t.out).toMatch(new RegExp(`ZOPA: ~${a.zopaCounting.countExact} ± [0-9.e+]+ \\(seeded estimate\\)`));
    // same seed, same estimate
    const again = await run("analyze", file, "--format", "json", "--seed", "3");
    expect(again.out).toBe(j.out);
  });
});
