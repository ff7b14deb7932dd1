/**
 * Long fuzz run (issue 17): `npm run fuzz -- --runs 100000 [--seed 1] [--slow-ms 2000]`.
 * Generates hostile scenarios (test/fuzz/hostile.ts), runs each through validation and both
 * exact analysis algorithms, and reports counts of crashes (errors that are not the library's
 * own, or library errors that are not one clean line), slow inputs (over --slow-ms: in-process
 * runs cannot be interrupted, so a hang shows as a slow input once it ends), NaN results and
 * invariant violations (algorithms disagreeing, a solution outside the ZOPA, a dominated
 * frontier point). Prints the first failures with a replay seed and path; exit code 1 if any.
 * With `--cli`, hostile command lines instead; with `--inputs`, the other input files (see below).
 */
import fc from "fast-check";
import { argvArb, enterScratchFolder, runArgv } from "../test/fuzz/argv.js";
import { classify, extremeScenarioArb, hostileScenarioArb, mutate } from "../test/fuzz/hostile.js";
import { INPUT_KINDS, runInput } from "../test/fuzz/inputs.js";

/** The number after `--<name>` on the command line, or `dflt`. */
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

// `npm run fuzz -- --cli [--runs 5000] [--seed 1]`: hostile command lines instead (test/fuzz/argv.ts),
// counting exits 0 and 2 and broken promises (exit 1, an error that is not one clean line).
if (process.argv.includes("--cli")) {
  const runsCli = arg("runs", 1000);
  const seedCli = arg("seed", 1);
  const tally = { ok: 0, refused: 0, broken: 0, slowest: 0 };
  const broken: string[] = [];
  const start = Date.now();
  let doneCli = 0;
  // Generated lines may say `--out package.json` or `--out -1`: never write into the repository.
  const leave = enterScratchFolder();
  await fc.assert(
    fc.asyncProperty(argvArb, async (argv) => {
      const r = await runArgv(argv);
      tally.slowest = Math.max(tally.slowest, Math.round(r.ms));
      if (r.problem) {
        tally.broken++;
        if (broken.length < 20)
          broken.push(
            `${r.problem}\n  argv: ${JSON.stringify(argv, (_k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 20)}…(${v.length} chars)` : v))}`,
          );
      } else if (r.code === 0) tally.ok++;
      else tally.refused++;
      if (++doneCli % 1000 === 0)
        process.stderr.write(
          `${doneCli}/${runsCli} command lines, ${Math.round((Date.now() - start) / 1000)} s: exit 0 ${tally.ok}, refused ${tally.refused}, broken ${tally.broken}\n`,
        );
      return true;
    }),
    { numRuns: runsCli, seed: seedCli },
  );
  console.log(`fuzz --cli: ${runsCli} command lines (seed ${seedCli}) in ${Math.round((Date.now() - start) / 1000)} s`);
  console.log(
    `  exit 0 ${tally.ok}, refused cleanly (exit 2) ${tally.refused}, broken promises ${tally.broken}; slowest ${tally.slowest} ms`,
  );
  for (const b of broken) console.log(b);
  leave();
  process.exit(tally.broken > 0 ? 1 : 0);
}

// `npm run fuzz -- --inputs [--runs 10000] [--seed 1]`: mutated edits, uncertainty, GMCR+ and
// GENIUS files (test/fuzz/inputs.ts), --runs of each kind, counting uses, clean refusals, crashes
// (errors that are not the library's own one clean line) and non-finite numbers in a result.
if (process.argv.includes("--inputs")) {
  const runsIn = arg("runs", 1000);
  const seedIn = arg("seed", 1);
  const start = Date.now();
  let bad = 0;
  for (const [kind, arb] of Object.entries(INPUT_KINDS)) {
    const tally = { ok: 0, refused: 0, crash: 0, nan: 0 };
    const failures: string[] = [];
    const t = Date.now();
    fc.check(
      fc.property(arb(), (input) => {
        const out = runInput(input);
        tally[out.kind]++;
        if ((out.kind === "crash" || out.kind === "nan") && failures.length < 10)
          failures.push(`${out.kind}: ${out.message}\n  ${input.describe().slice(0, 600)}`);
        return true;
      }),
      { numRuns: runsIn, seed: seedIn },
    );
    bad += tally.crash + tally.nan;
    console.log(
      `fuzz --inputs ${kind}: ${runsIn} inputs (seed ${seedIn}) in ${Math.round((Date.now() - t) / 1000)} s: ok ${tally.ok}, refused cleanly ${tally.refused}, crashes ${tally.crash}, NaN ${tally.nan}`,
    );
    for (const f of failures) console.log(f);
  }
  console.log(`fuzz --inputs: ${Math.round((Date.now() - start) / 1000)} s in all`);
  process.exit(bad > 0 ? 1 : 0);
}

const runs = arg("runs", 1000);
const seed = arg("seed", 1);
const slowMs = arg("slow-ms", 2000);
const counts: Record<string, number> = { ok: 0, refused: 0, crash: 0, nan: 0, invariant: 0, slow: 0 };
const failures: string[] = [];
const t0 = Date.now();
let done = 0;
fc.check(
  fc.property(hostileScenarioArb, ({ base, mutations }) => {
    const out = classify(mutate(base, mutations), slowMs);
    counts[out.kind]!++;
    if (out.kind !== "ok" && out.kind !== "refused" && failures.length < 20)
      failures.push(
        `${out.kind}: ${out.message}\n  mutations: ${JSON.stringify(mutations, (_k, v) => (typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 80 ? `${v.slice(0, 20)}…(${v.length} chars)` : v))}\n  base: ${JSON.stringify(base).slice(0, 400)}`,
      );
    if (++done % 1000 === 0)
      process.stderr.write(
        `${done}/${runs} inputs, ${Math.round((Date.now() - t0) / 1000)} s: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}\n`,
      );
    return true;
  }),
  { numRuns: runs, seed },
);
// Valid scenarios with extreme weights and values (one in four runs): the two exact algorithms
// must return exactly the same frontier bundles and solutions.
fc.check(
  fc.property(extremeScenarioArb, (s) => {
    const out = classify(s, slowMs);
    counts[out.kind]!++;
    if (out.kind !== "ok" && out.kind !== "refused" && failures.length < 20)
      failures.push(`${out.kind} (extreme numbers): ${out.message}\n  scenario: ${JSON.stringify(s).slice(0, 600)}`);
    return true;
  }),
  { numRuns: Math.ceil(runs / 4), seed },
);
const failed = counts.crash! + counts.nan! + counts.invariant! + counts.slow!;
console.log(
  `fuzz: ${runs} hostile inputs and ${Math.ceil(runs / 4)} with extreme numbers (seed ${seed}) in ${Math.round((Date.now() - t0) / 1000)} s`,
);
console.log(`  ok ${counts.ok}, refused cleanly ${counts.refused}`);
console.log(
  `  crashes ${counts.crash}, slow (> ${slowMs} ms) ${counts.slow}, NaN ${counts.nan}, invariant violations ${counts.invariant}`,
);
for (const f of failures) console.log(f);
process.exitCode = failed > 0 ? 1 : 0;
