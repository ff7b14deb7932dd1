import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import type { Scenario } from "../../src/model/types.js";
import { validateScenario } from "../../src/model/validate.js";
import { utilitySpaceSpec } from "../../src/plots/utilitySpace.js";
import { renderSvg } from "../../src/render/renderSvg.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { namespaceSvgIds } from "../../src/report/svgIds.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

const tricky: Scenario = validateScenario({
  id: "tricky",
  title: 'Talks <b>&</b> "quotes"',
  sources: [{ title: "A <source>", date: "2025-01-01", url: "https://example.org/a?b=1&c=2" }],
  notes: { context: { text: "assumption <one>", source: "interview", confidence: "low" } },
  issues: [
    {
      id: "x",
      label: "Issue <x>",
      options: [{ id: "a", label: "A & co" }, { id: "b" }],
      notes: { framing: "plain note" },
    },
  ],
  parties: [
    {
      id: "p",
      label: "P<script>",
      weights: { x: 1 },
      values: { x: { a: 1, b: 0 } },
      reservation: 0.2,
      notes: { reservation: { text: "guess", confidence: "medium" } },
    },
    { id: "q", weights: { x: 1 }, values: { x: { a: 0.5, b: 1 } }, reservation: 0.2 },
  ],
});

describe("reportHtml", () => {
  const html = reportHtml({
    scenario: tricky,
    analysis: analyze(tricky),
    figures: [],
    proposals: [],
    generator: "test",
  });
  it("escapes every scenario text", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>&</b>");
    expect(html).toContain("Talks &lt;b&gt;&amp;&lt;/b&gt; &quot;quotes&quot;");
    expect(html).toContain("P&lt;script&gt;");
    expect(html).toContain("A &amp; co");
  });
  it("lists every labelled assumption with its source and confidence, and sources as plain text", () => {
    expect(html).toMatch(/<td>scenario: context<\/td><td>assumption &lt;one&gt;<\/td><td>interview<\/td><td>low<\/td>/);
    expect(html).toMatch(/<td>issue x: framing<\/td><td>plain note<\/td><td><\/td><td><\/td>/);
    expect(html).toMatch(/<td>P&lt;script&gt;: reservation<\/td><td>guess<\/td><td><\/td><td>medium<\/td>/);
    expect(html).toContain("<td>https://example.org/a?b=1&amp;c=2</td>");
    expect(html).not.toMatch(/href="http/);
  });
});

describe("reportHtml's checked proposals", () => {
  it("name the rejecting parties by their labels, as the tables do", () => {
    const nash = builtinScenario("nash-1950");
    const bundle = { ...analyze(nash).solutions.nash!.bundle, pen: "jack", toy: "jack", knife: "jack", hat: "jack" };
    const check = checkProposal(nash, bundle, { alternatives: 0 });
    expect(check.rejectedBy).toEqual(["bill"]);
    const page = reportHtml({
      scenario: nash,
      analysis: analyze(nash),
      figures: [],
      proposals: [{ label: "plan", check }],
      generator: "test",
    });
    expect(page).toContain("<p>Rejected by: Bill.</p>");
  });
});

describe("namespaceSvgIds", () => {
  it("makes the ids of two copies of one figure disjoint, and keeps each copy's references inside it", async () => {
    // Vega numbers clip paths clip1, clip2... from a counter that restarts, so separately rendered
    // SVGs (two processes, or a reset) can share ids; the same SVG twice is the worst case.
    const nash = builtinScenario("nash-1950");
    const raw = await renderSvg(utilitySpaceSpec(nash, analyze(nash), { zoom: true }));
    const rawIds = [...raw.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(rawIds.length).toBeGreaterThan(0);
    const svgs = [namespaceSvgIds(raw, "fig1"), namespaceSvgIds(raw, "fig2")];
    const ids = svgs.map((svg) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
    expect(new Set([...ids[0]!, ...ids[1]!]).size).toBe(2 * rawIds.length);
    svgs.forEach((svg, k) => {
      const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(ids[k]).toContain(r);
    });
  });
});
