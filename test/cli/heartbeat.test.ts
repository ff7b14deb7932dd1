import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/program.js";
import { progress } from "../../src/cli/progress.js";
import { wideAgenda } from "../helpers/wideAgenda.js";

/** Runs the CLI in-process with stderr not a terminal, as a pipe or a log file is. */
async function runPiped(
  argv: readonly string[],
  heartbeatMs?: number,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const ctx: CliContext = {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    isTTY: false,
    columns: 100,
    stderrIsTTY: false,
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

const EC = "examples/forecast/ec-scholz.csv";

/** A scenario large enough for the frontier algorithm under `auto`. */
const WIDE = (() => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "treatylab-heartbeat-")), "wide.json");
  writeFileSync(file, JSON.stringify(wideAgenda()));
  return file;
})();
/** Every long-running command, its heartbeat unit and the count its last line reaches. */
const LONG: readonly (readonly [argv: readonly string[], unit: string, total: number])[] = [
  [["sweep", "nash-1950", "-p", "parties.bill.reservation=0:1:6", "--threads", "1"], "rows", 6],
  [["montecarlo", "nash-1950", "--spread", "0.1", "--draws", "300", "--threads", "1"], "draws", 300],
  [["sensitivity", "nash-1950", "-p", "parties.bill.reservation", "--threads", "1", "--steps", "4"], "parameters", 1],
  [["simulate", "nash-1950", "--runs", "5"], "runs", 5],
  [
    ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "1", "--rounds", "5"],
    "negotiations",
    4,
  ],
  [["backtest", "--draws", "0", "--case", "dayton-1995", "--case", "camp-david-2000"], "cases", 2],
  [["forecast", EC, "--draws", "100", "--spread", "0.1", "--threads", "1"], "draws", 100],
  [["report", "nash-1950", "--no-findings"], "steps", -1],
  [["analyze", "nash-1950", "--algorithm", "frontier"], "candidate sums", -1],
  [["analyze", "ukraine-2025"], "bundles", 26542080],
  [["check", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json"], "bundles", 26542080],
  [["stability", "ukraine-2025-may"], "verdicts", -1],
  [["validation"], "snapshots", -1],
  [["compare", "nash-1950", "--param", "parties.bill.reservation=0.3"], "bundles", 1024],
  [["compare", WIDE, "--param", "parties.x.reservation=0.3"], "candidate sums", -1],
];

describe("progress heartbeat (issue 17): --verbose on a stderr that is not a terminal", () => {
  it.each(LONG.map(([argv, unit, total]) => [argv.join(" "), argv, unit, total] as const))(
    "%s",
    async (_, argv, unit, total) => {
      const plain = await runPiped(argv, 0);
      const verbose = await runPiped([...argv, "--verbose"], 0);
      expect(plain.code, plain.err).toBe(0);
      expect(verbose.code, verbose.err).toBe(0);
      // stdout is byte-identical: the heartbeat never goes there. (Vega numbers the clip paths of
      // the report's SVG plots per process, so two reports in one process differ in those ids only.)
      const same = argv[0] === "report" ? (s: string) => s.replace(/clip\d+/g, "clip") : (s: string) => s;
      expect(same(verbose.out)).toBe(same(plain.out));
      // without --verbose, nothing on stderr
      expect(plain.err).toBe("");
      const lines = verbose.err.trimEnd().split("\n");
      const command = argv[0]!;
      const re = new RegExp(`^treatylab: ${command} (\\d+)/(\\d+) ${unit}, \\d+\\.\\d s$`);
      for (const l of lines) expect(l).toMatch(re);
      const counts = lines.map((l) => l.match(re)!.slice(1).map(Number) as [number, number]);
      // counts only go up, and the last line says the work is done
      for (let i = 1; i < counts.length; i++) expect(counts[i]![0]).toBeGreaterThanOrEqual(counts[i - 1]![0]);
      const [done, all] = counts.at(-1)!;
      expect(done).toBe(all);
      if (total >= 0) expect(all).toBe(total);
      // apart from the times, the lines are the same on every run
      const again = await runPiped([...argv, "--verbose"], 0);
      const untimed = (s: string) => s.replace(/, \d+\.\d s$/gm, "");
      expect(untimed(again.err)).toBe(untimed(verbose.err));
    },
  );

  it("lines are throttled: none within the interval, so a quick run prints none", async () => {
    const r = await runPiped(
      ["sweep", "nash-1950", "-p", "parties.bill.reservation=0:1:6", "--threads", "1", "--verbose"],
      60_000,
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });

  it("a line at most every interval, also while no progress is reported, and the last count at the end", () => {
    let err = "";
    const ctx: CliContext = {
      stdout: () => {},
      stderr: (s) => (err += s),
      isTTY: false,
      columns: 100,
      verbose: true,
      heartbeatMs: 30,
    };
    const lines = (): string[] =>
      err
        .split("\n")
        .filter(Boolean)
        .map((l) => l.replace(/, .*$/, ""));
    // Fake clocks: the heartbeat's timer and performance.now move only when the test moves them.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    try {
      const p = progress(ctx, "sweep", "rows");
      p.update(1, 4);
      vi.advanceTimersByTime(20);
      p.update(2, 4); // within the interval: no line
      expect(lines()).toEqual([]);
      vi.advanceTimersByTime(15); // t = 35: the timer's line at 30, with the latest count
      expect(lines()).toEqual(["treatylab: sweep 2/4 rows"]);
      vi.advanceTimersByTime(30); // t = 65: no progress since, a heartbeat all the same (found in review)
      expect(lines()).toEqual(["treatylab: sweep 2/4 rows", "treatylab: sweep 2/4 rows"]);
      p.update(3, 4); // 5 ms after the last line: none
      p.stop();
      expect(lines()).toEqual(["treatylab: sweep 2/4 rows", "treatylab: sweep 2/4 rows", "treatylab: sweep 3/4 rows"]);
      vi.advanceTimersByTime(100); // stopped: the timer is gone
      expect(lines()).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  const bin = path.resolve("dist/cli/main.cjs");
  it.runIf(existsSync(bin))("the built bin with piped stderr: heartbeat lines with --verbose, stdout unchanged", () => {
    const argv = [bin, "sweep", "nash-1950", "-p", "parties.bill.reservation=0:1:5", "--threads", "1"];
    const env = { ...process.env, TREATYLAB_HEARTBEAT_MS: "0" };
    const plain = spawnSync(process.execPath, argv, { encoding: "utf8", env });
    const verbose = spawnSync(process.execPath, [...argv, "--verbose"], { encoding: "utf8", env });
    expect(plain.status).toBe(0);
    expect(verbose.status).toBe(0);
    expect(verbose.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe("");
    expect(verbose.stderr).toMatch(/^treatylab: sweep 0\/5 rows, \d+\.\d s\n/);
    expect(verbose.stderr).toMatch(/treatylab: sweep 5\/5 rows, \d+\.\d s\n$/);
  });
});
