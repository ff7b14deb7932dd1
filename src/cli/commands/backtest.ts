import { type Command, Option } from "commander";
import { type Backtest, type BacktestCase, backtest } from "../../cases/backtest.js";
import { HISTORICAL_CASES, historicalCase } from "../../cases/registry.js";
import type { HistoricalCase } from "../../cases/types.js";
import { TreatylabError } from "../../model/errors.js";
import { addWhatIfOptions, type WhatIfCliOptions, type WhatIfInput } from "../scenarioInput.js";
import { withProgress } from "../progress.js";
import { type CliContext, emit, jsonResult, tableLayout } from "../context.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { collect, finiteNumber, formatOption, nonNegativeInteger, outOption, seedText } from "../options.js";

const dist = (d: BacktestCase["nash"]): string => (d === null ? "none" : `${d.distance.toFixed(3)}/${d.clauses}`);

function header(r: Backtest): string[] {
  return [
    "case",
    "record",
    "ZOPA",
    "accepted",
    "rejected by",
    "margin",
    "Nash d/cl",
    "KS d/cl",
    ...(r.summary.meanRobustness !== null ? ["robust"] : []),
    ...(r.summary.stability.available ? ["stable (SEQ)", "equilibrium under"] : []),
    ...(r.summary.forecast.available ? ["forecast cl/ZOPA"] : []),
    "verdict",
  ];
}

/** "yes"/"no", marked hit or miss when the record scores it; the concepts, or "none". */
function stabilityCells(c: BacktestCase): string[] {
  const s = c.stability;
  if (s === null) return ["n/a", "n/a"];
  const verdict = `${s.stable ? "yes" : "no"}${s.hit === null ? "" : s.hit ? " (hit)" : " (miss)"}`;
  return [verdict, s.concepts === undefined ? "n/a" : s.concepts.length === 0 ? "none" : s.concepts.join(",")];
}

function row(r: Backtest, c: BacktestCase): (string | number)[] {
  return [
    c.id,
    c.outcome,
    `${c.zopa.count}/${c.outcomes}`,
    c.signed.acceptedByAll ? "yes" : "no",
    c.signed.rejectedBy.join(", ") || "-",
    c.signed.margin.toFixed(3),
    dist(c.nash),
    dist(c.kalaiSmorodinsky),
    ...(r.summary.meanRobustness !== null
      ? [c.robustness === null ? "n/a" : `${(c.robustness.agreeWithRecord * 100).toFixed(0)}%`]
      : []),
    ...(r.summary.stability.available ? stabilityCells(c) : []),
    ...(r.summary.forecast.available
      ? [c.forecast === null ? "n/a" : `${c.forecast.clausesFromText}/${c.forecast.acceptedByAll ? "in" : "out"}`]
      : []),
    c.hit ? "hit" : "MISS",
  ];
}

function summaryLines(r: Backtest): string[] {
  const s = r.summary;
  const pct = (n: number, d: number): string => `${n}/${d}`;
  return [
    `Signed texts inside the ZOPA: ${pct(s.signedInsideZopa, s.signedTexts)}`,
    `Failed or rejected texts rejected by the model: ${pct(s.failedRejected, s.failedTexts)} (empty ZOPA in ${s.failedWithEmptyZopa})`,
    `Hit rate: ${pct(s.hits, s.cases)} = ${(s.hitRate * 100).toFixed(0)}%${s.misses.length ? `; misses: ${s.misses.join(", ")}` : ""}`,
    s.meanRobustness === null
      ? "Robustness: not run (--draws 0)"
      : `Mean robustness: ${(s.meanRobustness * 100).toFixed(0)}% of draws keep the verdict when every reservation moves by up to ±${r.cases[0]?.robustness?.spread ?? 0}`,
    `Mean distance of accepted signed texts to Nash ${s.meanDistanceNash?.toFixed(3) ?? "n/a"}, to Kalai-Smorodinsky ${s.meanDistanceKalaiSmorodinsky?.toFixed(3) ?? "n/a"} (root-mean-square utility gap)`,
    s.stability.available ? stabilityLine(r) : "Stability: not available (no stability hook)",
    s.forecast.available
      ? `Forecast (bdm-scholz on ordinal scales): inside the ZOPA in ${s.forecast.insideZopa}/${s.cases}; on average ${s.forecast.meanClausesFromText?.toFixed(1) ?? "n/a"} clauses from the text`
      : "Forecast: not available (no forecast hook)",
  ];
}

