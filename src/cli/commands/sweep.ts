import { type Command, Option } from "commander";
import { SOLUTION_NAMES, type SolutionName } from "../../solutions/solutionConcepts.js";
import { axisValues, type SweepAxis } from "../../sensitivity/sweep.js";
import type { SweepOutput } from "../../sensitivity/sweepPart.js";
import { runSweepParallel } from "../../workers/runSweepParallel.js";
import { TreatylabError } from "../../model/errors.js";
import { type CliContext, emit, jsonLine, jsonResult, tableLayout } from "../context.js";
import { groupDigits } from "../../model/groupDigits.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { collect, outOption, formatOption } from "../options.js";
import { addBatchOptions, type BatchCliOptions, batchRunOptions } from "../batchOptions.js";
import { progress } from "../progress.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Parses `--param path=from:to:steps` or `--param path=v1,v2,...`.
 *
 * @example
 * ```ts
 * import { parseAxis } from "./sweep.js";
 * parseAxis("parties.russia.reservation=0.3:0.6:7"); // { parameter: "parties.russia.reservation", from: 0.3, ... }
 * parseAxis("parties.bill.reservation=0.2,0.5"); // { parameter: "parties.bill.reservation", values: [0.2, 0.5] }
 * ```
 */
export function parseAxis(text: string): SweepAxis {
  const eq = text.lastIndexOf("=");
  if (eq <= 0) throw new TreatylabError(`--param "${text}": expected path=from:to:steps or path=v1,v2,...`);
  const parameter = text.slice(0, eq);
  const spec = text.slice(eq + 1);
  const num = (s: string): number => {
    const n = Number(s);
    if (s.trim() === "" || !Number.isFinite(n)) throw new TreatylabError(`--param "${text}": "${s}" is not a number`);
    return n;
  };
  if (spec.includes(":")) {
    const parts = spec.split(":");
    if (parts.length !== 3) throw new TreatylabError(`--param "${text}": expected from:to:steps, e.g. 0.3:0.6:7`);
    const steps = num(parts[2]!);
    if (!Number.isSafeInteger(steps) || steps < 1)
      throw new TreatylabError(
        `--param "${text}": steps ${parts[2]} is not a positive integer (the number of grid points)`,
      );
    const axis = { parameter, from: num(parts[0]!), to: num(parts[1]!), steps };
    axisValues(axis, `--param "${text}"`); // the grid's own rules (one point cannot hold two ends)
    return axis;
  }
  return { parameter, values: spec.split(",").map(num) };
}

/**
 * Parses a comma-separated list of solution names.
 *
 * @example
 * ```ts
 * import { parseSolutions } from "./sweep.js";
 * parseSolutions("nash,utilitarian"); // ["nash", "utilitarian"]
 * parseSolutions("kalai-smorodinsky"); // ["kalaiSmorodinsky"], as analyze's CSV spells it
 * ```
 */
