/**
 * The explorer's forecast and stability panels, computed in its worker after the analysis and the
 * plot: the same library calls as `treatylab forecast <scenario>` and `treatylab stability
 * <scenario> --control ...` (or a built-in graph model paired with the scenario), on the edited
 * scenario. Pure (no DOM), so Node tests call it directly.
 * @module
 */
import { checkProposal } from "../analysis/checkProposal.js";
import type { CompiledScenario } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import type { Bundle } from "../model/types.js";
import { FORECAST_MODEL_NAMES, FORECAST_MODELS } from "../forecast/models.js";
import { forecastBundle } from "../forecast/settlement.js";
import type { ForecastModelName } from "../forecast/types.js";
import { builtinGraphModel } from "../stability/builtins.js";
import { STABILITY_CONCEPTS, type StabilityKey } from "../stability/concepts.js";
import { graphModelFromScenario } from "../stability/fromScenario.js";
import type { GraphModel } from "../stability/model.js";
import { stabilityReport } from "../stability/report.js";

/**
 * Rounds of the expected-utility models: the CLI's default (`treatylab forecast --rounds 10`).
 *
 * @example
 * ```ts
 * import { EXPLORER_FORECAST_ROUNDS } from "./panels.js";
 * const c = prepare(builtinScenario("camp-david-1978"));
 * forecastBundle(c, { model: "bdm", rounds: EXPLORER_FORECAST_ROUNDS }).bundle?.sinai; // "full"
 * ```
 */
export const EXPLORER_FORECAST_ROUNDS = 10;

/**
 * One forecast model's answer on the edited scenario: each issue's forecast position, the bundle
 * of the nearest options and who rejects that bundle as a proposal.
 *
 * @example
 * ```ts
 * import { forecastPanel, type ForecastModelResult } from "./panels.js";
 * const m: ForecastModelResult = forecastPanel(prepare(builtinScenario("camp-david-1978"))).models[0]!;
 * m.model; // "mean"
 * m.positions.sinai; // 0.5454545454545455
 * m.bundle?.sinai; // "partial"
 * m.rejectedBy; // ["egypt"]
 * ```
 */
export interface ForecastModelResult {
  readonly model: ForecastModelName;
  readonly label: string;
  readonly positions: Readonly<Record<string, number>>;
  readonly bundle: Bundle | null;
  readonly rejectedBy: readonly string[] | null;
  readonly feasible: boolean | null;
}

/**
 * The forecast panel: every model's result, and the issues left out for want of a scale.
 *
 * @example
 * ```ts
 * import { forecastPanel, type ForecastPanel } from "./panels.js";
 * const f: ForecastPanel = forecastPanel(prepare(builtinScenario("camp-david-1978")));
 * f.models.length; // 4
 * f.skipped; // []: every issue has an ordered scale
 * ```
 */
export interface ForecastPanel {
  readonly models: readonly ForecastModelResult[];
  readonly skipped: readonly { readonly issue: string; readonly reason: string }[];
}

/**
 * Forecasts the scenario with every model (`rounds` 10, saliences the weight shares: the CLI's
 * defaults) and checks each forecast bundle as a proposal.
 *
 * @example
 * ```ts
 * import { forecastPanel } from "./panels.js";
 * forecastPanel(prepare(builtinScenario("camp-david-1978"))).models.map((m) => m.bundle?.sinai);
 * // ["partial", "full", "full", "full"]: mean, median, bdm-scholz, bdm
 * ```
 */
export function forecastPanel(c: CompiledScenario): ForecastPanel {
  let skipped: ForecastPanel["skipped"] = [];
  const models = FORECAST_MODEL_NAMES.map((model): ForecastModelResult => {
    const f = forecastBundle(c, { model, rounds: EXPLORER_FORECAST_ROUNDS });
    skipped = f.skipped;
    const check = f.bundle ? checkProposal(c, f.bundle, { alternatives: 0 }) : null;
    return {
      model,
      label: FORECAST_MODELS[model].label,
      positions: Object.fromEntries(f.issues.map((i) => [i.issue, i.forecast])),
      bundle: f.bundle,
      rejectedBy: check ? check.rejectedBy : null,
      feasible: check ? check.feasible : null,
    };
  });
  return { models, skipped };
}

