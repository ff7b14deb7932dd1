import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { shardRange } from "../../src/batch/shard.js";
import { readJsonLines } from "../../src/files/jsonLines.js";
import { runMonteCarloParallel } from "../../src/workers/runMonteCarloParallel.js";
import { runSweepParallel } from "../../src/workers/runSweepParallel.js";
import { wilsonInterval } from "../../src/uncertainty/statistics.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { breakEven } from "../../src/sensitivity/breakEven.js";
import { monteCarlo, monteCarloJob } from "../../src/uncertainty/monteCarlo.js";
import type { MonteCarloResult } from "../../src/uncertainty/monteCarloAccumulator.js";
import { bundleIndexer } from "../../src/model/bundleIndexer.js";
import { drawScenario } from "../../src/uncertainty/draws.js";
import { prepareMonteCarlo } from "../../src/uncertainty/monteCarloJob.js";
import { runDraw } from "../../src/uncertainty/drawRows.js";
import { toNamedBundle } from "../../src/model/compile.js";
import { roundUtility } from "../../src/utility/utilities.js";
import { type MonteCarloPart, mergeMonteCarloParts } from "../../src/uncertainty/monteCarloPart.js";
import { scenarioArb } from "../helpers/arbitraries.js";
import { zopa } from "../helpers/oracle.js";
import { run } from "../cli/run.js";
import { formatMonteCarlo } from "../../src/cli/commands/montecarlo.js";

const key = (b: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(b).sort());
const small = scenarioArb({ maxParties: 3, maxIssues: 3, maxOptions: 3, redLines: true }).map(validateScenario);
const spec = { "parties.*.reservation": { spread: 0.3 }, "parties.*.weights.*": { confidence: "low" as const } };

