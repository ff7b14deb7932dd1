/**
 * argv fuzzing of issue 17: fast-check arbitraries of command lines (known commands and flags
 * with hostile values) and a runner that executes one in-process and says whether it kept the
 * CLI's promises: exit code 0 or 2 (never 1, an internal error), and an error is one line on
 * stderr starting `treatylab:` with no raw control character, at most 420 characters.
 * Used by test/fuzz/argv.test.ts (small, in CI) and scripts/fuzz.ts --cli (long mode).
 * Not generated: `-` (it would wait for standard input), `explore` (it starts a server) and
 * valid but huge counts (a million draws is a long run, not a bug); `sensitivity` scans 2 steps
 * unless the line sets `--steps` (found by the 100,000-line run: the default 64 on ukraine-2025 is a
 * run of about 20 minutes).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { runCli } from "../../src/cli/program.js";

const TMP = path.join(os.tmpdir(), "treatylab-argv-fuzz");

/** Values a flag or argument may get. */
export const HOSTILE_ARGS: readonly string[] = [
  "",
  " ",
  "0",
  "-0",
  "1",
  "2",
  "-1",
  "0.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "1e-320",
  "3.7",
  "0x10",
  "1/2",
  "0/0",
  "2/1",
  "1/0",
  "x".repeat(5_000),
  "é€😀",
  "\u001b[31mred\u001b[0m",
  "a\nb",
  "a\rb",
  "\u0000",
  "\ud800",
  "--",
  "--format",
  "=",
  "a=b",
  "a=1,b=2",
  "a=",
  "=1",
  "nash-1950",
  "ukraine-2025",
  "no-such-scenario",
  "parties.bill.reservation",
  "parties.bill.reservation=0:1:3",
  "parties.*.reservation",
  "parties.bill.reservation=1:0:0",
  "parties.nope.weights.x=1,2",
  "nash",
  "boulware",
  "json",
  "csv",
  "table",
  "markdown",
  ".",
  "..",
  "/",
  "/nonexistent/file.json",
  "package.json",
  "examples",
  "examples/forecast/ec-scholz.csv",
  "examples/points/bob-carol.json",
  path.join(TMP, "missing", "out.json"),
];

const COMMANDS = [
  "analyze",
  "check",
  "explain",
  "show",
  "validate",
  "schema",
  "simulate",
  "spe",
  "rubinstein",
  "sweep",
  "sensitivity",
  "montecarlo",
  "compare",
  "diff",
  "divide",
  "forecast",
  "stability",
  "validation",
  "tournament",
  "convert",
  "merge",
  "scenarios",
  "backtest",
  "help",
];
const FLAGS = [
  "--format",
  "--out",
  "-o",
  "--param",
  "-p",
  "--set",
  "--proposal",
  "--solution",
  "--solutions",
  "--threads",
  "--draws",
  "--spread",
  "--seed",
  "--rounds",
  "--runs",
  "--steps",
  "--strategy",
  "--strategies",
  "--seeds",
  "--discount",
  "--shard",
  "--case",
  "--edits",
  "--fix",
  "--max-outcomes",
  "--metric",
  "--protocol",
  "--deadline",
  "--hazard",
  "--precision",
  "--model",
  "--uncertainty",
  "--trace-rows",
  "--algorithm",
  "--help",
  "--version",
  "--no-such-flag",
];

/** A hostile word: a value, a flag, or a flag=value. */
const wordArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_ARGS), weight: 6 },
  { arbitrary: fc.constantFrom(...FLAGS), weight: 4 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...FLAGS), fc.constantFrom(...HOSTILE_ARGS)).map(([f, v]) => `${f}=${v}`),
    weight: 1,
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

/** Caps that keep one run short: a small draw count and one thread unless the line says otherwise. */
const SAFE = ["--threads", "1"];

/** A command line: a known command (or junk), then hostile words. */
export const argvArb: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...COMMANDS), weight: 9 },
      { arbitrary: fc.constantFrom(...HOSTILE_ARGS), weight: 1 },
    ),
    fc.array(wordArb, { maxLength: 6 }),
  )
  .map(([c, words]) => [c, ...words]);

/** What one command line did, and the broken promise if any. */
export interface ArgvOutcome {
  readonly code: number;
  readonly err: string;
  readonly ms: number;
  readonly problem?: string;
}

/**
 * Moves the process into a fresh scratch folder holding copies of the files the generated command
 * lines name (`package.json`, the two example files), so `--out package.json`, `--out -1` and the
 * like write there, never into the repository. Returns the function that moves back.
 */
export function enterScratchFolder(): () => void {
  const home = process.cwd();
  const dir = mkdtempSync(path.join(os.tmpdir(), "treatylab-argv-cwd-"));
  for (const f of ["package.json", "examples/forecast/ec-scholz.csv", "examples/points/bob-carol.json"]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(path.join(home, f), path.join(dir, f));
  }
  process.chdir(dir);
  return () => {
    process.chdir(home);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Runs one command line in-process (stdout discarded) and checks the promises. */
export async function runArgv(argv: readonly string[]): Promise<ArgvOutcome> {
  let err = "";
  const t0 = performance.now();
  const capped =
    argv.includes("--threads") || /^(sweep|sensitivity|montecarlo|forecast)$/.test(argv[0] ?? "") === false
      ? argv
      : [...argv, ...SAFE];
  // `sensitivity ukraine-2025` at its default 64 scan steps is a long run (60 parameters, about
  // 20 minutes on one core, with progress), not a bug: scan 2 steps unless the line says how many.
  const line =
    argv[0] === "sensitivity" && !argv.some((w) => w.startsWith("--steps")) ? [...capped, "--steps", "2"] : capped;
  let code: number;
  try {
    code = await runCli(line, { stdout: () => {}, stderr: (s) => (err += s), isTTY: false, columns: 100 });
  } catch (e) {
    return { code: -1, err, ms: performance.now() - t0, problem: `runCli threw: ${(e as Error)?.message}` };
  }
  const ms = performance.now() - t0;
  if (code !== 0 && code !== 2) return { code, err, ms, problem: `exit code ${code}: ${err.slice(0, 300)}` };
  if (code === 2) {
    const lines = err.split("\n");
    // The last line is the error; lines before it may be `wrote <file>` or a heartbeat.
    const last = lines.at(-2) ?? "";
    if (!err.endsWith("\n") || !last.startsWith("treatylab: "))
      return { code, err, ms, problem: `not one treatylab: line: ${JSON.stringify(err.slice(0, 300))}` };
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(err))
      return { code, err, ms, problem: `raw control character: ${JSON.stringify(err.slice(0, 300))}` };
    if ([...last].length > 420) return { code, err, ms, problem: `error of ${last.length} characters` };
  }
  return { code, err, ms };
}
