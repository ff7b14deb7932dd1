/**
 * Side by side with NegMAS (Python): `npm run bench -- negmas` (or `node --import tsx bench/negmas.ts`).
 * Not in the default `npm run bench` list: a full run takes several minutes (NegMAS enumerates every
 * bundle; cases it cannot finish cost it the whole timeout).
 *
 * Needs a Python 3 with NegMAS's import-time dependencies (Debian: python3-numpy python3-attr
 * python3-cloudpickle python3-colorlog python3-inflect python3-rich python3-typing-extensions
 * python3-yaml) and a NegMAS source checkout (`--negmas-src DIR` or $NEGMAS_SRC); NegMAS itself
 * need not be installed. Without them it prints why and exits 0. The Python side is ours:
 * bench/negmas/measure.py (timing) and bench/negmas/negmas_env.py (imports NegMAS from the
 * checkout; lists the modules it may stub and why they are off the measured path).
 *
 * Cases: the GENIUS domains of ../shared/data/genius that treatylab imports (discrete issues only)
 * and seeded random two-party scenarios (bench/randomScenario.ts). Every case is written once as a
 * GENIUS folder by treatylab's exporter into a temporary folder, and both tools read those files,
 * so they analyse the same numbers (the exporter writes GENIUS's normalised evaluations, which
 * NegMAS, keeping raw values, would otherwise not apply). NegMAS runs two ways: `pareto_frontier`
 * (enumeration, any number of parties) and MOBANOS (its exact two-party sampler). Per case and
 * round, one fresh process each for treatylab, NegMAS `pareto_frontier` and NegMAS MOBANOS: it
 * reads the folder (not timed), times the first frontier + Nash call ("first"), repeats it untimed
 * for half of `--budget-ms` (at most 2,000 calls: the warm-up a JIT needs), then times it until
 * `--budget-ms` is spent (at most 50 calls) and keeps the best ("warm"). Rounds interleave the three processes
 * (their order rotates). Times are the best over rounds; ratios (NegMAS / treatylab) are the
 * median of the per-round ratios, the figure that survives a loaded machine.
 *
 * Options: --rounds N (3), --quick (cases up to 262,144 bundles), --timeout-s S (60, per NegMAS
 * process; a case over it is skipped in later rounds), --max-memory-gb G (6, NegMAS's address
 * space), --budget-ms MS (1000), --python PATH, --negmas-src DIR, --json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, bargainingProblem, frontierPoints } from "../src/analysis/analyze.js";
import { prepare } from "../src/analysis/prepare.js";
import { readGeniusFolder, writeInteropFolder } from "../src/files/geniusFolder.js";
import type { Scenario } from "../src/model/types.js";
import { nashSolution } from "../src/solutions/nash.js";
import { randomScenario } from "./randomScenario.js";

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), "..");
const measurePy = path.join(root, "bench", "negmas", "measure.py");
/** Utilities closer than this are the same number (treatylab's UTILITY_TOLERANCE). */
const TOL = 1e-9;

/** What one fresh process of either tool reports for one case. */
interface Run {
  readonly ok: true;
  readonly firstMs: number;
  readonly warmMs: number;
  readonly warmRuns: number;
  readonly readMs: number;
  readonly frontier: number[][];
  readonly nash: number[][];
  /** treatylab only: the best warm `analyze()` (frontier, ZOPA count, four solutions). */
  readonly analyzeMs?: number;
  /** NegMAS only: loading its modules in the fresh process (not part of "first"). */
  readonly importMs?: number;
  readonly stubbed?: string[];
  readonly maxRssMB?: number;
}
type Failed = { readonly ok: false; readonly reason: string };

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
};
const num = (name: string, fallback: number): number => {
  const v = opt(name);
  const x = v === undefined ? fallback : Number(v);
  if (!Number.isFinite(x) || x <= 0) throw new Error(`bench/negmas: --${name} ${v}: expected a positive number`);
  return x;
};

/**
 * Runs `f` untimed for half of `budgetMs` (counting `spentBefore`, at most 2,000 calls) so a JIT
 * compiles the path, then until `budgetMs` is spent (at least once, at most 50 times), and returns
 * the best time, with one full garbage collection before the timed calls. bench/negmas/measure.py
 * does the same on NegMAS's side.
 */
