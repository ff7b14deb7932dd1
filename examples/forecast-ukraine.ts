/**
 * Where will the ukraine-2025 talks land? Applies the forecast inputs of
 * examples/forecast/ukraine-2025.json (capabilities and issue scales, each labelled as an
 * assumption), forecasts every issue with the four models, turns each forecast into a bundle,
 * checks it like a proposal and sets it beside the Nash solution.
 *
 * Run: npx tsx examples/forecast-ukraine.ts [rounds]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FORECAST_MODEL_NAMES, applyForecastInputs, builtinScenario, forecastScenario } from "treatylab";

const rounds = Number(process.argv[2] ?? 10);
const inputs = JSON.parse(
  readFileSync(fileURLToPath(new URL("./forecast/ukraine-2025.json", import.meta.url)), "utf8"),
) as unknown;
const scenario = applyForecastInputs(builtinScenario("ukraine-2025"), inputs);

for (const model of FORECAST_MODEL_NAMES) {
  const f = forecastScenario(scenario, { model, rounds, alternatives: 1 });
  console.log(`\n== ${model} ==`);
  for (const issue of f.issues) {
    const last = issue.rounds[issue.rounds.length - 1]!;
    console.log(
      `  ${issue.issue.padEnd(13)} forecast ${issue.forecast.toFixed(1).padStart(6)} -> ${f.bundle?.[issue.issue]}  (round 0 median ${issue.rounds[0]!.median}, mean ${issue.rounds[0]!.mean.toFixed(1)}; ${issue.rounds.length - 1} rounds, last mean ${last.mean.toFixed(1)})`,
    );
  }
  const nash = f.comparison.find((c) => c.name === "nash");
  const fc = f.comparison.find((c) => c.name === "forecast");
  if (fc && nash)
    console.log(
      `  utilities: forecast ${JSON.stringify(fc.utilities)}\n             nash     ${JSON.stringify(nash.utilities)}`,
    );
  for (const line of f.findings) console.log(`  - ${line}`);
}
