import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProgram, runCli } from "../../src/cli/program.js";
import { fitColumns, renderTable } from "../../src/cli/format/renderTable.js";
import { useColor } from "../../src/cli/format/style.js";
import { run } from "./run.js";

const tmp = mkdtempSync(path.join(tmpdir(), "treatylab-plot-"));
const ANSI = /\u001b\[/;

async function runWith(
  ctx: { columns?: number; color?: boolean },
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    isTTY: Boolean(ctx.color),
    columns: ctx.columns ?? 100,
    color: ctx.color,
    stderrColor: ctx.color,
  });
  return { code, out, err };
}

describe("treatylab plot", () => {
  it("prints the Vega-Lite spec as JSON, and writes the SVG to --out atomically", async () => {
    const j = await run("plot", "nash-1950", "--format", "json");
    expect(j.code).toBe(0);
    const spec = JSON.parse(j.out);
    expect(spec.$schema).toMatch(/vega-lite\/v5/);
    const file = path.join(tmp, "nash.svg");
    const s = await run("plot", "nash-1950", "--out", file);
    expect(s.code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^<svg/);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("plots a saved simulate result, and refuses a kind that does not match it", async () => {
    const runFile = path.join(tmp, "run.json");
    expect((await run("simulate", "nash-1950", "--seed", "2", "--format", "json", "--out", runFile)).code).toBe(0);
    const p = await run("plot", runFile, "--format", "json");
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out).title.text).toMatch(/^Negotiation/);
    // The trace names a built-in scenario, whose party names label the plot (ids otherwise).
    expect(p.out).toContain('"Bill"');
    const bad = await run("plot", runFile, "--kind", "tornado");
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toMatch(/holds a trace result/);
  });

  it("each scenario kind works on a four-party scenario", async () => {
    for (const kind of ["utility-space", "frontier-matrix", "parallel-coordinates"]) {
      const r = await run("plot", "ukraine-2025", "--kind", kind, "--format", "json", "--parties", "ukraine,russia");
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).$schema).toBeDefined();
    }
  });

  it("bad input is one line with exit code 2, never a stack trace", async () => {
    for (const argv of [
      ["plot", "nash-1950", "--parties", "bill,nobody"],
      ["plot", "nash-1950", "--kind", "sweep"],
      ["plot", "no-such-scenario"],
      ["report", "nash-1950", "--attach", path.join(tmp, "missing.json")],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.trim().split("\n"), r.err).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const notResult = path.join(tmp, "not-a-result.json");
    writeFileSync(notResult, JSON.stringify({ hello: 1 }));
    const r = await run("report", "nash-1950", "--attach", notResult);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a result treatylab can plot/);
  });
});

describe("treatylab report", () => {
  it("writes one HTML file and exits 0 (the scripts' contract), with attached results plotted", async () => {
    const runFile = path.join(tmp, "run2.json");
    await run("simulate", "nash-1950", "--seed", "5", "--format", "json", "--out", runFile);
    const file = path.join(tmp, "report.html");
    const r = await run("report", "nash-1950", "-o", file, "--attach", runFile);
    expect(r.code).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<figure /g)).toHaveLength(2);
    expect(html).toContain('data-kind="trace"');
    // Figures do not share SVG ids (clip paths would resolve to the first figure's).
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("adds a stability section from --control (the Nash settlement's clauses) with the state graph, or a clear error", async () => {
    const file = path.join(tmp, "stability.html");
    const r = await run(
      "report",
      "nash-1950",
      "-o",
      file,
      "--no-findings",
      "--control",
      "bill=book,whip",
      "--control",
      "jack=pen",
      "--status-quo",
      "NNN",
    );
    expect(r.code).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html).toContain('<section id="stability">');
    expect(html).toContain("Status quo <code>NNN</code>: no option taken.");
    expect(html.match(/<figure /g)).toHaveLength(2);
    expect(html).toContain('data-kind="state-graph"');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const noModel = await run("report", "nash-1950", "--status-quo", "NN");
    expect(noModel.code).toBe(2);
    expect(noModel.err).toContain(
      "no built-in graph model is paired with the scenario nash-1950; give a graph model (--graph-model)",
    );
    const both = await run("report", "ukraine-2025", "--no-stability", "--graph-model", "ukraine-2025-may");
    expect(both.code).toBe(2);
    expect(both.err).toContain("--no-stability leaves the stability section out");
  });
});

