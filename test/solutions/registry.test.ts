// One concept in one place (issue 16): the solution concepts are listed only in
// src/solutions/solutionConcepts.ts; everything else derives its lists, labels, markers and
// prose from SOLUTION_CONCEPTS. This finds a hand-written list of three or more concept names
// (as strings or object keys within six lines) anywhere else in src/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOLUTION_NAMES } from "../../src/solutions/solutionConcepts.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : [],
  );
}

/** Places in `code` (comments removed) where three or more concept names are listed by hand. */
function handLists(code: string): number[] {
  const lines = code
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ""))
    .replace(/\/\/.*$/gm, "")
    .split("\n");
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const window = lines.slice(i, i + 6).join("\n");
    const found = SOLUTION_NAMES.filter((n) => new RegExp(`["'\`]${n}["'\`]|(^|[\\s{,])${n}\\s*:`, "m").test(window));
    if (found.length >= 3) {
      at.push(i + 1);
      i += 5;
    }
  }
  return at;
}

describe("the solution concept registry", () => {
  it("the finder sees a hand-written list (so the check below can fail)", () => {
    expect(handLists('const xs = ["nash", "kalaiSmorodinsky", "egalitarian"];')).toEqual([1]);
    expect(handLists("const m = {\n  nash: 1,\n  kalaiSmorodinsky: 2,\n  egalitarian: 3,\n};")).toEqual([1]);
    expect(handLists('/** "nash", "egalitarian", "utilitarian" */\nconst n = "nash";')).toEqual([]);
  });

  it("no file outside src/solutions/ lists the concepts by hand", () => {
    const hits = tsFiles("src")
      .filter((f) => !f.startsWith(path.join("src", "solutions")))
      .flatMap((f) => handLists(readFileSync(path.join(ROOT, f), "utf8")).map((line) => `${f}:${line}`));
    expect(hits).toEqual([]);
  });
});
