/**
 * Monte Carlo over forecast inputs: a distribution of forecasts with standard errors, seeded.
 * @module
 */
import seedrandom from "seedrandom";
import { checkOptionsObject, checkSeed } from "../model/optionChecks.js";
import { prepare } from "../analysis/prepare.js";
import { checkParts } from "../batch/checkParts.js";
import { hashJson } from "../batch/hashJson.js";
import { type Shard, shardRange } from "../batch/shard.js";
import { TreatylabError } from "../model/errors.js";
import { toIndexBundle } from "../model/compile.js";
import type { Scenario } from "../model/types.js";
import { type MonteCarloContext, type MonteCarloJob, prepareMonteCarlo } from "../uncertainty/monteCarloJob.js";
import { drawScenario } from "../uncertainty/draws.js";
import { sample } from "../uncertainty/sample.js";
import { type Proportion, type SampleStats, proportion, sampleStats } from "../uncertainty/statistics.js";
import type { UncertaintySpec } from "../uncertainty/types.js";
import { evaluateBundle } from "../utility/verdict.js";
import { type ForecastOptions, forecast } from "./models.js";
import type { SalienceRule } from "./scenarioTables.js";
import { forecastBundle } from "./settlement.js";
import type { ForecastModelName, ForecastTable } from "./types.js";
import { maxOf, minOf } from "../model/extrema.js";

/**
 * Options of the forecast Monte Carlo.
 *
 * @example
 * ```ts
 * const o: ForecastMonteCarloOptions = { model: "bdm-scholz", rounds: 10, draws: 1000, seed: "42" };
 * ```
 */
export interface ForecastMonteCarloOptions extends ForecastOptions {
  readonly draws: number;
  readonly seed: string;
}

/**
 * One issue's forecast over the draws: the forecast without noise, the distribution of the drawn
 * forecasts (mean with its standard error, quantiles) and, for a scenario, how often each option
 * is the forecast bundle's option.
 *
 * @example
 * ```ts
 * const uncertainty = { "parties.*.weights.*": { spread: 0.2 } };
 * const r = forecastMonteCarloScenario(builtinScenario("minsk-2-2015"), uncertainty, { draws: 200, seed: "7" });
 * const d: IssueForecastDistribution = r.issues[0]!;
 * d.issue; // "special-status"
 * [d.base, d.stats.mean, d.stats.se]; // [0, 0.21, 0.0434619917125]
 * d.options?.["constitutional"]?.p; // 0.895
 * ```
 */
export interface IssueForecastDistribution {
  readonly issue: string;
  readonly base: number;
  readonly stats: SampleStats;
  readonly options?: Readonly<Record<string, Proportion>>;
}

/**
 * The result of a forecast Monte Carlo. For a scenario, `pOutsideZopa` is the share of draws whose
 * forecast bundle some party rejects (in that draw's scenario).
 *
 * @example
 * ```ts
 * const uncertainty = { "parties.*.weights.*": { spread: 0.2 } };
 * const r = forecastMonteCarloScenario(builtinScenario("minsk-2-2015"), uncertainty, { draws: 200, seed: "7" });
 * r.model; // "bdm-scholz"
 * r.drawn.length; // 15: every party's weight on every issue
 * r.pOutsideZopa?.p; // 0.105
 * ```
 */
export interface ForecastMonteCarloResult {
  readonly kind: "treatylab-forecast-montecarlo";
  readonly model: ForecastModelName;
  readonly rounds: number;
  readonly draws: number;
  readonly seed: string;
  /** What was drawn: the uncertainty declaration's parameters, or the table spread rule. */
  readonly drawn: readonly string[];
  readonly issues: readonly IssueForecastDistribution[];
  readonly pOutsideZopa?: Proportion;
}

function checkRun(options: ForecastMonteCarloOptions): void {
  checkOptionsObject(options, "the forecast Monte Carlo");
  if (!Number.isSafeInteger(options.draws) || options.draws < 1)
    throw new TreatylabError(`options.draws is ${String(options.draws)}; expected a positive integer`);
  checkSeed(options.seed, "options.seed");
}

/**
 * A forecast Monte Carlo as plain JSON (what a shard output carries): the input (tables with
 * their spread, or a scenario with its uncertainty declaration) and the options.
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * forecastMonteCarloResult(prepareForecastMonteCarlo(job), []).issues[0]?.base; // 7.5: the forecast without noise
 * ```
 */
export interface ForecastMonteCarloJob {
  readonly input:
    | { readonly kind: "tables"; readonly tables: readonly ForecastTable[]; readonly spread: number }
    | { readonly kind: "scenario"; readonly scenario: Scenario; readonly uncertainty: UncertaintySpec };
  readonly options: ForecastMonteCarloOptions & { readonly salience?: SalienceRule };
}

