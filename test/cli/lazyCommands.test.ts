import { Command, Help } from "commander";
import { describe, expect, it } from "vitest";
import { commands, commandsFor } from "../../src/cli/commands/index.js";
import { buildProgram, runCli } from "../../src/cli/program.js";

const ctx = { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100 };

describe("lazily loaded subcommands (issue 18: start-up)", () => {
  it("each entry's names are exactly the commands its module registers", async () => {
    for (const entry of commands) {
      const program = new Command("treatylab");
      (await entry.load())(program, ctx);
      expect(
        program.commands.map((c) => c.name()),
        entry.names.join(","),
      ).toEqual(entry.names);
    }
  });

  it("no name is claimed twice", () => {
    const names = commands.flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
  });

  it("each entry's help lines are what commander prints for the loaded commands", async () => {
    const help = new Help();
    for (const entry of commands) {
      const program = new Command("treatylab");
      (await entry.load())(program, ctx);
      expect(program.commands.map((c) => [help.subcommandTerm(c), c.description()])).toEqual(entry.help);
    }
  });

  it("a command line loads only the module of its first word; help, --version, no command or a typo load none", async () => {
    expect(commandsFor(["--verbose", "analyze", "nash-1950", "--format", "json"]).map((c) => c.names)).toEqual([
      ["analyze"],
    ]);
    expect(commandsFor(["diff", "a.json", "b.json"]).map((c) => c.names)).toEqual([["compare", "diff"]]);
    expect(commandsFor(["help", "check"]).map((c) => c.names)).toEqual([["check"]]);
    for (const argv of [[], ["--help"], ["-V"], ["--version"], ["help"], ["analyse"]])
      expect(commandsFor(argv)).toEqual([]);
    const one = await buildProgram(ctx, ["check", "nash-1950"]);
    expect(one.commands.map((c) => c.name())).toEqual(commands.flatMap((c) => c.names));
    expect(one.commands.find((c) => c.name() === "check")!.options.length).toBeGreaterThan(0); // the real one
    expect(one.commands.find((c) => c.name() === "analyze")!.options).toEqual([]); // a stub
  });

  it("the top-level --help from stubs is the help of the loaded commands, and a typo still gets a suggestion", async () => {
    const lazy = await buildProgram(ctx, ["--help"]);
    const full = new Command("treatylab");
    for (const entry of commands) (await entry.load())(full, ctx);
    const help = new Help();
    const listing = (p: Command): string[] =>
      p.commands.map((c) => `${p.createHelp().subcommandTerm(c)} | ${c.description()}`);
    expect(listing(lazy)).toEqual(full.commands.map((c) => `${help.subcommandTerm(c)} | ${c.description()}`));
    const err: string[] = [];
    const code = await runCli(["analyse", "nash-1950"], { ...ctx, stderr: (s) => void err.push(s) });
    expect(code).toBe(2);
    expect(err.join("")).toMatch(/unknown command 'analyse'.*Did you mean analyze\?/s);
  });
});
