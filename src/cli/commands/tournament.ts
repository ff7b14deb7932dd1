import { type Command, Option } from "commander";
import type { Scenario } from "../../model/types.js";
import { tournament, type TournamentResult } from "../../simulation/tournament.js";
import { builtinStrategies } from "../../simulation/strategies/registry.js";
import { withProgress } from "../progress.js";
import { type CliContext, emit, jsonResult, tableLayout } from "../context.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { formatOption, outOption, positiveInteger } from "../options.js";
import { partyNumbers } from "../partyValues.js";
import { addNegotiationOptions, delayOptions, type NegotiationCliOptions, readEvents } from "./simulate.js";

function formatRunsCsv(result: TournamentResult): string {
  const parties = [...new Set(result.runs.flatMap((r) => Object.keys(r.strategies)))];
  return renderTable(
    [
      "scenario",
      "seed",
      ...parties.map((p) => `strategy_${p}`),
      "agreed",
      "rounds",
      ...parties.map((p) => `u_${p}`),
      ...parties.map((p) => `payoff_${p}`),
      "nash_distance",
    ],
    result.runs.map((r) => [
      r.scenario,
      r.seed,
      ...parties.map((p) => r.strategies[p] ?? null),
      r.agreed ? "yes" : "no",
      r.rounds,
      ...parties.map((p) => r.utilities[p] ?? null),
      ...parties.map((p) => r.payoffs[p] ?? null),
      r.nashDistance,
    ]),
    "csv",
  );
}

function formatTournament(t: TournamentResult, format: TableFormat, layout: TableLayout): string {
  const head = [
    "strategy",
    "runs",
    "agreement rate",
    "mean utility",
    "mean payoff",
    "mean rounds",
    "mean distance to Nash",
  ];
  const rows = t.summary.map((s) => [
    s.strategy,
    s.runs,
    s.agreementRate,
    s.meanUtility,
    s.meanPayoff,
    s.meanRounds,
    s.meanNashDistance,
  ]);
  if (format === "csv")
    return renderTable(
      head.map((h) => h.replace(/ /g, "_")),
      rows,
      "csv",
    );
  const fixed = rows.map((r) => r.map((v) => (typeof v === "number" && !Number.isInteger(v) ? v.toFixed(3) : v)));
  return `Tournament: ${t.runs.length} runs, ${t.protocol} protocol, seed ${t.seed}\n${renderTable(head, fixed, format, layout)}`;
}

/**
 * Registers `treatylab tournament <scenarios...>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerTournament } from "./tournament.js";
 * let out = "";
 * const program = new Command();
 * registerTournament(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["tournament", "nash-1950", "--strategies", "boulware,conceder", "--seeds", "1", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).summary[0].meanUtility; // 0.757352941176 (boulware, 4 runs)
 * ```
 */
export function registerTournament(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("tournament")
    .description("run strategies x scenarios x seeds and summarise agreement rates, utilities and rounds")
    .argument("<scenarios...>", "scenario JSON files or built-in ids");
  const whatIf = addWhatIfOptions(cmd);
  addNegotiationOptions(cmd)
    .option(
      "--strategies <names>",
      `comma-separated strategies (name[:key=value...]); built-ins: ${Object.keys(builtinStrategies).join(", ")}`,
      "boulware,linear,conceder,hardliner,tit-for-tat",
    )
    .addOption(
      new Option("--seeds <n>", "repetitions of each pairing, each with its own sub-seed")
        .argParser(positiveInteger)
        .default(1),
    )
    .addOption(
      new Option(
        "--runs",
        "with --format json: include every run; with --format csv: one row per run instead of the summary",
      ),
    )
    .addOption(formatOption(["table", "json", "csv", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab tournament nash-1950 --strategies boulware,conceder,hardliner --seeds 3 --seed 1
  $ treatylab tournament nash-1950 ukraine-2025 --strategies boulware,random --seeds 10 --scope zopa --protocol stacked --format csv --runs`,
    )
    .action(
      async (
        refs: string[],
        opts: NegotiationCliOptions & {
          strategies: string;
          seeds: number;
          runs?: boolean;
          format: TableFormat | "json";
          out?: string;
        } & WhatIfCliOptions,
      ) => {
        const scenarios: Scenario[] = [];
        for (const ref of refs) scenarios.push(await whatIf.load(ref, opts));
        const events = await readEvents(opts.events);
        const result = await withProgress(ctx, "tournament", "negotiations", (onProgress) =>
          tournament(scenarios, {
            strategies: opts.strategies
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
            protocol: opts.protocol,
            rounds: opts.rounds,
            deadline: opts.deadline,
            seeds: opts.seeds,
            seed: opts.seed,
            delay: delayOptions(opts),
            scope: opts.scope,
            hazard: opts.hazard,
            breakdownCost: partyNumbers("--breakdown-cost", opts.breakdownCost),
            events: Object.fromEntries(scenarios.map((s) => [s.id, events])),
            onProgress,
          }),
        );
        let text: string;
        if (opts.runs && opts.format === "csv") text = formatRunsCsv(result);
        else if (opts.format === "json")
          text = jsonResult(
            opts.runs
              ? result
              : { seed: result.seed, protocol: result.protocol, runs: result.runs.length, summary: result.summary },
          );
        else text = formatTournament(result, opts.format, tableLayout(ctx));
        await emit(ctx, text, opts.out, opts.format);
      },
    );
}