/**
 * One draw of a forecast Monte Carlo: each issue's forecast and, for a scenario whose forecast is a
 * bundle, its option per issue and whether some party rejects it.
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("minsk-2-2015");
 * const uncertainty = { "parties.*.weights.*": { spread: 0.2 } };
 * const ctx = prepareForecastMonteCarlo({
 *   input: { kind: "scenario", scenario, uncertainty }, options: { draws: 200, seed: "7" } });
 * const row: ForecastDrawRow = forecastDrawRows(ctx, 1, 2)[0]!;
 * row.values; // [2, 1, 0, 0, 0]
 * row.options; // ["none", "border-first", "broad", "withdrawal", "restored"]
 * row.outside; // true: some party rejects that bundle in draw 1
 * ```
 */
export interface ForecastDrawRow {
  readonly draw: number;
  readonly values: readonly number[];
  readonly options?: readonly string[];
  readonly outside?: boolean;
}

/**
 * One shard's output of a forecast Monte Carlo (`treatylab forecast --draws n --shard k/n`), for
 * `treatylab merge`.
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const part: ForecastMonteCarloPart = forecastMonteCarloPart(job, { k: 1, n: 2 }, []);
 * part.range; // { start: 0, end: 250 }
 * ```
 */
export interface ForecastMonteCarloPart {
  readonly kind: "treatylab-forecast-montecarlo-part";
  readonly version: 1;
  readonly jobHash: string;
  readonly job: ForecastMonteCarloJob;
  readonly shard: Shard;
  readonly range: { readonly start: number; readonly end: number };
  readonly rows: readonly ForecastDrawRow[];
}

function checkJob(job: ForecastMonteCarloJob): void {
  checkRun(job.options);
  if (job.input.kind === "tables" && !(job.input.spread >= 0 && job.input.spread < 1))
    throw new TreatylabError(`--spread ${job.input.spread} is not a number in [0, 1)`);
}

/**
 * A forecast Monte Carlo job checked and prepared once (per thread): for a scenario, the
 * uncertainty resolved and the scenario compiled (see `prepareMonteCarlo`) and the forecast without
 * noise. Build with {@link prepareForecastMonteCarlo}.
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const ctx: ForecastMonteCarloContext = prepareForecastMonteCarlo(job);
 * ctx.scenario; // null: tables need no compiled scenario
 * forecastDrawRows(ctx, 0, 100).length; // 100
 * ```
 */
export interface ForecastMonteCarloContext {
  readonly job: ForecastMonteCarloJob;
  readonly scenario: { readonly mc: MonteCarloContext; readonly base: ReturnType<typeof forecastBundle> } | null;
}

/**
 * Checks a forecast Monte Carlo job and prepares what every block of draws needs (the batch
 * task's `prepare`: worker threads call it once each).
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const ctx = prepareForecastMonteCarlo({ input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } });
 * forecastDrawRows(ctx, 0, 1); // [{ draw: 0, values: [6.92800241888581] }]
 * ```
 */
export function prepareForecastMonteCarlo(job: ForecastMonteCarloJob): ForecastMonteCarloContext {
  checkJob(job);
  if (job.input.kind === "tables") return { job, scenario: null };
  const mc = prepareMonteCarlo(scenarioJob(job));
  return { job, scenario: { mc, base: forecastBundle(mc.compiled, job.options) } };
}

/**
 * The rows of draws `[start, end)` (draw i uses `seedrandom(seed + ":" + i)` only, so a row does
 * not depend on which thread, shard or block computes it).
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * forecastDrawRows(prepareForecastMonteCarlo(job), 0, 100).length; // 100
 * ```
 */
export function forecastDrawRows(ctx: ForecastMonteCarloContext, start: number, end: number): ForecastDrawRow[] {
  const { input, options } = ctx.job;
  const rows: ForecastDrawRow[] = [];
  if (input.kind === "tables") {
    const spread = input.spread;
    for (let i = start; i < end; i++) {
      const rng = seedrandom(`${options.seed}:${i}`);
      const values = input.tables.map((t) => {
        const xs = t.actors.map((a) => a.position);
        const range = maxOf(xs) - minOf(xs);
        const u = (x: number, half: number): number => sample({ kind: "uniform", min: x - half, max: x + half }, rng);
        const actors = t.actors.map((a) => ({
          actor: a.actor,
          capability: u(a.capability, a.capability * spread),
          position: u(a.position, range * spread),
          salience: Math.min(1, Math.max(0, u(a.salience, a.salience * spread))),
        }));
        return forecast({ issue: t.issue, actors }, options).forecast;
      });
      rows.push({ draw: i, values });
    }
    return rows;
  }
  const { mc, base } = ctx.scenario!;
  for (let i = start; i < end; i++) {
    const c = prepare(drawScenario(mc, i));
    const f = forecastBundle(c, options);
    const values = f.issues.map((x) => x.forecast);
    if (f.bundle) {
      const outside = !evaluateBundle(c, toIndexBundle(c, f.bundle, "forecast")).acceptedByAll;
      rows.push({ draw: i, values, options: base.issues.map((x) => f.bundle![x.issue]!), outside });
    } else rows.push({ draw: i, values });
  }
  return rows;
}