function bestWithin(f: () => unknown, budgetMs: number, spentBefore = 0): { ms: number; runs: number } {
  let warmSpent = spentBefore;
  for (let calls = 0; warmSpent < budgetMs / 2 && calls < 2000; calls++) {
    const t = performance.now();
    f();
    warmSpent += performance.now() - t;
  }
  // One full collection before the timed calls, not one before each: after a forced full GC V8
  // re-grows its young generation on the next call (Laptop: 345 us against 43 us warm), which is
  // not a warm state; the best of the calls leaves out any that a collection interrupts.
  (globalThis as { gc?: () => void }).gc?.();
  let best = Infinity;
  let runs = 0;
  let spent = 0;
  while (runs < 1 || (spent < budgetMs && runs < 50)) {
    const t = performance.now();
    f();
    const ms = performance.now() - t;
    best = Math.min(best, ms);
    runs++;
    spent += ms;
  }
  return { ms: best, runs };
}

/** The child of one treatylab round: reads the folder, times the first and warm frontier + Nash. */
async function child(folder: string, budgetMs: number): Promise<void> {
  let t = performance.now();
  const scenario = await readGeniusFolder(folder);
  const readMs = performance.now() - t;
  const frontierAndNash = () => {
    const c = prepare(scenario);
    const points = frontierPoints(c);
    return { points, nash: nashSolution(bargainingProblem(c, points)) };
  };
  t = performance.now();
  const { points, nash } = frontierAndNash();
  const firstMs = performance.now() - t;
  const warm = bestWithin(frontierAndNash, budgetMs, firstMs);
  const analyzed = bestWithin(() => analyze(scenario), budgetMs);
  const run: Run = {
    ok: true,
    firstMs,
    warmMs: warm.ms,
    warmRuns: warm.runs,
    readMs,
    analyzeMs: analyzed.ms,
    frontier: points.map((p) => [...p.utilities]),
    nash: nash ? [[...nash.point.utilities]] : [],
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(run));
}

interface Case {
  readonly name: string;
  readonly folder: string;
  readonly parties: number;
  readonly bundles: bigint;
}

/** Writes every case as a GENIUS folder under `dir`; returns them and the cases left out, with why. */
async function buildCases(dir: string, quick: boolean): Promise<{ cases: Case[]; left: string[] }> {
  const cases: Case[] = [];
  const left: string[] = [];
  const add = async (name: string, s: Scenario): Promise<void> => {
    const folder = path.join(dir, name);
    await writeInteropFolder(s, folder, "genius");
    cases.push({ name, folder, parties: s.parties.length, bundles: prepare(s).combinations });
  };
  const genius = path.resolve(root, "..", "shared", "data", "genius");
  if (!existsSync(genius)) left.push(`the GENIUS domains (${genius}: not found)`);
  else {
    for (const d of readdirSync(genius).sort()) {
      if (!statSync(path.join(genius, d)).isDirectory()) continue;
      let s: Scenario;
      try {
        s = await readGeniusFolder(path.join(genius, d));
      } catch (err) {
        left.push(`${d} (treatylab refuses it: ${(err as Error).message.replace(/^.*?: /, "")})`);
        continue;
      }
      if (s.issues.some((i) => "type" in i && i.type === "numeric")) {
        left.push(
          `${d} (a real issue: NegMAS samples it at 10 values, treatylab at 11 grid points, so the spaces differ)`,
        );
        continue;
      }
      await add(d, s);
    }
  }
  const shapes: [number, number, string][] = [
    [5, 8, "negmas-2p-5x8"],
    [6, 8, "negmas-2p-6x8"],
    [7, 8, "negmas-2p-7x8"],
    [8, 8, "bench-2p-8x8"],
    [20, 8, "bench-2p-20x8"],
  ];
  for (const [issues, options, seed] of shapes) {
    if (quick && options ** issues > 262_144) continue;
    await add(`random 2p-${issues}x${options}`, randomScenario({ parties: 2, issues, options, seed }));
  }
  cases.sort((a, b) => (a.bundles < b.bundles ? -1 : a.bundles > b.bundles ? 1 : 0));
  return { cases, left };
}

