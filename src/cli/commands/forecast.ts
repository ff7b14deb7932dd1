import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { type Command, Option } from "commander";
import { parseShard, type Shard } from "../../batch/shard.js";
import { FORECAST_MODEL_NAMES, MAX_FORECAST_ROUNDS, forecast } from "../../forecast/models.js";
import type { ForecastMonteCarloJob, ForecastMonteCarloResult } from "../../forecast/monteCarlo.js";
import { runForecastMonteCarloParallel } from "../../workers/runForecastMonteCarloParallel.js";
import { forecastScenario } from "../../forecast/settlement.js";
import { scenarioForecastTables } from "../../forecast/scenarioTables.js";
import type { ForecastModelName } from "../../forecast/types.js";
import { loadForecastInput } from "../../files/loadForecastInput.js";
import { TreatylabError } from "../../model/errors.js";
import { forecastRoundsSpec } from "../../plots/forecastRounds.js";
import { renderSvg } from "../../render/renderSvg.js";
import type { UncertaintySpec } from "../../uncertainty/types.js";
import { progress } from "../progress.js";
import { type CliContext, emit, jsonResult, vegaLiteJson, tableLayout } from "../context.js";
import {
  type ForecastOutput,
  forecastCsv,
  forecastJson,
  formatForecast,
  formatForecastMonteCarlo,
} from "../format/formatForecast.js";
import { finiteNumber, formatOption, nonNegativeInteger, outOption, positiveInteger, seedText } from "../options.js";
import { addThreadsOptions, checkThreads } from "../batchOptions.js";

/**
 * Registers `treatylab forecast <table.csv | table.json | scenario>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerForecast } from "./forecast.js";
 * let out = "";
 * const program = new Command();
 * registerForecast(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["forecast", "examples/forecast/ec-scholz.csv", "--model", "median", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).forecast; // 7
 * ```
 */
