/**
 * First-call benchmark (issue 18): the cost of the first `prepare` (validate + compile) +
 * `frontierPoints` + `nashSolution` on a scenario object in a fresh Node process, phase by phase.
 * Run with `node --import tsx bench/firstCall.ts` (`--rounds N`, default 5; `--genius DIR`; `--cases TEXT`
 * keeps the cases whose name contains TEXT; `--json` prints the raw runs; `--node-flags "FLAGS"` also
 * runs every case with those Node/V8 flags, interleaved with the plain runs, and prints a second
 * table with the ratio of the medians, e.g. `--node-flags "--no-lazy-feedback-allocation"` to see
 * what V8's cold path costs). Part of `npm run bench`.
 *
 * Cases: the GENIUS domains of ../shared/data/genius that treatylab imports, and the seeded random
 * two-party scenarios of bench/negmas.ts (2 x 5..8 x 8 and 2 x 20 x 8). The parent writes each scenario as plain
 * JSON to a temporary folder; each case and round runs one fresh child process, which loads the
 * modules and parses that file (neither is timed), then times, on that plain object (never
 * validated in the process before, so validation is cold too): validate (`validateScenario`),
 * compile (`compileScenario`), frontier (`frontierPoints`, auto mode) and Nash
 * (`nashSolution(bargainingProblem(...))`). The cases' order rotates from round to round; the
 * table shows the median over the rounds of each phase and of the total.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bargainingProblem, frontierPoints } from "../src/analysis/analyze.js";
import { readGeniusFolder } from "../src/files/geniusFolder.js";
import { compileScenario } from "../src/model/compile.js";
import type { Scenario } from "../src/model/types.js";
import { validateScenario } from "../src/model/validate.js";
import { nashSolution } from "../src/solutions/nash.js";
import { randomScenario } from "./randomScenario.js";

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), "..");
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
};

/** What one child reports: the phases of its first call, in ms. */
interface Phases {
  readonly validate: number;
  readonly compile: number;
  readonly frontier: number;
  readonly nash: number;
  readonly total: number;
  readonly points: number;
}
const PHASES = ["validate", "compile", "frontier", "nash", "total"] as const;

function child(file: string): void {
  const input: unknown = JSON.parse(readFileSync(file, "utf8"));
  const t0 = performance.now();
  const s = validateScenario(input);
  const t1 = performance.now();
  const c = compileScenario(s);
  const t2 = performance.now();
  const points = frontierPoints(c);
  const t3 = performance.now();
  const nash = nashSolution(bargainingProblem(c, points));
  const t4 = performance.now();
  if (nash === null && points.length > 0) throw new Error("no Nash point on a non-empty frontier");
  const out: Phases = {
    validate: t1 - t0,
    compile: t2 - t1,
    frontier: t3 - t2,
    nash: t4 - t3,
    total: t4 - t0,
    points: points.length,
  };
  process.stdout.write(JSON.stringify(out));
}

async function cases(dir: string): Promise<{ name: string; file: string; bundles: bigint }[]> {
  const out: { name: string; file: string; bundles: bigint }[] = [];
  const add = (name: string, s: Scenario): void => {
    const file = path.join(dir, `${out.length}.json`);
    writeFileSync(file, JSON.stringify(s));
    out.push({
      name,
      file,
      bundles: s.issues.reduce((a, i) => a * BigInt(i.type === "numeric" ? 0 : i.options.length), 1n),
    });
  };
  // ../shared beside the checkout (as bench/negmas.ts), or two levels up from a git worktree.
  const genius =
    opt("genius") ??
    [
      path.resolve(root, "..", "shared", "data", "genius"),
      path.resolve(root, "..", "..", "shared", "data", "genius"),
    ].find(existsSync) ??
    path.resolve(root, "..", "shared", "data", "genius");
  if (existsSync(genius))
    for (const d of readdirSync(genius).sort()) {
      if (!statSync(path.join(genius, d)).isDirectory()) continue;
      let s: Scenario;
      try {
        s = await readGeniusFolder(path.join(genius, d));
      } catch {
        continue; // AMPOvsCity: refused (an item listed twice), as in bench/negmas.ts
      }
      if (s.issues.some((i) => i.type === "numeric")) continue; // as in bench/negmas.ts
      add(d, s);
    }
  else console.log(`(no GENIUS domains at ${genius})`);
  for (const [issues, options, seed] of [
    [5, 8, "negmas-2p-5x8"],
    [6, 8, "negmas-2p-6x8"],
    [7, 8, "negmas-2p-7x8"],
    [8, 8, "bench-2p-8x8"],
    [20, 8, "bench-2p-20x8"],
  ] as const)
    add(`random 2p-${issues}x${options}`, randomScenario({ parties: 2, issues, options, seed }));
  return out;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const rounds = Number(opt("rounds") ?? 5);
  const dir = mkdtempSync(path.join(os.tmpdir(), "treatylab-first-"));
  try {
    const only = opt("cases"); // a substring: only the cases whose name contains it
    const list = (await cases(dir)).filter((k) => only === undefined || k.name.includes(only));
    // The plain runs, and with --node-flags a second variant run right after each plain one.
    const flags = opt("node-flags")
      ?.split(/\s+/)
      .filter((f) => f !== "");
    const variants: (readonly string[])[] = flags === undefined || flags.length === 0 ? [[]] : [[], flags];
    const runs = variants.map(() => list.map(() => [] as Phases[]));
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < list.length; k++) {
        const i = (k + r) % list.length;
        variants.forEach((extra, v) => {
          const p = spawnSync(process.execPath, [...extra, "--import", "tsx", self, "--child", list[i]!.file], {
            cwd: root,
            encoding: "utf8",
          });
          if (p.status !== 0) throw new Error(`${list[i]!.name}: child failed: ${p.stderr}`);
          runs[v]![i]!.push(JSON.parse(p.stdout) as Phases);
        });
      }
    if (args.includes("--json")) console.log(JSON.stringify(runs[0]));
    const [l1, l5, l15] = os.loadavg();
    variants.forEach((extra, v) => {
      console.log(
        `${v > 0 ? "\n" : ""}node ${[process.version, ...extra].join(" ")}, ${os.cpus().length} cores, load ${l1!.toFixed(2)} ${l5!.toFixed(2)} ${l15!.toFixed(2)}, ${rounds} rounds (median ms)`,
      );
      const ratio = v > 0 ? " | total / plain total |" : " |";
      console.log(`| case | bundles | frontier points | ${PHASES.join(" | ")} | total min-max${ratio}`);
      console.log(`|---|--:|--:|${PHASES.map(() => "--:").join("|")}|--:|${v > 0 ? "--:|" : ""}`);
      list.forEach((c, i) => {
        const rs = runs[v]![i]!;
        const totals = rs.map((x) => x.total);
        const extraCol = v > 0 ? ` ${(median(totals) / median(runs[0]![i]!.map((x) => x.total))).toFixed(2)} |` : "";
        console.log(
          `| ${c.name} | ${c.bundles.toLocaleString("en-US")} | ${rs[0]!.points} | ${PHASES.map((ph) => median(rs.map((x) => x[ph])).toFixed(2)).join(" | ")} | ${Math.min(...totals).toFixed(2)}-${Math.max(...totals).toFixed(2)} |${extraCol}`,
        );
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = args.indexOf("--child");
if (at >= 0) child(args[at + 1]!);
else await main();
