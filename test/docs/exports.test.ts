import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as advanced from "../../src/advanced.js";
import * as core from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import * as plotEntry from "../../src/plot.js";
import { sourceFiles } from "../helpers/sourceFiles.js";

// The convention: every export of the library has a doc comment with an example, and the engine
// (everything but the CLI and the file I/O modules) imports no Node built-in, so it runs in a browser.
const files = sourceFiles("src");

describe("source conventions", () => {
  it("every export has a doc comment with an @example", () => {
    const missing: string[] = [];
    for (const f of files) {
      const lines = readFileSync(f, "utf8").split("\n");
      lines.forEach((line, i) => {
        const m = /^export (?:declare )?(?:async )?(?:function|const|class|interface|type|enum) (\w+)/.exec(line);
        if (!m) return;
        const end = i - 1;
        if (!(lines[end] ?? "").trim().endsWith("*/"))
          return void missing.push(`${f}:${i + 1} ${m[1]}: no doc comment`);
        let start = end;
        while (start >= 0 && !lines[start]!.includes("/**")) start--;
        if (!/@example/.test(lines.slice(start, end + 1).join("\n")))
          missing.push(`${f}:${i + 1} ${m[1]}: no @example`);
      });
    }
    expect(missing).toEqual([]);
  });

  /** A file's code without its comments: an `@example` may import what a reader would. */
  const code = (f: string): string => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

  it("the engine imports no node: module outside src/cli, src/files and src/workers (and the Node entry)", () => {
    const offenders = files.filter(
      (f) =>
        !/^src[\\/](cli|files|workers)[\\/]/.test(f) &&
        f !== path.join("src", "node.ts") &&
        /from "node:/.test(code(f)),
    );
    expect(offenders).toEqual([]);
  });

  it("imports point one way: the model imports nothing above it, and nothing below the CLI imports the CLI", () => {
    const bad: string[] = [];
    for (const f of files) {
      const text = code(f);
      const imports = [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((m) =>
        path.normalize(path.join(path.dirname(f), m[1]!)),
      );
      for (const target of imports) {
        if (f.startsWith(path.join("src", "model")) && !target.startsWith(path.join("src", "model")))
          bad.push(`${f} -> ${target}`);
        if (!f.startsWith(path.join("src", "cli")) && target.startsWith(path.join("src", "cli")))
          bad.push(`${f} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

// The public surface: a small core entry, the building blocks in `treatylab/advanced`, and the
// Node and plot entries (package.json "exports"); docs/architecture.md describes them.
describe("public API", () => {
  it("the core entry `treatylab` stays small (well under 120 runtime names)", () => {
    expect(Object.keys(core).length).toBeGreaterThan(50);
    // 119 until 2026-12-06, when the plumbing (tolerances, grids, utility records, ZOPA counting,
    // patch application, parameter getters, strategy pieces) moved to treatylab/advanced: 98.
    expect(Object.keys(core).length).toBeLessThanOrEqual(100);
  });

  it("`treatylab/advanced` holds building blocks only: no name is in both entries", () => {
    expect(Object.keys(advanced).filter((n) => n in core)).toEqual([]);
  });

  it("package.json exports exactly the four entries (plus the JSON Schema and package.json)", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports).sort()).toEqual([
      ".",
      "./advanced",
      "./node",
      "./package.json",
      "./plot",
      "./scenario.schema.json",
    ]);
  });

  it("every name the README, docs and examples import from the package is exported by that entry", () => {
    const entries: Record<string, Record<string, unknown>> = {
      treatylab: core,
      "treatylab/advanced": advanced,
      "treatylab/node": nodeEntry,
      "treatylab/plot": plotEntry,
    };
    const texts = [
      "README.md",
      ...readdirSync("docs")
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join("docs", f)),
      ...readdirSync("examples")
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join("examples", f)),
    ];
    const missing: string[] = [];
    let checked = 0;
    for (const file of texts) {
      for (const m of readFileSync(file, "utf8").matchAll(/import \{([^}]*)\} from "(treatylab(?:\/\w+)?)"/g)) {
        const entry = entries[m[2]!];
        if (!entry) {
          missing.push(`${file}: unknown entry ${m[2]}`);
          continue;
        }
        for (const raw of m[1]!.split(",")) {
          const name = raw.trim();
          if (name === "" || name.startsWith("type ")) continue;
          checked++;
          if (!(name in entry)) missing.push(`${file}: ${name} is not exported by ${m[2]}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
