/**
 * The HTML report's stability section: will a settlement hold? The graph model's equilibria per
 * concept with each state decoded into the options taken, the status-quo paths, the decision makers'
 * labelled preference assumptions and the state graph. {@link stabilitySection} computes it (the
 * figure needs vega), {@link stabilitySectionHtml} lays it out.
 * @module
 */
import { LimitError, TreatylabError } from "../model/errors.js";
import { stateGraphSpec } from "../plots/stateGraph.js";
import { groupDigits } from "../model/groupDigits.js";
import { renderSvg } from "../render/renderSvg.js";
import { STABILITY_CONCEPTS, type StabilityKey } from "../stability/concepts.js";
import { type FromScenarioOptions, graphModelFromScenario } from "../stability/fromScenario.js";
import { compileGraphModel, type GraphModel, type LabelledStatement } from "../stability/model.js";
import type { SanctionRule } from "../stability/reach.js";
import { stabilityReport, type StabilityReport } from "../stability/report.js";
import type { Bundle, Scenario } from "../model/types.js";
import { type Cell, escapeHtml, htmlTable } from "./html.js";
import { namespaceSvgIds } from "./svgIds.js";

/**
 * What the report's stability section analyses: a graph model, or one derived from the report's
 * scenario (`graphModelFromScenario`; `fixed` defaults to the Nash solution of the report's analysis).
 * With neither, `buildReport` takes the built-in graph model paired with the scenario.
 *
 * @example
 * ```ts
 * const s: ReportStability = { fromScenario: { control: { bill: ["book"], jack: ["pen"] } }, sanctions: "standard" };
 * ```
 */
export interface ReportStability {
  /** The graph model (e.g. a built-in one, or read from a `.gmcr` file). */
  readonly model?: GraphModel;
  /** Or: derive the graph model from the report's scenario. */
  readonly fromScenario?: Omit<FromScenarioOptions, "fixed"> & { readonly fixed?: Bundle };
  /** Where the model comes from, shown in the section (e.g. "built-in graph model ukraine-2025-may"). */
  readonly source?: string;
  /** Status quo for the paths (default: the one the model declares, if any). */
  readonly statusQuo?: string;
  /** Sanction rule (default "standard"). */
  readonly sanctions?: SanctionRule;
  /** Most equilibrium rows listed (default 30; the states stable under the most concepts first). */
  readonly rows?: number;
}

/**
 * The computed stability section: the model, its stability report and the rendered state graph
 * (or the reason it is not drawn).
 *
 * @example
 * ```ts
 * const model = builtinGraphModel("ukraine-2025-may")!;
 * const section: StabilitySectionModel = await stabilitySection(ukraine2025, { model });
 * section.source; // 'graph model "Ukraine, late May 2025 (graph model)"'
 * section.report.states.length; // 768
 * ```
 */
export interface StabilitySectionModel {
  readonly model: GraphModel;
  readonly report: StabilityReport;
  readonly source: string;
  readonly rows: number;
  /** The state graph as SVG text, or why it is not drawn. */
  readonly figure: { readonly caption: string; readonly svg: string } | { readonly omitted: string };
}

/**
 * Builds the graph model (given, or from the scenario), analyses it under every concept, follows the
 * status quo and renders the state graph (ids prefixed with `svgPrefix`). The state graph is left out,
 * with the reason, when the model has too many states to draw.
 *
 * @example
 * ```ts
 * const nash = analyze(nash1950).solutions.nash?.bundle; // where the other issues stay
 * const fromScenario = { control: { bill: ["book"], jack: ["pen"] } }; // who may change which clause
 * const section = await stabilitySection(nash1950, { fromScenario }, { nash });
 * section.report.states; // ["NN", "YN", "NY", "YY"]
 * section.report.equilibria.seq; // ["NN", "YY"]
 * ```
 */