export function parseSolutions(text: string): SolutionName[] {
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Spelt as the tables print them too (`kalai-smorodinsky` in analyze's CSV): case, hyphens and
  // underscores do not matter.
  const key = (s: string): string => s.toLowerCase().replace(/[-_]/g, "");
  return list.map((s) => {
    const name = SOLUTION_NAMES.find((n) => key(n) === key(s));
    if (name === undefined) throw new TreatylabError(`unknown solution "${s}"; expected ${SOLUTION_NAMES.join(", ")}`);
    return name;
  });
}

/**
 * Formats sweep rows as a table (markdown, csv): one column per parameter, the ZOPA size, then
 * each solution's utilities and its bundle (`issue=option; ...`).
 *
 * @example
 * ```ts
 * import { nash1950, sweep } from "treatylab";
 * import { sweepOutput } from "treatylab/advanced";
 * import { formatSweep } from "./sweep.js";
 * const axes = [{ parameter: "parties.bill.reservation", from: 0.2, to: 0.8, steps: 3 }];
 * const spec = { axes, solutions: ["nash"] as const };
 * const rows = sweep(nash1950, spec);
 * const csv = formatSweep(sweepOutput(nash1950, spec, rows, { start: 0, end: rows.length }), "csv").split("\n");
 * csv[0]; // "parties.bill.reservation,zopaSize,nash.bill,nash.jack,nash.bundle"
 * csv[1]?.slice(0, 39); // "0.2,362,0.705882352941,0.6875,book=jack"
 * ```
 */
export function formatSweep(out: SweepOutput, format: TableFormat, layout: TableLayout = {}): string {
  const solutions = Object.keys(out.rows[0]?.solutions ?? {}) as SolutionName[];
  const parties = out.job.scenario.parties.map((p) => p.id);
  const head = [
    ...out.axes.map((a) => a.parameter),
    "zopaSize",
    ...solutions.flatMap((s) => [...parties.map((p) => `${s}.${p}`), `${s}.bundle`]),
  ];
  const rows = out.rows.map((r) => [
    ...out.axes.map((a) => r.values[a.parameter] ?? null),
    // Counts grouped by thousands for a person (table, markdown), plain digits in CSV.
    format === "csv" ? r.zopaSize : groupDigits(r.zopaSize),
    ...solutions.flatMap((s) => {
      const sol = r.solutions[s];
      // On a terminal, utilities to 3 decimals (markdown and CSV keep every digit).
      const u = (x: number): string | number => (format === "table" ? x.toFixed(3) : x);
      return [
        ...parties.map((p) => (sol ? u(sol.utilities[p]!) : null)),
        sol
          ? Object.entries(sol.bundle)
              .map(([i, o]) => `${i}=${o}`)
              .join("; ")
          : "(empty ZOPA)",
      ];
    }),
  ]);
  return renderTable(head, rows, format, { keyColumns: out.axes.length, ...layout });
}

/**
 * Registers `treatylab sweep <scenario>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerSweep } from "./sweep.js";
 * let out = "";
 * const program = new Command();
 * registerSweep(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["sweep", "nash-1950", "-p", "parties.bill.reservation=0.2:0.8:3", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).rows.map((r: { zopaSize: number }) => r.zopaSize); // [362, 165, 10]
 * ```
 */
export function registerSweep(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("sweep")
    .description("sweep one or two parameters over a grid or a list: ZOPA size and solutions per value (tidy rows)")
    .argument("<scenario>", "a scenario JSON file or a built-in id")
    .option(
      "-p, --param <path=spec>",
      "parameter and values: path=from:to:steps or path=v1,v2,... (once or twice)",
      collect,
      [],
    )
    .addOption(new Option("--solutions <list>", "solutions per row, comma-separated").default(SOLUTION_NAMES.join(",")))
    .addOption(formatOption(["table", "json", "csv", "markdown", "jsonl"], "table"))
    .addOption(outOption());
  const whatIf = addWhatIfOptions(cmd, { paramFlag: "--fix" });
  addBatchOptions(cmd)
    .addHelpText(
      "after",
      `
Parameter paths: parties.<party>.reservation | .power | .weights.<issue> | .values.<issue>.<option>

Examples:
  $ treatylab sweep nash-1950 --param parties.bill.reservation=0.2:0.8:13
  $ treatylab sweep ukraine-2025 -p parties.russia.reservation=0.3:0.6:7 -p parties.ukraine.weights.nato=1,2,4 --format csv
  $ treatylab sweep ukraine-2025 -p parties.russia.reservation=0:1:101 --shard 2/4 --format json --out part2.json
  $ treatylab merge part*.json --format csv`,
    )
    .action(
      async (
        ref: string,
        opts: BatchCliOptions & {
          param: string[];
          solutions: string;
          format: TableFormat | "json" | "jsonl";
          out?: string;
        } & Omit<WhatIfCliOptions, "param">,
      ) => {
        if (opts.param.length === 0)
          throw new TreatylabError("give the parameter(s) to sweep: --param path=from:to:steps (see --help)");
        const scenario = await whatIf.load(ref, opts);
        const spec = { axes: opts.param.map(parseAxis), solutions: parseSolutions(opts.solutions) };
        const bar = progress(ctx, "sweep", "rows");
        let out: SweepOutput;
        try {
          out = await runSweepParallel({ scenario, spec }, { ...batchRunOptions(opts), onProgress: bar.update });
        } finally {
          bar.stop();
        }
        if (out.kind === "treatylab-sweep-part" && opts.format !== "json" && opts.format !== "jsonl")
          throw new TreatylabError("a shard's output is for `treatylab merge`: use --format json");
        const text =
          opts.format === "json"
            ? jsonResult(out)
            : opts.format === "jsonl"
              ? out.rows.map(jsonLine).join("\n")
              : formatSweep(out, opts.format, tableLayout(ctx));
        await emit(ctx, text, opts.out, opts.format);
      },
    );
}
