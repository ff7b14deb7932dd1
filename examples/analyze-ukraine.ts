/**
 * Analyse the built-in ukraine-2025 scenario and print the zone of agreement and the four
 * bargaining solutions, clause by clause.
 *
 * Run: npx tsx examples/analyze-ukraine.ts
 */
import { analyze, builtinScenario, type Solution } from "treatylab";

const scenario = builtinScenario("ukraine-2025");
const analysis = analyze(scenario);

console.log(`${analysis.scenario.title}`);
console.log(`feasible settlements: ${analysis.outcomesExact}`);
console.log(`accepted by every party (ZOPA): ${analysis.zopa.count} (${(analysis.zopa.share * 100).toFixed(3)}%)`);
console.log(`Pareto frontier inside the ZOPA: ${analysis.frontier.length} points\n`);

for (const p of analysis.parties)
  console.log(
    `${p.label.padEnd(16)} reservation ${p.reservation.toFixed(3)}  best inside the ZOPA ${p.ideal?.toFixed(3) ?? "-"}`,
  );

const label = (issueId: string, optionId: string): string => {
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (issue === undefined || issue.type === "numeric") return `${optionId}${issue?.unit ? ` ${issue.unit}` : ""}`;
  return issue.options.find((o) => o.id === optionId)?.label ?? optionId;
};

const solutions: [string, Solution | null][] = [
  ["Nash", analysis.solutions.nash],
  ["Kalai-Smorodinsky", analysis.solutions.kalaiSmorodinsky],
  ["Egalitarian", analysis.solutions.egalitarian],
  ["Utilitarian", analysis.solutions.utilitarian],
];
for (const [name, s] of solutions) {
  console.log(`\n${name}`);
  if (s === null) {
    console.log("  none: the ZOPA is empty");
    continue;
  }
  console.log(
    `  utilities: ${Object.entries(s.utilities)
      .map(([p, u]) => `${p} ${u.toFixed(3)}`)
      .join(", ")}`,
  );
  for (const [issue, option] of Object.entries(s.bundle)) console.log(`  ${issue.padEnd(13)} ${label(issue, option)}`);
}
