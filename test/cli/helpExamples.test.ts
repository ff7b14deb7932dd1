import { existsSync } from "node:fs";
import { Command, type Option } from "commander";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.js";

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

/** One example command line split into words: shell redirections, pipes, comments and remarks cut. */
function examples(help: string): string[][] {
  const lines = help.split("\n").filter((l) => /^\s*\$ treatylab /.test(l));
  return lines.flatMap((l) =>
    l
      .replace(/^\s*\$ /, "")
      .replace(/\s{2,}(#|\().*$/, "")
      .split("&&")
      .map((part) => part.split(/\s[|>]\s?/)[0]!.trim().match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ""))),
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
        if (value !== undefined && opt.argChoices && !opt.argChoices.includes(value)) problems.push(`${line}: ${w} ${value} is not one of ${opt.argChoices.join(", ")}`);
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
    const bad = ["  $ treatylab analyze nash-1950 --no-such-option", "  $ treatylab analyze nash-1950 --format yaml", "  $ treatylab check nash-1950 --proposal examples/proposals/missing.json", "  $ treatylab analyse nash-1950"];
    expect(problemsOf(program, bad.join("\n")).problems).toEqual([
      "treatylab analyze nash-1950 --no-such-option: analyze has no option --no-such-option",
      "treatylab analyze nash-1950 --format yaml: --format yaml is not one of table, json, markdown, csv",
      "treatylab check nash-1950 --proposal examples/proposals/missing.json: examples/proposals/missing.json does not exist",
      "treatylab analyse nash-1950: no command analyse",
    ]);
  });
});