export async function stabilitySection(
  scenario: Scenario,
  input: ReportStability,
  context: { readonly nash?: Bundle; readonly svgPrefix?: string } = {},
): Promise<StabilitySectionModel> {
  let model: GraphModel;
  let source: string;
  if (input.model) {
    model = input.model;
    source = input.source ?? `graph model "${model.name ?? "unnamed"}"`;
  } else if (input.fromScenario) {
    const fixed = input.fromScenario.fixed ?? context.nash;
    // The report passes the Nash bundle (absent only when the ZOPA is empty); a library caller may pass neither.
    if (!fixed)
      throw new TreatylabError(
        context.nash === undefined && !("nash" in context)
          ? `the stability section: no bundle for the issues nobody controls; give fromScenario.fixed or context.nash (the report passes the Nash bundle)`
          : `the stability section: ${scenario.id} has no Nash solution (its ZOPA is empty); give the bundle the other issues stay at (--fix <bundle.json>)`,
      );
    model = graphModelFromScenario(scenario, { ...input.fromScenario, fixed });
    source =
      input.source ??
      `derived from the scenario: ${Object.entries(input.fromScenario.control)
        .map(([p, issues]) => `${p} controls ${issues.join(", ")}`)
        .join("; ")}; other issues fixed at ${input.fromScenario.fixed ? "the given bundle" : "the Nash solution"}`;
  } else
    throw new TreatylabError("the stability section needs a graph model or the issues each party controls (--control)");
  const cm = compileGraphModel(model);
  const report = stabilityReport(cm, {
    sanctions: input.sanctions ?? "standard",
    ...(input.statusQuo !== undefined ? { statusQuo: input.statusQuo } : {}),
  });
  let figure: StabilitySectionModel["figure"];
  try {
    const spec = stateGraphSpec(cm, report);
    const svg = await renderSvg(spec);
    figure = {
      caption: `State graph${report.statusQuo && cm.states.length > 40 ? ` (the ${groupDigits(report.statusQuo.reachableStates)} states reachable from the status quo)` : ""}: arrows are unilateral improvements in each decision maker's colour; filled, larger nodes are equilibria under more concepts.`,
      svg: context.svgPrefix ? namespaceSvgIds(svg, context.svgPrefix) : svg,
    };
  } catch (err) {
    if (!(err instanceof LimitError)) throw err;
    figure = { omitted: err.message };
  }
  return { model, report, source, rows: input.rows ?? 30, figure };
}

/**
 * What a state means: the options taken (Y), grouped by decision maker, each group prefixed with the
 * decision maker's name unless its option names already start with it ("no option taken" if none).
 */
function decode(r: StabilityReport, owners: readonly (readonly number[])[], state: string): string {
  const groups = owners.flatMap((opts, i) => {
    const names = opts.filter((k) => state[k] === "Y").map((k) => r.options[k]!);
    if (names.length === 0) return [];
    const dm = r.decisionMakers[i]!;
    const named = names.every((n) => n.toLowerCase().startsWith(dm.toLowerCase()));
    return [named ? names.join("; ") : `${dm}: ${names.join("; ")}`];
  });
  return groups.length > 0 ? groups.join(" · ") : "no option taken";
}

/** The options that changed from one state to the next: "+name" turned Y, "−name" turned N. */
function change(r: StabilityReport, from: string, to: string): string {
  const parts: string[] = [];
  for (let k = 0; k < to.length; k++) if (from[k] !== to[k]) parts.push(`${to[k] === "Y" ? "+" : "−"} ${r.options[k]}`);
  return parts.join(", ");
}

function assumptionRows(model: GraphModel): Cell[][] {
  return model.decisionMakers.flatMap((dm) => {
    const p = dm.preference;
    if (!("statements" in p)) return [];
    return p.statements.flatMap((st, k) => {
      if (Array.isArray(st)) return [];
      const l = st as LabelledStatement;
      return l.label || l.assumption ? [[dm.name, k + 1, l.label ?? "", l.assumption ?? "", l.source ?? ""]] : [];
    });
  });
}

/**
 * Lays out the stability section (already computed; see {@link stabilitySection}): a summary, the
 * equilibria table (one row per state that is an equilibrium under some concept, the options each
 * decision maker has taken, a ✓ per concept), the status-quo paths with each step's change, the
 * state graph as figure `figureNumber`, the labelled preference assumptions and the model's notes.
 * Every text is escaped; source addresses stay plain text.
 *
 * @example
 * ```ts
 * const model = builtinGraphModel("ukraine-2025-may")!;
 * const html = stabilitySectionHtml(await stabilitySection(ukraine2025, { model }), 4);
 * html.includes("<figcaption>Figure 4. State graph"); // true
 * ```
 */
