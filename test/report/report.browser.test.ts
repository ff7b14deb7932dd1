import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, hasChromium, launchChromium } from "../helpers/chromium.js";
import { analyze } from "../../src/analysis/analyze.js";
import { groupDigits } from "../../src/model/groupDigits.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "../cli/run.js";

/** Screenshots go to the gitignored test-output/ (chromium: test/helpers/chromium.ts). */
const OUT = path.resolve("test-output");
// CI (.ci/run) installs chromium and sets TREATYLAB_REQUIRE_BROWSER=1: there a missing browser fails.
if (!hasChromium && process.env.TREATYLAB_REQUIRE_BROWSER === "1")
  throw new Error(
    `TREATYLAB_REQUIRE_BROWSER=1 but there is no chromium at ${CHROMIUM}: the report's browser test cannot run`,
  );
if (!hasChromium)
  console.warn(
    `skipping the browser test of the HTML report: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );

describe.skipIf(!hasChromium)("the HTML report in a real headless browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const id of ["ukraine-2025", "nash-1950"]) {
    it(`${id}: renders offline with every plot and table, and is saved as a screenshot`, async () => {
      const file = path.join(OUT, `report-${id}.html`);
      const args = ["report", id, "-o", file];
      if (id === "ukraine-2025") args.push("--proposal", "examples/proposals/us-28-point-plan.json");
      const r = await run(...args);
      expect(r.code).toBe(0);
      expect(r.err).toContain(`wrote ${file}`);
      const html = readFileSync(file, "utf8");
      // Self-contained: nothing to fetch (no scripts, stylesheets, images, frames or live links).
      expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);

      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on("request", (req) => requests.push(req.url()));
      await page.goto(`file://${file}`);
      expect(requests).toEqual([`file://${file}`]);

      const scenario = builtinScenario(id);
      const a = analyze(scenario);
      const figures = await page.$$eval("figure", (els) =>
        els.map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            kind: f.getAttribute("data-kind"),
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: svg?.querySelectorAll("path").length ?? 0,
            text: svg?.textContent ?? "",
          };
        }),
      );
      const expected =
        scenario.parties.length > 2 ? ["utility-space", "frontier-matrix", "parallel-coordinates"] : ["utility-space"];
      // ukraine-2025 is paired with the built-in graph model ukraine-2025-may: its state graph closes the stability section
      if (id === "ukraine-2025") expected.push("state-graph");
      expect(figures.map((f) => f.kind)).toEqual(expected);
      for (const f of figures.filter((g) => g.kind !== "state-graph")) {
        expect(f.width).toBeGreaterThan(200);
        expect(f.height).toBeGreaterThan(150);
        expect(f.marks).toBeGreaterThan(a.frontier.length);
      }
      expect(figures[0]!.text).toContain(`utility of ${scenario.parties[0]!.label}`);
      if (id === "ukraine-2025") expect(figures[0]!.text).toContain("US 28-point peace plan");

      const tables = await page.$$eval("table", (els) => els.map((t) => t.innerText));
      expect(tables.length).toBeGreaterThanOrEqual(5);
      const all = tables.join("\n");
      for (const p of scenario.parties) expect(all).toContain(p.label ?? p.id);
      for (const i of scenario.issues) expect(all).toContain(i.label ?? i.id);
      const headings = await page.$$eval("h2", (els) => els.map((h) => h.textContent));
      expect(headings).toEqual(
        expect.arrayContaining(["Parties", "Issues", "Analysis", "Plots", "Assumptions", "Sources"]),
      );
      const summary = await page.$eval(".summary", (el) => el.textContent ?? "");
      expect(summary).toContain(groupDigits(a.zopa.count)); // grouped by thousands, as the CLI prints counts
      if (id === "ukraine-2025") expect(summary).toContain("110,625");
      if (id === "ukraine-2025") {
        expect(headings).toContain("Will it hold? Stability");
        // the equilibria table: one row per state, decoded option names, a ✓ per concept; the six Nash equilibria first
        const rows = await page.$$eval("#stability table:nth-of-type(2) tbody tr", (trs) =>
          trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
        );
        expect(rows).toHaveLength(30);
        expect(rows[0]).toEqual([
          "YNNNYNYNNN",
          "62",
          "✓",
          "✓",
          "✓",
          "✓",
          "✓",
          "✓",
          "Russia keeps advancing · US imposes new sanctions; US keeps supplying arms",
        ]);
        expect(rows.filter((r) => r[2] === "✓")).toHaveLength(6);
        const sq = await page.$eval("#stability", (el) => (el as HTMLElement).innerText);
        expect(sq).toContain("Status quo YNNNNNYNNN: Russia keeps advancing · US keeps supplying arms");
        expect(sq).toContain("1. US: + US imposes new sanctions → YNNNYNYNNN");
        const graph = figures.find((f) => f.kind === "state-graph")!;
        expect(graph.width).toBeGreaterThan(300);
        expect(graph.text).toContain("YNNNNNYNNN");
        expect(graph.text).toContain("status quo");
      }
      await page.screenshot({ path: path.join(OUT, `report-${id}.png`), fullPage: true });
      await page.close();
    });
  }
});
