/**
 * Russia (Boulware: concedes late) against Ukraine (Conceder: concedes early) in alternating
 * offers over the built-in ukraine-2025 scenario, reduced to the two belligerents, with new US
 * sanctions in round 5 that lower Russia's no-deal utility by 0.05. Compares the run with and
 * without the sanctions, and with the announced deadline ("we will know within two weeks").
 *
 * The scenario has about 10 million bundles, so the run negotiates over the bundles both sides
 * can accept at some point of the talks (scope "zopa"; see docs/simulation.md).
 *
 * Run: npx tsx examples/simulate-ukraine.ts
 */
import {
  applyEdits,
  builtinScenario,
  sanctionsEvent,
  simulate,
  type SimulationEvent,
  type SimulationResult,
} from "treatylab";

const bilateral = applyEdits(builtinScenario("ukraine-2025"), [
  { op: "removeParty", party: "us" },
  { op: "removeParty", party: "eu" },
]);

// A named event (src/edits/events.ts) scheduled for round 5: Russia's no-deal utility falls by 0.05.
const sanctions: SimulationEvent[] = [
  {
    round: 5,
    ...sanctionsEvent({ target: "russia", by: 0.05 }),
    label: "new US sanctions: Russia's no-deal utility -0.05",
  },
];

const run = (events: SimulationEvent[], deadline?: number): SimulationResult =>
  simulate(bilateral, {
    protocol: "alternating",
    rounds: 60,
    deadline,
    seed: 2025,
    scope: "zopa",
    events,
    parties: {
      russia: { strategy: "boulware", delay: { discount: 0.995 } },
      ukraine: { strategy: "conceder", delay: { discount: 0.99 } },
    },
  });

const show = (title: string, r: SimulationResult): void => {
  console.log(`\n== ${title}`);
  if (!r.agreement) {
    console.log(`No agreement after ${r.rounds} rounds (${r.metrics.outcome}).`);
    return;
  }
  const u = r.agreement.utilities;
  console.log(
    `Agreement in round ${r.agreement.round}: Russia ${u.russia!.toFixed(3)}, Ukraine ${u.ukraine!.toFixed(3)}`,
  );
  console.log(
    `Distance to the Pareto frontier ${r.metrics.paretoDistance?.toFixed(3)}, to the Nash solution ${r.metrics.nashDistance?.toFixed(3)}`,
  );
  console.log("Terms:", JSON.stringify(r.agreement.bundle));
};

const withSanctions = run(sanctions);
show("Boulware Russia vs Conceder Ukraine, sanctions in round 5", withSanctions);
console.log("First rounds:");
for (const t of withSanctions.trace.slice(0, 6))
  console.log(
    `  round ${t.round}: ${t.proposer} offers (Russia ${t.utilities.russia!.toFixed(3)}, Ukraine ${t.utilities.ukraine!.toFixed(3)}) -> ${Object.values(t.responses).join(", ")}${t.events.length ? `   [event: ${t.events.join("; ")}]` : ""}`,
  );
show("The same without sanctions", run([]));
show("With sanctions and a deadline announced for round 14 (two weeks of daily rounds)", run(sanctions, 14));
