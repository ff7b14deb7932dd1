import { type Command, Option } from "commander";
import { DEFAULT_MAX_OUTCOMES } from "../../analysis/analyze.js";
import { applyForecastInputs } from "../../forecast/inputs.js";
import { FORECAST_MODEL_NAMES } from "../../forecast/models.js";
import type { ForecastModelName } from "../../forecast/types.js";
import { readJsonFile } from "../../files/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import { buildReport } from "../../report/buildReport.js";
import { type CliContext, emit, GENERATOR } from "../context.js";
import { progress } from "../progress.js";
import { collect, positiveInteger, seedText } from "../options.js";
import { writesFormat } from "../outFormat.js";
import { partyList, readLabelledProposal, readPlottableResult } from "../plotInputs.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { addGraphModelOptions, bridgeOptions, type GraphModelCliOptions } from "../graphModelOptions.js";
import { requireGraphModel } from "../../files/loadGraphModel.js";
import type { ReportStability } from "../../report/stabilitySection.js";

/**
 * Registers `treatylab report <scenario> -o report.html`: one self-contained HTML file with the
 * scenario, its analysis tables and plots.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerReport } from "./report.js";
 * let out = "";
 * const program = new Command();
 * registerReport(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["report", "nash-1950"], { from: "user" });
 * out.slice(0, 15); // "<!DOCTYPE html>"
 * ```
 */
export function registerReport(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("report")
    .description("write a self-contained HTML report: parties, issues, assumptions, sources, analysis tables and plots")
    .argument("<scenario>", "a scenario JSON file, a GENIUS folder or a built-in id (see `treatylab scenarios`)")
    .addOption(
      writesFormat(new Option("-o, --out <file>", "write the report to <file> (atomically); default: stdout"), "html"),
    )
    .option(
      "-p, --proposal <file>",
      'a proposal to check and mark: { "title", "bundle": {...} } (repeatable)',
      collect,
      [],
    )
    .option(
      "-a, --attach <file>",
      "a --format json result of simulate, tournament, sweep, sensitivity or montecarlo to plot (repeatable)",
      collect,
      [],
    )
    .option("--parties <a,b>", "the two parties on the utility-space axes (default: the first two)")
    .option("--seed <seed>", "seed of the utility-space sample (same seed, same report)", seedText, "0")
    .option("--no-findings", "leave out the section on what the result hangs on")
    .addOption(
      new Option(
        "--forecast <model>",
        "add an outcome forecast (docs/forecast.md): the bundle as a checked proposal, positions by round as a plot",
      ).choices(FORECAST_MODEL_NAMES),
    )
    .option(
      "--forecast-inputs <file>",
      "forecast inputs (capabilities, issue scales) to apply first, e.g. examples/forecast/ukraine-2025.json",
    )
    .addOption(
      new Option("--max-outcomes <n>", "refuse outcome spaces larger than n bundles")
        .argParser(positiveInteger)
        .default(DEFAULT_MAX_OUTCOMES),
    )
    .option(
      "--graph-model <model>",
      "add a stability section for this graph model: a built-in id (see `treatylab stability --list`), a .gmcr or graph-model JSON file (default: the built-in model paired with the scenario, e.g. ukraine-2025-may for ukraine-2025)",
    )
    .option("--no-stability", "leave out the stability section");
  addGraphModelOptions(whatIfCmd);
  whatIfCmd.addHelpText(
    "after",
    `
The file needs no network to open: styles and plots (SVG) are inline, source addresses are plain text.
Plots need the packages vega and vega-lite (installed with treatylab's development dependencies).

Examples:
  $ treatylab report nash-1950 -o nash.html
  $ treatylab report ukraine-2025 -o ukraine.html --proposal examples/proposals/us-28-point-plan.json
  $ treatylab simulate nash-1950 --format json -o run.json && treatylab report nash-1950 --attach run.json -o nash.html
  $ treatylab report ukraine-2025 --forecast median --forecast-inputs examples/forecast/ukraine-2025.json -o ukraine.html
  $ treatylab report ukraine-2025 --status-quo YNNNNNYNNN --sanctions gmcr-plus -o ukraine.html    # stability of the paired ukraine-2025-may model
  $ treatylab report nash-1950 --control bill=book,whip --control jack=pen,toy -o nash.html         # stability of the Nash settlement's clauses
  $ treatylab report nash-1950 --graph-model elmira.gmcr -o nash.html`,
  );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      ref: string,
      opts: {
        out?: string;
        proposal: string[];
        attach: string[];
        parties?: string;
        seed: string;
        maxOutcomes: number;
        findings: boolean;
        forecast?: ForecastModelName;
        forecastInputs?: string;
        graphModel?: string;
        stability: boolean;
      } & GraphModelCliOptions &
        WhatIfCliOptions,
    ) => {
      let scenario = await whatIf.load(ref, opts);
      if (opts.forecastInputs) {
        const file = opts.forecastInputs;
        scenario = await readJsonFile(file).then((data) => {
          try {
            return applyForecastInputs(scenario, data);
          } catch (err) {
            throw err instanceof TreatylabError ? new TreatylabError(`${file}: ${err.message}`) : err;
          }
        });
      }
      const stability = await reportStability(opts);
      const proposals = await Promise.all(opts.proposal.map(readLabelledProposal));
      const attachments = await Promise.all(opts.attach.map(readPlottableResult));
      const bar = progress(ctx, "report", "steps");
      let html: string;
      try {
        html = await buildReport(scenario, {
          proposals,
          attachments,
          parties: partyList(opts.parties),
          seed: opts.seed,
          maxOutcomes: opts.maxOutcomes,
          findings: opts.findings,
          ...(opts.forecast ? { forecast: { model: opts.forecast, rounds: 10 } } : {}),
          ...(stability !== undefined ? { stability } : {}),
          generator: `${GENERATOR.name} ${GENERATOR.version}`,
          onProgress: (done, total) => bar.update(done, total),
        });
      } finally {
        bar.stop();
      }
      await emit(ctx, html, opts.out);
    },
  );
}

/** The stability section's input from the command line: false, a graph model, the scenario bridge, or undefined (the paired built-in model). */
async function reportStability(
  opts: { graphModel?: string; stability: boolean } & GraphModelCliOptions,
): Promise<ReportStability | false | undefined> {
  const given = opts.graphModel !== undefined || opts.control.length > 0;
  if (!opts.stability) {
    if (given)
      throw new TreatylabError(
        "--no-stability leaves the stability section out: drop --graph-model and --control, or --no-stability",
      );
    return false;
  }
  if (opts.graphModel !== undefined && opts.control.length > 0)
    throw new TreatylabError(
      "give either --graph-model or --control (to derive the graph model from the scenario), not both",
    );
  const common = { sanctions: opts.sanctions, ...(opts.statusQuo !== undefined ? { statusQuo: opts.statusQuo } : {}) };
  if (opts.graphModel !== undefined)
    return { model: await requireGraphModel(opts.graphModel), source: opts.graphModel, ...common };
  if (opts.control.length > 0) return { fromScenario: await bridgeOptions(opts), ...common };
  // the paired built-in model (if any), with the given status quo and sanction rule
  return opts.statusQuo !== undefined || opts.sanctions !== "standard" ? common : undefined;
}
