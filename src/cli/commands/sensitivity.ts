import { type Command, Option } from "commander";
import { TreatylabError } from "../../model/errors.js";
import {
  type BreakEvenChange,
  type BreakEvenEntry,
  type BreakEvenResult,
  breakEven,
  breakEvenParameters,
} from "../../sensitivity/breakEven.js";
import { formatParameter } from "../../edits/parameter.js";
import { BatchPool } from "../../workers/batchPool.js";
import { availableParallelism } from "node:os";
import { progress } from "../progress.js";
import type { SolutionName } from "../../solutions/solutionConcepts.js";
import { type TornadoMetric, type TornadoResult, tornado } from "../../sensitivity/tornado.js";
import { type CliContext, emit, jsonResult, tableLayout } from "../context.js";
import { renderTable, type TableFormat } from "../format/renderTable.js";
import { collect, finiteNumber, formatOption, outOption, positiveInteger } from "../options.js";
import { parseSolutions } from "./sweep.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * `sensitivity --format csv`: one table, one row per parameter (break-even order, then any
 * parameter only the tornado varies): the break-even changes (delta and value reached, empty when
 * none) and the tornado bar; `solution`, `base_zopa_size`, `tornado_metric` and
 * `tornado_metric_base` repeat the run's settings on every row.
 */
function sensitivityCsv(be: BreakEvenResult, tor: TornadoResult, metric: string): string {
  const bars = new Map(tor.bars.map((b) => [b.parameter, b]));
  const change = (c: BreakEvenChange | null): (number | string)[] => (c === null ? ["", ""] : [c.delta, c.to]);
  const head = [
    "parameter",
    "base",
    "solution",
    "solution_up_delta",
    "solution_up_to",
    "solution_down_delta",
    "solution_down_to",
    "base_zopa_size",
    "zopa_up_delta",
    "zopa_up_to",
    "zopa_down_delta",
    "zopa_down_to",
  ];
  const tornadoHead = [
    "tornado_metric",
    "tornado_metric_base",
    "tornado_low",
    "tornado_metric_low",
    "tornado_high",
    "tornado_metric_high",
    "tornado_effect",
  ];
  const tornadoCells = (parameter: string): (number | string)[] => {
    const b = bars.get(parameter);
    return b
      ? [metric, tor.baseMetric, b.low.value, b.low.metric, b.high.value, b.high.metric, b.effect]
      : [metric, tor.baseMetric, "", "", "", "", ""];
  };
  const seen = new Set(be.entries.map((e) => e.parameter));
  const rows = [
    ...be.entries.map((e) => [
      e.parameter,
      e.base,
      be.solutionName,
      ...change(e.solution.up),
      ...change(e.solution.down),
      be.base.zopaSize,
      ...change(e.zopa.up),
      ...change(e.zopa.down),
      ...tornadoCells(e.parameter),
    ]),
    ...tor.bars
      .filter((b) => !seen.has(b.parameter))
      .map((b) => [
        b.parameter,
        b.base,
        be.solutionName,
        "",
        "",
        "",
        "",
        be.base.zopaSize,
        "",
        "",
        "",
        "",
        ...tornadoCells(b.parameter),
      ]),
  ];
  return renderTable([...head, ...tornadoHead], rows, "csv");
}

const show = (c: BreakEvenChange | null): string =>
  c === null ? "-" : `${c.delta >= 0 ? "+" : ""}${c.delta.toPrecision(4)} (to ${c.to.toPrecision(4)})`;

/**
 * Registers `treatylab sensitivity <scenario>`: break-even changes and tornado data.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerSensitivity } from "./sensitivity.js";
 * let out = "";
 * const program = new Command();
 * registerSensitivity(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["sensitivity", "nash-1950", "--format", "json"], { from: "user" });
 * JSON.parse(out).tornado.bars[0].parameter; // "parties.jack.reservation": the widest bar
 * ```
 */