export function registerForecast(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("forecast")
    .description(
      "Where will the talks land? Compromise mean, weighted median or Bueno de Mesquita's expected-utility model from capability, position and salience",
    )
    .argument(
      "<input>",
      "a CSV or JSON table (Actor,Capability,Position,Salience[,Issue]), a scenario file or built-in id, or a forecast-inputs file (examples/forecast/)",
    )
    .addOption(new Option("-m, --model <name>", "forecast model").choices(FORECAST_MODEL_NAMES).default("bdm-scholz"))
    .addOption(
      new Option(
        "-r, --rounds <n>",
        `rounds of the expected-utility models (at most ${MAX_FORECAST_ROUNDS}; they stop early once nobody moves)`,
      )
        .argParser(nonNegativeInteger)
        .default(10),
    )
    .addOption(formatOption(["table", "json", "markdown", "csv", "svg", "vega"], "table"))
    .addOption(outOption())
    .addOption(
      new Option(
        "-n, --draws <n>",
        "Monte Carlo over the inputs: number of draws (a distribution of forecasts with standard errors)",
      ).argParser(positiveInteger),
    )
    .addOption(
      new Option("-s, --seed <seed>", "Monte Carlo seed (same seed, same result)").argParser(seedText).default("1"),
    )
    .addOption(
      new Option(
        "--salience <rule>",
        "scenario input: salience = weight share (share) or weight / the party's largest weight (max)",
      )
        .choices(["share", "max"])
        .default("share"),
    )
    .option("-u, --uncertainty <file>", "scenario input: JSON file declaring the uncertain numbers (as for montecarlo)")
    .addOption(
      new Option(
        "--spread <s>",
        "Monte Carlo: tables: capability and salience +/- s relative, position +/- s x range; scenarios: every weight +/- s",
      ).argParser(finiteNumber),
    )
    .addOption(
      new Option(
        "--shard <k/n>",
        "Monte Carlo: run only part k of n of the draws and print a shard output for `treatylab merge` (--format json)",
      ).argParser(parseShard),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab forecast examples/forecast/ec-scholz.csv --model bdm-scholz --rounds 5
  $ treatylab forecast examples/forecast/ec-scholz.csv --model median --format json
  $ treatylab forecast examples/forecast/ec-scholz.csv --rounds 10 --format svg --out ec.svg    # --format vega gives the Vega-Lite spec
  $ treatylab forecast examples/forecast/ukraine-2025.json --model bdm --format markdown --out forecast.md
  $ treatylab forecast examples/forecast/ukraine-2025.json --model mean --draws 500 --spread 0.2 --seed 7
  $ treatylab forecast examples/forecast/ec-scholz.csv --draws 5000 --spread 0.1 --threads 2   # same output for any --threads
  $ treatylab forecast dayton-1995 -u capability-uncertainty.json --draws 1000   # e.g. "parties.*.capability": { "spread": 0.3 }
  $ treatylab forecast examples/forecast/ec-scholz.csv --draws 100000 --spread 0.1 --shard 2/8 --format json --out part-2.json   # then: treatylab merge part-*.json
  $ treatylab forecast examples/forecast/ukraine-2025.json --edits examples/events/sanctions.json   # a what-if on the scenario`,
    );
  addThreadsOptions(cmd);
  const whatIf = addWhatIfOptions(cmd);
  cmd.action(
    async (
      ref: string,
      opts: {
        model: ForecastModelName;
        rounds: number;
        threads: number;
        forceThreads?: boolean;
        format: "table" | "json" | "markdown" | "csv" | "svg" | "vega";
        out?: string;
        draws?: number;
        seed: string;
        uncertainty?: string;
        spread?: number;
        salience: "share" | "max";
        shard?: Shard;
      } & WhatIfCliOptions,
    ) => {
      // Without --draws there is one forecast: an uncertainty that would go unused is refused.
      if (opts.draws === undefined && (opts.uncertainty !== undefined || opts.spread !== undefined))
        throw new TreatylabError(
          `${opts.uncertainty !== undefined ? "--uncertainty" : "--spread"} describes the Monte Carlo over the inputs: give --draws <n> too (e.g. --draws 1000)`,
        );
      const loaded = await loadForecastInput(ref, opts.uncertainty);
      if (loaded.kind === "tables" && whatIf.active(opts))
        throw new TreatylabError(
          `${ref}: --edits and --param change a scenario; this input is a forecast table (edit the table instead)`,
        );
      const input =
        loaded.kind === "scenario" && whatIf.active(opts)
          ? { ...loaded, scenario: await whatIf.apply(loaded.scenario, opts) }
          : loaded;
      const options = { model: opts.model, rounds: opts.rounds, salience: opts.salience };
      // Nothing to forecast is an error, for one run and a Monte Carlo alike (it printed an empty
      // forecast and exit 0): the scenario's options need positions on a scale, which a
      // forecast-inputs file gives.
      if (
        input.kind === "scenario" &&
        scenarioForecastTables(input.scenario, { salience: opts.salience }).tables.length === 0
      )
        throw new TreatylabError(
          `${ref}: no issue has an ordered scale, so there is nothing to forecast; give the options positions (docs/forecast.md), or forecast a forecast-inputs file such as examples/forecast/ukraine-2025.json`,
        );
      if (opts.shard && opts.draws === undefined)
        throw new TreatylabError("--shard splits a Monte Carlo: give --draws <n> too");
      if (opts.draws !== undefined) {
        if (opts.format === "svg" || opts.format === "vega")
          throw new TreatylabError("the Monte Carlo output is a table: use --format table, markdown, csv or json");
        if (opts.shard && opts.format !== "json")
          throw new TreatylabError("a shard's output is for `treatylab merge`: use --format json");
        let job: ForecastMonteCarloJob;
        if (input.kind === "tables") {
          if (opts.uncertainty)
            throw new TreatylabError("--uncertainty applies to scenarios; for a table give --spread <s>");
          if (opts.spread === undefined)
            throw new TreatylabError("a Monte Carlo over a table needs --spread <s> (e.g. --spread 0.1)");
          job = {
            input: { kind: "tables", tables: input.tables, spread: opts.spread },
            options: { ...options, draws: opts.draws, seed: opts.seed },
          };
        } else {
          let spec: UncertaintySpec | null = input.uncertainty;
          if (opts.spread !== undefined) {
            if (!(opts.spread >= 0)) throw new TreatylabError(`--spread ${opts.spread} is not a number >= 0`);
            if (spec) throw new TreatylabError("give either an uncertainty declaration or --spread, not both");
            spec = { "parties.*.weights.*": { spread: opts.spread } };
          }
          if (!spec)
            throw new TreatylabError(
              'no uncertainty declared: give --uncertainty <file>, a top-level "uncertainty" object in the scenario file, or --spread <s>',
            );
          job = {
            input: { kind: "scenario", scenario: input.scenario, uncertainty: spec },
            options: { ...options, draws: opts.draws, seed: opts.seed },
          };
        }
        const threads = checkThreads(opts.threads, Boolean(opts.forceThreads));
        const bar = progress(ctx, "forecast", "draws");
        let run: Awaited<ReturnType<typeof runForecastMonteCarloParallel>>;
        try {
          run = await runForecastMonteCarloParallel(job, {
            threads,
            onProgress: bar.update,
            ...(opts.shard ? { shard: opts.shard } : {}),
          });
        } finally {
          bar.stop();
        }
        if (opts.shard) {
          await emit(ctx, jsonResult(run), opts.out);
          return;
        }
        const result = run as ForecastMonteCarloResult;
        await emit(
          ctx,
          opts.format === "json" ? jsonResult(result) : formatForecastMonteCarlo(result, opts.format, tableLayout(ctx)),
          opts.out,
        );
        return;
      }
      const output: ForecastOutput =
        input.kind === "tables"
          ? { kind: "tables", issues: input.tables.map((t) => forecast(t, options)) }
          : { kind: "scenario", result: forecastScenario(input.scenario, options) };
      const issues = output.kind === "tables" ? output.issues : output.result.issues;
      const text =
        opts.format === "json"
          ? forecastJson(output)
          : opts.format === "csv"
            ? forecastCsv(issues)
            : opts.format === "svg"
              ? await renderSvg(forecastRoundsSpec(issues))
              : opts.format === "vega"
                ? vegaLiteJson(forecastRoundsSpec(issues))
                : formatForecast(output, opts.format, tableLayout(ctx));
      await emit(ctx, text, opts.out, opts.format);
    },
  );
}
