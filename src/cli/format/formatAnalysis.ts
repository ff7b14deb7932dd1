import type { FindingsResult } from "../../sensitivity/findings.js";
import type { Analysis, Solution } from "../../analysis/types.js";
import { SOLUTION_CONCEPTS, SOLUTION_LIST } from "../../solutions/solutionConcepts.js";
import { type TableFormat, type TableLayout, renderTable } from "./renderTable.js";
import { counted, groupDigits, groupedPrecision } from "../../model/groupDigits.js";
import { wrapText } from "./wrapText.js";
import { jsonResult } from "../context.js";

/**
 * Output formats of `treatylab analyze`.
 * @example
 * ```ts
 * import { type AnalysisFormat, formatAnalysis } from "./formatAnalysis.js";
 * const f: AnalysisFormat = "json";
 * JSON.parse(formatAnalysis(analyze(builtinScenario("nash-1950")), f)).zopa.count; // 293
 * ```
 */
export type AnalysisFormat = TableFormat | "json";

/** The solution concepts' names and labels, then the GENIUS Kalai-Smorodinsky point (which the plots do not mark). */
const SOLUTION_NAMES: readonly (readonly [keyof Analysis["solutions"], string])[] = [
  ...SOLUTION_LIST.map((c) => [c.name, c.label] as const),
  ["geniusKalaiSmorodinsky", "GENIUS Kalai-Smorodinsky"],
];

const fmt = (x: number): string => x.toFixed(3);

/**
 * Formats an analysis for people (table, markdown), for spreadsheets (csv: one tidy row per
 * frontier point and solution) or for programs (json). Issues and option labels come from the
 * analysis itself (`Analysis.issues`); `layout` is the table layout of the CLI run (`tableLayout(ctx)`).
 *
 * @example
 * ```ts
 * import { formatAnalysis } from "./formatAnalysis.js";
 * const md = formatAnalysis(analyze(builtinScenario("nash-1950")), "markdown", { frontierRows: 3 });
 * md.split("\n")[1];
 * // "Outcomes: 512 feasible bundles; ZOPA: 293 (57.23%); Pareto frontier: 7 points; algorithm: enumerate"
 * ```
 */
