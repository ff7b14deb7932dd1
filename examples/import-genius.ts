/**
 * Imports a GENIUS domain folder (examples/genius/nash-1950, or any ANAC domain folder given as
 * the first argument), analyses it, and writes it back as GENIUS.
 * Run from the repository root: npx tsx examples/import-genius.ts [folder]
 */
import os from "node:os";
import path from "node:path";
import { analyze, bargainingProblem, compileScenario, geniusKalaiSmorodinskySolution, zopaFrontier } from "treatylab";
import { utilityRecord } from "treatylab/advanced";
import { readGeniusFolder, writeInteropFolder } from "treatylab/node";

const folder = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "genius/nash-1950"));
const scenario = await readGeniusFolder(folder);
const a = analyze(scenario);
console.log(
  `${scenario.parties.map((p) => p.id).join(" vs ")}: ${a.outcomes} outcomes, ${a.frontier.length} Pareto points`,
);
console.log("Nash:", a.solutions.nash?.utilities, "theory KS:", a.solutions.kalaiSmorodinsky?.utilities);
const c = compileScenario(scenario);
const g = geniusKalaiSmorodinskySolution(bargainingProblem(c, zopaFrontier(c).points));
console.log("GENIUS's own KS (least gap):", g && utilityRecord(c, g.point.utilities));
const out = path.join(os.tmpdir(), "treatylab-genius-roundtrip");
console.log("wrote", (await writeInteropFolder(scenario, out, "genius")).length, "files to", out);