/**
 * Built-in graph models paired with built-in scenarios: the stability panel shows them (they are
 * ordinal models of their own, so the scenario's edits do not change them).
 *
 * @example
 * ```ts
 * import { PAIRED_GRAPH_MODELS } from "./panels.js";
 * PAIRED_GRAPH_MODELS["ukraine-2025"]; // "ukraine-2025-may"
 * builtinGraphModel(PAIRED_GRAPH_MODELS["ukraine-2025"]!)?.name; // "Ukraine, late May 2025 (graph model)"
 * ```
 */
export const PAIRED_GRAPH_MODELS: Readonly<Record<string, string>> = {
  "ukraine-2025": "ukraine-2025-may",
  "ukraine-2025-ratification": "ukraine-2025-may",
};

/**
 * The explorer derives graph models of at most this many feasible states (the product of the
 * controlled issues' option counts): the stability analysis of a model this size takes one to two
 * seconds in the page's worker on a 2-core machine (docs/benchmarks.md), and it grows faster than
 * the state count (61,440 states: over 40 s), so larger models go to `treatylab stability` (up to
 * 24 binary options).
 *
 * @example
 * ```ts
 * import { EXPLORER_MAX_STABILITY_STATES, stabilitySize } from "./panels.js";
 * const c = compileScenario(ukraine2025);
 * const control = Object.fromEntries(c.issueIds.slice(0, 7).map((i) => [i, "russia"])); // nato ... crimea, sanctions
 * stabilitySize(c, control); // { options: 21, states: 15360 }
 * stabilitySize(c, control).states > EXPLORER_MAX_STABILITY_STATES; // true: too large for the page
 * ```
 */
export const EXPLORER_MAX_STABILITY_STATES = 4096;

/**
 * The size of the graph model a control mapping derives: its binary options (an issue with k
 * options gives k - 1) and its feasible states (the product of the k; every combination of one
 * option per controlled issue).
 *
 * @example
 * ```ts
 * import { stabilitySize } from "./panels.js";
 * const c = compileScenario(ukraine2025);
 * stabilitySize(c, { donbas: "russia", sanctions: "us" }); // { options: 5, states: 12 }
 * ```
 */
export function stabilitySize(
  c: CompiledScenario,
  control: Readonly<Record<string, string>>,
): { readonly options: number; readonly states: number } {
  let options = 0;
  let states = 1;
  for (const issue of Object.keys(control)) {
    const k = c.optionIds[c.issueIds.indexOf(issue)]?.length ?? 1;
    options += Math.max(0, k - 1);
    states *= k;
  }
  return { options, states };
}

/**
 * One graph model's equilibria as the panel shows them: the option names, each option's decision
 * maker, the feasible states' count and the equilibria per concept (Y/N strings over the options,
 * as `treatylab stability --format json` prints them).
 *
 * @example
 * ```ts
 * import { stabilityPanel, type StabilityModelView } from "./panels.js";
 * const c = compileScenario(nash1950);
 * const panel = stabilityPanel("nash-1950", c, analyze(c).solutions.nash!.bundle, { book: "bill", pen: "jack" });
 * const m: StabilityModelView = panel.derived!;
 * m.options; // ["book = bill", "pen = jack"]
 * m.owners; // ["bill", "jack"]
 * m.equilibria.nash; // ["YY"]
 * ```
 */
export interface StabilityModelView {
  readonly name: string;
  readonly options: readonly string[];
  /** The decision maker controlling each option. */
  readonly owners: readonly string[];
  readonly states: number;
  readonly equilibria: Readonly<Record<StabilityKey, readonly string[]>>;
  readonly notes: readonly string[];
}

/**
 * The stability panel: the model derived from the scenario with the user's control mapping (from
 * the Nash solution; or why there is none), and the built-in model paired with the scenario.
 *
 * @example
 * ```ts
 * import { stabilityPanel, type StabilityPanel } from "./panels.js";
 * const c = compileScenario(nash1950);
 * const nash = analyze(c).solutions.nash!.bundle;
 * const p: StabilityPanel = stabilityPanel("nash-1950", c, nash, { book: "bill", pen: "jack" });
 * p.derived?.equilibria.gmr; // ["NN", "YY"]
 * p.builtin; // null: no graph model is paired with nash-1950
 * ```
 */
