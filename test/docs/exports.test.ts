import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The convention: every export of the library has a doc comment with an example, and the engine
// (everything but the CLI and the file I/O modules) imports no Node built-in, so it runs in a browser.
const files: string[] = [];
const walk = (dir: string): void => {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith(".ts")) files.push(p);
  }
};
walk("src");

describe("source conventions", () => {
  it("every export has a doc comment with an @example", () => {
    const missing: string[] = [];
    for (const f of files) {
      const lines = readFileSync(f, "utf8").split("\n");
      lines.forEach((line, i) => {
        const m = /^export (?:declare )?(?:async )?(?:function|const|class|interface|type|enum) (\w+)/.exec(line);
        if (!m) return;
        const end = i - 1;
        if (!(lines[end] ?? "").trim().endsWith("*/")) return void missing.push(`${f}:${i + 1} ${m[1]}: no doc comment`);
        let start = end;
        while (start >= 0 && !lines[start]!.includes("/**")) start--;
        if (!/@example/.test(lines.slice(start, end + 1).join("\n"))) missing.push(`${f}:${i + 1} ${m[1]}: no @example`);
      });
    }
    expect(missing).toEqual([]);
  });

  it("the engine imports no node: module outside src/cli and src/io (and the Node entry)", () => {
    const offenders = files.filter(
      (f) => !/^src[\\/](cli|io)[\\/]/.test(f) && f !== path.join("src", "node.ts") && /from "node:/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("imports point one way: the model imports nothing above it, and nothing below the CLI imports the CLI", () => {
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const imports = [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((m) => path.normalize(path.join(path.dirname(f), m[1]!)));
      for (const target of imports) {
        if (f.startsWith(path.join("src", "model")) && !target.startsWith(path.join("src", "model"))) bad.push(`${f} -> ${target}`);
        if (!f.startsWith(path.join("src", "cli")) && target.startsWith(path.join("src", "cli"))) bad.push(`${f} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