function stabilityLine(r: Backtest): string {
  const st = r.summary.stability;
  const agreements = r.cases.filter((c) => c.stability?.expected === true).length;
  const unimplemented = r.cases.filter((c) => c.stability?.expected === false).length;
  const byConcept = Object.entries(st.byConcept)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return `Stability of the signed texts (stable = SEQ equilibrium of the graph model of each case's control mapping): hits ${st.hits}/${st.scored}${st.hitRate === null ? "" : ` = ${(st.hitRate * 100).toFixed(0)}%`} (agreements stable ${st.signedStable}/${agreements}, signed-not-implemented unstable ${st.signedNotImplementedUnstable}/${unimplemented})${byConcept ? `; hits with each concept as the reading: ${byConcept}` : ""}`;
}

function reasonLines(r: Backtest): string[] {
  return r.cases.flatMap((c) => [
    ...Object.entries(c.signed.reasons).map(([p, why]) => `${c.id}: ${p} rejects: ${why}`),
    ...(c.signed.closestFix
      ? [
          `${c.id}: closest text all accept changes ${c.signed.closestFix.map((f) => `${f.issue} ${f.from} -> ${f.to}`).join("; ")}`,
        ]
      : []),
    ...(c.stability?.defections ?? [])
      .filter((d) => !d.deterred)
      .map(
        (d) =>
          `${c.id}: after signature ${d.party} gains by ${Object.entries(d.changes)
            .map(([i, o]) => `${i}=${o}`)
            .join(", ")}, and no credible sanction deters it`,
      ),
  ]);
}

const CSV_HEADER = [
  "case",
  "outcome",
  "outcomes",
  "zopa",
  "accepted",
  "rejected_by",
  "margin",
  "nash_distance",
  "nash_clauses",
  "ks_distance",
  "ks_clauses",
  "robustness",
  "stable",
  "stable_concepts",
  "stability_hit",
  "forecast_clauses_off",
  "forecast_accepted",
  "hit",
];

/** One csv row per case, one number per column (rejecting parties joined by ";"), for programs. */
function csvRow(c: BacktestCase): (string | number)[] {
  return [
    c.id,
    c.outcome,
    c.outcomes,
    c.zopa.count,
    String(c.signed.acceptedByAll),
    c.signed.rejectedBy.join(";"),
    c.signed.margin,
    c.nash?.distance ?? "",
    c.nash?.clauses ?? "",
    c.kalaiSmorodinsky?.distance ?? "",
    c.kalaiSmorodinsky?.clauses ?? "",
    c.robustness?.agreeWithRecord ?? "",
    c.stability === null ? "" : String(c.stability.stable),
    c.stability?.concepts?.join(";") ?? "",
    c.stability?.hit == null ? "" : String(c.stability.hit),
    c.forecast?.clausesFromText ?? "",
    c.forecast === null ? "" : String(c.forecast.acceptedByAll),
    String(c.hit),
  ];
}

/**
 * The backtest as text: a table or markdown with the summary, or csv (one row per case, one number
 * per column).
 *
 * @example
 * ```ts
 * import { backtest } from "treatylab";
 * import { formatBacktest } from "./backtest.js";
 * const r = backtest({ cases: [historicalCase("minsk-2-2015")], draws: 0 });
 * const row = formatBacktest(r, "markdown").split("\n")[2];
 * row?.slice(0, 67); // "| minsk-2-2015 | signed-not-implemented | 13/48 | yes | - | 0.092 |"
 * ```
 */
