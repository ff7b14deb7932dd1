import { LimitError } from "../model/errors.js";
import type { CompiledGraphModel } from "../stability/model.js";
import { stateCode, stateString } from "../stability/model.js";
import type { StabilityReport } from "../stability/report.js";
import { type PlotSize, plotNumber, plotSpec, type VegaLiteSpec } from "./spec.js";

/**
 * Largest number of states drawn in a state graph (beyond it the graph stops being readable).
 *
 * @example
 * ```ts
 * import { MAX_GRAPH_STATES, stateGraphSpec } from "treatylab/plot";
 * const { statusQuo: _, ...model } = builtinGraphModel("ukraine-2025-may")!;
 * const cm = compileGraphModel(model);
 * cm.states.length > MAX_GRAPH_STATES; // true: 768 states
 * stateGraphSpec(cm, stabilityReport(cm)); // throws "the model has 768 states, too many to draw (at most 40); give
 * // --status-quo to draw the states reachable from it"
 * ```
 */
export const MAX_GRAPH_STATES = 40;

/**
 * Vega-Lite spec of a graph model's state graph: states as nodes on a circle (in code order), each
 * decision maker's unilateral improvements as arrows in its colour, equilibria marked by the number
 * of concepts under which they are equilibria (filled, larger) and labelled with their Y/N string.
 * With more than MAX_GRAPH_STATES feasible states, only the states reachable from the report's
 * status quo by unilateral improvements are drawn (an error when there is no status quo or still too many).
 *
 * @example
 * ```ts
 * import { stateGraphSpec } from "treatylab/plot";
 * const pd: GraphModel = { options: [{ name: "A defects" }, { name: "B defects" }], decisionMakers: [
 *   { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *   { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } }] };
 * const cm = compileGraphModel(pd);
 * const spec = stateGraphSpec(cm, stabilityReport(cm, { statusQuo: "NN" }));
 * spec.title; // { text: "State graph", subtitle: ["4 states; arrows: ...", "letters: 1. A defects; 2. B defects;"] }
 * ```
 */
