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
      expect(err).toContain(`\ntreatylab ${pkg.version}, Node ${process.version}\n`);
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

  it.skipIf(!existsSync(map))("map-stack warns when the stack is from another version", () => {
    const text = "Error: x\n    at a (/somewhere/dist/cli/program.cjs:1:1)\ntreatylab 0.0.1-other, Node v20.0.0\n";
    const mapped = spawnSync(process.execPath, ["scripts/map-stack.mjs"], { input: text, encoding: "utf8" });
    expect(mapped.status).toBe(0);
    expect(mapped.stderr).toBe(
      `map-stack: the stack is from treatylab 0.0.1-other, this build is ${pkg.version}: build 0.0.1-other for exact positions\n`,
    );
  });
});