export function registerSensitivity(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("sensitivity")
    .description(
      "break-even analysis (smallest change of each weight and reservation that changes the solution or empties the ZOPA) and tornado data",
    )
    .argument("<scenario>", "a scenario JSON file or a built-in id")
    .addOption(new Option("--solution <name>", "the solution watched").default("nash"))
    .option(
      "-p, --param <pattern>",
      "parameters (paths or patterns with *; repeatable); default every weight and reservation",
      collect,
      [],
    )
    .addOption(
      new Option("--steps <n>", "scan points per direction before bisection").argParser(positiveInteger).default(64),
    )
    .addOption(
      new Option(
        "-t, --threads <k>",
        "threads computing, this one and k - 1 workers (one parameter at a time each; same result for any k)",
      )
        .argParser(positiveInteger)
        .default(availableParallelism()),
    )
    .addOption(
      new Option("--metric <m>", 'tornado metric: "zopa" (ZOPA size) or "utility:<party>" (at the solution)').default(
        "zopa",
      ),
    )
    .addOption(
      new Option("--reservation-swing <x>", "tornado: absolute swing of reservations")
        .argParser(finiteNumber)
        .default(0.05),
    )
    .addOption(
      new Option("--weight-swing <x>", "tornado: relative swing of weights").argParser(finiteNumber).default(0.25),
    )
    .addOption(formatOption(["table", "json", "csv", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab sensitivity nash-1950
  $ treatylab sensitivity ukraine-2025 -p "parties.*.reservation" --metric utility:ukraine --steps 3 --format json`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd, { paramFlag: "--fix" });
  whatIfCmd.action(
    async (
      ref: string,
      opts: {
        solution: string;
        param: string[];
        steps: number;
        threads: number;
        metric: string;
        reservationSwing: number;
        weightSwing: number;
        format: TableFormat | "json";
        out?: string;
      } & Omit<WhatIfCliOptions, "param">,
    ) => {
      const scenario = await whatIf.load(ref, opts);
      const solution = parseSolutions(opts.solution)[0] as SolutionName;
      let metric: TornadoMetric;
      if (opts.metric === "zopa") metric = "zopaSize";
      else if (opts.metric.startsWith("utility:")) metric = { party: opts.metric.slice("utility:".length) };
      else throw new TreatylabError(`--metric "${opts.metric}": expected zopa or utility:<party>`);
      const parameters = opts.param.length ? { parameters: opts.param } : {};
      // Break-even searches run one parameter per block on worker threads.
      const paths = breakEvenParameters(scenario, opts.param.length ? opts.param : undefined).map(formatParameter);
      const base = breakEven(scenario, { solution, steps: opts.steps, parameters: [] });
      const pool = new BatchPool(
        "sensitivity",
        { scenario, options: { solution, steps: opts.steps, parameters: paths } },
        opts.threads,
      );
      const bar = progress(ctx, "sensitivity", "parameters");
      let entries: BreakEvenEntry[][];
      try {
        let done = 0;
        bar.update(0, paths.length);
        entries = await pool.run<BreakEvenEntry[]>(
          paths.map((_, k) => [k, k + 1] as const),
          () => bar.update(++done, paths.length),
        );
      } finally {
        bar.stop();
        await pool.close();
      }
      const be = { ...base, entries: entries.flat() };
      const tor = tornado(scenario, {
        solution,
        metric,
        reservationSwing: opts.reservationSwing,
        weightSwing: opts.weightSwing,
        ...parameters,
      });
      if (opts.format === "json") {
        await emit(ctx, jsonResult({ breakEven: be, tornado: tor }), opts.out);
        return;
      }
      if (opts.format === "csv") {
        await emit(ctx, sensitivityCsv(be, tor, opts.metric), opts.out);
        return;
      }
      // A utility metric to 4 decimals, as the tables round (the JSON and CSV keep every digit).
      const shown = (x: number): string | number => (metric === "zopaSize" ? x : x.toFixed(4));
      const text = [
        `Break-even changes (solution: ${be.solutionName}; base ZOPA size ${be.base.zopaSize}):`,
        renderTable(
          ["parameter", "base", "solution up", "solution down", "ZOPA up", "ZOPA down"],
          be.entries.map((e) => [
            e.parameter,
            e.base.toPrecision(4),
            show(e.solution.up),
            show(e.solution.down),
            show(e.zopa.up),
            show(e.zopa.down),
          ]),
          opts.format,
          tableLayout(ctx),
        ),
        `\nTornado (metric: ${metric === "zopaSize" ? "ZOPA size" : `utility of ${metric.party}`}; base ${shown(tor.baseMetric)}):`,
        renderTable(
          ["parameter", "low", "metric at low", "high", "metric at high", "effect"],
          tor.bars.map((b) => [
            b.parameter,
            b.low.value.toPrecision(4),
            shown(b.low.metric),
            b.high.value.toPrecision(4),
            shown(b.high.metric),
            shown(b.effect),
          ]),
          opts.format,
          tableLayout(ctx),
        ),
      ].join("\n");
      await emit(ctx, text, opts.out, opts.format);
    },
  );
}
