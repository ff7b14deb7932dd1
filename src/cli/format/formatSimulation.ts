import type { SimulationResult } from "../../simulation/types.js";
import { renderTable, type TableFormat } from "./renderTable.js";

/**
 * Output formats of `treatylab simulate`.
 *
 * @example
 * ```ts
 * const f: SimulationFormat = "csv";
 * ```
 */
export type SimulationFormat = TableFormat | "json";

/**
 * Formats a simulation: json (the whole result), csv (one tidy row per trace entry: round,
 * proposer, utilities, responses, events, the offer's terms), or a readable table / markdown.
 *
 * @example
 * ```ts
 * console.log(formatSimulation(simulate(s, { seed: 1 }), "table", { traceRows: 20 }));
 * ```
 */
export function formatSimulation(r: SimulationResult, format: SimulationFormat, opts: { traceRows?: number } = {}): string {
  if (format === "json") return JSON.stringify(r, null, 2);
  const parties = Object.keys(r.strategies);
  const issues = Object.keys(r.trace[0]?.offer ?? r.agreement?.bundle ?? {});
  const row = (t: SimulationResult["trace"][number]): (string | number)[] => [
    t.round,
    t.proposer,
    ...parties.map((p) => t.utilities[p]!),
    ...parties.map((p) => t.responses[p] ?? ""),
    t.events.join("; "),
  ];
  const head = ["round", "proposer", ...parties.map((p) => `u_${p}`), ...parties.map((p) => `response_${p}`), "events"];
  if (format === "csv") return renderTable([...head, ...issues], r.trace.map((t) => [...row(t), ...issues.map((i) => t.offer[i]!)]), "csv");
  const out: string[] = [];
  const m = r.metrics;
  out.push(`${r.scenario}: ${r.protocol} protocol, seed ${r.seed}; strategies: ${parties.map((p) => `${p}=${r.strategies[p]}`).join(", ")}`);
  if (r.agreement)
    out.push(
      `Agreement in round ${r.agreement.round}: ${parties.map((p) => `${p} ${r.agreement!.utilities[p]!.toFixed(3)}`).join(", ")}; distance to Pareto frontier ${m.paretoDistance?.toFixed(3) ?? "-"}, to Nash ${m.nashDistance?.toFixed(3) ?? "-"}`,
    );
  else out.push(`No agreement after ${r.rounds} rounds (${m.outcome}).`);
  out.push(`Payoffs after the cost of delay: ${parties.map((p) => `${p} ${m.payoffs[p]!.toFixed(3)}`).join(", ")}`);
  if (r.agreement) out.push(renderTable(["issue", "agreed option"], issues.map((i) => [i, r.agreement!.bundle[i]!]), format));
  const n = Math.min(r.trace.length, opts.traceRows ?? 40);
  out.push(format === "markdown" ? `\n### Trace (${n} of ${r.trace.length} moves)\n` : `\nTrace (${n} of ${r.trace.length} moves)`);
  out.push(renderTable(head, r.trace.slice(0, n).map((t) => row(t).map((v) => (typeof v === "number" ? v.toFixed(3).replace(/\.000$/, "") : v))), format));
  return out.join("\n");
}