function scenarioJob(job: ForecastMonteCarloJob): MonteCarloJob {
  const input = job.input as Extract<ForecastMonteCarloJob["input"], { kind: "scenario" }>;
  return {
    scenario: input.scenario,
    uncertainty: input.uncertainty,
    seed: job.options.seed,
    draws: job.options.draws,
    solutions: ["nash"],
  };
}

/**
 * The result of a job from all its draws' rows, in draw order (what the single run, the merged
 * shards and the threaded run all end with).
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const ctx = prepareForecastMonteCarlo(job);
 * const result = forecastMonteCarloResult(ctx, forecastDrawRows(ctx, 0, ctx.job.options.draws));
 * result.issues[0]?.stats.mean; // 7.50645260219
 * ```
 */
export function forecastMonteCarloResult(
  ctx: ForecastMonteCarloContext,
  rows: readonly ForecastDrawRow[],
): ForecastMonteCarloResult {
  const { input, options } = ctx.job;
  if (input.kind === "tables") {
    const base = input.tables.map((t) => forecast(t, options));
    const spread = input.spread;
    return {
      kind: "treatylab-forecast-montecarlo",
      model: base[0]?.model ?? options.model ?? "bdm-scholz",
      rounds: options.rounds ?? 10,
      draws: options.draws,
      seed: options.seed,
      drawn: [
        `capability and salience uniform within +/- ${spread} of themselves; position within +/- ${spread} x the issue's range`,
      ],
      issues: input.tables.map((t, k) => ({
        issue: t.issue,
        base: base[k]!.forecast,
        stats: sampleStats(rows.map((r) => r.values[k]!)),
      })),
    };
  }
  const { mc, base } = ctx.scenario!;
  const counts: Map<string, number>[] = base.issues.map(() => new Map());
  let outside = 0;
  for (const r of rows) {
    if (!r.options) continue;
    r.options.forEach((o, k) => counts[k]!.set(o, (counts[k]!.get(o) ?? 0) + 1));
    if (r.outside) outside++;
  }
  return {
    kind: "treatylab-forecast-montecarlo",
    model: options.model ?? "bdm-scholz",
    rounds: options.rounds ?? 10,
    draws: options.draws,
    seed: options.seed,
    drawn: mc.parameters.map((p) => p.parameter),
    issues: base.issues.map((x, k) => ({
      issue: x.issue,
      base: x.forecast,
      stats: sampleStats(rows.map((r) => r.values[k]!)),
      ...(base.bundle
        ? {
            options: Object.fromEntries(
              base.scales[k]!.optionIds.filter((o) => counts[k]!.has(o)).map((o) => [
                o,
                proportion(counts[k]!.get(o)!, options.draws),
              ]),
            ),
          }
        : {}),
    })),
    ...(base.bundle ? { pOutsideZopa: proportion(outside, options.draws) } : {}),
  };
}

/**
 * A shard's output from the rows of its range (see {@link forecastMonteCarloShard}).
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const rows = forecastDrawRows(prepareForecastMonteCarlo(job), 0, 250);
 * forecastMonteCarloPart(job, { k: 1, n: 2 }, rows).range; // { start: 0, end: 250 }
 * ```
 */
export function forecastMonteCarloPart(
  job: ForecastMonteCarloJob,
  shard: Shard,
  rows: readonly ForecastDrawRow[],
): ForecastMonteCarloPart {
  return {
    kind: "treatylab-forecast-montecarlo-part",
    version: 1,
    jobHash: hashJson(job),
    job,
    shard: { k: shard.k, n: shard.n },
    range: shardRange(job.options.draws, shard),
    rows,
  };
}

/**
 * Runs a forecast Monte Carlo job in one process: the result.
 *
 * @example
 * ```ts
 * import { runForecastMonteCarlo } from "./monteCarlo.js";
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * runForecastMonteCarlo(job).issues[0]?.stats.mean; // 7.50645260219
 * ```
 */
export function runForecastMonteCarlo(job: ForecastMonteCarloJob): ForecastMonteCarloResult {
  const ctx = prepareForecastMonteCarlo(job);
  return forecastMonteCarloResult(ctx, forecastDrawRows(ctx, 0, job.options.draws));
}