export function formatAnalysis(
  a: Analysis,
  format: AnalysisFormat,
  opts: { frontierRows?: number; findings?: FindingsResult; layout?: TableLayout } = {},
): string {
  if (format === "json") return jsonResult(opts.findings ? { ...a, findings: opts.findings } : a);
  const parties = a.parties.map((p) => p.id);
  const issues = a.issues.map((i) => i.id);
  if (format === "csv") {
    const rows: (string | number)[][] = [];
    for (const [key, name] of SOLUTION_NAMES) {
      const s = a.solutions[key];
      if (s)
        rows.push([name.toLowerCase(), ...parties.map((p) => s.utilities[p]!), ...issues.map((i) => s.bundle[i]!)]);
    }
    a.frontier.forEach((f) =>
      rows.push(["frontier", ...parties.map((p) => f.utilities[p]!), ...issues.map((i) => f.bundle[i]!)]),
    );
    return renderTable(["kind", ...parties.map((p) => `u_${p}`), ...issues], rows, "csv");
  }
  const optionLabels = new Map(a.issues.map((i) => [i.id, new Map(i.options.map((o) => [o.id, o.label]))]));
  const label = (issue: string, option: string): string => optionLabels.get(issue)?.get(option) ?? option;
  const heading = (t: string): string => (format === "markdown" ? `\n### ${t}\n` : `\n${t}`);
  const out: string[] = [];
  out.push(format === "markdown" ? `## ${a.scenario.title}` : `${a.scenario.title} (${a.scenario.id})`);
  out.push(
    `Outcomes: ${groupDigits(a.outcomesExact)} feasible bundles; ZOPA: ${
      a.zopaCounting.method === "estimate"
        ? `~${groupDigits(a.zopaCounting.countExact)} ± ${groupedPrecision(a.zopaCounting.standardError)} (seeded estimate)`
        : groupDigits(a.zopaCounting.countExact)
    } (${(a.zopa.share * 100).toFixed(2)}%); Pareto frontier: ${counted(a.frontier.length, "point")}; algorithm: ${a.algorithm}`,
  );
  if (opts.findings) out.push(heading("What the result hangs on"), ...findingLines(opts.findings, format));
  out.push(heading("Parties"));
  out.push(
    renderTable(
      ["party", "reservation (no deal)", "power", "best inside ZOPA"],
      a.parties.map((p) => [p.label, fmt(p.reservation), p.power, p.ideal === null ? "-" : fmt(p.ideal)]),
      format,
      opts.layout,
    ),
  );
  const sols = SOLUTION_NAMES.map(([k, n]) => [n, a.solutions[k], k] as const).filter(
    (x): x is readonly [string, Solution, keyof Analysis["solutions"]] => x[1] != null,
  );
  if (sols.length === 0) {
    out.push("\nThe ZOPA is empty: no settlement is acceptable to every party, so no solution exists.");
    return out.join("\n");
  }
  out.push(heading("Solutions: each party's utility"));
  // Each solution maximises its own measure: the value column is labelled by a note naming each.
  const measure = (k: keyof Analysis["solutions"]): string =>
    k in SOLUTION_CONCEPTS
      ? SOLUTION_CONCEPTS[k as keyof typeof SOLUTION_CONCEPTS].criterion
      : "minus the summed pairwise gap between gain shares";
  out.push(
    renderTable(
      ["solution", ...a.parties.map((p) => p.label), "value maximised"],
      sols.map(([n, s]) => [n, ...parties.map((p) => fmt(s.utilities[p]!)), s.criterion.toPrecision(4)]),
      format,
      opts.layout,
    ),
  );
  const note = `Value maximised: ${sols.map(([n, , k]) => `${n}, ${measure(k)}`).join("; ")}.`;
  out.push(format === "table" && opts.layout?.maxWidth ? wrapText(note, opts.layout.maxWidth) : note);
  out.push(heading("Solutions: the settlement terms"));
  out.push(
    renderTable(
      ["issue", ...sols.map(([n]) => n)],
      issues.map((i) => [i, ...sols.map(([, s]) => label(i, s.bundle[i]!))]),
      format,
      opts.layout,
    ),
  );
  const n = Math.min(a.frontier.length, opts.frontierRows ?? 15);
  out.push(heading(`Pareto frontier of the ZOPA (${n} of ${groupDigits(a.frontier.length)} points)`));
  out.push(
    renderTable(
      ["#", ...a.parties.map((p) => p.label)],
      a.frontier.slice(0, n).map((f, k) => [k + 1, ...parties.map((p) => fmt(f.utilities[p]!))]),
      format,
      opts.layout,
    ),
  );
  return out.join("\n");
}

/**
 * The findings as lines (a bullet list in markdown): the options every bundle of the zone has,
 * then the assumptions, nearest first, then the parties that were skipped.
 *
 * @example
 * ```ts
 * import { findingLines } from "./formatAnalysis.js";
 * findingLines(findings(builtinScenario("nash-1950")), "markdown")[0];
 * // "- The zone of agreement exists only while Jack's reservation stays at or below 0.875 (now 0.375); ..."
 * ```
 */
export function findingLines(f: FindingsResult, format: AnalysisFormat): string[] {
  const bullet = format === "markdown" ? "- " : "  ";
  const lines = [
    ...f.pivotalOptions.map((p) => p.text),
    ...f.findings.map((x) => x.text),
    ...f.skipped.map((s) => `(${s.party} not covered: ${s.reason}.)`),
  ];
  return lines.length
    ? lines.map((l) => bullet + l)
    : [`${bullet}Nothing found: the zone of agreement is empty, or no single number listed here empties it.`];
}
