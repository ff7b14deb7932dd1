/**
 * Forecast benchmark: the expected-utility models (bdm-scholz and bdm) on 100 actors x 100 rounds,
 * random capabilities, positions and saliences from a seeded generator, plus the static mean and
 * median on 10,000 actors. Run with `npx tsx bench/forecast.ts` (add `--quick` for a short run).
 * Each case is timed three times after a warm-up; best and median are printed, with the rounds
 * played (a run stops early once nobody moves) and the time per round.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { forecast, seededRandom, type ForecastModelName, type ForecastTable } from "../src/index.js";

const quick = process.argv.includes("--quick");
const rng = seededRandom("bench-forecast");
const table = (n: number): ForecastTable => ({
  issue: `random-${n}`,
  actors: Array.from({ length: n }, (_, i) => ({
    actor: `a${i}`,
    capability: 0.1 + rng() * 10,
    position: rng() * 100,
    salience: 0.05 + rng() * 0.95,
  })),
});

const cases: { model: ForecastModelName; actors: number; rounds: number }[] = [
  { model: "bdm-scholz", actors: 100, rounds: 100 },
  { model: "bdm", actors: 100, rounds: 100 },
  { model: "bdm-scholz", actors: 30, rounds: 100 },
  { model: "mean", actors: 10_000, rounds: 0 },
  { model: "median", actors: 10_000, rounds: 0 },
];
const reps = quick ? 1 : 3;
const rows: string[][] = [];
for (const c of cases) {
  const t = table(c.actors);
  forecast(t, { model: c.model, rounds: quick ? Math.min(5, c.rounds) : c.rounds }); // warm-up
  const times: number[] = [];
  let played = 0;
  for (let k = 0; k < reps; k++) {
    const start = performance.now();
    const f = forecast(t, { model: c.model, rounds: c.rounds });
    times.push(performance.now() - start);
    played = f.rounds.length - 1;
  }
  times.sort((a, b) => a - b);
  const best = times[0]!;
  const median = times[Math.floor(times.length / 2)]!;
  rows.push([
    c.model,
    String(c.actors),
    String(c.rounds),
    String(played),
    `${best.toFixed(1)} ms`,
    `${median.toFixed(1)} ms`,
    played > 0 ? `${(best / played).toFixed(2)} ms` : "-",
  ]);
}
console.log(`forecast benchmark (${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}${quick ? ", quick" : ""})`);
const head = ["model", "actors", "rounds asked", "rounds played", "best", "median", "per round (best)"];
console.log(`| ${head.join(" | ")} |\n|${head.map(() => " --- ").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
