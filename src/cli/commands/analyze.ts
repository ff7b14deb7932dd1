import { type Command, Option } from "commander";
import { analyze, chooseAlgorithm, DEFAULT_MAX_OUTCOMES } from "../../analysis/analyze.js";
import { prepare } from "../../analysis/prepare.js";
import { ALGORITHM_CHOICES, type AlgorithmChoice } from "../../analysis/types.js";
import { type AnalysisFormat, formatAnalysis } from "../format/formatAnalysis.js";
import { type CliContext, emit, progressUnit, tableLayout, withProgressIfShown } from "../context.js";
import { formatOption, outOption, positiveInteger, seedText } from "../options.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { DEFAULT_MAX_CANDIDATES } from "../../frontier/decomposedFrontier.js";

/**
 * Registers `treatylab analyze <scenario>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerAnalyze } from "./analyze.js";
 * let out = "";
 * const program = new Command();
 * registerAnalyze(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["analyze", "nash-1950", "--format", "json"], { from: "user" });
 * JSON.parse(out).solutions.nash.utilities; // { bill: 0.705882352941, jack: 0.6875 }
 * ```
 */
export function registerAnalyze(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("analyze")
    .description("ZOPA, Pareto frontier and bargaining solutions of a scenario, computed exactly")
    .argument("<scenario>", "a scenario JSON file or a built-in id (see `treatylab scenarios`)")
    .addOption(formatOption(["table", "json", "markdown", "csv"], "table"))
    .addOption(outOption())
    .addOption(
      new Option("--max-outcomes <n>", "refuse outcome spaces larger than n bundles")
        .argParser(positiveInteger)
        .default(DEFAULT_MAX_OUTCOMES),
    )
    .addOption(
      new Option("--frontier-rows <n>", "frontier points shown in table and markdown output")
        .argParser(positiveInteger)
        .default(15),
    )
    .addOption(
      new Option(
        "--algorithm <name>",
        "auto: frontier when utilities are additive, else enumerate; frontier: build the Pareto frontier issue by issue; enumerate: walk every bundle",
      )
        .choices(ALGORITHM_CHOICES)
        .default("auto"),
    )
    .addOption(
      new Option(
        "--findings [n]",
        "list the n assumptions (default 3) the zone of agreement hangs on: reservations and pivotal option values, exactly",
      ).argParser(positiveInteger),
    )
    .option(
      "--genius",
      "also give GENIUS's own Kalai-Smorodinsky variant (minimal summed gaps |u_i - u_j|), by that name",
    )
    .addOption(
      new Option("--memory-budget <MB>", "memory the frontier algorithm may use before it stops with an error")
        .argParser(positiveInteger)
        .default(1024),
    )
    .addOption(
      new Option(
        "--max-candidates <n>",
        "candidate sums the frontier algorithm may form before it refuses (bounds its running time)",
      )
        .argParser(positiveInteger)
        .default(DEFAULT_MAX_CANDIDATES),
    )
    .addOption(
      new Option("--seed <seed>", "seed of the ZOPA-size estimate (used only when the size cannot be counted exactly)")
        .argParser(seedText)
        .default("treatylab-zopa"),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab analyze ukraine-2025
  $ treatylab analyze ukraine-2025 --findings
  $ treatylab analyze my-scenario.json --format json --out analysis.json
  $ treatylab analyze nash-1950 --format csv > nash.csv
  $ treatylab analyze big-agenda.json --algorithm frontier --memory-budget 4096 --format json`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      ref: string,
      opts: {
        format: AnalysisFormat;
        out?: string;
        maxOutcomes: number;
        frontierRows: number;
        algorithm: AlgorithmChoice;
        memoryBudget: number;
        maxCandidates: number;
        seed: string;
        genius?: boolean;
        findings?: number | true;
      } & WhatIfCliOptions,
    ) => {
      const scenario = await whatIf.load(ref, opts);
      const run = (onProgress?: (done: number, total: number) => void) =>
        analyze(scenario, {
          maxOutcomes: opts.maxOutcomes,
          algorithm: opts.algorithm,
          memoryBudgetBytes: opts.memoryBudget * 2 ** 20,
          maxCandidates: opts.maxCandidates,
          seed: opts.seed,
          geniusVariants: opts.genius === true,
          ...(onProgress ? { onProgress } : {}),
        });
      // Progress (a bar on a terminal, a heartbeat with --verbose): candidate sums of the frontier
      // algorithm, or bundles of the outcome space walked past by enumeration.
      const unit = () => progressUnit(chooseAlgorithm(prepare(scenario), opts.algorithm));
      const result = await withProgressIfShown(ctx, "analyze", unit, run);
      const options = {
        maxOutcomes: opts.maxOutcomes,
        algorithm: opts.algorithm,
        memoryBudgetBytes: opts.memoryBudget * 2 ** 20,
        maxCandidates: opts.maxCandidates,
        seed: opts.seed,
      };
      // --findings only: its module stays off the start path of a plain `analyze` (issue 18)
      const found =
        opts.findings === undefined
          ? undefined
          : (await import("../../sensitivity/findings.js")).findings(scenario, {
              ...options,
              analysis: result,
              max: opts.findings === true ? 3 : opts.findings,
            });
      await emit(
        ctx,
        formatAnalysis(result, opts.format, {
          frontierRows: opts.frontierRows,
          findings: found,
          layout: tableLayout(ctx),
        }),
        opts.out,
        opts.format,
      );
    },
  );
}
