/**
 * How the ZOPA and the Nash solution of ukraine-2025 move as Russia's reservation (its utility of
 * continuing the war) goes from 0.3 to 0.6. Run with `npx tsx examples/sweep-russia-reservation.ts`.
 */
import { builtinScenario, sweep } from "treatylab";

const scenario = builtinScenario("ukraine-2025");
const rows = sweep(scenario, {
  axes: [{ parameter: "parties.russia.reservation", from: 0.3, to: 0.6, steps: 7 }],
  solutions: ["nash"],
});
console.log("russia.reservation  zopa  nash utilities (party order)");
for (const r of rows) {
  const nash = r.solutions.nash;
  const u = nash
    ? Object.entries(nash.utilities)
        .map(([p, x]) => `${p} ${x.toFixed(3)}`)
        .join(", ")
    : "no settlement: the ZOPA is empty";
  console.log(`${String(r.values["parties.russia.reservation"]).padEnd(19)} ${String(r.zopaSize).padStart(5)}  ${u}`);
}