export function formatBacktest(r: Backtest, format: TableFormat, layout: TableLayout = {}): string {
  if (format === "csv") return renderTable(CSV_HEADER, r.cases.map(csvRow), "csv");
  const table = renderTable(
    header(r),
    r.cases.map((c) => row(r, c)),
    format,
    layout,
  );
  const bullet = format === "markdown" ? "- " : "";
  const legend =
    "record: outcome on record; ZOPA: bundles every party accepts / all bundles; accepted: the signed text or final plan is accepted by every party (checkProposal); margin: smallest utility minus reservation; Nash/KS d/cl: root-mean-square utility gap to the solution / clauses that differ; robust: share of draws, each reservation shifted by up to the spread, in which the verdict still matches the record; stable (SEQ): the text is a sequentially stable state of the graph model in which each party may change the clauses it controls after signature (hit/miss against the record for signed texts); equilibrium under: every stability concept under which it is; forecast cl/ZOPA: clauses between the forecast and the text / whether every party accepts the forecast.";
  return [
    table,
    "",
    bullet + legend,
    ...summaryLines(r).map((l) => bullet + l),
    "",
    ...reasonLines(r).map((l) => bullet + l),
  ].join("\n");
}

/** The case with the what-if flags applied to its scenario; an error names the case (give --case to run only the cases an edit fits). */
async function withWhatIf(hc: HistoricalCase, whatIf: WhatIfInput, opts: WhatIfCliOptions): Promise<HistoricalCase> {
  try {
    return { ...hc, scenario: await whatIf.apply(hc.scenario, opts) };
  } catch (err) {
    if (err instanceof TreatylabError)
      throw new TreatylabError(
        `case ${hc.id}: ${err.message} (--edits and --param apply to every case run; choose the cases with --case)`,
      );
    throw err;
  }
}

/**
 * Registers `treatylab backtest`: every historical case against the record.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerBacktest } from "./backtest.js";
 * let out = "";
 * const program = new Command();
 * registerBacktest(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["backtest", "--case", "minsk-2-2015", "--format", "json"], { from: "user" });
 * JSON.parse(out).cases[0].zopa; // { count: 13, share: 0.270833333333 }
 * ```
 */
export function registerBacktest(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("backtest")
    .description(
      "run every historical case and compare the model with the record (ZOPA, signed text accepted?, distance to Nash and KS)",
    )
    .option("-c, --case <id>", "run only this case (repeatable)", collect, [])
    .addOption(formatOption(["table", "json", "markdown", "csv"], "table"))
    .addOption(outOption())
    .addOption(
      new Option("--draws <n>", "draws of the reservation-robustness check (0 to skip)")
        .argParser(nonNegativeInteger)
        .default(200),
    )
    .addOption(
      new Option("--spread <x>", "largest shift of each reservation in that check (0-1 scale)")
        .argParser(finiteNumber)
        .default(0.1),
    )
    .addOption(
      new Option("--seed <seed>", "seed of the analysis and forecast (results are identical for the same seed)")
        .argParser(seedText)
        .default("treatylab-backtest"),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab backtest
  $ treatylab backtest --format json --out backtest.json
  $ treatylab backtest --case colombia-farc-2016 --case camp-david-2000 --format markdown
  $ treatylab backtest --case minsk-2-2015 --param parties.ukraine.reservation=0.45   # a what-if on each case run`,
    );
  const whatIf = addWhatIfOptions(cmd);
  cmd.action(
    async (
      opts: {
        case: string[];
        format: TableFormat | "json";
        out?: string;
        seed: string;
        draws: number;
        spread: number;
      } & WhatIfCliOptions,
    ) => {
      const selected = opts.case.length > 0 ? opts.case.map((id) => historicalCase(id)) : undefined;
      const cases = whatIf.active(opts)
        ? await Promise.all((selected ?? HISTORICAL_CASES).map((hc) => withWhatIf(hc, whatIf, opts)))
        : selected;
      const result = await withProgress(ctx, "backtest", "cases", (onProgress) =>
        backtest({ seed: opts.seed, draws: opts.draws, spread: opts.spread, onProgress, ...(cases ? { cases } : {}) }),
      );
      await emit(
        ctx,
        opts.format === "json" ? jsonResult(result) : formatBacktest(result, opts.format, tableLayout(ctx)),
        opts.out,
        opts.format,
      );
    },
  );
}
