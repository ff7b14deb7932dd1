import type { SnapshotResult } from "../validation/series.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Vega-Lite spec of a validation series: above, the ZOPA size at each date (calibration and test
 * snapshots told apart); below, each published plan's lowest gain over a party's reservation (its
 * utility minus the reservation, for the party that likes it least), so a plan below zero is one
 * the model says someone refuses; the shape marks whether the model's rejecters match the record.
 *
 * @example
 * ```ts
 * import { UKRAINE_SNAPSHOTS, validationSeries } from "treatylab";
 * import { renderSvg, validationSpec } from "treatylab/plot";
 * const svg = await renderSvg(validationSpec(validationSeries(UKRAINE_SNAPSHOTS)));
 * ```
 */
export function validationSpec(rows: readonly SnapshotResult[], options: PlotSize = {}): VegaLiteSpec {
  const width = options.width ?? 520;
  const zopa = rows.map((r) => ({ date: r.date, snapshot: r.id, role: r.role, zopa: r.zopa }));
  const plans = rows.flatMap((r) =>
    r.plans.map((p) => {
      const gains = Object.entries(p.utilities).map(([party, u]) => ({
        party,
        gain: u - (r.reservations[party] ?? 0),
      }));
      const worst = gains.reduce((a, b) => (b.gain < a.gain ? b : a));
      return {
        date: r.date,
        plan: p.title,
        match: p.match,
        gain: plotNumber(worst.gain),
        party: worst.party,
        record: p.recordRejectedBy.join(", ") || "-",
      };
    }),
  );
  const x = { field: "date", type: "ordinal", title: "date", axis: { labelAngle: 0 } };
  return plotSpec(
    options.title ?? "Validation: the model against the record",
    [
      "ZOPA size by date; each plan's smallest gain over a reservation (below 0: the model says that party refuses).",
      "Shape: circle, the model's rejecters match the record; triangle, partly; cross, not at all.",
    ],
    {
      resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
      vconcat: [
        {
          width,
          height: options.height ?? 160,
          data: { values: zopa },
          mark: { type: "bar" },
          encoding: {
            x,
            y: { field: "zopa", type: "quantitative", title: "ZOPA size (bundles)" },
            color: {
              field: "role",
              type: "nominal",
              title: "snapshot",
              scale: { domain: ["calibration", "test"], range: ["#90a4ae", "#2e7d32"] },
            },
            tooltip: [{ field: "snapshot" }, { field: "zopa", title: "ZOPA" }],
          },
        },
        {
          width,
          height: options.height ?? 220,
          layer: [
            {
              data: { values: [{ y: 0 }] },
              mark: { type: "rule", strokeDash: [4, 3], color: "#777777" },
              encoding: { y: { field: "y", type: "quantitative" } },
            },
            {
              data: { values: plans },
              mark: { type: "point", filled: true, size: 120 },
              encoding: {
                x,
                y: { field: "gain", type: "quantitative", title: "smallest gain over reservation" },
                color: { field: "plan", type: "nominal", title: "plan", legend: { labelLimit: 320 } },
                shape: {
                  field: "match",
                  type: "nominal",
                  title: "model vs record",
                  scale: { domain: ["match", "partial", "miss"], range: ["circle", "triangle-up", "cross"] },
                },
                tooltip: [
                  { field: "plan" },
                  { field: "party", title: "least satisfied" },
                  { field: "gain" },
                  { field: "record", title: "refused on record by" },
                  { field: "match" },
                ],
              },
            },
          ],
        },
      ],
    },
  );
}