export function stabilitySectionHtml(s: StabilitySectionModel, figureNumber: number): string {
  const r = s.report;
  const owners = s.model.decisionMakers.map((dm) => dm.options);
  const keys = STABILITY_CONCEPTS.map((c) => c.key).filter((k) => r.equilibria[k] !== undefined);
  const short = Object.fromEntries(STABILITY_CONCEPTS.map((c) => [c.key, c.short])) as Record<StabilityKey, string>;
  const sets = new Map(keys.map((k) => [k, new Set(r.equilibria[k])]));
  const count = (st: string) => keys.filter((k) => sets.get(k)!.has(st)).length;
  const number = new Map(r.states.map((st, i) => [st, i + 1]));
  const candidates = r.states
    .filter((st) => count(st) > 0)
    .sort((a, b) => count(b) - count(a) || number.get(a)! - number.get(b)!);
  const shown = candidates.slice(0, s.rows);
  const body: string[] = [];
  body.push(
    `<p>Will a settlement hold once signed? A stability analysis with the Graph Model for Conflict Resolution (docs/stability.md): each decision maker controls some options (Y = taken); a state is <em>stable</em> for it when no unilateral move improves its lot, or every such improvement is deterred by the others' responses (the concepts differ in which responses count). An <em>equilibrium</em> is stable for every decision maker. Model: ${escapeHtml(s.model.name ? `${s.model.name} (${s.source})` : s.source)}; ${r.sanctions === "gmcr-plus" ? "GMCR+'s sanction rule" : "standard sanction rule"}.</p>`,
  );
  if (s.model.description) body.push(`<p>${escapeHtml(s.model.description)}</p>`);
  body.push(
    `<div class="summary"><div><b>${groupDigits(r.states.length)}</b>feasible states</div>${keys.map((k) => `<div><b>${groupDigits(r.equilibria[k].length)}</b>${escapeHtml(short[k])} equilibria</div>`).join("")}</div>`,
  );
  body.push(
    htmlTable(
      ["Decision maker", "options (state letters in this order)"],
      s.model.decisionMakers.map((dm) => [dm.name, dm.options.map((k) => `${k + 1}. ${r.options[k]}`).join("; ")]),
      "Who controls what",
    ),
  );
  if (shown.length === 0) body.push("<p>No state is an equilibrium under any concept.</p>");
  else {
    body.push(
      htmlTable(
        ["state", "#", ...keys.map((k) => `${short[k]} (${groupDigits(r.equilibria[k].length)})`), "options taken"],
        shown.map((st) => [
          st,
          number.get(st)!,
          ...keys.map((k) => (sets.get(k)!.has(st) ? "✓" : "")),
          decode(r, owners, st),
        ]),
        "Equilibria per concept (✓), with the options taken in each state",
      ),
    );
    body.push(
      `<p class="note">${shown.length < candidates.length ? `The ${shown.length} states stable under the most concepts, of the ${groupDigits(candidates.length)} that are an equilibrium under some concept; <code>treatylab stability … --format json</code> lists them all.` : `Every state that is an equilibrium under some concept (${groupDigits(candidates.length)}).`} # is the state's number (feasible states in code order; GMCR+'s numbering for models read from .gmcr files).</p>`,
    );
  }
  if (r.statusQuo) {
    const sq = r.statusQuo;
    const reachable = sq.equilibria.filter((e) => e.reachable);
    body.push(`<h3>From the status quo</h3>`);
    body.push(
      `<p>Status quo <code>${escapeHtml(sq.statusQuo)}</code>: ${escapeHtml(decode(r, owners, sq.statusQuo))}. Unilateral improvements (one decision maker at a time) reach ${groupDigits(sq.reachableStates)} state${sq.reachableStates === 1 ? "" : "s"} and ${groupDigits(reachable.length)} of the ${groupDigits(sq.equilibria.length)} equilibria.</p>`,
    );
    if (reachable.length > 0) {
      body.push(
        htmlTable(
          ["equilibrium", "concepts", "steps", "path (who moves: what changes)"],
          reachable.map((e) => {
            let prev = sq.statusQuo;
            const steps = (e.path ?? []).map((p, k) => {
              const text = `${k + 1}. ${p.dm}: ${change(r, prev, p.to)} → ${p.to}`;
              prev = p.to;
              return text;
            });
            return [
              e.state,
              e.concepts.map((k) => short[k]).join(" "),
              e.length ?? 0,
              steps.join("  ") || "(the status quo itself)",
            ];
          }),
          "Equilibria reachable from the status quo by unilateral improvements (shortest paths)",
        ),
      );
    }
    const unreachable = sq.equilibria.length - reachable.length;
    if (unreachable > 0)
      body.push(
        `<p>${unreachable} equilibri${unreachable === 1 ? "um is" : "a are"} not reachable from the status quo by unilateral improvements: getting there takes a joint move (a negotiated package).</p>`,
      );
  } else
    body.push(
      `<p class="note">No status quo declared: give one (<code>--status-quo</code>) for the paths to each equilibrium.</p>`,
    );
  body.push(
    "svg" in s.figure
      ? `<figure data-kind="state-graph"><div class="plot">${s.figure.svg}</div><figcaption>Figure ${figureNumber}. ${escapeHtml(s.figure.caption)}</figcaption></figure>`
      : `<p class="note">The state graph is not drawn: ${escapeHtml(s.figure.omitted)}.</p>`,
  );
  const assumptions = assumptionRows(s.model);
  if (assumptions.length > 0)
    body.push(
      htmlTable(
        ["decision maker", "priority", "prefers", "assumption", "source"],
        assumptions,
        "Preference assumptions (each decision maker's statements, most important first)",
      ),
    );
  if (s.model.notes?.length)
    body.push(`<ul class="note">${s.model.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`);
  return body.filter(Boolean).join("\n");
}
