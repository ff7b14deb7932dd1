import type { Command } from "commander";
import { TreatylabError } from "../../model/errors.js";
import { validationSpec } from "../../plots/validationChart.js";
import { renderSvg } from "../../render/renderSvg.js";
import { type SnapshotResult, UKRAINE_SNAPSHOTS, validationSeries } from "../../validation/index.js";
import { type CliContext, emit, jsonResult, vegaLiteJson, tableLayout, withProgressIfShown } from "../context.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { formatOption, outOption } from "../options.js";

const SETS = { ukraine: UKRAINE_SNAPSHOTS } as const;

/**
 * `validation --format csv`: one table, one row per published plan with its snapshot's columns
 * repeated (a snapshot without a plan has one row with the plan columns empty).
 */
function seriesCsv(rows: readonly SnapshotResult[]): string {
  const head = [
    "date",
    "snapshot",
    "role",
    "outcomes",
    "zopa",
    "zopa_share",
    "nash_donbas",
    "nash_guarantees",
    "outcome_on_record",
    "plan",
    "tabled_by",
    "accepted_by_all_model",
    "rejected_by_model",
    "rejected_by_record",
    "match",
  ];
  const out = rows.flatMap((r) => {
    const snapshot = [
      r.date,
      r.id,
      r.role,
      r.outcomes,
      r.zopa,
      r.zopa / r.outcomes,
      r.nash?.bundle.donbas ?? "",
      r.nash?.bundle.guarantees ?? "",
      r.outcome.agreement ? "agreement" : "no agreement",
    ];
    const plans = r.plans.map((p) => [
      p.title,
      p.by,
      String(p.acceptedByAll),
      p.modelRejectedBy.join(";"),
      p.recordRejectedBy.join(";"),
      p.match,
    ]);
    return (plans.length ? plans : [["", "", "", "", "", ""]]).map((p) => [...snapshot, ...p]);
  });
  return renderTable(head, out, "csv");
}

function formatSeries(rows: readonly SnapshotResult[], format: TableFormat, layout: TableLayout): string {
  if (format === "csv") return seriesCsv(rows);
  const dates = renderTable(
    [
      "date",
      "snapshot",
      "role",
      "outcomes",
      "ZOPA",
      "ZOPA share",
      "Nash: Donbas",
      "Nash: guarantees",
      "outcome on record",
    ],
    rows.map((r) => [
      r.date,
      r.id,
      r.role,
      String(r.outcomes),
      String(r.zopa),
      `${((100 * r.zopa) / r.outcomes).toFixed(2)}%`,
      r.nash?.bundle.donbas ?? "-",
      r.nash?.bundle.guarantees ?? "-",
      r.outcome.agreement ? "agreement" : "no agreement",
    ]),
    format,
    layout,
  );
  const plans = renderTable(
    ["date", "plan", "tabled by", "accepted by all (model)", "rejected by (model)", "rejected by (record)", "match"],
    rows.flatMap((r) =>
      r.plans.map((p) => [
        r.date,
        p.title,
        p.by,
        p.acceptedByAll ? "yes" : "no",
        p.modelRejectedBy.join(", ") || "-",
        p.recordRejectedBy.join(", ") || "-",
        p.match,
      ]),
    ),
    format,
    layout,
  );
  const heading = (t: string): string => (format === "markdown" ? `### ${t}\n` : `${t}\n`);
  return `${heading("Zone of agreement by date")}${dates}\n\n${heading("Published plans: the model's verdict and the record")}${plans}`;
}

/**
 * Registers `treatylab validation`: the dated snapshots of a validation set side by side (ZOPA,
 * Nash solution, each published plan's verdict next to who refused it on the record), as a table,
 * JSON, Markdown, CSV or a plot.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerValidation } from "./validation.js";
 * let out = "";
 * const program = new Command();
 * registerValidation(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["validation", "--format", "json"], { from: "user" });
 * JSON.parse(out).snapshots.length; // 4 (Istanbul 2022 to the 28-point plan)
 * ```
 */
export function registerValidation(program: Command, ctx: CliContext): void {
  program
    .command("validation")
    .description(
      "the dated validation set: ZOPA, solutions and each published plan's verdict against the record, side by side",
    )
    .argument("[set]", "the validation set (built-in: ukraine)", "ukraine")
    .addOption(formatOption(["table", "json", "markdown", "csv", "svg", "vega"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ treatylab validation\n  $ treatylab validation ukraine --format markdown\n  $ treatylab validation --format svg -o validation.svg",
    )
    .action(async (set: string, opts: { format: TableFormat | "json" | "svg" | "vega"; out?: string }) => {
      if (!Object.prototype.hasOwnProperty.call(SETS, set))
        throw new TreatylabError(`no validation set "${set}"; sets: ${Object.keys(SETS).join(", ")}`);
      const rows = await withProgressIfShown(ctx, "validation", "snapshots", (onProgress) =>
        validationSeries(SETS[set as keyof typeof SETS], onProgress),
      );
      if (opts.format === "json") await emit(ctx, jsonResult({ set, snapshots: rows }), opts.out);
      else if (opts.format === "vega") await emit(ctx, vegaLiteJson(validationSpec(rows)), opts.out);
      else if (opts.format === "svg") await emit(ctx, await renderSvg(validationSpec(rows)), opts.out);
      else await emit(ctx, formatSeries(rows, opts.format, tableLayout(ctx)), opts.out, opts.format);
    });
}
