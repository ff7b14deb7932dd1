import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, type Option } from "commander";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.js";
import { runCli } from "../../src/cli/program.js";
import { run } from "./run.js";
import { wideAgenda } from "../helpers/wideAgenda.js";

const ctx = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100 };

/** The program with every command module loaded (the CLI itself loads only the one a line names). */
async function fullProgram(): Promise<Command> {
  const program = new Command("treatylab");
  for (const entry of commands) (await entry.load())(program, ctx);
  return program;
}

/** The help text of a command as `--help` prints it (commander's own text plus what we add after it). */
function helpOf(cmd: Command): string {
  let text = "";
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}

/** One example command line split into words: shell redirections, pipes and `#` comments cut. */
function examples(help: string): string[][] {
  const lines = help.split("\n").filter((l) => /^\s*\$ treatylab /.test(l));
  return lines.flatMap((l) =>
    l
      .replace(/^\s*\$ /, "")
      .replace(/\s+#\s.*$/, "")
      .split("&&")
      .map((part) =>
        part
          .split(/\s[|>]\s?/)[0]!
          .trim()
          .match(/"[^"]*"|\S+/g)!
          .map((w) => w.replace(/^"|"$/g, "")),
      ),
  );
}

function optionNamed(cmd: Command, word: string): Option | undefined {
  const name = word.split("=")[0];
  return cmd.options.find((o) => o.long === name || o.short === name);
}

/** What is wrong with the examples of one help text: unknown commands or options, bad choices, missing files. */
function problemsOf(program: Command, help: string): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  // A remark after an example is a shell comment, so the line can be pasted into a shell as it is.
  for (const l of help.split("\n"))
    if (/^\s*\$ treatylab .*\s\([^)]*\)\s*$/.test(l))
      problems.push(`${l.trim()}: a remark in parentheses; use # (pasted into a shell, ( is a syntax error)`);
  for (const words of examples(help)) {
    const line = words.join(" ");
    const cmd = program.commands.find((c) => c.name() === words[1]);
    if (words[0] !== "treatylab" || !cmd) {
      problems.push(`${line}: no command ${words[1]}`);
      continue;
    }
    checked++;
    const missingFile = (w: string) => {
      if (/^(examples|docs|\.\.\/shared)\//.test(w) && !existsSync(w)) problems.push(`${line}: ${w} does not exist`);
    };
    for (let i = 2; i < words.length; i++) {
      const w = words[i]!;
      if (w.startsWith("-") && w !== "-") {
        const opt = optionNamed(cmd, w);
        if (!opt) {
          problems.push(`${line}: ${cmd.name()} has no option ${w}`);
          continue;
        }
        const value = w.includes("=") ? w.split("=")[1] : opt.required || opt.optional ? words[i + 1] : undefined;
        if (value !== undefined && opt.argChoices && !opt.argChoices.includes(value))
          problems.push(`${line}: ${w} ${value} is not one of ${opt.argChoices.join(", ")}`);
        if (value !== undefined) missingFile(value);
        if (opt.required && !w.includes("=")) i++;
      } else missingFile(w);
    }
  }
  return { problems, checked };
}

describe("the examples in every --help (issue 17)", () => {
  it("name a real command, only its options, allowed choices and files that exist", async () => {
    const program = await fullProgram();
    const all = program.commands.map((sub) => problemsOf(program, helpOf(sub)));
    expect(all.flatMap((r) => r.problems)).toEqual([]);
    expect(all.reduce((n, r) => n + r.checked, 0)).toBeGreaterThan(60);
  });

  it("the check itself catches a stale example", async () => {
    const program = await fullProgram();
    const bad = [
      "  $ treatylab analyze nash-1950 --no-such-option",
      "  $ treatylab analyze nash-1950 --format yaml",
      "  $ treatylab check nash-1950 --proposal examples/proposals/missing.json",
      "  $ treatylab analyse nash-1950",
      "  $ treatylab analyze nash-1950   (a remark)",
    ];
    expect(problemsOf(program, bad.join("\n")).problems).toEqual([
      "$ treatylab analyze nash-1950   (a remark): a remark in parentheses; use # (pasted into a shell, ( is a syntax error)",
      "treatylab analyze nash-1950 --no-such-option: analyze has no option --no-such-option",
      "treatylab analyze nash-1950 --format yaml: --format yaml is not one of table, json, markdown, csv",
      "treatylab check nash-1950 --proposal examples/proposals/missing.json: examples/proposals/missing.json does not exist",
      "treatylab analyse nash-1950: no command analyse",
    ]);
  });
});

/**
 * The examples run: every `$ treatylab ...` line of every --help, in-process, with `--out` files
 * sent to a temporary folder. A file the reader is meant to supply (`my-scenario.json`,
 * `deal.json`, `elmira.gmcr`, ...) gets a stand-in there first (STAND_INS). Not run: `explore`
 * without `--out` (it starts a server; test/explorer covers it) and lines with a shell glob or
 * variable (`merge part*.json`, `$SLURM_ARRAY_TASK_ID`): the static check above covers those.
 * `TREATYLAB_RUN_EXAMPLES=0` skips the runs (about 2 minutes on 2 cores). Every example is sized to
 * run in seconds (issue 17: every `--help` example runs in CI).
 */
