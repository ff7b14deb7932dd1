/**
 * Monte Carlo benchmark: draws of `ukraine-2025` (every reservation uniform within +/-10% of
 * itself, every weight with confidence "medium"), the ZOPA enumerated exactly and the Nash
 * solution computed per draw (`--solutions nash` on the CLI), on 1 and on 2 threads, measured
 * three ways in the same run:
 *
 * - **cold**: each run in a fresh process, as `treatylab montecarlo` runs (worker start-up and
 *   the compilation of the engine by V8 in every thread included), `--rounds` rounds, the order
 *   of 1 and 2 threads alternating from round to round;
 * - **cold, long**: the same with `--long` draws (default 40,000), one round: what a fixed
 *   start-up cost weighs in a longer run;
 * - **warm**: in one process, a pool of 1 thread and a pool of 2 threads each reused for
 *   `--warm-runs` runs after one warm-up run (`runMonteCarloParallel(job, { pool })`, as a script
 *   running many jobs does): the engine's steady state;
 * - **cold, all four**: `--all-draws` draws (default 2,000) with the four solutions per draw (the
 *   CLI's default `--solutions`, which builds each draw's Pareto frontier), one round.
 *
 * Each run is timed from the job to the summary (module loading excluded). The table gives the
 * best and the median wall time of each mode and thread count, the CPU time of the process in the
 * best run, draws/s, the peak RSS of the processes, the speed-up of 2 threads over 1 (best over
 * best, median over median), and whether every run of the same draws gave the same JSON.
 * Uses the built package (dist/) when it exists, else the sources (or the build in `--dist <dir>`).
 *
 * `npx tsx bench/montecarlo.ts [--draws N] [--long N] [--all-draws N] [--rounds R] [--warm-runs W] [--scenario id] [--dist dir]`
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

type Node = typeof import("../src/node.js");
type Lib = typeof import("../src/index.js");
const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const distDir = arg("--dist")
  ? `${path.resolve(arg("--dist")!)}/`
  : fileURLToPath(new URL("../dist/", import.meta.url));
const fromDist = existsSync(path.join(distDir, "node.js"));
const draws = Number(arg("--draws") ?? 10_000);
const longDraws = Number(arg("--long") ?? 40_000);
const rounds = Number(arg("--rounds") ?? 5);
const warmRuns = Number(arg("--warm-runs") ?? 5);
const allDraws = Number(arg("--all-draws") ?? 2000);
const wanted = arg("--scenario") ?? "ukraine-2025";
const uncertainty = {
  "parties.*.reservation": { spread: 0.1 },
  "parties.*.weights.*": { confidence: "medium" as const },
};

/** One timed run's figures. */
interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rss: number;
  readonly hash: string;
}

async function load(): Promise<{ node: Node; lib: Lib }> {
  const node = (await import(fromDist ? pathToFileURL(path.join(distDir, "node.js")).href : "../src/node.js")) as Node;
  const lib = (await import(fromDist ? pathToFileURL(path.join(distDir, "index.js")).href : "../src/index.js")) as Lib;
  return { node, lib };
}

function jobOf(lib: Lib, n: number, all = false): ReturnType<Lib["monteCarloJob"]> {
  const id = lib.builtinScenarioIds().includes(wanted) ? wanted : "nash-1950";
  return lib.monteCarloJob(lib.builtinScenario(id), uncertainty, {
    draws: n,
    seed: "bench",
    ...(all ? {} : { solutions: ["nash"] as const }),
  });
}

/** Times one run (`pool` given: on that pool; else on `threads` new threads). */
async function timed(
  node: Node,
  job: ReturnType<Lib["monteCarloJob"]>,
  options: { threads?: number; pool?: InstanceType<Node["BatchPool"]> },
): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const result = await node.runMonteCarloParallel(job, { ...options, top: 10 });
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu0);
  const hash = createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16);
  return { wall, cpu: (used.user + used.system) / 1e6, rss: process.resourceUsage().maxRSS / 1024, hash };
}

// Child modes: print the runs as one JSON line.
if (process.argv.includes("--child")) {
  const { node, lib } = await load();
  const mode = arg("--child");
  if (mode === "warm") {
    const job = jobOf(lib, draws);
    const pools = [new node.BatchPool("montecarloPooled", job, 1), new node.BatchPool("montecarloPooled", job, 2)];
    const runs: Run[][] = [[], []];
    try {
      for (let r = 0; r <= warmRuns; r++) {
        for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
          const run = await timed(node, job, { pool: pools[k]! });
          if (r > 0) runs[k]!.push(run); // run 0 warms the engine up
        }
      }
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    console.log(JSON.stringify(runs));
  } else {
    console.log(
      JSON.stringify(await timed(node, jobOf(lib, draws, process.argv.includes("--all")), { threads: Number(mode) })),
    );
  }
  process.exit(0);
}

