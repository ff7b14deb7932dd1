/**
 * Monte Carlo benchmark: draws of `ukraine-2025` (every reservation uniform within +/-10% of
 * itself, every weight with confidence "medium"), the ZOPA enumerated exactly and the Nash
 * solution computed per draw, on 1 and on 2 worker threads, in the same run. Uses the built
 * package (dist/, so worker threads start from the bundled worker) when it exists, else the
 * sources (or the build in `--dist <dir>`). Run with
 * `npx tsx bench/montecarlo.ts [--draws N] [--scenario id] [--rounds R]` (default 10,000 draws of
 * ukraine-2025, 3 rounds). Each round runs 1 thread, then 2 threads; the table gives, per thread
 * count, the best wall time over the rounds (the machine is shared: the best round is the one
 * least disturbed), the process CPU time of that round, draws/s, peak memory (max RSS of the
 * process, worker threads included), the speed-up of the best times, and whether every result
 * is identical. Before each round a calibration spins the same pure-CPU loop on 1 and on 2 worker
 * threads: its ratio (ideally 2.00) says how much of 2 cores the machine gave at that moment.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

type Node = typeof import("../src/node.js");
type Lib = typeof import("../src/index.js");
const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
// --dist <dir>: another build of the package (a directory holding node.js, index.js and batchWorker.js).
const distDir = arg("--dist") ? `${path.resolve(arg("--dist")!)}/` : fileURLToPath(new URL("../dist/", import.meta.url));
const dist = path.join(distDir, "node.js");
const fromDist = existsSync(dist);
const node = (await import(fromDist ? pathToFileURL(dist).href : "../src/node.js")) as Node;
const lib = (await import(fromDist ? pathToFileURL(path.join(distDir, "index.js")).href : "../src/index.js")) as Lib;
const draws = Number(arg("--draws") ?? 10_000);
const wanted = arg("--scenario") ?? "ukraine-2025";
const id = lib.builtinScenarioIds().includes(wanted) ? wanted : "nash-1950";
const scenario = lib.builtinScenario(id);
const uncertainty = { "parties.*.reservation": { spread: 0.1 }, "parties.*.weights.*": { confidence: "medium" as const } };
const job = lib.monteCarloJob(scenario, uncertainty, { draws, seed: "bench", solutions: ["nash"] });

const rounds = Number(arg("--rounds") ?? 3);

/** Seconds to run `n` worker threads spinning the same loop, all at once. */
async function spin(n: number): Promise<number> {
  const code = "let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);";
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((done) => new Worker(code, { eval: true }).once("message", done))));
  return (performance.now() - t) / 1000;
}

console.log(`Monte Carlo: ${id}, ${draws} draws, Nash per draw; code from ${fromDist ? distDir : "src/ (tsx)"}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const threadCounts = [1, Math.min(2, availableParallelism())];
const best = new Map<number, { wall: number; cpu: number }>();
let first: string | null = null;
let identical = true;
for (let round = 1; round <= rounds; round++) {
  const one = await spin(1);
  const two = await spin(2);
  const times: string[] = [];
  for (const threads of threadCounts) {
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    const result = await node.runMonteCarloParallel(job, { threads, top: 10 });
    const wall = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / 1e6;
    const json = JSON.stringify(result);
    first ??= json;
    if (json !== first) identical = false;
    if (!best.has(threads) || wall < best.get(threads)!.wall) best.set(threads, { wall, cpu });
    times.push(`${threads} thread${threads > 1 ? "s" : ""} ${wall.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)`);
  }
  console.log(`round ${round}: load ${loadavg()[0]!.toFixed(2)}, calibration ${((2 * one) / two).toFixed(2)} of 2.00; ${times.join(", ")}`);
}
const t1 = best.get(1)!.wall;
const rows = threadCounts.map((threads) => {
  const { wall, cpu } = best.get(threads)!;
  return [String(draws), String(threads), wall.toFixed(2), cpu.toFixed(2), (draws / wall).toFixed(0), (process.resourceUsage().maxRSS / 1024).toFixed(0), (t1 / wall).toFixed(2), identical ? "yes" : "NO"];
});
const head = ["draws", "threads", "best time (s)", "CPU (s)", "draws/s", "peak RSS (MB)", "speed-up", "identical"];
const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (cells: string[]): string => `| ${cells.map((c, k) => c.padStart(width[k]!)).join(" | ")} |`;
console.log([line(head), `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
