import type { ForecastMonteCarloResult } from "../../forecast/monteCarlo.js";
import type { ScenarioForecast } from "../../forecast/settlement.js";
import type { IssueForecast } from "../../forecast/types.js";
import { counted } from "../../model/groupDigits.js";
import { type TableFormat, type TableLayout, renderTable } from "./renderTable.js";
import { jsonResult } from "../context.js";

/**
 * What `treatylab forecast` prints: forecasts of tables, or a scenario's forecast.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { type ForecastOutput, formatForecast } from "./formatForecast.js";
 * const [t] = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8")); // 10 actors, 1 issue
 * const r: ForecastOutput = { kind: "tables", issues: [forecast(t!, { model: "median" })] };
 * formatForecast(r, "markdown").split("\n")[0]; // "### issue: forecast 7 (median, 0 rounds)"
 * ```
 */
export type ForecastOutput =
  | { readonly kind: "tables"; readonly issues: readonly IssueForecast[] }
  | { readonly kind: "scenario"; readonly result: ScenarioForecast };

const num = (x: number): string => String(Math.round(x * 1e5) / 1e5);

/**
 * The JSON of a forecast: for one issue `{ model, issue, forecast, converged, rounds }` (the
 * scripts' contract), for several `{ model, issues: [...] }`, for a scenario the whole
 * `ScenarioForecast`.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { forecastJson } from "./formatForecast.js";
 * const [t] = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8")); // 10 actors, 1 issue
 * const f = forecast(t!, { model: "median" });
 * JSON.parse(forecastJson({ kind: "tables", issues: [f] })).rounds[0].mean; // 7.389955686853767
 * ```
 */
export function forecastJson(r: ForecastOutput): string {
  if (r.kind === "scenario") return jsonResult(r.result);
  const only = r.issues.length === 1 ? r.issues[0]! : null;
  return jsonResult(only ?? { model: r.issues[0]?.model, issues: r.issues });
}

/**
 * Long-format CSV: one row per issue, round and actor with its position, risk exponent and the
 * offer it accepted, and the round's median and mean.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { forecastCsv } from "./formatForecast.js";
 * const [t] = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8")); // 10 actors, 1 issue
 * const csv = forecastCsv([forecast(t!, { model: "median" })]).split("\n");
 * csv[0]; // "issue,round,median,mean,actor,position,risk,offer,from,to"
 * csv[1]; // "issue,0,7,7.389955686853767,Netherlands,4,,,,"
 * ```
 */
export function forecastCsv(issues: readonly IssueForecast[]): string {
  const rows: (string | number)[][] = [];
  for (const f of issues)
    for (const r of f.rounds)
      for (const [actor, x] of Object.entries(r.positions)) {
        const o = r.offers?.[actor] ?? null;
        rows.push([
          f.issue,
          r.round,
          r.median,
          r.mean,
          actor,
          x,
          r.risk?.[actor] ?? "",
          o?.kind ?? "",
          o?.from ?? "",
          o?.to ?? "",
        ]);
      }
  return renderTable(
    ["issue", "round", "median", "mean", "actor", "position", "risk", "offer", "from", "to"],
    rows,
    "csv",
  );
}

function issueText(f: IssueForecast, format: "table" | "markdown", layout: TableLayout): string {
  const actors = Object.keys(f.rounds[0]!.positions);
  const head = `${format === "markdown" ? "### " : ""}${f.issue}: forecast ${num(f.forecast)} (${f.model}, ${f.rounds.length - 1} round${f.rounds.length === 2 ? "" : "s"}${f.converged && f.rounds.length > 1 ? ", converged" : ""})`;
  // Rounds as rows, actors as columns; transposed when there are fewer rounds than actors (narrower).
  const positions =
    f.rounds.length < actors.length
      ? renderTable(
          ["actor", ...f.rounds.map((r) => `round ${r.round}`)],
          [
            ...actors.map((a) => [a, ...f.rounds.map((r) => num(r.positions[a]!))]),
            ["median", ...f.rounds.map((r) => num(r.median))],
            ["mean", ...f.rounds.map((r) => num(r.mean))],
          ],
          format,
          layout,
        )
      : renderTable(
          ["round", "median", "mean", ...actors],
          f.rounds.map((r) => [r.round, num(r.median), num(r.mean), ...actors.map((a) => num(r.positions[a]!))]),
          format,
          layout,
        );
  const moves = f.rounds.flatMap((r) =>
    Object.entries(r.offers ?? {})
      .filter(([, o]) => o !== null)
      .map(([a, o]) => [r.round, a, o!.kind, o!.from, `${num(r.positions[a]!)} -> ${num(o!.to)}`, num(r.risk![a]!)]),
  );
  const offers =
    moves.length > 0
      ? `\n\nAccepted offers:\n\n${renderTable(["round", "actor", "offer", "from", "move", "risk"], moves, format, layout)}`
      : "";
  return `${head}\n\n${positions}${offers}`;
}

