/**
 * Check the US 28-point plan (November 2025, as reported) against the ukraine-2025 scenario:
 * who rejects it, why, and the closest settlements every party would accept.
 *
 * Run: npx tsx examples/check-proposal.ts [proposal.json]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Bundle, builtinScenario, checkProposal, compileScenario } from "treatylab";

const file = process.argv[2] ?? fileURLToPath(new URL("./proposals/us-28-point-plan.json", import.meta.url));
const proposal = (JSON.parse(readFileSync(file, "utf8")) as { bundle: Bundle }).bundle;

const compiled = compileScenario(builtinScenario("ukraine-2025"));
const result = checkProposal(compiled, proposal, { alternatives: 3 });

console.log(
  result.acceptedByAll ? "Every party accepts the proposal." : `Rejected by: ${result.rejectedBy.join(", ")}`,
);
for (const v of result.verdicts) {
  const why = [
    v.shortfall > 0 ? `short of its reservation by ${v.shortfall.toFixed(3)}` : "",
    ...v.redLines.map((h) => `crosses a red line on ${h.issue} (${h.reason ?? h.option})`),
  ].filter(Boolean);
  console.log(
    `  ${v.party.padEnd(8)} utility ${v.utility.toFixed(3)} vs reservation ${v.reservation.toFixed(3)}: ${v.accepts ? "accepts" : `rejects, ${why.join("; ")}`}`,
  );
  if (!v.accepts) {
    // The clauses that cost this party most: what its best option on the issue would give (its
    // normalised weight) minus what the proposed clause gives.
    const p = compiled.partyIds.indexOf(v.party);
    const loss = compiled.issueIds.map(
      (issue, i) => [issue, compiled.weight[p]![i]! - v.contributions[issue]!] as const,
    );
    const worst = loss.sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(
      `           costliest clauses: ${worst.map(([i, l]) => `${i} (${proposal[i]}) -${l.toFixed(3)}`).join(", ")}`,
    );
  }
}
if (result.brokenConstraint)
  console.log(`  breaks a constraint: ${result.brokenConstraint.reason ?? `#${result.brokenConstraint.index}`}`);

console.log("\nClosest settlements every party accepts:");
if (result.alternatives.length === 0) console.log("  none: the ZOPA is empty");
result.alternatives.forEach((a, k) => {
  console.log(`  ${k + 1}. ${a.changes.map((c) => `${c.issue}: ${c.from} -> ${c.to}`).join("; ")}`);
  console.log(
    `     ${Object.entries(a.utilities)
      .map(([p, u]) => `${p} ${u.toFixed(3)} (${a.delta[p]! >= 0 ? "+" : ""}${a.delta[p]!.toFixed(3)})`)
      .join(", ")}`,
  );
});
