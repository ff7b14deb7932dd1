import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commands, commandsFor } from "../../src/cli/commands/index.js";
import { buildProgram } from "../../src/cli/program.js";

const ctx = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100 };

describe("lazily loaded subcommands (issue 18: start-up)", () => {
  it("each entry's names are exactly the commands its module registers", async () => {
    for (const entry of commands) {
      const program = new Command("treatylab");
      (await entry.load())(program, ctx);
      expect(program.commands.map((c) => c.name()), entry.names.join(",")).toEqual(entry.names);
    }
  });

  it("no name is claimed twice", () => {
    const names = commands.flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
  });

  it("a command line loads only the module of its first word; help, no command or a typo load all", async () => {
    expect(commandsFor(["--verbose", "analyze", "nash-1950", "--format", "json"]).map((c) => c.names)).toEqual([["analyze"]]);
    expect(commandsFor(["diff", "a.json", "b.json"]).map((c) => c.names)).toEqual([["compare", "diff"]]);
    for (const argv of [[], ["--help"], ["help", "analyze"], ["analyse"]]) expect(commandsFor(argv)).toBe(commands);
    const one = await buildProgram(ctx, ["check", "nash-1950"]);
    expect(one.commands.map((c) => c.name())).toEqual(["check"]);
    const all = await buildProgram(ctx, ["--help"]);
    expect(all.commands.map((c) => c.name())).toEqual(commands.flatMap((c) => c.names));
  });
});
