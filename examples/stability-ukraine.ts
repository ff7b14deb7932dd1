/**
 * Will a settlement hold? Stability analysis of the built-in late-May-2025 graph model:
 * `npx tsx examples/stability-ukraine.ts`.
 */
import { builtinGraphModel, explainState, stabilityReport } from "treatylab";

const model = builtinGraphModel("ukraine-2025-may")!;
// status quo: Russia keeps advancing, the US keeps supplying arms, nothing else
const report = stabilityReport(model, { statusQuo: "YNNNNNYNNN" });
console.log("options:", report.options.join(" | "));
console.log("Nash equilibria:", report.equilibria.nash.join(", "));
console.log(`SEQ equilibria: ${report.equilibria.seq.length} of ${report.states.length} states`);
for (const e of report.statusQuo!.equilibria.filter((x) => x.reachable)) {
  console.log(`reachable from the status quo in ${e.length} step(s): ${e.state} (${e.concepts.join(", ")})`);
}
// why is a ceasefire with US arms and European guarantees SEQ-stable but not Nash-stable?
for (const x of explainState(model, "NNNNNNYYNN", { concepts: ["nash", "seq"] }))
  if (x.dm === "Russia" || x.dm === "US") console.log(x.text);