export function stateGraphSpec(cm: CompiledGraphModel, report: StabilityReport, options: PlotSize = {}): VegaLiteSpec {
  let shown = [...cm.states];
  if (shown.length > MAX_GRAPH_STATES) {
    if (!report.statusQuo)
      throw new LimitError(
        `the model has ${shown.length} states, too many to draw (at most ${MAX_GRAPH_STATES}); give --status-quo to draw the states reachable from it`,
      );
    const reach = reachable(cm, stateCode(report.statusQuo.statusQuo, cm.n, "status quo"));
    if (reach.length > MAX_GRAPH_STATES)
      throw new LimitError(
        `${reach.length} states are reachable from the status quo, too many to draw (at most ${MAX_GRAPH_STATES})`,
      );
    shown = reach;
  }
  const index = new Map(shown.map((c, k) => [c, k]));
  const R = 100;
  const pos = shown.map((_, k) => ({
    x: plotNumber(R * Math.cos((2 * Math.PI * k) / shown.length - Math.PI / 2)),
    y: plotNumber(-R * Math.sin((2 * Math.PI * k) / shown.length - Math.PI / 2)),
  }));
  const eqOf = (s: string) =>
    (Object.keys(report.equilibria) as (keyof StabilityReport["equilibria"])[]).filter((k) =>
      report.equilibria[k].includes(s),
    );
  const nodes = shown.map((c, k) => {
    const s = stateString(c, cm.n);
    const eq = eqOf(s);
    return {
      state: s,
      x: pos[k]!.x,
      y: pos[k]!.y,
      concepts: eq.length,
      equilibrium: eq.length ? eq.join(", ") : "none",
      sq: report.statusQuo?.statusQuo === s ? "status quo" : "",
    };
  });
  const edges: {
    dm: string;
    x: number;
    y: number;
    x2: number;
    y2: number;
    hx: number;
    hy: number;
    angle: number;
    from: string;
    to: string;
  }[] = [];
  shown.forEach((c, a) => {
    cm.dmNames.forEach((dm, j) => {
      const mask = cm.dmMasks[j]!;
      for (let d = mask; d !== 0; d = (d - 1) & mask) {
        if ((d & cm.fwdMask & c) !== 0 || (d & cm.backMask & ~c) !== 0) continue;
        const t = c ^ d;
        const b = index.get(t);
        if (b === undefined || !cm.feasible[t] || cm.rank[j]![t]! <= cm.rank[j]![c]!) continue;
        const p = pos[a]!;
        const q = pos[b]!;
        const hx = p.x + 0.85 * (q.x - p.x);
        const hy = p.y + 0.85 * (q.y - p.y);
        // Vega's angle is clockwise from up, in screen coordinates (y down)
        const angle = plotNumber((Math.atan2(q.x - p.x, q.y - p.y) * 180) / Math.PI);
        edges.push({
          dm,
          x: p.x,
          y: p.y,
          x2: q.x,
          y2: q.y,
          hx: plotNumber(hx),
          hy: plotNumber(hy),
          angle,
          from: stateString(c, cm.n),
          to: stateString(t, cm.n),
        });
      }
    });
  });
  const scale = { domain: [-R * 1.25, R * 1.25] };
  const x = { field: "x", type: "quantitative", scale, axis: null };
  const y = { field: "y", type: "quantitative", scale, axis: null };
  const color = {
    field: "dm",
    type: "nominal",
    title: "improvement by",
    scale: { domain: [...cm.dmNames], scheme: "dark2" },
  };
  const size = options.width ?? 520;
  return plotSpec(
    report.model ? `${report.model}: state graph` : "State graph",
    [
      `${shown.length} states; arrows: unilateral improvements; filled and larger: equilibria (more concepts = larger)`,
      ...optionLines(cm.optionNames),
    ],
    {
      width: size,
      height: options.height ?? size,
      layer: [
        {
          data: { values: edges },
          mark: { type: "rule", opacity: 0.55 },
          encoding: {
            x,
            y,
            x2: { field: "x2" },
            y2: { field: "y2" },
            color,
            tooltip: [{ field: "dm" }, { field: "from" }, { field: "to" }],
          },
        },
        {
          data: { values: edges },
          mark: { type: "point", shape: "triangle-up", filled: true, size: 60 },
          encoding: {
            x: { ...x, field: "hx" },
            y: { ...y, field: "hy" },
            angle: { field: "angle", type: "quantitative", scale: null },
            color,
          },
        },
        {
          data: { values: nodes },
          mark: { type: "point", filled: true, stroke: "#333333", strokeWidth: 1 },
          encoding: {
            x,
            y,
            size: {
              field: "concepts",
              type: "quantitative",
              title: "concepts",
              scale: { domain: [0, 6], range: [60, 420] },
            },
            fill: { condition: { test: "datum.concepts > 0", value: "#d55e00" }, value: "#ffffff" },
            tooltip: [{ field: "state" }, { field: "equilibrium" }],
          },
        },
        {
          data: { values: nodes },
          mark: { type: "text", dy: -14, fontSize: 10, font: "monospace" },
          encoding: { x, y, text: { field: "state" } },
        },
        {
          data: { values: nodes.filter((n) => n.sq) },
          mark: { type: "text", dy: 16, fontSize: 10, fontStyle: "italic" },
          encoding: { x, y, text: { field: "sq" } },
        },
      ],
    },
  );
}

function reachable(cm: CompiledGraphModel, sq: number): number[] {
  const seen = new Set([sq]);
  const queue = [sq];
  for (let q = 0; q < queue.length && seen.size <= MAX_GRAPH_STATES * 4; q++) {
    const x = queue[q]!;
    cm.dmNames.forEach((_, j) => {
      const mask = cm.dmMasks[j]!;
      for (let d = mask; d !== 0; d = (d - 1) & mask) {
        if ((d & cm.fwdMask & x) !== 0 || (d & cm.backMask & ~x) !== 0) continue;
        const y = x ^ d;
        if (cm.feasible[y] && cm.rank[j]![y]! > cm.rank[j]![x]! && !seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
      }
    });
  }
  return [...seen].sort((a, b) => a - b);
}

function optionLines(names: readonly string[]): string[] {
  const lines: string[] = [];
  let cur = "letters:";
  names.forEach((o, k) => {
    const part = ` ${k + 1}. ${o};`;
    if (cur.length + part.length > 110) {
      lines.push(cur);
      cur = "";
    }
    cur += part;
  });
  lines.push(cur);
  return lines;
}
