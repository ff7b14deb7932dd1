/**
 * Draws the utility space of Nash's (1950) barter and of Russia and Ukraine in ukraine-2025 (with
 * the US 28-point plan marked), writes the SVGs and the restylable Vega-Lite spec, and a full
 * HTML report. Run with `npx tsx examples/plot-utility-space.ts [out-dir]` (default: test-output/examples).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyze, builtinScenario, checkProposal, type Bundle } from "treatylab";
import { buildReport, renderSvg, utilitySpaceSpec } from "treatylab/plot";

const out = process.argv[2] ?? "test-output/examples";
mkdirSync(out, { recursive: true });

// Two parties: every bundle, the ZOPA, the frontier, the disagreement point and the four solutions.
const nash = builtinScenario("nash-1950");
const nashSpec = utilitySpaceSpec(nash, analyze(nash));
writeFileSync(path.join(out, "nash-1950-utility-space.svg"), await renderSvg(nashSpec));
writeFileSync(path.join(out, "nash-1950-utility-space.vl.json"), JSON.stringify(nashSpec, null, 2));

// Four parties: a projection onto Russia and Ukraine, zoomed on the ZOPA, with a published plan.
const ukraine = builtinScenario("ukraine-2025");
// Read beside this file, so the example runs from any folder (and from an installed package).
const plan = JSON.parse(readFileSync(new URL("proposals/us-28-point-plan.json", import.meta.url), "utf8")) as {
  title: string;
  bundle: Bundle;
};
const check = checkProposal(ukraine, plan.bundle, { alternatives: 0 });
const spec = utilitySpaceSpec(ukraine, analyze(ukraine), {
  parties: ["russia", "ukraine"],
  zoom: true,
  proposals: [{ label: plan.title, utilities: check.utilities }],
});
writeFileSync(path.join(out, "ukraine-2025-russia-ukraine.svg"), await renderSvg(spec));
console.log(`US plan rejected by: ${check.rejectedBy.join(", ") || "nobody"}`);

// The whole report: one self-contained HTML file.
writeFileSync(
  path.join(out, "ukraine-2025-report.html"),
  await buildReport(ukraine, { proposals: [{ label: plan.title, bundle: plan.bundle }] }),
);
console.log(`wrote the plots and the report in ${out}`);
