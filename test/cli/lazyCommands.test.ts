import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
  const bin = path.resolve("dist/cli/main.js");
  // A module-load hook that lists every module the process loads (on stderr, after a marker).
  const dir = mkdtempSync(path.join(tmpdir(), "treatylab-loads-"));
  writeFileSync(
    path.join(dir, "hooks.mjs"),
    "export async function load(url, context, next) { process.stderr.write(`LOADED ${url}\\n`); return next(url, context); }\n",
  );
  writeFileSync(
    path.join(dir, "register.mjs"),
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(path.join(dir, "hooks.mjs")).href)});\n`,
  );
  // The built CLI is bundled (scripts/bundle-cli.mjs): a loaded file of dist/cli/ stands for the
  // modules it holds, which esbuild marks with a `// dist/<path>.js` comment (twice when the
  // module's imports are hoisted).
  const modulesIn = (url: string): string[] =>
    /\/dist\/cli\/[^/]+\.js$/.test(url)
      ? [
          url,
          ...[...readFileSync(fileURLToPath(url), "utf8").matchAll(/^\/\/ (dist\/\S+\.js)$/gm)].map(
            (m) => pathToFileURL(path.resolve(m[1]!)).href,
          ),
        ]
      : [url];
  const loads = (...args: string[]): { status: number | null; files: string[]; modules: string[]; err: string } => {
    const r = spawnSync(
      process.execPath,
      ["--import", pathToFileURL(path.join(dir, "register.mjs")).href, bin, ...args],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    const lines = r.stderr.split("\n");
    const files = lines.filter((l) => l.startsWith("LOADED ")).map((l) => l.slice(7));
    return {
      status: r.status,
      files,
      modules: [...new Set(files.flatMap(modulesIn))],
      err: lines.filter((l) => l && !l.startsWith("LOADED ")).join("\n"),
    };
  };

  it.skipIf(!existsSync(bin))("`analyze nash-1950` and `--help` load neither zod nor another command's module", () => {
    for (const args of [["analyze", "nash-1950"], ["--help"]]) {
      const { status, modules } = loads(...args);
      expect(status).toBe(0);
      expect(modules.some((m) => m.includes("/dist/cli/main.js"))).toBe(true); // the hook saw the start
      expect(
        modules.filter((m) => /node_modules\/zod\/|\/dist\/model\/(schema|schemaErrors|jsonSchema)\.js/.test(m)),
      ).toEqual([]);
      const own = modules
        .filter((m) => /\/dist\/cli\/commands\/(?!index\.js)/.test(m))
        .map((m) => m.replace(/.*\/dist\/cli\/commands\//, ""));
      expect(own).toEqual(args[0] === "analyze" ? ["analyze.js"] : []);
      // Nor the other built-in scenarios: a built-in loads alone (src/scenarios/catalog.ts).
      const scenarios = modules
        .filter((m) => /\/dist\/(cases|scenarios)\/(?!catalog\.js)/.test(m))
        .map((m) => m.replace(/.*\/dist\//, ""));
      expect(scenarios).toEqual(args[0] === "analyze" ? ["scenarios/nash1950.js"] : []);
      // Nor what only some runs need: immer and the edit modules (what-ifs), node:crypto (writing
      // files), seedrandom's index (all six generators; the ZOPA estimate loads Alea alone) and a
      // table library.
      expect(
        modules.filter((m) =>
          /node_modules\/(immer|cli-table3)\/|\/dist\/edits\/|^node:crypto$|node_modules\/seedrandom\/(index|seedrandom)\.js/.test(
            m,
          ),
        ),
      ).toEqual([]);
    }
  });

  it.skipIf(!existsSync(bin))(
    "is bundled: `analyze nash-1950` loads a score of files of dist/, not every module",
    () => {
      const { status, files, modules } = loads("analyze", "nash-1950");
      expect(status).toBe(0);
      const ownFiles = files.filter((m) => m.includes("/dist/"));
      const ownModules = new Set(modules.filter((m) => m.includes("/dist/") && !/\/dist\/cli\/[^/]+\.js$/.test(m)));
      expect(ownFiles.every((m) => /\/dist\/cli\/(main|chunk-\w+)\.js$/.test(m))).toBe(true);
      expect(ownModules.has(pathToFileURL(path.resolve("dist/analysis/analyze.js")).href)).toBe(true);
      expect(ownFiles.length).toBeLessThan(ownModules.size / 2);
    },
  );

  it.skipIf(!existsSync(bin))("an invalid scenario loads zod then, and gets the library's exact message", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...nash1950,
        parties: nash1950.parties.map((p, i) => (i === 0 ? { ...p, reservation: 1.5 } : p)),
      }),
    );
    const spawned = loads("analyze", file);
    expect(spawned.status).toBe(2);
    expect(spawned.modules.some((m) => /node_modules\/zod\//.test(m))).toBe(true);
    const err: string[] = [];
    expect(await runCli(["analyze", file], { ...ctx, stderr: (s) => void err.push(s) })).toBe(2); // in-process: zod registered (test/setup.ts)
    expect(err.join("")).toBe(`treatylab: ${file}: $.parties[0].reservation: is 1.5; expected number to be <=1\n`);
    expect(`${spawned.err}\n`).toBe(err.join(""));
  });
});