const NASH_DEAL = {
  bundle: {
    book: "jack",
    whip: "jack",
    ball: "jack",
    bat: "jack",
    box: "jack",
    pen: "bill",
    toy: "bill",
    knife: "bill",
    hat: "jack",
  },
};
/** Two parties `a` and `b` (as `spe my-scenario.json --discount a=0.5,b=0.8` names them) over two issues. */
const MY_SCENARIO = {
  id: "my-scenario",
  issues: [
    { id: "border", options: [{ id: "old" }, { id: "new" }] },
    { id: "aid", options: [{ id: "none" }, { id: "some" }, { id: "much" }] },
  ],
  parties: [
    {
      id: "a",
      weights: { border: 2, aid: 1 },
      values: { border: { old: 1, new: 0 }, aid: { none: 0, some: 0.5, much: 1 } },
      reservation: 0.2,
    },
    {
      id: "b",
      weights: { border: 1, aid: 1 },
      values: { border: { old: 0, new: 1 }, aid: { none: 1, some: 0.6, much: 0 } },
      reservation: 0.2,
    },
  ],
};
/** Large enough for the frontier algorithm (`--algorithm frontier --memory-budget ...`). */
const BIG_AGENDA = wideAgenda("big-agenda");
const cli = async (argv: readonly string[]): Promise<void> => {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`stand-in ${argv.join(" ")}: ${r.err}`);
};
/** The files the help examples expect the reader to have, made in the examples' folder. */
const STAND_INS: Readonly<Record<string, (file: string, dir: string) => void | Promise<void>>> = {
  "my-scenario.json": (f) => writeFileSync(f, JSON.stringify(MY_SCENARIO)),
  "big-agenda.json": (f) => writeFileSync(f, JSON.stringify(BIG_AGENDA)),
  "deal.json": (f) => writeFileSync(f, JSON.stringify(NASH_DEAL)),
  "elmira.gmcr": (f) => copyFileSync("test/stability/fixtures/elmira.gmcr", f),
  "cuban.gmcr": (f) => copyFileSync("test/stability/fixtures/cuban.gmcr", f),
  "model.json": (f) => cli(["convert", "test/stability/fixtures/cuban.gmcr", "--to", "graph-model", "--out", f]),
  "before.json": (f) => cli(["show", "nash-1950", "--out", f]),
  "after.json": (f) => cli(["show", "nash-1950", "--param", "parties.bill.reservation=0.5", "--out", f]),
  "capability-uncertainty.json": (f) => writeFileSync(f, JSON.stringify({ "parties.*.capability": { spread: 0.3 } })),
  ...Object.fromEntries(
    [1, 2, 3].map((k) => [
      `part-${k}.json`,
      (f: string) =>
        cli([
          "montecarlo",
          "nash-1950",
          "--spread",
          "0.1",
          "--draws",
          "30",
          "--shard",
          `${k}/3`,
          "--format",
          "json",
          "--out",
          f,
        ]),
    ]),
  ),
};

describe("every --help example runs (issue 17)", async () => {
  const program = await fullProgram();
  const dir = mkdtempSync(path.join(os.tmpdir(), "treatylab-examples-"));
  const lines = program.commands.flatMap((sub) => examples(helpOf(sub)));
  const isOut = (words: readonly string[], i: number): boolean =>
    i > 0 && ["--out", "-o", "--jsonl"].includes(words[i - 1]!);
  // A file an earlier example writes with --out (`convert ... --out nash.json`, then
  // `convert nash.json ...`) is read from the temporary folder, so such chains run in order.
  const produced = new Set<string>();
  const readsMissingFile = (words: readonly string[]): boolean =>
    words.some(
      (w, i) =>
        !isOut(words, i) &&
        /\.(json|jsonl|csv|gmcr|xml)$/.test(w) &&
        !w.includes("*") &&
        !existsSync(w) &&
        !produced.has(w) &&
        !Object.hasOwn(STAND_INS, w),
    );
  for (const [name, make] of Object.entries(STAND_INS)) await make(path.join(dir, name), dir);
  const runnable: string[][] = [];
  for (const w of lines) {
    if (
      (w[1] !== "explore" || w.includes("--out")) &&
      !w.some((x) => (x.includes("*") && !x.startsWith("parties.") && !x.includes("=")) || x.includes("$")) &&
      !readsMissingFile(w)
    ) {
      runnable.push(w);
      w.forEach((x, i) => isOut(w, i) && produced.add(x));
    }
  }
  it("every example is run but shell globs and variables and the explorer's server", () => {
    expect(runnable.length).toBeGreaterThan(80);
    const left = lines.filter((w) => !runnable.includes(w)).map((w) => w.join(" "));
    for (const l of left) expect(l).toMatch(/\*|\$|^treatylab explore (?!.*--out)/);
    expect(left.length).toBeLessThanOrEqual(6);
  });
  it.runIf(process.env.TREATYLAB_RUN_EXAMPLES !== "0").each(runnable.map((w) => [w.join(" "), w] as const))(
    "%s",
    async (_, words) => {
      const argv = words
        .slice(1)
        .map((w, i, all) =>
          isOut(all, i) || produced.has(w) || Object.hasOwn(STAND_INS, w) ? path.join(dir, path.basename(w)) : w,
        );
      let err = "";
      const code = await runCli(argv, { stdout: () => {}, stderr: (s) => (err += s), isTTY: false, columns: 100 });
      expect(code, err).toBe(0);
    },
    120_000,
  );
});