/** The first Python whose probe imports NegMAS from the checkout, or every reason none did. */
function findPython(checkout: string): { python: string; probe: Record<string, unknown> } | { reasons: string[] } {
  const pythons = [
    ...new Set(
      [opt("python"), process.env.NEGMAS_PYTHON, "python3", "/usr/bin/python3"].filter((x): x is string => !!x),
    ),
  ];
  const reasons: string[] = [];
  if (!existsSync(checkout)) return { reasons: [`${checkout}: no such folder`] };
  for (const python of pythons) {
    const r = spawnSync(python, [measurePy, checkout, "probe"], { encoding: "utf8", timeout: 120_000 });
    if (r.error) {
      reasons.push(`${python}: ${r.error.message}`);
      continue;
    }
    let probe: Record<string, unknown>;
    try {
      probe = JSON.parse(r.stdout) as Record<string, unknown>;
    } catch {
      reasons.push(`${python}: ${(r.stderr || r.stdout).trim().split("\n").at(-1)}`);
      continue;
    }
    if (probe.ok === true) return { python, probe };
    reasons.push(`${python} (${String(probe.python)}): ${String(probe.reason)}`);
  }
  return { reasons };
}

function runTreatylab(c: Case, budgetMs: number): Run {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", self, "--child", c.folder, "--budget-ms", String(budgetMs)],
    {
      encoding: "utf8",
      cwd: root,
      maxBuffer: 1 << 28,
    },
  );
  if (r.status !== 0) throw new Error(`bench/negmas: treatylab failed on ${c.name}: ${r.stderr.trim().slice(-500)}`);
  return JSON.parse(r.stdout) as Run;
}

/** NegMAS's two frontier methods: `pareto_frontier` (enumeration) and the two-party MOBANOS sampler. */
const METHODS = [
  { id: "pareto", label: "NegMAS `pareto_frontier`" },
  { id: "mobanos", label: "NegMAS MOBANOS (`MOBANOSParetoSampler`)" },
] as const;
type Method = (typeof METHODS)[number]["id"];

