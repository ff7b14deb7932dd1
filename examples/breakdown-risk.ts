/**
 * Breakdown risk in talks: "Russia believes it can fight for years" and "the US will know within
 * two weeks" as a hazard and a deadline whose effect can be measured. Russia (Boulware) and Ukraine
 * (Conceder) bargain over ukraine-2025 reduced to the two belligerents; each round the talks may
 * collapse or the war escalate with a probability (the hazard), drawn from the seed. Each case is
 * run 100 times (run i with seed "2025/i") and summarised: agreement rate, mean end round and
 * expected payoffs (no deal counts as the reservation).
 *
 * Run: npx tsx examples/breakdown-risk.ts
 */
import { applyEdits, builtinScenario, simulateRuns, type SimulationOptions } from "treatylab";

const bilateral = applyEdits(builtinScenario("ukraine-2025"), [
  { op: "removeParty", party: "us" },
  { op: "removeParty", party: "eu" },
]);

const talks = (extra: SimulationOptions): SimulationOptions => ({
  protocol: "alternating",
  rounds: 60,
  seed: 2025,
  scope: "zopa",
  ...extra,
  parties: {
    russia: { strategy: "boulware", delay: { discount: 0.995 }, ...extra.parties?.russia },
    ukraine: { strategy: "conceder", delay: { discount: 0.99 } },
  },
});

const cases: [string, SimulationOptions][] = [
  ["no breakdown risk", talks({})],
  ["2% risk per round", talks({ hazard: 0.02 })],
  [
    "2% risk; Russia plans for years (horizon 500 rounds)",
    talks({ hazard: 0.02, parties: { russia: { horizon: 500 } } }),
  ],
  [
    "2% risk; the US walks away after round 14 (hazard 1 from round 15)",
    talks({ hazard: 0.02, events: [{ round: 15, label: "the US walks away", hazard: 1, edits: [] }] }),
  ],
];

for (const [title, options] of cases) {
  const r = simulateRuns(bilateral, options, 100);
  console.log(`\n== ${title}`);
  console.log(
    `agreement ${(100 * r.agreementRate).toFixed(1)}% +/- ${(100 * r.agreementRateSE).toFixed(1)}; breakdown ${r.outcomes.breakdown}, deadline ${r.outcomes.deadline}; mean end round ${r.meanEndRound.toFixed(1)}`,
  );
  console.log(
    `expected payoffs: Russia ${r.expected.payoffs.russia!.toFixed(3)}, Ukraine ${r.expected.payoffs.ukraine!.toFixed(3)}`,
  );
}
