/**
 * Imports the GENIUS Laptop domain, analyses it, and writes it back as GENIUS and GeniusWeb.
 * Run from the repository root: npx tsx examples/import-genius.ts
 */
import os from "node:os";
import path from "node:path";
import {
  analyze,
  bargainingProblem,
  compileScenario,
  geniusKalaiSmorodinskySolution,
  utilityRecord,
  zopaFrontier,
} from "treatylab";
import { readGeniusFolder, writeInteropFolder } from "treatylab/node";

const folder = path.resolve(import.meta.dirname, "../../shared/data/genius/Laptop");
const scenario = await readGeniusFolder(folder);
const a = analyze(scenario);
console.log(
  `${scenario.parties.map((p) => p.id).join(" vs ")}: ${a.outcomes} outcomes, ${a.frontier.length} Pareto points`,
);
console.log("Nash:", a.solutions.nash?.utilities, "theory KS:", a.solutions.kalaiSmorodinsky?.utilities);
const c = compileScenario(scenario);
const g = geniusKalaiSmorodinskySolution(bargainingProblem(c, zopaFrontier(c).points));
console.log("GENIUS's own KS (least gap):", g && utilityRecord(c, g.point.utilities));
const out = path.join(os.tmpdir(), "treatylab-laptop-genius");
console.log("wrote", (await writeInteropFolder(scenario, out, "genius")).length, "files to", out);
