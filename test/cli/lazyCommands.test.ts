import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command, Help } from "commander";
import { describe, expect, it } from "vitest";
import { commands, commandsFor } from "../../src/cli/commands/index.js";
import { buildProgram, runCli } from "../../src/cli/program.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";

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

describe("the start path of the built CLI (issue 18: start-up time)", () => {
  const bin = path.resolve("dist/cli/main.cjs");
  // The preload script scripts/start-spy.cjs lists, on stderr when the process exits, every file
  // required and built-in module loaded, and whether V8 accepted the code cache given to a vm.Script.
  const spy = path.resolve("scripts/start-spy.cjs");
  const dir = mkdtempSync(path.join(tmpdir(), "treatylab-loads-"));
  const run = (
    file: string,
    ...args: string[]
  ): { status: number | null; out: string; files: string[]; cache: string[]; err: string } => {
    const r = spawnSync(process.execPath, ["--require", spy, file, ...args], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", TREATYLAB_WRITE_CODE_CACHE: "", TREATYLAB_SPY_LOADS: "1" },
    });
    const lines = r.stderr.split("\n");
    return {
      status: r.status,
      out: r.stdout,
      files: lines.filter((l) => l.startsWith("LOADED ")).map((l) => l.slice(7)),
      cache: lines.filter((l) => l.startsWith("CODE-CACHE ")).map((l) => l.slice(11)),
      err: lines.filter((l) => l && !l.startsWith("LOADED ") && !l.startsWith("CODE-CACHE ")).join("\n"),
    };
  };

  it.skipIf(!existsSync(bin))(
    "`analyze nash-1950` and `--help` run the program from its code cache and load none of what they do not need",
    () => {
      for (const args of [["analyze", "nash-1950"], ["--help"]]) {
        const { status, files, cache } = run(bin, ...args);
        expect(status).toBe(0);
        expect(cache).toEqual(["accepted"]);
        // One module of treatylab is required, the launcher, which compiles the bundled program
        // itself (commander is inside it): no other file of dist/ is loaded.
        expect(files.filter((f) => f.includes(`${path.sep}dist${path.sep}`))).toEqual([bin]);
        expect(files.filter((f) => /node_modules[\\/]commander[\\/]/.test(f))).toEqual([]);
        // Nor zod (validation: a built-in is valid), immer (what-ifs), a table library,
        // node:crypto (writing files), seedrandom's index (all six generators; the ZOPA estimate
        // loads Alea alone) or node:child_process (commander's executable subcommands).
        expect(
          files.filter((f) =>
            /node_modules[\\/](zod|immer|cli-table3)[\\/]|^node:(crypto|child_process)$|node_modules[\\/]seedrandom[\\/](index|seedrandom)\.js/.test(
              f,
            ),
          ),
        ).toEqual([]);
      }
    },
  );

  it.skipIf(!existsSync(bin))("`divide` loads no schema library: ids are read by the id rules as plain code", () => {
    for (const args of [
      ["divide", "examples/points/bob-carol.json"],
      ["divide", "--help"],
    ]) {
      const { status, files, cache } = run(bin, ...args);
      expect(status).toBe(0);
      expect(cache).toEqual(["accepted"]);
      // zod took about 90 ms to load here (docs/benchmarks.md, "`divide` without zod").
      expect(files.filter((f) => /node_modules[\\/]zod[\\/]/.test(f))).toEqual([]);
      // The spy sees the packages the command does load (its exact arithmetic).
      expect(files.some((f) => /node_modules[\\/]fraction\.js[\\/]/.test(f))).toBe(true);
    }
  });

  it.skipIf(!existsSync(bin))(
    "without its code cache, with a damaged one or with a fresh one, the program prints the same",
    () => {
      // A copy of the launcher and the program at the depth of dist/cli/ (packages resolve from the
      // repository), so that the build's own cache is not touched.
      const copy = mkdtempSync(path.resolve("dist/cache-test-"));
      try {
        for (const f of ["main.cjs", "program.cjs"]) writeFileSync(path.join(copy, f), readFileSync(`dist/cli/${f}`));
        const launcher = path.join(copy, "main.cjs");
        const expected = run(bin, "analyze", "nash-1950").out;
        expect(expected).toContain("Nash (1950)");
        const none = run(launcher, "analyze", "nash-1950");
        expect([none.status, none.cache, none.out]).toEqual([0, ["none"], expected]);
        writeFileSync(path.join(copy, "program.cache"), Buffer.from("not a code cache".repeat(100)));
        const damaged = run(launcher, "analyze", "nash-1950");
        expect([damaged.status, damaged.cache, damaged.out]).toEqual([0, ["rejected"], expected]);
        // Out of proportion to the program (more than twice its size): not read at all.
        const program = statSync(path.join(copy, "program.cjs")).size;
        writeFileSync(path.join(copy, "program.cache"), Buffer.alloc(2 * program + 1));
        const oversized = run(launcher, "analyze", "nash-1950");
        expect([oversized.status, oversized.cache, oversized.out]).toEqual([0, ["none"], expected]);
        // TREATYLAB_WRITE_CODE_CACHE=1 writes a cache for the Node in use; the next run takes it.
        const write = spawnSync(process.execPath, [launcher, "analyze", "nash-1950"], {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1", TREATYLAB_WRITE_CODE_CACHE: "1" },
        });
        expect([write.status, write.stdout, write.stderr]).toEqual([0, expected, ""]);
        const fresh = run(launcher, "analyze", "nash-1950");
        expect([fresh.status, fresh.cache, fresh.out]).toEqual([0, ["accepted"], expected]);
        expect(readdirSync(copy).sort()).toEqual(["main.cjs", "program.cache", "program.cjs"]); // no temporary file left
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!existsSync(bin))("a launcher without its program says the build is incomplete, in one line", () => {
    const copy = mkdtempSync(path.resolve("dist/cache-test-"));
    try {
      writeFileSync(path.join(copy, "main.cjs"), readFileSync(bin));
      const r = run(path.join(copy, "main.cjs"), "--version");
      expect([r.status, r.out, r.cache]).toEqual([1, "", []]);
      expect(r.err).toBe(
        `treatylab: cannot read the program ${path.join(copy, "program.cjs")} (ENOENT): the build is incomplete; run \`npm run build\` in the treatylab folder, or reinstall the package`,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(bin))("an empty program, or one not wrapped by the build, is refused in one line too", () => {
    const copy = mkdtempSync(path.resolve("dist/cache-test-"));
    try {
      writeFileSync(path.join(copy, "main.cjs"), readFileSync(bin));
      for (const text of ["", 'require("node:fs");\n']) {
        writeFileSync(path.join(copy, "program.cjs"), text);
        const r = run(path.join(copy, "main.cjs"), "--version");
        expect([r.status, r.out]).toEqual([1, ""]);
        expect(r.err).toBe(
          `treatylab: cannot read the program ${path.join(copy, "program.cjs")} (it is not a wrapped program): the build is incomplete; run \`npm run build\` in the treatylab folder, or reinstall the package`,
        );
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(bin))("an invalid scenario loads zod then, and gets the library's exact message", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...nash1950,
        parties: nash1950.parties.map((p, i) => (i === 0 ? { ...p, reservation: 1.5 } : p)),
      }),
    );
    const spawned = run(bin, "analyze", file);
    expect(spawned.status).toBe(2);
    expect(spawned.files.some((f) => /node_modules[\\/]zod[\\/]/.test(f))).toBe(true);
    const err: string[] = [];
    expect(await runCli(["analyze", file], { ...ctx, stderr: (s) => void err.push(s) })).toBe(2); // in-process: zod registered (test/setup.ts)
    expect(err.join("")).toBe(`treatylab: ${file}: $.parties[0].reservation: is 1.5; expected number to be <=1\n`);
    expect(`${spawned.err}\n`).toBe(err.join(""));
  });
});