function runNegmas(
  c: Case,
  method: Method,
  python: string,
  checkout: string,
  o: { budgetMs: number; timeoutS: number; memoryGb: number },
): Run | Failed {
  const measureArgs = [
    measurePy,
    checkout,
    "measure",
    c.folder,
    "--method",
    method,
    "--budget-ms",
    String(o.budgetMs),
    "--max-memory-gb",
    String(o.memoryGb),
  ];
  const r = spawnSync(python, measureArgs, {
    encoding: "utf8",
    timeout: o.timeoutS * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 1 << 28,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT")
    return { ok: false, reason: `skipped (>${o.timeoutS} s)` };
  if (r.signal) return { ok: false, reason: `skipped (killed by ${r.signal})` };
  try {
    const out = JSON.parse(r.stdout) as Run | Failed;
    if (out.ok) return out;
    return {
      ok: false,
      reason:
        out.reason === "two parties only" || out.reason.startsWith("no MOBANOS")
          ? `n/a (${out.reason})`
          : `skipped (${out.reason})`,
    };
  } catch {
    const last = r.stderr.trim().split("\n").at(-1) ?? "";
    return {
      ok: false,
      reason: `failed (${/MemoryError/.test(r.stderr) ? `out of memory, over ${o.memoryGb} GB` : last.slice(0, 200)})`,
    };
  }
}

/** Sorted copy of utility vectors (lexicographic). */
const sorted = (pts: readonly number[][]): number[][] =>
  [...pts].sort((a, b) => a.reduce((acc, x, i) => acc || x - b[i]!, 0));
const near = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= TOL);

/** Whether the two frontiers hold the same utility vectors (within 1e-9), and if not how they differ. */
function compareFrontiers(tl: readonly number[][], ng: readonly number[][]): string {
  if (tl.length === ng.length && sorted(tl).every((p, i) => near(p, sorted(ng)[i]!))) return "same";
  const merged: number[][] = [];
  for (const p of sorted(ng)) if (!merged.some((q) => near(p, q))) merged.push(p);
  if (merged.length === tl.length && sorted(tl).every((p) => merged.some((q) => near(p, q))))
    return `same within 1e-9 (NegMAS keeps ${ng.length - merged.length} float-duplicate points)`;
  return `DIFFERENT (${tl.length} vs ${ng.length} points)`;
}

const compareNash = (tl: readonly number[][], ng: readonly number[][]): string =>
  tl.length === 1 && ng.some((p) => near(p, tl[0]!))
    ? "same"
    : `DIFFERENT (${JSON.stringify(tl)} vs ${JSON.stringify(ng)})`;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmtMs = (ms: number): string =>
  ms < 1
    ? `${ms.toFixed(3)} ms`
    : ms < 10
      ? `${ms.toFixed(2)} ms`
      : ms < 1000
        ? `${ms.toFixed(0)} ms`
        : `${(ms / 1000).toFixed(2)} s`;
const fmtRatio = (r: number): string => (r < 10 ? `${r.toFixed(2)}x` : `${Math.round(r).toLocaleString("en-US")}x`);
const fmtBundles = (n: bigint): string =>
  n < 10_000_000n ? n.toLocaleString("en-US") : Number(n).toExponential(2).replace("e+", "e");

function machine(): string {
  const cpu =
    readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  return `${os.cpus().length} cores (${cpu}), Node ${process.version}, ${os.platform()} ${os.release()}`;
}
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

async function main(): Promise<void> {
  const budgetMs = num("budget-ms", 1000);
  const childFolder = opt("child");
  if (childFolder !== undefined) return child(childFolder, budgetMs);
  const rounds = Math.round(num("rounds", 3));
  const timeoutS = num("timeout-s", 60);
  const memoryGb = num("max-memory-gb", 6);
  const checkout = opt("negmas-src") ?? process.env.NEGMAS_SRC;
  if (checkout === undefined) {
    console.log(
      "negmas: skipped: no NegMAS checkout given (pass --negmas-src DIR or set NEGMAS_SRC to a NegMAS source tree; it need not be installed)",
    );
    return;
  }
  const found = findPython(path.resolve(checkout));
  if ("reasons" in found) {
    console.log(
      `negmas: skipped: no Python here imports NegMAS from ${checkout} (--python or NEGMAS_PYTHON picks the interpreter):\n- ${found.reasons.join("\n- ")}`,
    );
    return;
  }
  const { python, probe } = found;
  const stubbed = probe.stubbed as Record<string, string>;
  const dir = mkdtempSync(path.join(os.tmpdir(), "treatylab-negmas-"));
  try {
    const { cases, left } = await buildCases(dir, args.includes("--quick"));
    console.log(`Machine: ${machine()}; load average at start ${load()}`);
    console.log(
      `NegMAS ${String(probe.version)} from ${checkout}, Python ${String(probe.python)}, numpy ${String(probe.numpy)}`,
    );
    console.log(
      Object.keys(stubbed).length === 0
        ? "Stubbed: nothing"
        : `Stubbed (not installed; imported by NegMAS's package but off the measured path, a call into one fails the run): ${Object.entries(
            stubbed,
          )
            .map(([m, why]) => `${m} (${why})`)
            .join("; ")}`,
    );
    if (left.length > 0) console.log(`Left out: ${left.join("; ")}`);
    const tl = new Map<string, Run[]>(cases.map((c) => [c.name, []]));
    const ng = new Map<Method, Map<string, (Run | Failed)[]>>(
      METHODS.map((m) => [m.id, new Map(cases.map((c) => [c.name, []]))]),
    );
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        const steps: (() => void)[] = [
          () => tl.get(c.name)!.push(runTreatylab(c, budgetMs)),
          ...METHODS.map((m) => () => {
            const prev = ng.get(m.id)!.get(c.name)!;
            prev.push(
              prev.find((x): x is Failed => !x.ok) ??
                runNegmas(c, m.id, python, checkout, { budgetMs, timeoutS, memoryGb }),
            );
          }),
        ];
        // The order of the three processes rotates from round to round.
        for (let k = 0; k < steps.length; k++) steps[(k + round) % steps.length]!();
        process.stderr.write(`round ${round + 1}/${rounds} ${c.name}: done\n`);
      }
    }
    const imports = [...ng.values()]
      .flatMap((m) => [...m.values()].flat())
      .filter((x): x is Run => x.ok)
      .map((r) => r.importMs!);
    console.log(
      `Load average at end ${load()}; ${rounds} interleaved rounds; NegMAS's modules load in ${imports.length ? fmtMs(median(imports)) : "-"} per process (median; not timed in "first")`,
    );
    if (args.includes("--json")) {
      const out = cases.map((c) => ({
        ...c,
        bundles: c.bundles.toString(),
        treatylab: tl.get(c.name),
        ...Object.fromEntries(METHODS.map((m) => [m.id, ng.get(m.id)!.get(c.name)])),
      }));
      console.log(JSON.stringify({ cases: out }, null, 2));
      return;
    }
    const best = (rs: readonly Run[], f: (r: Run) => number) => Math.min(...rs.map(f));
    for (const m of METHODS) {
      console.log(`\n**treatylab against ${m.label}**\n`);
      console.log(
        `| case | parties | bundles | frontier (treatylab / NegMAS) | same frontier | same Nash | treatylab warm | NegMAS warm | warm ratio | treatylab first | NegMAS first | first ratio |${m.id === "pareto" ? " treatylab analyze() warm |" : ""}`,
      );
      console.log(`|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|${m.id === "pareto" ? "---:|" : ""}`);
      for (const c of cases) {
        const t = tl.get(c.name)!;
        const n = ng.get(m.id)!.get(c.name)!;
        const tlCells = { warm: fmtMs(best(t, (r) => r.warmMs)), first: fmtMs(best(t, (r) => r.firstMs)) };
        const tail = m.id === "pareto" ? ` ${fmtMs(best(t, (r) => r.analyzeMs!))} |` : "";
        const nr = n.filter((x): x is Run => x.ok);
        const failed = n.find((x): x is Failed => !x.ok);
        if (nr.length === 0) {
          console.log(
            `| ${c.name} | ${c.parties} | ${fmtBundles(c.bundles)} | ${t[0]!.frontier.length} / - | - | - | ${tlCells.warm} | ${failed!.reason} | - | ${tlCells.first} | ${failed!.reason} | - |${tail}`,
          );
          continue;
        }
        // Failures only follow successes (a failed case is not run again), so run k pairs with treatylab's run k.
        const warmRatio = median(nr.map((r, k) => r.warmMs / t[k]!.warmMs));
        const firstRatio = median(nr.map((r, k) => r.firstMs / t[k]!.firstMs));
        const note = failed ? ` (${nr.length} of ${rounds} rounds; then ${failed.reason})` : "";
        console.log(
          `| ${c.name} | ${c.parties} | ${fmtBundles(c.bundles)} | ${t[0]!.frontier.length} / ${nr[0]!.frontier.length} | ${compareFrontiers(t[0]!.frontier, nr[0]!.frontier)} | ${compareNash(t[0]!.nash, nr[0]!.nash)} | ${tlCells.warm} | ${fmtMs(best(nr, (r) => r.warmMs))}${note} | ${fmtRatio(warmRatio)} | ${tlCells.first} | ${fmtMs(best(nr, (r) => r.firstMs))} | ${fmtRatio(firstRatio)} |${tail}`,
        );
      }
    }
    console.log(
      "\nwarm: best of repeated calls after the first and an untimed warm-up of half the budget in one process (frontier + Nash: treatylab `prepare` + `frontierPoints` + `nashSolution` from the scenario object; NegMAS `pareto_frontier`, or MOBANOS's `init` and the utilities of its outcomes, then `minmax` + `nash_points`, from the loaded utility functions); first: the first such call in a fresh process, after the modules are loaded and the folder read; ratio: NegMAS time / treatylab time, median over rounds (above 1: treatylab is faster); analyze(): the whole public analysis (frontier, ZOPA count, four solutions).",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