export interface StabilityPanel {
  readonly derived: StabilityModelView | null;
  /** Why there is no derived model: no control mapping, no Nash solution, too many options. */
  readonly derivedNote: string | null;
  readonly builtin: (StabilityModelView & { readonly id: string }) | null;
}

function modelView(model: GraphModel): StabilityModelView {
  const r = stabilityReport(model);
  const owners = r.options.map((_, k) => model.decisionMakers.find((d) => d.options.includes(k))?.name ?? "");
  return {
    name: model.name ?? "",
    options: r.options,
    owners,
    states: r.states.length,
    equilibria: r.equilibria,
    notes: r.notes ?? [],
  };
}

/**
 * `--control` as the CLI takes it from the page's mapping (issue id -> party id): party -> issues.
 *
 * @example
 * ```ts
 * import { controlByParty } from "./panels.js";
 * controlByParty({ book: "bill", pen: "jack", toy: "bill" }); // { bill: ["book", "toy"], jack: ["pen"] }
 * ```
 */
export function controlByParty(control: Readonly<Record<string, string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [issue, party] of Object.entries(control)) (out[party] ??= []).push(issue);
  return out;
}

const builtinCache = new Map<string, StabilityModelView>();

/**
 * Computes the stability panel for the edited scenario: with a control mapping, the graph model
 * `treatylab stability <scenario> --control ...` derives (the Nash solution fixed, standard
 * sanctions; at most {@link EXPLORER_MAX_STABILITY_STATES} states, else a note naming the size); and
 * the built-in model paired with the scenario id, if any.
 *
 * @example
 * ```ts
 * import { stabilityPanel } from "./panels.js";
 * const c = compileScenario(ukraine2025);
 * const p = stabilityPanel("ukraine-2025", c, analyze(c).solutions.nash?.bundle ?? null, {});
 * p.derivedNote; // "no control mapping"
 * p.builtin?.id; // "ukraine-2025-may"
 * p.builtin?.equilibria.nash.length; // 6
 * ```
 */
export function stabilityPanel(
  scenarioId: string,
  c: CompiledScenario,
  nash: Bundle | null,
  control: Readonly<Record<string, string>>,
): StabilityPanel {
  let derived: StabilityModelView | null = null;
  let derivedNote: string | null = null;
  const byParty = controlByParty(control);
  const parties = Object.keys(byParty).filter((p) => c.partyIds.includes(p));
  if (parties.length < 2) derivedNote = "no control mapping";
  else if (!nash) derivedNote = "the ZOPA is empty, so there is no Nash solution to fix";
  else {
    const size = stabilitySize(c, control);
    if (size.states > EXPLORER_MAX_STABILITY_STATES)
      derivedNote = `the mapping gives a graph model of ${size.states.toLocaleString("en")} states (${size.options} binary options); the page derives at most ${EXPLORER_MAX_STABILITY_STATES.toLocaleString("en")} states (the analysis grows faster than the states): control fewer issues, or run it on the command line (up to 24 binary options)`;
    else
      try {
        derived = modelView(graphModelFromScenario(c.scenario, { control: byParty, fixed: nash }));
      } catch (err) {
        if (!(err instanceof TreatylabError)) throw err;
        derivedNote = err.message;
      }
  }
  const id = PAIRED_GRAPH_MODELS[scenarioId];
  const model = id ? builtinGraphModel(id) : undefined;
  let builtin: StabilityPanel["builtin"] = null;
  if (id && model) {
    const view = builtinCache.get(id) ?? modelView(model);
    builtinCache.set(id, view);
    builtin = { ...view, id };
  }
  return { derived, derivedNote, builtin };
}

/**
 * The stability concepts in registry order: [key, label].
 *
 * @example
 * ```ts
 * import { STABILITY_LABELS } from "./panels.js";
 * STABILITY_LABELS[0]; // ["nash", "Nash (R)"]
 * STABILITY_LABELS.map(([key]) => key); // ["nash", "gmr", "smr", "seq", "sim", "seqSim"]
 * ```
 */
export const STABILITY_LABELS: readonly (readonly [StabilityKey, string])[] = STABILITY_CONCEPTS.map(
  (k) => [k.key, k.label] as const,
);