/**
 * A forecast for a person (terminal table or Markdown): per issue the positions by round (actors as
 * rows when there are more actors than rounds) and the
 * offers accepted; for a scenario also the bundle, its check, the findings and the comparison with
 * the bargaining solutions.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { formatForecast } from "./formatForecast.js";
 * const [t] = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8")); // 10 actors, 1 issue
 * const md = formatForecast({ kind: "tables", issues: [forecast(t!, { rounds: 3 })] }, "markdown").split("\n");
 * md[0]; // "### issue: forecast 9.96198 (bdm-scholz, 3 rounds)"
 * md[5]; // "| Belgium | 7 | 8.41593 | 9.61086 | 9.96198 |"
 * ```
 */
export function formatForecast(r: ForecastOutput, format: "table" | "markdown", layout: TableLayout = {}): string {
  const issues = r.kind === "scenario" ? r.result.issues : r.issues;
  const parts = issues.map((f) => issueText(f, format, layout));
  if (r.kind === "scenario") {
    const s = r.result;
    const out: string[] = [`${format === "markdown" ? "## " : ""}${s.scenario.title}: forecast with ${s.model}`];
    if (s.skipped.length > 0)
      out.push(`Issues without a scale (not forecast): ${s.skipped.map((x) => x.issue).join(", ")}`);
    out.push(...s.findings.map((f) => `- ${f}`));
    if (s.comparison.length > 0) {
      const names = s.comparison.map((c) => c.name);
      const issueIds = Object.keys(s.comparison[0]!.bundle);
      const forecastOf = new Map(s.issues.map((f) => [f.issue, f.forecast]));
      const rows = issueIds.map((i) => [
        i,
        forecastOf.has(i) ? num(forecastOf.get(i)!) : "-",
        ...s.comparison.map((c) => `${c.bundle[i]} (${num(c.positions[i]!)})`),
      ]);
      const parties = Object.keys(s.comparison[0]!.utilities);
      for (const p of parties) rows.push([`u(${p})`, "", ...s.comparison.map((c) => num(c.utilities[p]!))]);
      rows.push(["accepted by all", "", ...s.comparison.map((c) => (c.acceptedByAll ? "yes" : "no"))]);
      out.push(
        `\n${format === "markdown" ? "### " : ""}Forecast beside the bargaining solutions (option and its position)\n\n${renderTable(["issue", "forecast position", ...names], rows, format, layout)}`,
      );
    }
    return `${out.join("\n")}\n\n${parts.join("\n\n")}`;
  }
  return parts.join("\n\n");
}

/**
 * A forecast Monte Carlo for a person: per issue the forecast without noise, the mean of the
 * drawn forecasts with its standard error, median and 5%-95% range, and the option shares.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { formatForecastMonteCarlo } from "./formatForecast.js";
 * const tables = parseForecastCsv(readFileSync("examples/forecast/ec-scholz.csv", "utf8"));
 * const r = forecastMonteCarloTables(tables, 0.1, { model: "median", draws: 200, seed: "1" });
 * formatForecastMonteCarlo(r, "markdown").split("\n").at(-1);
 * // "| issue | 7 | 8.27619 ± 0.08909 | 7.51099 | 6.77112 - 10.13925 |  |"
 * ```
 */
export function formatForecastMonteCarlo(
  r: ForecastMonteCarloResult,
  format: TableFormat,
  layout: TableLayout = {},
): string {
  const rows = r.issues.map((d) => [
    d.issue,
    num(d.base),
    `${num(d.stats.mean!)} ± ${num(d.stats.se!)}`,
    num(d.stats.median!),
    `${num(d.stats.q05!)} - ${num(d.stats.q95!)}`,
    d.options
      ? Object.entries(d.options)
          .map(([o, p]) => `${o} ${p.p.toFixed(3)}`)
          .join(", ")
      : "",
  ]);
  const table = renderTable(
    ["issue", "forecast", "mean ± se", "median", "5%-95%", "option shares"],
    rows,
    format,
    layout,
  );
  if (format === "csv") return table;
  const head = `Forecast Monte Carlo: ${r.model}, ${counted(r.draws, "draw")} (seed ${r.seed}); drawn: ${r.drawn.length > 4 ? `${r.drawn.length} parameters` : r.drawn.join(", ")}`;
  const zopa = r.pOutsideZopa
    ? `\nForecast bundle outside the ZOPA in ${(r.pOutsideZopa.p * 100).toFixed(1)}% ± ${(r.pOutsideZopa.se * 100).toFixed(1)}% of draws.`
    : "";
  return `${head}\n\n${table}${zopa}`;
}
