import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkThreads } from "../../src/cli/batchOptions.js";
import { analyze } from "../../src/analysis/analyze.js";
import { TreatylabError } from "../../src/model/errors.js";
import { assertFinite } from "../../src/model/finite.js";
import { quote } from "../../src/model/quote.js";
import { validateScenario } from "../../src/model/validate.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "../cli/run.js";
import { classify, extremeScenarioArb, hostileScenarioArb, mutate, sameFrontier } from "./hostile.js";

const nash = (): Record<string, any> => JSON.parse(JSON.stringify(builtinScenario("nash-1950")));
const refusal = (input: unknown): string => {
  try {
    validateScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TreatylabError);
    const m = (e as Error).message;
    expect(m).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(m.length).toBeLessThanOrEqual(400);
    return m;
  }
  throw new Error("expected a refusal");
};

describe("fuzz: hostile scenarios are refused cleanly or analysed without NaN or invariant violations", () => {
  it("a small run (the long one is `npm run fuzz -- --runs 100000`)", () => {
    fc.assert(
      fc.property(hostileScenarioArb, ({ base, mutations }) => {
        const out = classify(mutate(base, mutations), 30_000);
        expect(["ok", "refused"], `${out.kind}: ${"message" in out ? out.message : ""}`).toContain(out.kind);
      }),
      { numRuns: 120, seed: 17 },
    );
  });
  it("extreme weights and values (1e10, 1e-10, 1e15, 1e-300): frontier and enumerate agree exactly, bundle for bundle", () => {
    fc.assert(
      fc.property(extremeScenarioArb, (s) => {
        const out = classify(s, 30_000);
        expect(["ok", "refused"], `${out.kind}: ${"message" in out ? out.message : ""}`).toContain(out.kind);
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});

describe("pinned regressions of issue 17", () => {
  it("deep nesting is refused with the limit, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(refusal({ ...nash(), title: deep })).toMatch(/nested more than 64 levels/);
  });
  it("BigInt and cyclic objects are the library's error", () => {
    expect(refusal({ ...nash(), title: 10n })).toMatch(/BigInt/);
    const cyc = nash();
    cyc.issues[0].label = cyc;
    expect(refusal(cyc)).toMatch(/\$\.issues\[0\]\.label: refers back .*cycle/);
  });
  it("user text in messages is quoted, escaped and shortened", () => {
    const m = refusal({ ...nash(), [`a\nb\u001b[31m${"x".repeat(500)}`]: 1 });
    expect(m).toContain("\\n");
    expect(m).toContain("\\u001b");
    expect(m).toContain("…");
    expect(refusal({ ...nash(), ["k".repeat(100_000)]: 1 })).toMatch(/key of 100000 characters/);
    expect(quote("x".repeat(100_000))).toHaveLength(62);
    expect(quote('say "hi"\r\n')).toBe('"say \\"hi\\"\\r\\n"');
  });
  it("a missing options field says what is missing", () => {
    const s = nash();
    delete s.issues[0].options;
    expect(refusal(s)).toMatch(/\$\.issues\[0\]: issue "book" has no "options"; expected "options"/);
  });
  it("numbers beyond exact arithmetic are refused", () => {
    const a = nash();
    a.parties[0].values.book.bill = 1e308;
    expect(refusal(a)).toMatch(/too large for exact arithmetic/);
  });
  // Was open: with one weight 1e10, dominance "within 1e-9" was not transitive and enumeration
  // kept 3 points where the frontier algorithm kept 1. Shares are now on the 2^-50 grid and
  // dominance is exact, so both keep the same 7 bundles.
  it("frontier and enumerate agree exactly when nash-1950's bill weights book 1e10 (or 1e-10)", () => {
    for (const w of [1e10, 1e-10, 1e15]) {
      const s = nash();
      s.parties[0].weights.book = w;
      const v = validateScenario(s);
      const f = analyze(v, { algorithm: "frontier" });
      const e = analyze(v, { algorithm: "enumerate" });
      expect(f.frontier.length).toBeGreaterThan(0);
      expect(sameFrontier(f, e), `weight ${w}`).toBe(true);
    }
  });
  it("a numeric grid above 200,000 values is refused with a larger step, without a RangeError", () => {
    const s = {
      id: "n",
      issues: [{ id: "x", type: "numeric", range: { min: 0, max: 400_000, step: 1 } }],
      parties: [
        {
          id: "a",
          weights: { x: 1 },
          values: {
            x: {
              points: [
                [0, 0],
                [1, 1],
              ],
            },
          },
          reservation: 0,
        },
      ],
    };
    expect(refusal(s)).toMatch(/gives 400001 values; expected at most 200000 values .*step, e.g. 3/);
  });
  it("NaN never leaves analyze: the boundary assertion names where", () => {
    expect(() => assertFinite({ a: [1, NaN] }, "analyze")).toThrow(/analyze: \$\.a\[1\] is NaN/);
    expect(() => analyze(builtinScenario("nash-1950"))).not.toThrow();
  });
  it("--threads is capped at the machine's cores unless forced", () => {
    expect(checkThreads(2, false, 4)).toBe(2);
    expect(() => checkThreads(1000, false, 4)).toThrow(/over the limit of 64/);
    expect(() => checkThreads(8, false, 4)).toThrow(/more than this machine's 4 core\(s\).*--force-threads/);
    expect(checkThreads(8, true, 4)).toBe(8);
  });
});

describe("CLI: file-system and resume errors are usage errors naming the path", () => {
  it("--out to a folder, under a file, or --threads 1000: exit 2, one line", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-rel-"));
    const toDir = await run("analyze", "nash-1950", "--out", dir);
    expect(toDir.code).toBe(2);
    expect(toDir.err).toMatch(/cannot write \(it is a folder\)/);
    await fs.writeFile(path.join(dir, "f"), "x");
    const underFile = await run("analyze", "nash-1950", "--out", path.join(dir, "f", "a.json"));
    expect(underFile.code).toBe(2);
    expect(underFile.err).toMatch(/cannot write \(a file is in the way of a folder\)/);
    const threads = await run(
      "sweep",
      "nash-1950",
      "--param",
      "parties.bill.reservation=0.2:0.8:3",
      "--threads",
      "1000",
    );
    expect(threads.code).toBe(2);
    expect(threads.err.trim().split("\n")).toHaveLength(1);
    expect(threads.err).toMatch(/--threads 1000 is over the limit/);
  });
  it("--jsonl --resume refuses a file treatylab did not write and leaves it alone", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-rel-"));
    const file = path.join(dir, "mine.jsonl");
    await fs.writeFile(file, '{"my":"data"}\n{"more":1}\n');
    const r = await run(
      "sweep",
      "nash-1950",
      "--param",
      "parties.bill.reservation=0.2:0.8:3",
      "--threads",
      "1",
      "--jsonl",
      file,
      "--resume",
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/was not written by treatylab/);
    expect(await fs.readFile(file, "utf8")).toBe('{"my":"data"}\n{"more":1}\n');
  });
  it("a scenario file nested 100,000 levels deep: exit 2 naming the file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-rel-"));
    const file = path.join(dir, "deep.json");
    await fs.writeFile(file, `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const r = await run("analyze", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/deep\.json: .*nested more than 64 levels/);
  });
});
