import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCoverage } from "../../src/batch/checkCoverage.js";
import { checkParts, jobDifference } from "../../src/batch/checkParts.js";
import { shardRange } from "../../src/batch/shard.js";
import { runSweepParallel } from "../../src/workers/runSweepParallel.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { mergeSweepParts, type SweepOutput } from "../../src/sensitivity/sweepPart.js";
import { run } from "../cli/run.js";

const shardsOf = (total: number, n: number, ks: readonly number[]) =>
  ks.map((k) => ({ ...shardRange(total, { k, n }), from: `part-${k}.json`, shard: { k, n } }));

describe("merge names what is wrong", () => {
  it("names exactly the missing shards (oracle: the shards not given that hold items)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (total, n, keep) => {
          const given = Array.from({ length: n }, (_, i) => i + 1).filter((k) => keep[k - 1]);
          fc.pre(given.length > 0); // with no output at all, the shard count is unknown (merge says "nothing to merge")
          const missing = Array.from({ length: n }, (_, i) => i + 1).filter(
            (k) => !keep[k - 1] && shardRange(total, { k, n }).end > shardRange(total, { k, n }).start,
          );
          const check = (): void => checkCoverage(shardsOf(total, n, given), total);
          if (missing.length === 0) return void expect(check).not.toThrow();
          let message = "";
          try {
            check();
          } catch (e) {
            message = (e as Error).message;
          }
          const named = [...message.matchAll(/(\d+)\/(\d+) \(items/g)].map((m) => Number(m[1]));
          expect(named).toEqual(missing.slice(0, 10));
          expect(message).toMatch(
            missing.length === 1
              ? /^shard \d+\/\d+ \(items [\d-]+ of \d+\) is missing; run it \(--shard \d+\/\d+\)/
              : /^shards .* are missing; run them/,
          );
          if (missing.length > 10) expect(message).toContain(`and ${missing.length - 10} more`);
        },
      ),
    );
  });

  it("without shard numbers names every missing range; a repeated range names both outputs", () => {
    expect(() =>
      checkCoverage(
        [
          { start: 2, end: 4 },
          { start: 6, end: 8 },
        ],
        10,
      ),
    ).toThrow("items 0-1, 4-5, 8-9 of 10 are missing; give the outputs of every shard");
    expect(() =>
      checkCoverage(
        [
          { start: 0, end: 4, from: "a.json" },
          { start: 3, end: 10, from: "b.json" },
        ],
        10,
      ),
    ).toThrow("items 3 are in two shard outputs (a.json and b.json)");
    expect(() => checkCoverage(shardsOf(10, 2, [1, 2, 2]), 10)).toThrow(
      "part-2.json and part-2.json are both shard 2/2; give each shard once",
    );
    // Shards of different counts: they merge when they cover every item once; gaps are named by items.
    expect(() => checkCoverage([...shardsOf(12, 2, [1]), ...shardsOf(12, 4, [3, 4])], 12)).not.toThrow();
    expect(() => checkCoverage([...shardsOf(12, 4, [1]), ...shardsOf(12, 2, [2])], 12)).toThrow(
      "items 3-5 of 12 are missing",
    );
  });

  it("names what differs between jobs, parties by id, three differences at most", () => {
    const s = validateScenario(nash1950);
    const other = {
      ...s,
      parties: s.parties.map((p) => (p.id === "jack" ? { ...p, reservation: p.reservation + 0.1 } : p)),
    };
    expect(jobDifference({ scenario: s, seed: "7" }, { scenario: other, seed: "7" })).toMatch(
      /^scenario\.parties\[jack\]\.reservation: [\d.]+ -> [\d.]+$/,
    );
    expect(jobDifference({ a: 1, b: 2, c: 3, d: 4, e: 5 }, { a: 0, b: 0, c: 0, d: 0, e: 5 })).toBe(
      "a: 1 -> 0; b: 2 -> 0; c: 3 -> 0 and 1 more",
    );
  });

  it("refuses two outputs of the same shard from different inputs, naming both and the difference", async () => {
    const s = validateScenario(nash1950);
    const job = (to: number) => ({
      scenario: s,
      spec: {
        axes: [{ parameter: "parties.bill.reservation", from: 0.1, to, steps: 8 }],
        solutions: ["nash" as const],
      },
    });
    const parts: SweepOutput[] = [];
    for (const k of [1, 2, 3, 4]) parts.push(await runSweepParallel(job(0.8), { threads: 1, shard: { k, n: 4 } }));
    const foreign = await runSweepParallel(job(0.7), { threads: 1, shard: { k: 2, n: 4 } });
    expect(parts[1]!.shard).toEqual({ k: 2, n: 4 });
    expect(JSON.stringify(mergeSweepParts(parts))).toBe(
      JSON.stringify(await runSweepParallel(job(0.8), { threads: 1 })),
    );
    const names = ["p1.json", "p2.json", "p2-rerun.json", "p3.json", "p4.json"];
    expect(() => mergeSweepParts([parts[0]!, parts[1]!, foreign, parts[2]!, parts[3]!], names)).toThrow(
      "p2-rerun.json: comes from another sweep than p2.json (both are shard 2/4); what differs (p2.json -> p2-rerun.json): spec.axes[0].to: 0.8 -> 0.7",
    );
    // A range edited away from its shard's is refused before coverage is checked.
    const edited = { ...parts[3]!, range: { start: 5, end: 8 }, rows: parts[3]!.rows };
    expect(() =>
      checkParts([parts[0]!, parts[1]!, parts[2]!, edited], {
        item: (r) => r.index,
        otherJob: () => "other",
        total: () => 8,
      }),
    ).toThrow("part 4: its range 5-7 is not that of shard 4/4 (6-7); the file was edited or damaged");
  });

  it("the CLI's merge refuses an incomplete set of sweep outputs naming the missing shards (exit 2)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-merge-"));
    const files: string[] = [];
    for (const k of [1, 3]) {
      const f = path.join(dir, `part-${k}.json`);
      const r = await run(
        "sweep",
        "nash-1950",
        "-p",
        "parties.bill.reservation=0.2:0.8:7",
        "--solutions",
        "nash",
        "--threads",
        "1",
        "--shard",
        `${k}/4`,
        "--format",
        "json",
        "--out",
        f,
      );
      expect(r.code).toBe(0);
      files.push(f);
    }
    const merged = await run("merge", ...files);
    expect(merged.code).toBe(2);
    expect(merged.err.trim()).toBe(
      "treatylab: shards 2/4 (items 1-2 of 7), 4/4 (items 5-6 of 7) are missing; run them (--shard k/4) and merge again with their outputs",
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});
