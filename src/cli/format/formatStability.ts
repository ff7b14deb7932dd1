import { KEPT_CLAUSES } from "../../stability/fromScenario.js";
import { STABILITY_CONCEPTS } from "../../stability/concepts.js";
import type { StabilityReport } from "../../stability/report.js";
import { groupDigits } from "../../model/groupDigits.js";
import { renderTable, type TableFormat, type TableLayout } from "./renderTable.js";
import { jsonResult } from "../context.js";

/**
 * Output formats of `treatylab stability`.
 *
 * @example
 * ```ts
 * import { formatStability, type StabilityFormat } from "./formatStability.js";
 * const f: StabilityFormat = "csv";
 * formatStability(stabilityReport(builtinGraphModel("ukraine-2025-may")!), f).split("\n")[1];
 * // "NNNNNNNNNN,1,Russia,0,1,1,1,1,1": the all-No state is not Nash stable for Russia
 * ```
 */
export type StabilityFormat = "table" | "json" | "markdown" | "csv";

const short = Object.fromEntries(STABILITY_CONCEPTS.map((c) => [c.key, c.short])) as Record<string, string>;

/**
 * Formats a stability report: json is the script contract; table and markdown show the states that
 * are an equilibrium under at least one concept (E = equilibrium; otherwise the DMs for whom the
 * state is unstable), then the status-quo paths (every reachable equilibrium, then unreachable ones up to the row limit)
 * and explanations when present; csv has one row per
 * state and decision maker with 1/0 per concept.
 *
 * @example
 * ```ts
 * import { formatStability } from "./formatStability.js";
 * const r = stabilityReport(builtinGraphModel("ukraine-2025-may")!);
 * formatStability(r, "markdown", { rows: 3 }).split("\n")[4];
 * // "768 feasible states, 5 decision makers; equilibria: Nash 6, GMR 510, SMR 510, SEQ 220, SIM 510, SEQ+SIM 220"
 * ```
 */
export function formatStability(
  r: StabilityReport,
  format: StabilityFormat,
  opts: { readonly rows?: number; readonly layout?: TableLayout } = {},
): string {
  if (format === "json") return jsonResult(r);
  const keys = STABILITY_CONCEPTS.map((c) => c.key).filter((k) => r.equilibria[k] !== undefined);
  const number = new Map(r.states.map((s, i) => [s, i + 1]));
  const stableFor = (dm: string, k: (typeof keys)[number]) => new Set(r.byDecisionMaker[dm]![k]);
  const sets = new Map(r.decisionMakers.map((dm) => [dm, new Map(keys.map((k) => [k, stableFor(dm, k)]))]));
  if (format === "csv") {
    const rows = r.states.flatMap((s) =>
      r.decisionMakers.map((dm) => [s, number.get(s)!, dm, ...keys.map((k) => (sets.get(dm)!.get(k)!.has(s) ? 1 : 0))]),
    );
    return renderTable(["state", "number", "decisionMaker", ...keys], rows, "csv");
  }
  const tf: TableFormat = format;
  // Sets and counts built once: with tens of thousands of states, a search of the equilibrium
  // lists per state (and per comparison of the sort) took minutes (found in review).
  const equilibria = new Map(keys.map((k) => [k, new Set(r.equilibria[k])]));
  const counts = new Map<string, number>();
  for (const k of keys) for (const s of r.equilibria[k]) counts.set(s, (counts.get(s) ?? 0) + 1);
  const eqCount = (s: string): number => counts.get(s) ?? 0;
  const candidates = r.states
    .filter((s) => eqCount(s) > 0)
    .sort((a, b) => eqCount(b) - eqCount(a) || number.get(a)! - number.get(b)!);
  const limit = opts.rows ?? 30;
  const shown = candidates.slice(0, limit);
  const cell = (s: string, k: (typeof keys)[number]) =>
    equilibria.get(k)!.has(s)
      ? "E"
      : `unstable: ${r.decisionMakers.filter((dm) => !sets.get(dm)!.get(k)!.has(s)).join(", ")}`;
  const parts: string[] = [];
  const heading = (t: string) => (format === "markdown" ? `## ${t}` : t);
  // A model of a scenario's clauses (graphModelFromScenario names it "...: stability of the kept
  // clauses") is not told "stability" twice.
  parts.push(
    heading(
      r.model?.endsWith(`: ${KEPT_CLAUSES}`)
        ? `${r.model} (${r.sanctions} sanctions)`
        : `${r.model ? `${r.model}: ` : ""}stability (${r.sanctions} sanctions)`,
    ),
  );
  parts.push(`Options (state letters in this order): ${r.options.map((o, i) => `${i + 1}. ${o}`).join("; ")}`);
  parts.push(
    `${groupDigits(r.states.length)} feasible states, ${r.decisionMakers.length} decision makers; equilibria: ${keys.map((k) => `${short[k]} ${groupDigits(r.equilibria[k].length)}`).join(", ")}`,
  );
  parts.push(
    shown.length
      ? renderTable(
          ["state", "#", ...keys.map((k) => short[k]!)],
          shown.map((s) => [s, number.get(s)!, ...keys.map((k) => cell(s, k))]),
          tf,
          opts.layout,
        )
      : "No state is an equilibrium under any concept.",
  );
  if (r.coalitions) {
    parts.push(heading(`Coalitions: ${r.coalitions.blocks.map((b) => `{${b.join(", ")}}`).join(" ")}`));
    parts.push(
      `Coalition Nash equilibria: ${r.coalitions.equilibria.cnash.join(", ") || "none"}\nCoalition SEQ equilibria: ${r.coalitions.equilibria.cseq.join(", ") || "none"}`,
    );
  }
  if (candidates.length > shown.length)
    parts.push(
      `(${groupDigits(candidates.length - shown.length)} more states are equilibria under some concept; the rows above are those stable under the most concepts. --format json or csv lists all.)`,
    );
  if (r.statusQuo) {
    const sq = r.statusQuo;
    parts.push(
      heading(
        `Status quo ${sq.statusQuo}: ${groupDigits(sq.reachableStates)} states reachable by unilateral improvements`,
      ),
    );
    // reachable equilibria first (all of them), then unreachable ones up to the row limit
    const reachable = sq.equilibria.filter((e) => e.reachable);
    const unreachable = sq.equilibria.filter((e) => !e.reachable);
    const rows = [...reachable, ...unreachable.slice(0, Math.max(0, limit - reachable.length))];
    parts.push(
      renderTable(
        ["equilibrium", "concepts", "reachable", "steps", "path"],
        rows.map((e) => [
          e.state,
          e.concepts.map((k) => short[k]!).join(" "),
          e.reachable ? "yes" : "no",
          e.length ?? null,
          e.path ? e.path.map((p) => `${p.dm} -> ${p.to}`).join(", ") : null,
        ]),
        tf,
        opts.layout,
      ),
    );
    if (rows.length < sq.equilibria.length)
      parts.push(
        `(${sq.equilibria.length - rows.length} more equilibria are not reachable from the status quo; --format json lists all.)`,
      );
  }
  if (r.explanations) {
    parts.push(heading(`Why ${r.explanations[0]?.state ?? ""} is or is not stable`));
    parts.push(
      format === "markdown"
        ? r.explanations.map((e) => `- ${e.text}`).join("\n")
        : r.explanations.map((e) => e.text).join("\n"),
    );
  }
  if (r.notes?.length) parts.push(heading("Notes"), r.notes.map((n) => `- ${n}`).join("\n"));
  return parts.join("\n\n");
}
