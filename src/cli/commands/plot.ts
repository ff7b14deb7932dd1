import { promises as fs } from "node:fs";
import { type Command, Option } from "commander";
import { analyze, DEFAULT_MAX_OUTCOMES } from "../../analysis/analyze.js";
import { checkProposal } from "../../analysis/checkProposal.js";
import { prepare } from "../../analysis/prepare.js";
import { readJsonFile } from "../../files/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import { detectResult, type PlottableResult, resultPlot } from "../../plots/resultPlot.js";
import { type NamedPlot, SCENARIO_PLOT_KINDS, type ScenarioPlotKind, scenarioPlot } from "../../plots/scenarioPlots.js";
import { renderSvg } from "../../render/renderSvg.js";
import { isBuiltinScenarioId, loadBuiltinScenario } from "../../scenarios/catalog.js";
import { type CliContext, emit, vegaLiteJson } from "../context.js";
import { collect, formatOption, outOption, positiveInteger, seedText } from "../options.js";
import { partyList, readLabelledProposal } from "../plotInputs.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

const RESULT_KINDS = ["trace", "tournament", "sweep", "tornado", "montecarlo"] as const;
const KINDS = [...SCENARIO_PLOT_KINDS, ...RESULT_KINDS];

/** A result file when `source` is a JSON file holding one, else null (then it is a scenario). */
async function resultSource(source: string): Promise<PlottableResult | null> {
  if (!source.toLowerCase().endsWith(".json")) return null;
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat?.isFile()) return null;
  return detectResult(await readJsonFile(source));
}

/**
 * The built-in scenario a trace names, for its labels (other results carry their scenario or name
 * none); only that scenario's module is loaded.
 */
async function labelSource(r: PlottableResult): Promise<Parameters<typeof resultPlot>[1]> {
  return r.kind === "trace" && isBuiltinScenarioId(r.result.scenario)
    ? await loadBuiltinScenario(r.result.scenario)
    : undefined;
}

/**
 * Registers `treatylab plot <source>`: one plot of a scenario (utility space, frontier matrix,
 * parallel coordinates) or of a saved result (negotiation trace, sweep, tornado, Monte Carlo), as
 * SVG or as its Vega-Lite spec (JSON) for restyling.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerPlot } from "./plot.js";
 * let out = "";
 * const program = new Command();
 * registerPlot(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["plot", "nash-1950", "--format", "json"], { from: "user" });
 * JSON.parse(out).title.text; // "Utility space: Nash (1950): the Bill and Jack barter"
 * ```
 */
export function registerPlot(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("plot")
    .description("draw one plot as SVG, or print its Vega-Lite spec (JSON) to restyle it")
    .argument(
      "<source>",
      "a scenario (file, folder or built-in id), or a --format json result of simulate, tournament, sweep, sensitivity or montecarlo",
    )
    .addOption(new Option("-k, --kind <kind>", "what to draw (results: their own kind, detected)").choices(KINDS))
    .addOption(formatOption(["svg", "json"], "svg"))
    .addOption(outOption())
    .option("--parties <a,b>", "utility space: the parties on the x and y axes (default: the first two)")
    .option(
      "-p, --proposal <file>",
      'utility space: a proposal to mark, { "title", "bundle": {...} } (repeatable)',
      collect,
      [],
    )
    .option("--zoom", "utility space: zoom on the ZOPA (the default with more than two parties)")
    .option("--no-zoom", "utility space: show the whole [0, 1] square")
    .option("--seed <seed>", "seed of the utility-space sample (same seed, same plot)", seedText, "0")
    .addOption(
      new Option("--max-outcomes <n>", "refuse outcome spaces larger than n bundles")
        .argParser(positiveInteger)
        .default(DEFAULT_MAX_OUTCOMES),
    )
    .addHelpText(
      "after",
      `
Kinds: utility-space (default for scenarios), frontier-matrix, parallel-coordinates; for results: trace (simulate), tournament, sweep, tornado (sensitivity), montecarlo. SVG needs the packages vega and vega-lite; the JSON spec does not (render it with any Vega-Lite tool).

Examples:
  $ treatylab plot nash-1950 --out nash.svg
  $ treatylab plot ukraine-2025 --kind utility-space --parties russia,ukraine --proposal examples/proposals/us-28-point-plan.json -o plan.svg
  $ treatylab plot ukraine-2025 --kind frontier-matrix --format json > frontier.vl.json
  $ treatylab simulate nash-1950 --format json -o run.json && treatylab plot run.json -o run.svg`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      source: string,
      opts: {
        kind?: (typeof KINDS)[number];
        format: "svg" | "json";
        out?: string;
        parties?: string;
        proposal: string[];
        zoom?: boolean;
        seed: string;
        maxOutcomes: number;
      } & WhatIfCliOptions,
    ) => {
      let plot: NamedPlot;
      const result = await resultSource(source);
      if (result) {
        if (whatIf.active(opts))
          throw new TreatylabError(`${source} is a saved result: --edits and --param apply to a scenario`);
        if (opts.kind && opts.kind !== result.kind)
          throw new TreatylabError(
            `${source} holds a ${result.kind} result; it cannot be drawn as --kind ${opts.kind}`,
          );
        plot = resultPlot(result, await labelSource(result));
      } else {
        const kind = opts.kind ?? "utility-space";
        if ((RESULT_KINDS as readonly string[]).includes(kind))
          throw new TreatylabError(
            `--kind ${kind} plots a saved result: run the command with --format json --out result.json, then treatylab plot result.json`,
          );
        const c = prepare(await whatIf.load(source, opts));
        const analysis = analyze(c, { maxOutcomes: opts.maxOutcomes });
        const proposals = (await Promise.all(opts.proposal.map(readLabelledProposal))).map((p) => ({
          label: p.label,
          utilities: checkProposal(c, p.bundle, { alternatives: 0 }).utilities,
        }));
        plot = scenarioPlot(c, analysis, kind as ScenarioPlotKind, {
          parties: partyList(opts.parties),
          proposals,
          seed: opts.seed,
          zoom: opts.zoom,
        });
      }
      await emit(ctx, opts.format === "json" ? vegaLiteJson(plot.spec) : await renderSvg(plot.spec), opts.out);
    },
  );
}
