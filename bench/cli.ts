/**
 * CLI start-up benchmark: wall time of whole `treatylab` processes, against a bare `node -e 0`
 * measured in the same run (interleaved, so machine load hits both alike). Run with
 * `npx tsx bench/cli.ts` after `npm run build` (`npm run bench -- cli` builds first); `--quick` for
 * fewer rounds. Prints the median and best of each command and its time above the bare Node start.
 * Target (issue 18): `treatylab analyze nash-1950` under 150 ms wall.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist/cli/main.cjs");
if (!existsSync(cli)) {
  console.error(`bench cli: ${cli} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const rounds = process.argv.includes("--quick") ? 5 : 15;
const cases: ReadonlyArray<{ label: string; args: readonly string[] }> = [
  { label: "node -e 0 (bare Node start, the baseline)", args: ["-e", "0"] },
  { label: "treatylab --version", args: [cli, "--version"] },
  { label: "treatylab --help", args: [cli, "--help"] },
  { label: "treatylab analyze nash-1950", args: [cli, "analyze", "nash-1950"] },
  { label: "treatylab analyze ukraine-2025", args: [cli, "analyze", "ukraine-2025"] },
];
const times = cases.map(() => [] as number[]);
for (let r = 0; r < rounds + 1; r++) {
  cases.forEach((c, i) => {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, c.args, {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    const ms = performance.now() - t0;
    if (run.status !== 0) throw new Error(`${c.label} exited ${run.status}: ${run.stderr.toString()}`);
    if (r > 0) times[i]!.push(ms); // round 0 warms the file-system cache
  });
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const base = median(times[0]!);
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; ${rounds} interleaved rounds`,
);
console.log("| command | median | best | above bare Node (median) |");
console.log("| --- | --- | --- | --- |");
cases.forEach((c, i) => {
  const m = median(times[i]!);
  console.log(
    `| ${c.label} | ${m.toFixed(0)} ms | ${Math.min(...times[i]!).toFixed(0)} ms | ${i === 0 ? "" : `+${(m - base).toFixed(0)} ms`} |`,
  );
});
const target = median(times[3]!);
console.log(
  `\ntarget (analyze nash-1950 under 150 ms wall): ${target < 150 ? "met" : "not met"} (median ${target.toFixed(0)} ms; bare Node ${base.toFixed(0)} ms)`,
);
