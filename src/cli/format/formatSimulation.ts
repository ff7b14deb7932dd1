import type { RunsSummary } from "../../simulation/runs.js";
import type { SimulationResult } from "../../simulation/types.js";
import { renderTable, type TableFormat, type TableLayout } from "./renderTable.js";
import { jsonResult } from "../context.js";

/**
 * Output formats of `treatylab simulate`.
 *
 * @example
 * ```ts
 * import { formatSimulation, type SimulationFormat } from "./formatSimulation.js";
 * const f: SimulationFormat = "csv";
 * formatSimulation(simulate(builtinScenario("nash-1950"), { seed: 7 }), f).split("\n")[1];
 * // "1,bill,1,0,,reject,,bill,bill,bill,bill,bill,bill,bill,bill,bill": round 1, bill asks for everything
 * ```
 */
export type SimulationFormat = TableFormat | "json";

/**
 * Formats a simulation: json (the whole result), csv (one tidy row per trace entry: round,
 * proposer, utilities, responses, events, the offer's terms), or a readable table / markdown.
 *
 * @example
 * ```ts
 * import { formatSimulation } from "./formatSimulation.js";
 * const text = formatSimulation(simulate(builtinScenario("nash-1950"), { seed: 7 }), "table", { traceRows: 20 });
 * text.split("\n")[1];
 * // "Agreement in round 51: bill 0.706, jack 0.688; distance to Pareto frontier 0.000, to Nash 0.000"
 * ```
 */
export function formatSimulation(
  r: SimulationResult,
  format: SimulationFormat,
  opts: { traceRows?: number; layout?: TableLayout } = {},
): string {
  if (format === "json") return jsonResult(r);
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
  if (format === "csv")
    return renderTable(
      [...head, ...issues],
      r.trace.map((t) => [...row(t), ...issues.map((i) => t.offer[i]!)]),
      "csv",
    );
  const out: string[] = [];
  const m = r.metrics;
  out.push(
    `${r.scenario}: ${r.protocol} protocol, seed ${r.seed}; strategies: ${parties.map((p) => `${p}=${r.strategies[p]}`).join(", ")}`,
  );
  if (r.agreement)
    out.push(
      `Agreement in round ${r.agreement.round}: ${parties.map((p) => `${p} ${r.agreement!.utilities[p]!.toFixed(3)}`).join(", ")}; distance to Pareto frontier ${m.paretoDistance?.toFixed(3) ?? "-"}, to Nash ${m.nashDistance?.toFixed(3) ?? "-"}`,
    );
  else out.push(`No agreement after ${r.rounds} rounds (${m.outcome}).`);
  out.push(`Payoffs after the cost of delay: ${parties.map((p) => `${p} ${m.payoffs[p]!.toFixed(3)}`).join(", ")}`);
  if (r.agreement)
    out.push(
      renderTable(
        ["issue", "agreed option"],
        issues.map((i) => [i, r.agreement!.bundle[i]!]),
        format,
        opts.layout,
      ),
    );
  const n = Math.min(r.trace.length, opts.traceRows ?? 40);
  out.push(
    format === "markdown"
      ? `\n### Trace (${n} of ${r.trace.length} moves)\n`
      : `\nTrace (${n} of ${r.trace.length} moves)`,
  );
  out.push(
    renderTable(
      head,
      r.trace
        .slice(0, n)
        .map((t) => row(t).map((v) => (typeof v === "number" ? v.toFixed(3).replace(/\.000$/, "") : v))),
      format,
      opts.layout,
    ),
  );
  return out.join("\n");
}

/**
 * Formats the summary of many runs (`simulate --runs n`): json (the whole summary), csv (one tidy
 * row per end round: runs by ending), or a readable table / markdown (endings, expected
 * utilities and payoffs, end rounds, the most frequent agreements).
 *
 * @example
 * ```ts
 * import { formatRuns } from "./formatSimulation.js";
 * const runs = simulateRuns(builtinScenario("nash-1950"), { hazard: 0.05, seed: 1 }, 200);
 * formatRuns(runs, "table").split("\n")[1];
 * // "Agreement in 10 of 200 runs (0.050 +/- 0.015); breakdown 190, deadline 0, conflict 0; mean end round 16.30"
 * ```
 */
export function formatRuns(
  r: RunsSummary,
  format: SimulationFormat,
  opts: { rows?: number; layout?: TableLayout } = {},
): string {
  if (format === "json") return jsonResult(r);
  const endings = ["agreement", "breakdown", "deadline", "conflict"] as const;
  const head = ["end_round", "runs", ...endings];
  const rows = r.endRounds.map((e) => [e.round, e.runs, ...endings.map((o) => e[o])]);
  if (format === "csv") return renderTable(head, rows, "csv");
  const parties = Object.keys(r.strategies);
  const f = (x: number): string => x.toFixed(3);
  const out: string[] = [];
  out.push(
    `${r.scenario}: ${r.runs} runs, ${r.protocol} protocol, seeds ${r.seed}/0 to ${r.seed}/${r.runs - 1}; strategies: ${parties.map((p) => `${p}=${r.strategies[p]}`).join(", ")}`,
  );
  out.push(
    `Agreement in ${r.outcomes.agreement} of ${r.runs} runs (${f(r.agreementRate)} +/- ${f(r.agreementRateSE)}); breakdown ${r.outcomes.breakdown}, deadline ${r.outcomes.deadline}, conflict ${r.outcomes.conflict}; mean end round ${r.meanEndRound.toFixed(2)}`,
  );
  out.push(
    renderTable(
      ["party", "expected utility", "SE", "expected payoff", "SE"],
      parties.map((p) => [
        p,
        f(r.expected.utilities[p]!),
        f(r.expected.utilitiesSE[p]!),
        f(r.expected.payoffs[p]!),
        f(r.expected.payoffsSE[p]!),
      ]),
      format,
      opts.layout,
    ),
  );
  const n = Math.min(rows.length, opts.rows ?? 20);
  out.push(
    format === "markdown"
      ? `\n### End rounds (${n} of ${rows.length})\n`
      : `\nEnd rounds (${n} of ${rows.length}; rounds played, an agreement's round)`,
  );
  out.push(
    renderTable(
      head.map((h) => h.replace("_", " ")),
      rows.slice(0, n),
      format,
      opts.layout,
    ),
  );
  if (r.agreements.length > 0) {
    const k = Math.min(r.agreements.length, 5);
    out.push(
      format === "markdown"
        ? `\n### Agreements (${k} of ${r.agreements.length})\n`
        : `\nAgreements (${k} of ${r.agreements.length}, most frequent first)`,
    );
    out.push(
      renderTable(
        ["runs", "mean round", "bundle"],
        r.agreements.slice(0, k).map((a) => [
          a.runs,
          a.meanRound.toFixed(1),
          Object.entries(a.bundle)
            .map(([i, o]) => `${i}=${o}`)
            .join(", "),
        ]),
        format,
        opts.layout,
      ),
    );
  }
  return out.join("\n");
}