function child(args: readonly string[]): unknown {
  const r = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...args,
      ...(arg("--dist") ? ["--dist", arg("--dist")!] : []),
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(
  `Monte Carlo: ${wanted}, Nash per draw; code from ${fromDist ? distDir : "src/ (tsx)"}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const rows: string[][] = [];
/** Hashes of the results of each job (draws, and "all" for the four solutions), and the rows that show it. */
const hashes = new Map<string, Set<string>>();
const rowJob: string[] = [];
function report(mode: string, n: number, byThreads: readonly (readonly Run[])[], job = String(n)): void {
  const best = byThreads.map((runs) => runs.reduce((a, b) => (b.wall < a.wall ? b : a)));
  const med = byThreads.map((runs) => median(runs.map((r) => r.wall)));
  for (const runs of byThreads)
    for (const r of runs) (hashes.get(job) ?? hashes.set(job, new Set()).get(job)!).add(r.hash);
  byThreads.forEach((runs, k) => {
    rowJob.push(job);
    rows.push([
      mode,
      String(n),
      String(k + 1),
      String(runs.length),
      best[k]!.wall.toFixed(2),
      med[k]!.toFixed(2),
      best[k]!.cpu.toFixed(2),
      (n / best[k]!.wall).toFixed(0),
      Math.max(...runs.map((r) => r.rss)).toFixed(0),
      (best[0]!.wall / best[k]!.wall).toFixed(2),
      (med[0]! / med[k]!).toFixed(2),
      "",
    ]);
  });
}

const cold: Run[][] = [[], []];
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 === 1 ? [1, 2] : [2, 1];
  const times: string[] = [];
  for (const threads of order) {
    const run = child(["--child", String(threads), "--draws", String(draws)]) as Run;
    cold[threads - 1]!.push(run);
    times.push(`${threads} thread${threads > 1 ? "s" : ""} ${run.wall.toFixed(2)} s (CPU ${run.cpu.toFixed(2)} s)`);
  }
  console.log(`cold round ${round}: load ${loadavg()[0]!.toFixed(2)}; ${times.join(", ")}`);
}
report("cold", draws, cold);

if (longDraws > 0) {
  const long: Run[][] = [[], []];
  for (const threads of [1, 2])
    long[threads - 1]!.push(child(["--child", String(threads), "--draws", String(longDraws)]) as Run);
  console.log(
    `cold, long: load ${loadavg()[0]!.toFixed(2)}; 1 thread ${long[0]![0]!.wall.toFixed(2)} s, 2 threads ${long[1]![0]!.wall.toFixed(2)} s`,
  );
  report("cold", longDraws, long);
}

if (warmRuns > 0) {
  const warm = child(["--child", "warm", "--draws", String(draws), "--warm-runs", String(warmRuns)]) as Run[][];
  console.log(
    `warm: load ${loadavg()[0]!.toFixed(2)}; 1 thread ${warm[0]!.map((r) => r.wall.toFixed(2)).join(", ")} s; 2 threads ${warm[1]!.map((r) => r.wall.toFixed(2)).join(", ")} s`,
  );
  report("warm", draws, warm);
}

if (allDraws > 0) {
  const all: Run[][] = [[], []];
  for (const threads of [1, 2])
    all[threads - 1]!.push(child(["--child", String(threads), "--draws", String(allDraws), "--all"]) as Run);
  console.log(
    `cold, all four solutions: load ${loadavg()[0]!.toFixed(2)}; 1 thread ${all[0]![0]!.wall.toFixed(2)} s, 2 threads ${all[1]![0]!.wall.toFixed(2)} s`,
  );
  report("cold, all 4", allDraws, all, `${allDraws} all`);
}

rows.forEach((row, k) => (row[11] = hashes.get(rowJob[k]!)!.size === 1 ? "yes" : "NO"));
const head = [
  "mode",
  "draws",
  "threads",
  "runs",
  "best (s)",
  "median (s)",
  "CPU (s)",
  "draws/s",
  "peak RSS (MB)",
  "speed-up best",
  "speed-up median",
  "identical",
];
const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (cells: readonly string[]): string =>
  `| ${cells.map((c, k) => (k === 0 ? c.padEnd(width[k]!) : c.padStart(width[k]!))).join(" | ")} |`;
console.log([line(head), `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