describe("command line polish", () => {
  it("every subcommand's --help has examples", async () => {
    const names = (await buildProgram({ stdout: () => {}, stderr: () => {}, isTTY: false, columns: 100 })).commands.map(
      (c) => c.name(),
    );
    expect(names).toEqual(expect.arrayContaining(["plot", "report"]));
    for (const n of names) {
      const r = await run(n, "--help");
      expect(r.code).toBe(0);
      expect(r.out, `${n} --help`).toMatch(/Examples?:\n\s+\$ treatylab /);
    }
  });

  it("tables fit the terminal width, and colour appears only when asked for", async () => {
    for (const columns of [60, 80, 120]) {
      const r = await runWith({ columns }, "analyze", "ukraine-2025");
      expect(r.code).toBe(0);
      for (const line of r.out.split("\n").filter((l) => /^[┌│├└]/.test(l)))
        expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(r.out).not.toMatch(ANSI);
    }
    const coloured = await runWith({ color: true }, "analyze", "nash-1950");
    expect(coloured.out).toMatch(ANSI);
    const err = await runWith({ color: true }, "analyze", "no-such-scenario");
    expect(err.err).toMatch(ANSI);
  });

  it("colour follows the terminal, NO_COLOR, TERM=dumb and FORCE_COLOR", () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(true, { TERM: "dumb" })).toBe(false);
    expect(useColor(false, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor(true, { FORCE_COLOR: "0" })).toBe(true);
  });

  it("fitted tables never exceed the width when the columns can shrink to it, and never cut a word", () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const cell = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 50, max: 140 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (n, width, rows) => {
          const head = Array.from({ length: n }, (_, k) => `col${k}`);
          const body = rows.map((r) => r.slice(0, n));
          const text = renderTable(head, body, "table", { maxWidth: width });
          const lines = text.split("\n");
          // n columns of at most 8 characters always fit in 50 columns.
          for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
          // Words are at most 6 letters and columns keep 6 characters of content, so no word is cut.
          for (const r of body) for (const c of r) for (const w of c.split(" ")) expect(text).toContain(w);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("fitColumns leaves fitting tables alone and otherwise caps only the widest columns", () => {
    expect(fitColumns([10, 20], 80)).toBeNull();
    expect(fitColumns([10, 60, 70], 80)).toEqual([10, 33, 33]);
    expect(fitColumns([10, 60, 70], 81)).toEqual([10, 34, 33]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3, max: 80 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 20, max: 200 }),
        (natural, width) => {
          const fitted = fitColumns(natural, width);
          if (fitted === null) {
            expect(natural.reduce((a, b) => a + b, 0) + natural.length + 1).toBeLessThanOrEqual(width);
            return;
          }
          fitted.forEach((w, k) => expect(w).toBeLessThanOrEqual(natural[k]!));
          // The capped columns share one width, or one more on the leftmost of them (the columns
          // left over); no column narrower than its natural width is left narrower than another.
          const capped = fitted.flatMap((w, k) => (w < natural[k]! ? [k] : []));
          const cap = Math.min(...capped.map((k) => fitted[k]!));
          capped.forEach((k, i) => {
            expect([cap, cap + 1]).toContain(fitted[k]);
            if (i > 0 && fitted[k] === cap + 1) expect(fitted[capped[i - 1]!]).toBe(cap + 1);
          });
          fitted.forEach((w, k) => expect(w < natural[k]! || w <= cap + 1).toBe(true));
          const total = fitted.reduce((a, b) => a + b, 0) + natural.length + 1;
          if (cap > 8)
            expect(total).toBe(width); // fits, and no column is left unused
          else expect(total >= width || capped.length === 0).toBe(true);
        },
      ),
    );
  });
});
