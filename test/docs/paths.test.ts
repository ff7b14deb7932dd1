// What a user reads or runs must not point at the development machine: no absolute paths of this
// machine anywhere in src/, docs/, examples/ or the README, and no `../shared` (the development
// checkout's data, which the package does not ship) in what a user runs: src/ (help texts, doc
// examples), examples/ and the README. docs/ may explain where the tests' data lives.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel);
    return /\.(ts|mts|js|mjs|json|md|sh|yml|yaml|html|txt)$/.test(d.name) ? [rel] : [];
  });
}

function hits(list: readonly string[], pattern: RegExp): string[] {
  return list.flatMap((f) =>
    readFileSync(path.join(ROOT, f), "utf8")
      .split("\n")
      .flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
  );
}

const ABSOLUTE = /(?<![\w.])\/(?:work|home|root|Users)\/[\w.-]/;
const SHARED = /(?:\.\.\/)*shared\/(?:data|reference)\b/;

describe("no paths of the development machine", () => {
  const userFacing = [...files("src"), ...files("examples"), "README.md"];
  const all = [...userFacing, ...files("docs")];

  it("the patterns find what they are meant to find", () => {
    expect(ABSOLUTE.test(`see ${"/"}work/shared/x`)).toBe(true); // (spelt so the text itself has no such path)
    expect(ABSOLUTE.test("https://example.org/home/x")).toBe(false);
    expect(SHARED.test("treatylab analyze ../shared/data/genius/Laptop")).toBe(true);
    expect(SHARED.test('readGeniusFolder("shared/data/genius/Laptop")')).toBe(true);
  });

  it("no absolute path of a machine in src/, docs/, examples/ or the README", () => {
    expect(hits(all, ABSOLUTE)).toEqual([]);
  });

  it("no ../shared data in what a user runs (src/, examples/, the README)", () => {
    expect(hits(userFacing, SHARED)).toEqual([]);
  });
});
