/**
 * Adjusted Winner (Brams and Taylor) on the Bob and Carol example, then on a toy two-party
 * treaty whose points do not sum to 100.
 *
 * Run: npx tsx examples/adjusted-winner.ts [points.json]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { adjustedWinner, type AdjustedWinnerResult, type PointsInput } from "treatylab";

function report(r: AdjustedWinnerResult): void {
  const [a, b] = r.parties;
  for (const item of r.items)
    console.log(`  ${item.id.padEnd(22)} ${a} ${r.allocation[item.id]?.[a]}, ${b} ${r.allocation[item.id]?.[b]}`);
  console.log(`  points: ${a} ${r.points[a]}, ${b} ${r.points[b]}`);
  console.log(
    r.split
      ? `  split: ${r.split.fraction} of ${r.split.item} passes from ${r.split.from} to ${r.split.to}`
      : "  split: none",
  );
  console.log(`  checks: ${JSON.stringify(r.checks)}`);
}

const file = process.argv[2] ?? fileURLToPath(new URL("./points/bob-carol.json", import.meta.url));
const bobCarol = adjustedWinner(JSON.parse(readFileSync(file, "utf8")) as PointsInput);
console.log(`Adjusted Winner on ${file}:`);
report(bobCarol);
console.log("Reasoning:");
for (const [k, step] of bobCarol.steps.entries()) console.log(`  ${k + 1}. ${step.text}`);

// A toy treaty between two parties over divisible issues (illustrative numbers, not data): the
// north rates on a 0-10 scale, the south in percent. Each party's points are scaled to sum to 100.
const treaty: PointsInput = {
  parties: ["north", "south"],
  items: [
    { id: "border-strip", label: "Share of the disputed border strip", points: { north: 8, south: 30 } },
    { id: "river-water", label: "Share of the river's water", points: { north: 6, south: 45 } },
    { id: "reconstruction-fund", label: "Share of the reconstruction fund", points: { north: 3, south: 15 } },
    {
      id: "withdrawal-timetable",
      label: "Months of phased withdrawal (share set by the north)",
      points: { north: 3, south: 10 },
    },
  ],
};
const r = adjustedWinner(treaty);
console.log(`\nToy treaty (north's points scaled by ${r.normalisation.factors.north}):`);
report(r);