describe("Monte Carlo estimates", () => {
  it("pZopa and pNash are the shares of draws in which the bundle is in the ZOPA (brute force) or is the Nash solution", () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const draws = 30;
        const r = monteCarlo(s, spec, { draws, seed, solutions: ["nash"] });
        const ctx = prepareMonteCarlo(monteCarloJob(s, spec, { draws, seed, solutions: ["nash"] }));
        const inZopa = new Map<string, number>();
        const isNash = new Map<string, number>();
        let nonEmpty = 0;
        for (let i = 0; i < draws; i++) {
          const d = drawScenario(ctx, i);
          const z = zopa(d);
          if (z.length) nonEmpty++;
          for (const p of z) inZopa.set(key(p.bundle), (inZopa.get(key(p.bundle)) ?? 0) + 1);
          const n = analyze(d).solutions.nash;
          if (n) isNash.set(key(n.bundle), (isNash.get(key(n.bundle)) ?? 0) + 1);
        }
        expect(r.draws).toBe(draws);
        expect(r.zopa.pNonEmpty.p).toBeCloseTo(nonEmpty / draws, 10);
        expect(r.bundles.map((b) => key(b.bundle)).sort()).toEqual([...inZopa.keys()].sort());
        for (const b of r.bundles) {
          const p = (inZopa.get(key(b.bundle)) ?? 0) / draws;
          expect(b.pZopa).toBeCloseTo(p, 10);
          expect(b.pZopaSE).toBeCloseTo(Math.sqrt((p * (1 - p)) / draws), 10);
          const inZ = inZopa.get(key(b.bundle)) ?? 0;
          b.pZopaInterval.forEach((x, i) => expect(x).toBeCloseTo(wilsonInterval(inZ, draws)[i]!, 10));
          expect(b.pNash).toBeCloseTo((isNash.get(key(b.bundle)) ?? 0) / draws, 10);
          b.pNashInterval.forEach((x, i) =>
            expect(x).toBeCloseTo(wilsonInterval(isNash.get(key(b.bundle)) ?? 0, draws)[i]!, 10),
          );
        }
        for (let k = 1; k < r.bundles.length; k++)
          expect(r.bundles[k - 1]!.pZopa).toBeGreaterThanOrEqual(r.bundles[k]!.pZopa);
        expect(r.mostRobust).toEqual(r.bundles[0] ?? null);
      }),
      { numRuns: 30 },
    );
  });

  it("each draw's four solutions are analyze's on the drawn scenario (bundle and utilities)", () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const ctx = prepareMonteCarlo(monteCarloJob(s, spec, { draws: 12, seed }));
        const { decode } = bundleIndexer(ctx.compiled.sizes);
        for (let i = 0; i < 12; i++) {
          const row = runDraw(ctx, i);
          const expected = analyze(drawScenario(ctx, i)).solutions;
          for (const name of ["nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"] as const) {
            const got = row.solutions[name];
            const want = expected[name];
            expect(got === null ? null : key(toNamedBundle(ctx.compiled, decode(got!.bundle)))).toBe(
              want ? key(want.bundle) : null,
            );
            if (got && want)
              expect(got.u.map(roundUtility)).toEqual(ctx.compiled.partyIds.map((id) => want.utilities[id]));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("shards merged give exactly the single run, however the draws are split", () => {
    const s = validateScenario(nash1950);
    const options = { draws: 450, seed: "split", solutions: ["nash" as const, "egalitarian" as const] };
    const whole = JSON.stringify(monteCarlo(s, spec, options));
    const job = monteCarloJob(s, spec, options);
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (n) => {
        const parts: MonteCarloPart[] = [];
        for (let k = 1; k <= n; k++)
          parts.push((await runMonteCarloParallel(job, { threads: 1, shard: { k, n } })) as MonteCarloPart);
        expect(parts.map((p) => p.range)).toEqual(
          Array.from({ length: n }, (_, k) => shardRange(450, { k: k + 1, n })),
        );
        expect(JSON.stringify(mergeMonteCarloParts(JSON.parse(JSON.stringify(parts.reverse()))))).toBe(whole);
      }),
      { numRuns: 6 },
    );
  });

  it("merge refuses missing, repeated or foreign shards", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 300, seed: 1 });
    const p1 = (await runMonteCarloParallel(job, { shard: { k: 1, n: 3 } })) as MonteCarloPart;
    const p2 = (await runMonteCarloParallel(job, { shard: { k: 2, n: 3 } })) as MonteCarloPart;
    const other = (await runMonteCarloParallel({ ...job, seed: "2" }, { shard: { k: 3, n: 3 } })) as MonteCarloPart;
    expect(() => mergeMonteCarloParts([p1, p2])).toThrow(
      "shard 3/3 (items 200-299 of 300) is missing; run it (--shard 3/3) and merge again with its output",
    );
    expect(() => mergeMonteCarloParts([p1, p1, p2])).toThrow(
      "part 1 and part 2 are both shard 1/3; give each shard once",
    );
    expect(() => mergeMonteCarloParts([p1, p2, other])).toThrow(
      'part 3: comes from another job than part 1; what differs (part 1 -> part 3): seed: "1" -> "2"',
    );
  });

  it("is identical on 1, 2 and 3 worker threads, and so are sweeps", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 700, seed: "threads" });
    const outs = [];
    for (const threads of [1, 2, 3]) outs.push(JSON.stringify(await runMonteCarloParallel(job, { threads })));
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    expect(outs[0]).toBe(JSON.stringify(monteCarlo(s, spec, { draws: 700, seed: "threads" })));
    const sweepJob = {
      scenario: s,
      spec: { axes: [{ parameter: "parties.jack.reservation", from: 0.1, to: 0.7, steps: 7 }] },
    };
    const a = JSON.stringify(await runSweepParallel(sweepJob, { threads: 1 }));
    expect(JSON.stringify(await runSweepParallel(sweepJob, { threads: 2 }))).toBe(a);
  });

  it("stops when precise enough, at a checkpoint that does not depend on threads", async () => {
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 20_000, seed: 3, solutions: ["nash"] });
    const rule = { precision: 0.02, checkEvery: 200, minDraws: 400 };
    const one = (await runMonteCarloParallel(job, { threads: 1, convergence: rule })) as MonteCarloResult;
    expect(one.stoppedBy).toBe("precision");
    expect(one.draws % 200).toBe(0);
    expect(one.draws).toBeLessThan(20_000);
    expect(one.maxStandardError).toBeLessThanOrEqual(0.02);
    const fewer = monteCarlo(s, spec, { draws: one.draws - 200, seed: 3, solutions: ["nash"] });
    expect(fewer.draws < 400 || fewer.maxStandardError > 0.02).toBe(true);
    expect(JSON.stringify(await runMonteCarloParallel(job, { threads: 2, convergence: rule }))).toBe(
      JSON.stringify(one),
    );
  });

  it("resumes an interrupted JSON Lines stream without losing or repeating rows", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-mc-"));
    const file = path.join(dir, "draws.jsonl");
    const s = validateScenario(nash1950);
    const job = monteCarloJob(s, spec, { draws: 500, seed: "resume" });
    const full = JSON.stringify(await runMonteCarloParallel(job, { jsonl: file }));
    // Interrupt: keep the header and the first 250 rows, the last one cut in the middle.
    const text = await fs.readFile(file, "utf8");
    const lines = text.split("\n");
    const rows = lines.filter((l) => l.startsWith('{"draw"'));
    const kept = [lines[0]!, ...lines.slice(1).filter((l) => !l.startsWith('{"draw"') || rows.indexOf(l) < 250)].filter(
      (l) => {
        if (!l.startsWith('{"block"')) return true;
        const b = JSON.parse(l) as { block: [number, number] };
        return b.block[1] <= 200;
      },
    );
    await fs.writeFile(file, `${kept.join("\n")}\n${rows[250]!.slice(0, 20)}`);
    const resumed = JSON.stringify(await runMonteCarloParallel(job, { jsonl: file, resume: true, threads: 2 }));
    expect(resumed).toBe(full);
    const { lines: after } = await readJsonLines(file);
    const draws = after
      .filter((l) => typeof (l as { draw?: unknown }).draw === "number")
      .map((l) => (l as { draw: number }).draw);
    expect(draws.length).toBe(500);
    expect(new Set(draws).size).toBe(500);
    await expect(runMonteCarloParallel({ ...job, seed: "other" }, { jsonl: file, resume: true })).rejects.toThrow(
      /holds another job's rows/,
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("CLI contract", () => {
  it("montecarlo prints the same JSON for any --threads and for merged --shard outputs", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-cli-"));
    const base = ["montecarlo", "nash-1950", "--spread", "0.2", "--draws", "600", "--seed", "9", "--format", "json"];
    const one = await run(...base, "--threads", "1");
    const two = await run(...base, "--threads", "2");
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const files = [];
    for (const k of [1, 2, 3]) {
      const f = path.join(dir, `part-${k}.json`);
      expect((await run(...base, "--threads", "2", "--shard", `${k}/3`, "--out", f)).code).toBe(0);
      files.push(f);
    }
    const merged = await run("merge", ...files, "--format", "json");
    expect(merged.out).toBe(one.out);
    const parsed = JSON.parse(one.out) as MonteCarloResult;
    expect(parsed.bundles[0]).toHaveProperty("pZopa");
    expect(parsed.bundles[0]).toHaveProperty("pNash");
    // The table (which ranks only the bundles it shows) is the full result's table, laid out for
    // the run's 100 columns (the layout comes from the context, not from a global).
    const table = await run(...base.slice(0, -2), "--threads", "2");
    expect(table.out.trimEnd()).toBe(formatMonteCarlo(parsed, undefined, { maxWidth: 100, color: false }).trimEnd());
    const csv = await run("merge", ...files, "--format", "csv");
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/a Monte Carlo result prints as json or table, not csv/);
    const missing = await run("merge", files[0]!, files[2]!);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`shard 2/3 (items 200-399 of 600) is missing; run it (--shard 2/3)`);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("sweep, sensitivity, compare and diff run and report bad input in one line", async () => {
    const sw = await run(
      "sweep",
      "nash-1950",
      "-p",
      "parties.bill.reservation=0.2:0.6:3",
      "--solutions",
      "nash",
      "--format",
      "csv",
      "--threads",
      "1",
    );
    expect(sw.code).toBe(0);
    expect(sw.out.split("\n")[0]).toBe("parties.bill.reservation,zopaSize,nash.bill,nash.jack,nash.bundle");
    expect(sw.out.trim().split("\n")).toHaveLength(4);
    const se = await run(
      "sensitivity",
      "nash-1950",
      "-p",
      "parties.*.reservation",
      "-p",
      "parties.bill.weights.pen",
      "--format",
      "json",
      "--threads",
      "2",
    );
    expect(se.code).toBe(0);
    expect(JSON.parse(se.out).breakEven.entries).toHaveLength(3);
    expect(JSON.parse(se.out).breakEven).toEqual(
      JSON.parse(
        JSON.stringify(
          breakEven(validateScenario(nash1950), { parameters: ["parties.*.reservation", "parties.bill.weights.pen"] }),
        ),
      ),
    );
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-cmp-"));
    const edits = path.join(dir, "edits.json");
    await fs.writeFile(
      edits,
      JSON.stringify({ events: [{ id: "squeeze", edits: [{ op: "shiftReservation", party: "bill", by: 0.2 }] }] }),
    );
    const cmp = await run("compare", "nash-1950", "--edits", edits, "--format", "json");
    expect(cmp.code).toBe(0);
    const c = JSON.parse(cmp.out);
    expect(c.zopa.left.count).toBeGreaterThan(0);
    expect(c.zopa.entered.count).toBe(0);
    const diff = await run("diff", "nash-1950", "--edits", edits);
    expect(diff.out.trim()).toMatch(/^parties\[bill\]\.reservation: 0\.35\d* -> 0\.55\d*$/);
    const bad = await run("sweep", "nash-1950", "-p", "parties.bob.reservation=0:1:3", "--threads", "1");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^treatylab: axes\[0\]\.parameter: unknown party "bob"/);
    const none = await run("montecarlo", "nash-1950", "--draws", "10");
    expect(none.err).toMatch(/no uncertainty declared/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
