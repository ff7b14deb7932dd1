import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";

const dir = mkdtempSync(path.join(tmpdir(), "treatylab-out-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await runCli(argv, { stdout: () => {}, stderr: (s) => (err += s), isTTY: false, columns: 100 });
  return { code, err };
}

describe("--out's extension and the command's format (found by a new user: plot -o x.png wrote SVG)", () => {
  it("an extension of a format the command cannot write is refused before anything is written", async () => {
    for (const [argv, message] of [
      [["plot", "nash-1950", "-o"], /plot writes svg or json \(--format\), not \.png$/],
      [["report", "nash-1950", "-o"], /report writes html, not \.pdf; name the file \.html$/],
      [["analyze", "nash-1950", "-o"], /analyze writes table, json, markdown or csv \(--format\), not \.xlsx$/],
      [["schema", "-o"], /schema writes json, not \.html; name the file \.json$/],
    ] as const) {
      const file = path.join(dir, { plot: "x.png", report: "r.pdf", analyze: "a.xlsx", schema: "s.html" }[argv[0]]);
      const r = await cli(...argv, file);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err.trim()).toMatch(message);
      expect(existsSync(file)).toBe(false);
    }
  });

  it("with --format at its default, the extension picks the format; an explicit --format that disagrees is refused", async () => {
    const spec = path.join(dir, "spec.json");
    expect((await cli("plot", "nash-1950", "-o", spec)).code).toBe(0);
    expect(JSON.parse(readFileSync(spec, "utf8")).$schema).toMatch(/vega-lite/);
    const json = path.join(dir, "analysis.json");
    expect((await cli("analyze", "nash-1950", "-o", json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).outcomes).toBe(512);
    const md = path.join(dir, "analysis.md");
    expect((await cli("analyze", "nash-1950", "-o", md)).code).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^## Nash \(1950\)/);
    const csv = path.join(dir, "runs.csv");
    expect((await cli("simulate", "nash-1950", "-o", csv)).code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\n")[0]).toMatch(/^round,/);
    const wrong = await cli("analyze", "nash-1950", "--format", "table", "-o", path.join(dir, "table.json"));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/a \.json file, but --format is table; use --format json/);
  });

  it("other extensions, none, and an explicit --format that fits are taken as they are", async () => {
    const txt = path.join(dir, "analysis.txt");
    expect((await cli("analyze", "nash-1950", "-o", txt)).code).toBe(0);
    expect(readFileSync(txt, "utf8")).toMatch(/Nash/);
    const plain = path.join(dir, "analysis");
    expect((await cli("analyze", "nash-1950", "-o", plain)).code).toBe(0);
    const mdTable = path.join(dir, "table.md");
    expect((await cli("analyze", "nash-1950", "--format", "table", "-o", mdTable)).code).toBe(0);
    expect(readFileSync(mdTable, "utf8")).not.toMatch(/^## /);
    const svg = path.join(dir, "plot.svg");
    expect((await cli("plot", "nash-1950", "-o", svg)).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg/);
  });
});
