import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { buildReport } from "../../src/report/buildReport.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { stabilitySection, stabilitySectionHtml } from "../../src/report/stabilitySection.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { fromGmcr } from "../../src/stability/gmcr.js";
import type { GraphModel } from "../../src/stability/model.js";
import { stabilityReport } from "../../src/stability/report.js";
import { ukraineMay2025 } from "../../src/stability/ukraineMay2025.js";

const nash = builtinScenario("nash-1950");
const elmira = fromGmcr(
  JSON.parse(readFileSync(new URL("../stability/fixtures/elmira.gmcr", import.meta.url), "utf8")),
  "elmira.gmcr",
);

/** The rows of the section's equilibria table: [state, number, one cell per concept..., options taken]. */
function equilibriumRows(html: string): string[][] {
  const table = /<caption>Equilibria per concept[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!;
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!),
  );
}

describe("the report's stability section", () => {
  it("lists every equilibrium of a small model, a ✓ exactly where the analysis finds one, states decoded", async () => {
    const section = await stabilitySection(nash, { model: elmira, source: "elmira.gmcr" });
    const html = stabilitySectionHtml(section, 2);
    const expected = stabilityReport(elmira);
    const rows = equilibriumRows(html);
    const concepts = ["nash", "gmr", "smr", "seq", "sim", "seqSim"] as const;
    const union = expected.states.filter((s) => concepts.some((k) => expected.equilibria[k].includes(s)));
    expect(rows.map((r) => r[0]).sort()).toEqual([...union].sort());
    for (const r of rows) {
      expect(r[1]).toBe(String(expected.states.indexOf(r[0]!) + 1));
      concepts.forEach((k, j) => expect(r[2 + j] === "✓").toBe(expected.equilibria[k].includes(r[0]!)));
    }
    // GMCR+ state 10 (MoE modifies, Uniroyal accepts, the local government insists): options grouped by decision maker
    expect(rows.find((r) => r[0] === "YNYNY")![8]).toBe("MoE: Modify · Uniroyal: Accept · Local Government: Insist");
    expect(html).toContain("Every state that is an equilibrium under some concept (8).");
    expect(html).toContain('<figure data-kind="state-graph">');
    expect(html).toContain("Figure 2. State graph:");
    expect(html).toContain("No status quo declared");
  });

  it("follows the declared status quo and shows each step's change; the large model's graph shows the reachable part", async () => {
    const section = await stabilitySection(builtinScenario("ukraine-2025"), { model: ukraineMay2025 });
    const html = stabilitySectionHtml(section, 4);
    expect(section.report.statusQuo!.statusQuo).toBe("YNNNNNYNNN");
    expect(html).toContain("Status quo <code>YNNNNNYNNN</code>: Russia keeps advancing · US keeps supplying arms.");
    expect(html).toContain("<td>1. US: + US imposes new sanctions → YNNNYNYNNN</td>");
    expect(html).toContain("509 equilibria are not reachable from the status quo");
    expect(html).toContain("State graph (the 5 states reachable from the status quo)");
    const rows = equilibriumRows(html);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r[2] === "✓").map((r) => r[0])).toEqual(stabilityReport(ukraineMay2025).equilibria.nash);
    // the labelled preference statements are listed with their sources, as plain text
    expect(html).toContain('<td>Russia</td><td class="num">1</td><td>a written NATO pledge</td>');
    expect(html).not.toMatch(/href="http/);
  });

  it("without a drawable graph says why, and escapes every model text", async () => {
    const model: GraphModel = {
      name: "Talks <b>&</b>",
      options: Array.from({ length: 7 }, (_, k) => ({ name: `opt <${k}>` })),
      decisionMakers: [
        { name: "A & co", options: [0, 1, 2], preference: { statements: [[[0, "Y"]], [[3, "N"]]] } },
        { name: "B<script>", options: [3, 4, 5, 6], preference: { statements: [[[3, "Y"]], [[0, "N"]]] } },
      ],
    };
    const section = await stabilitySection(nash, { model });
    const html = stabilitySectionHtml(section, 1);
    expect(html).toContain("The state graph is not drawn: the model has 128 states, too many to draw");
    expect(html).not.toContain("<b>&</b>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Talks &lt;b&gt;&amp;&lt;/b&gt;");
    expect(html).toContain("A &amp; co: opt &lt;0&gt;");
  });

  it("derives the model from the scenario (the other issues fixed at the Nash solution) with a status quo", async () => {
    const a = analyze(nash);
    const section = await stabilitySection(
      nash,
      { fromScenario: { control: { bill: ["book", "whip"], jack: ["pen"] } }, statusQuo: "NNN" },
      { nash: a.solutions.nash!.bundle },
    );
    expect(section.model.options.map((o) => o.name)).toEqual(stabilityReport(section.model).options);
    expect(section.source).toContain(
      "bill controls book, whip; jack controls pen; other issues fixed at the Nash solution",
    );
    const html = reportHtml({
      scenario: nash,
      analysis: a,
      figures: [],
      proposals: [],
      generator: "test",
      stability: section,
    });
    expect(html).toContain('<li><a href="#stability">Will it hold? Stability</a></li>');
    expect(html).toContain("Status quo <code>NNN</code>: no option taken.");
    expect(reportHtml({ scenario: nash, analysis: a, figures: [], proposals: [], generator: "test" })).not.toContain(
      'id="stability"',
    );
  });

  it("asks for a model when the scenario has no paired one", async () => {
    await expect(buildReport(nash, { stability: { statusQuo: "NN" }, findings: false })).rejects.toThrow(
      /no built-in graph model is paired with the scenario nash-1950/,
    );
  });

  it("a library call without the bundle the other issues stay at asks for it, and does not blame the ZOPA", async () => {
    const fromScenario = { control: { bill: ["book"], jack: ["pen"] } };
    await expect(stabilitySection(nash, { fromScenario })).rejects.toThrow(
      /no bundle for the issues nobody controls; give fromScenario\.fixed or context\.nash/,
    );
    await expect(stabilitySection(nash, { fromScenario }, { nash: undefined })).rejects.toThrow(/its ZOPA is empty/);
  });
});
