import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const bin = path.resolve("dist/cli/main.cjs");
const map = path.resolve("dist/cli/program.cjs.map");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** The 1-based line of the source file holding `text` (once). */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(file, "utf8").split("\n");
  const at = lines.flatMap((l, k) => (l.includes(text) ? [k + 1] : []));
  expect(at, `${file}: ${text}`).toHaveLength(1);
  return at[0]!;
}

describe("an internal error's --verbose stack (the CLI is one minified program)", () => {
  it.skipIf(!existsSync(bin) || !existsSync(map))(
    "names the version, and scripts/map-stack.mjs maps its frames back to the sources",
    () => {
      // A bug stand-in: standard output throws, so the error passes through the program's frames.
      const dir = mkdtempSync(path.join(tmpdir(), "treatylab-stack-"));
      const boom = path.join(dir, "boom.cjs");
      writeFileSync(boom, 'process.stdout.write = () => { throw new Error("test: standard output refused"); };\n');
      const run = spawnSync(process.execPath, ["--require", boom, bin, "analyze", "nash-1950", "--verbose"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(run.status).toBe(1);
      const err = run.stderr;
      expect(err).toMatch(/^treatylab: internal error: test: standard output refused\n/);
      // The version and the build id, which the source map records (scripts/bundle-cli.mjs).
      const build = (JSON.parse(readFileSync(map, "utf8")) as { x_treatylab_build: string }).x_treatylab_build;
      expect(build).toMatch(/^[0-9a-f]{12}$/);
      expect(err).toContain(`\ntreatylab ${pkg.version} (build ${build}), Node ${process.version}\n`);
      const frames = err.split("\n").filter((l) => /program\.cjs:\d+:\d+/.test(l));
      expect(frames.length).toBeGreaterThan(2);

      const mapped = spawnSync(process.execPath, ["scripts/map-stack.mjs"], { input: err, encoding: "utf8" });
      expect(mapped.status, mapped.stderr).toBe(0);
      expect(mapped.stderr).toBe(""); // same version: no warning
      const out = mapped.stdout.split("\n");
      expect(out).toHaveLength(err.split("\n").length);
      // Every frame of the program now names a source file, the first the line of src/cli/main.ts
      // that writes to standard output; the other lines are unchanged.
      expect(out.filter((l) => l.includes("program.cjs"))).toEqual([]);
      const writer = lineOf("src/cli/main.ts", "stdout: (s) => process.stdout.write(s)");
      expect(out.find((l) => l.includes("src/cli/main.ts:"))).toMatch(
        new RegExp(`\\(src/cli/main\\.ts:${writer}:\\d+\\)$`),
      );
      expect(out.filter((l) => !l.includes(" (src/") && !l.includes(" (node_modules/"))).toEqual(
        err.split("\n").filter((l) => !/program\.cjs:\d+:\d+/.test(l)),
      );
    },
  );

  it.skipIf(!existsSync(map))(
    "map-stack: paths with spaces or backslashes, another version, lines outside the program, no input file",
    () => {
      const program = readFileSync("dist/cli/program.cjs", "latin1");
      // A real position: where the program writes "no command given" (src/cli/program.ts).
      const at = program.indexOf("no command given: pick one");
      const before = program.slice(0, at);
      const [line, column] = [before.split("\n").length, at - before.lastIndexOf("\n")];
      const lines = program.split("\n").length;
      const text = [
        "Error: x",
        `    at a (C:\\Users\\Jane Doe\\app\\dist\\cli\\program.cjs:${line}:${column})`,
        `    at b (/home/x y/dist/cli/program.cjs:${lines + 5}:1)`,
        "    at c (/a/myprogram.cjs:1:1)",
        "treatylab 0.0.1-other, Node v20.0.0",
        "",
      ].join("\n");
      const mapped = spawnSync(process.execPath, ["scripts/map-stack.mjs"], { input: text, encoding: "utf8" });
      expect(mapped.status).toBe(0);
      const expected = lineOf("src/cli/program.ts", "no command given: pick one");
      expect(mapped.stdout.split("\n")).toEqual([
        "Error: x",
        expect.stringMatching(new RegExp(`^    at a \\(src/cli/program\\.ts:${expected}:\\d+\\)$`)),
        `    at b (/home/x y/dist/cli/program.cjs:${lines + 5}:1)`, // past the program's last line
        "    at c (/a/myprogram.cjs:1:1)", // another file
        "treatylab 0.0.1-other, Node v20.0.0",
        "",
      ]);
      expect(mapped.stderr).toBe(
        `map-stack: the stack is from treatylab 0.0.1-other, this build is ${pkg.version}: build 0.0.1-other for exact positions\n` +
          "map-stack: 1 frame(s) outside this build's program left as they were\n",
      );
      // Same version, another build (other sources at the same version number): a warning.
      const other = spawnSync(process.execPath, ["scripts/map-stack.mjs"], {
        input: text.replace("treatylab 0.0.1-other,", `treatylab ${pkg.version} (build 0123456789ab),`),
        encoding: "utf8",
      });
      expect(other.stderr.split("\n")[0]).toMatch(
        new RegExp(
          `^map-stack: the stack is from build 0123456789ab of treatylab ${pkg.version.replace(/\./g, "\\.")}, this is build [0-9a-f]{12}: positions may be off`,
        ),
      );
      const missing = spawnSync(process.execPath, ["scripts/map-stack.mjs", "no-such-file.txt"], { encoding: "utf8" });
      expect([missing.status, missing.stderr]).toEqual([2, "map-stack: cannot read no-such-file.txt (ENOENT)\n"]);
    },
  );
});
