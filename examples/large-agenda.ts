/**
 * A 20-issue, 8-option agenda for two parties (8^20, about 1.2 x 10^18 settlements) analysed
 * exactly without enumerating, then a 3-party variant with interaction terms, which falls back to
 * enumeration on a smaller agenda. Run: npx tsx examples/large-agenda.ts
 */
import { analyze, type DiscreteIssue, type Party, type Scenario } from "treatylab";

const issues: DiscreteIssue[] = Array.from({ length: 20 }, (_, i) => ({
  id: `clause-${String(i + 1).padStart(2, "0")}`,
  options: Array.from({ length: 8 }, (_, o) => ({ id: `level-${o}` })),
}));

/** A party that prefers higher levels on some clauses and lower ones on others (deterministic). */
const party = (id: string, shift: number, reservation: number): Party => ({
  id,
  weights: Object.fromEntries(issues.map((issue, i) => [issue.id, 1 + ((i * 7 + shift) % 5)])),
  values: Object.fromEntries(
    issues.map((issue, i) => [
      issue.id,
      Object.fromEntries(issue.options.map((o, k) => [o.id, (i + shift) % 2 === 0 ? k : 7 - k + ((k * shift) % 3)])),
    ]),
  ),
  reservation,
});

const big: Scenario = {
  id: "big-agenda",
  title: "Twenty clauses",
  issues,
  parties: [party("north", 1, 0.4), party("south", 2, 0.4)],
};
const t = performance.now();
const a = analyze(big);
console.log(
  `${a.outcomesExact} bundles; algorithm: ${a.algorithm}; frontier: ${a.frontier.length} points; ` +
    `ZOPA: ${a.zopaCounting.countExact} (${a.zopaCounting.method}); ${(performance.now() - t).toFixed(0)} ms`,
);
console.log("Nash utilities:", a.solutions.nash?.utilities);

// Interaction terms are not additive: auto falls back to enumeration (here on 6 clauses).
const small: Scenario = {
  id: "with-interactions",
  issues: issues.slice(0, 6),
  parties: [
    {
      ...party("north", 1, 0.3),
      weights: Object.fromEntries(issues.slice(0, 6).map((i) => [i.id, 1])),
      interactions: [{ when: { "clause-01": "level-7", "clause-02": "level-7" }, value: 0.1 }],
    },
    { ...party("south", 2, 0.3), weights: Object.fromEntries(issues.slice(0, 6).map((i) => [i.id, 1])) },
  ].map((p) => ({
    ...p,
    values: Object.fromEntries(Object.entries(p.values).filter(([k]) => issues.slice(0, 6).some((i) => i.id === k))),
  })),
};
const b = analyze(small);
console.log(
  `${b.outcomes} bundles; algorithm: ${b.algorithm}; frontier: ${b.frontier.length} points; ZOPA: ${b.zopa.count}`,
);
