/**
 * Monte Carlo benchmark: draws of `ukraine-2025` (every reservation uniform within +/-10% of
 * itself, every weight with confidence "medium"), the ZOPA enumerated exactly and the Nash
 * solution computed per draw, on 1 and on 2 worker threads, in the same run. Uses the built
 * package (dist/, so worker threads start from the bundled worker) when it exists, else the
 * sources. Run with `npx tsx bench/montecarlo.ts [--draws N] [--scenario id]` (default 10,000
 * draws of ukraine-2025). Prints: draws, threads, time, draws/s, peak memory (max RSS of the
 * process, worker threads included), speed-up against 1 thread, and whether the results are
 * identical.
 */
import { existsSync } from "node:fs";
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

console.log(`Monte Carlo: ${id}, ${draws} draws, Nash per draw; code from ${fromDist ? "dist/" : "src/ (tsx)"}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg()[0]!.toFixed(2)}`);
const rows: string[][] = [];
let first: string | null = null;
let t1 = 0;
for (const threads of [1, Math.min(2, availableParallelism())]) {
  const t = performance.now();
  const result = await node.runMonteCarloParallel(job, { threads, top: 10 });
  const s = (performance.now() - t) / 1000;
  const json = JSON.stringify(result);
  first ??= json;
  if (threads === 1) t1 = s;
  rows.push([String(draws), String(threads), s.toFixed(2), (draws / s).toFixed(0), (process.resourceUsage().maxRSS / 1024).toFixed(0), (t1 / s).toFixed(2), json === first ? "yes" : "NO"]);
}
const head = ["draws", "threads", "time (s)", "draws/s", "peak RSS (MB)", "speed-up", "identical"];
const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (cells: string[]): string => `| ${cells.map((c, k) => c.padStart(width[k]!)).join(" | ")} |`;
console.log([line(head), `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