/**
 * Runs shard `k/n` of a forecast Monte Carlo job: its output, for
 * {@link mergeForecastMonteCarloParts}. Draw i's numbers depend only on the job and i, so the
 * merged shards are the single run, byte for byte.
 *
 * @example
 * ```ts
 * import { forecastMonteCarloShard } from "./monteCarlo.js";
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const part = forecastMonteCarloShard(job, { k: 2, n: 4 });
 * part.range; // { start: 125, end: 250 }
 * ```
 */
export function forecastMonteCarloShard(job: ForecastMonteCarloJob, shard: Shard): ForecastMonteCarloPart {
  const ctx = prepareForecastMonteCarlo(job);
  const range = shardRange(job.options.draws, shard);
  return forecastMonteCarloPart(job, shard, forecastDrawRows(ctx, range.start, range.end));
}

/**
 * Merges the shard outputs of a forecast Monte Carlo into the single run's result; refuses (one
 * line) missing or repeated shards and outputs of other jobs, naming them (see checkParts).
 *
 * @example
 * ```ts
 * import { forecastMonteCarloShard, mergeForecastMonteCarloParts } from "./monteCarlo.js";
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const job: ForecastMonteCarloJob = { input: { kind: "tables", tables: [table], spread: 0.1 },
 *   options: { model: "mean", draws: 500, seed: "1" } };
 * const [part1, part2] = [forecastMonteCarloShard(job, { k: 1, n: 2 }), forecastMonteCarloShard(job, { k: 2, n: 2 })];
 * mergeForecastMonteCarloParts([part1, part2], ["p1.json", "p2.json"]).issues[0]?.stats.mean; // 7.50645260219
 * ```
 */
export function mergeForecastMonteCarloParts(
  parts: readonly ForecastMonteCarloPart[],
  names?: readonly string[],
): ForecastMonteCarloResult {
  checkParts(parts, {
    names,
    item: (r) => r.draw,
    otherJob: (f) => `comes from another forecast Monte Carlo than ${f}`,
    total: (first) => first.job.options.draws,
    check: (p, name) => {
      if (p.kind !== "treatylab-forecast-montecarlo-part")
        throw new TreatylabError(
          `${name}: not a forecast Monte Carlo shard output (run forecast with --draws n --shard k/n --format json)`,
        );
    },
  });
  return forecastMonteCarloResult(
    prepareForecastMonteCarlo(parts[0]!.job),
    parts.flatMap((p) => p.rows).sort((a, b) => a.draw - b.draw),
  );
}

/**
 * Monte Carlo over forecast tables: in draw i (generator `seedrandom(seed + ":" + i)`, as the
 * scenario Monte Carlo, so a draw does not depend on the others) every capability and salience is
 * drawn uniformly within +/- `spread` of itself (relative; salience clamped to [0, 1]) and every
 * position within +/- `spread` x the issue's initial range; each table is forecast again.
 *
 * @example
 * ```ts
 * const table: ForecastTable = { issue: "x", actors: [{ actor: "A", capability: 1, position: 0, salience: 1 },
 *   { actor: "B", capability: 3, position: 10, salience: 1 }] };
 * const r = forecastMonteCarloTables([table], 0.1, { model: "mean", draws: 500, seed: "1" });
 * r.issues[0]?.stats.se; // 0.021904685126
 * ```
 */
export function forecastMonteCarloTables(
  tables: readonly ForecastTable[],
  spread: number,
  options: ForecastMonteCarloOptions,
): ForecastMonteCarloResult {
  return runForecastMonteCarlo({ input: { kind: "tables", tables, spread }, options });
}

/**
 * Monte Carlo over a scenario's uncertain numbers (the declaration of `treatylab montecarlo`:
 * weights, values, reservations, power), with the same draws as the scenario Monte Carlo: each draw
 * re-derives positions (best options), saliences (weights) and capabilities (`capability`, else
 * `power`), forecasts every issue, and checks the forecast bundle against that draw's reservations.
 *
 * @example
 * ```ts
 * const uncertainty = { "parties.*.weights.*": { spread: 0.2 } };
 * const r = forecastMonteCarloScenario(builtinScenario("minsk-2-2015"), uncertainty, { draws: 200, seed: "7" });
 * r.pOutsideZopa; // { p: 0.105, se: 0.0216766002869 }
 * ```
 */
export function forecastMonteCarloScenario(
  scenario: Scenario,
  uncertainty: UncertaintySpec,
  options: ForecastMonteCarloOptions & { readonly salience?: SalienceRule },
): ForecastMonteCarloResult {
  return runForecastMonteCarlo({ input: { kind: "scenario", scenario, uncertainty }, options });
}
