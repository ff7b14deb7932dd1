/// <reference lib="dom" />
/**
 * The explorer page (bundled by scripts/build-explorer.mjs into dist/explorer/explorer.html): the
 * scenario's labelled assumptions as controls, every change an edit (src/edits) with undo and
 * redo, live results from a Web Worker (src/explorer/worker.ts), the plots drawn with Vega, and
 * the view kept in the URL hash. Rendering is lit-html: the whole page is one template re-rendered
 * on every state change (lit-html updates only what changed).
 * @module
 */
import { html, nothing, render, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import * as vega from "vega";
import { compile as compileVegaLite } from "vega-lite";
import type { ProposalCheck } from "../analysis/checkProposal.js";
import type { ScenarioEdit } from "../edits/types.js";
import { applyForecastInputs, isForecastInputs } from "../forecast/inputs.js";
import { TreatylabError } from "../model/errors.js";
import { issueLabel, noteParts, optionLabel, partyLabel } from "../model/labels.js";
import type { Bundle, Note, Party, PiecewiseValue, Scenario, Valuation } from "../model/types.js";
import { optionIdsOf } from "../model/validate.js";
import { validateScenario } from "../model/validatePublic.js"; // zod's exact message for an invalid scenario
import { SOLUTION_LIST } from "../solutions/solutionConcepts.js";
import type { NamedPlot, ScenarioPlotKind } from "../plots/scenarioPlots.js";
import { builtinScenario, builtinScenarioIds } from "../scenarios/builtins.js";
import type { GeniusRequest, GeniusResult } from "./geniusWorker.js";
import {
  controlByParty,
  EXPLORER_FORECAST_ROUNDS,
  EXPLORER_MAX_STABILITY_STATES,
  STABILITY_LABELS,
  type StabilityModelView,
} from "./panels.js";
import type { ComputeRequest, ComputeResult } from "./protocol.js";
import {
  clearEdit,
  editedScenario,
  editsFile,
  type ExplorerView,
  hashToView,
  history,
  type History,
  isOff,
  issueOff,
  push,
  redo,
  setEdit,
  toggleIssue,
  undo,
  viewToHash,
} from "./state.js";

/** [name, label] of each solution concept, in the registry's order. */
const SOLUTION_LABELS = SOLUTION_LIST.map((c) => [c.name, c.label] as const);

/** The workers' bundled sources, put in by the build (see scripts/build-explorer.mjs). */
declare const TREATYLAB_EXPLORER_WORKER: string;
declare const TREATYLAB_GENIUS_WORKER: string;
/** The forecast-inputs files of examples/forecast/, keyed by the built-in scenario they name (put in by the build). */
declare const TREATYLAB_FORECAST_INPUTS: Readonly<Record<string, { readonly path: string; readonly data: unknown }>>;

// ---------------------------------------------------------------------------------------------
// The worker: one at a time; a request made while it is busy terminates it (the stale
// computation is cancelled, not merely ignored) and starts a fresh one.

class WorkerClient {
  private worker: Worker | null = null;
  private busy = false;
  private latest = 0;
  private readonly url = URL.createObjectURL(new Blob([TREATYLAB_EXPLORER_WORKER], { type: "text/javascript" }));
  constructor(private readonly onResult: (r: ComputeResult) => void) {}

  request(req: ComputeRequest): void {
    this.latest = req.id;
    if (this.worker && this.busy) {
      this.worker.terminate();
      this.worker = null;
    }
    if (!this.worker) {
      const w = new Worker(this.url);
      w.onmessage = (ev: MessageEvent<ComputeResult>) => {
        // Busy until the last message of the request (its stability panel, or an error).
        if (!ev.data.ok || ev.data.phase === "stability") this.busy = false;
        if (ev.data.id === this.latest) this.onResult(ev.data);
      };
      w.onerror = (ev) => {
        this.busy = false;
        ev.preventDefault();
        this.onResult({ id: this.latest, ok: false, error: `the worker failed: ${ev.message}` });
      };
      this.worker = w;
    }
    this.busy = true;
    this.worker.postMessage(req);
  }
}

// ---------------------------------------------------------------------------------------------
// State.

type Results = Extract<ComputeResult, { phase: "results" }>;
type ForecastResult = Extract<ComputeResult, { phase: "forecast" }>;
type StabilityResult = Extract<ComputeResult, { phase: "stability" }>;

/** Forecast inputs applied to the open scenario: where they come from and the command-line argument naming them. */
interface AppliedInputs {
  /** The view's `inputs` key ("" for the built-in file). */
  readonly key: string;
  /** The file, as the CLI's `forecast` and the page's text name it. */
  readonly file: string;
  readonly builtin: boolean;
  readonly parties: number;
  readonly issues: number;
}

interface AppState {
  /** The scenario as opened (without forecast inputs). */
  raw: Scenario;
  /** The scenario the edits apply to: `raw` with the view's forecast inputs, if any. */
  base: Scenario;
  inputs: AppliedInputs | null;
  /** Where the base came from, shown in the header. */
  origin: string;
  hist: History<ExplorerView>;
  /** The edited scenario (the controls show its numbers). */
  scenario: Scenario;
  result: Results | null;
  /** The shown plot's spec, once the worker has sent it. */
  plotSpec: NamedPlot | null;
  /** The forecast and stability panels, once the worker has sent them; stale while busy. */
  forecast: ForecastResult | null;
  forecastBusy: boolean;
  stability: StabilityResult | null;
  stabilityBusy: boolean;
  /** The result is for an older view: a newer one is being computed. */
  busy: boolean;
  /** The last computation failed (message). */
  computeError: string | null;
  /** A problem with something the user gave (a dropped file, a link), shown until dismissed. */
  message: string | null;
  plot: ScenarioPlotKind;
  axes: [string, string] | null;
  requestId: number;
}

const EMBEDDED_ID = "treatylab-scenario";
const STORED = "treatylab-explorer:";

/** The scenario the CLI embedded in the page (`treatylab explore`), if any. */
function embeddedScenario(): Scenario | null {
  const text = document.getElementById(EMBEDDED_ID)?.textContent?.trim();
  if (!text || text === "null") return null;
  return validateScenario(JSON.parse(text));
}

/** A scenario by id: the embedded one, then one dropped in this tab, then a built-in. */
function findScenario(id: string): { scenario: Scenario; origin: string } {
  const embedded = embeddedScenario();
  if (embedded && embedded.id === id) {
    // `treatylab explore <built-in id>` embeds the built-in itself: it keeps its built-in forecast inputs.
    const same = builtinScenarioIds().includes(id) && JSON.stringify(builtinScenario(id)) === JSON.stringify(embedded);
    return { scenario: embedded, origin: same ? "built-in" : "given to treatylab explore" };
  }
  const stored = sessionStorage.getItem(STORED + id);
  if (stored) return { scenario: validateScenario(JSON.parse(stored)), origin: "opened from a file" };
  return { scenario: builtinScenario(id), origin: "built-in" };
}

const INPUTS = "treatylab-explorer-inputs:";

/**
 * The forecast inputs a view asks for on a scenario: absent, the built-in scenario's own file (for
 * a built-in opened as such); "none": none; a name: a file opened in this tab (kept in session
 * storage). Applied as `treatylab forecast <inputs.json>` applies them (applyForecastInputs).
 */
function withInputs(
  raw: Scenario,
  origin: string,
  key: string | undefined,
): { base: Scenario; inputs: AppliedInputs | null } {
  if (key === "none") return { base: raw, inputs: null };
  let file: string;
  let data: unknown;
  let builtin = false;
  if (key === undefined) {
    const own = origin === "built-in" ? TREATYLAB_FORECAST_INPUTS[raw.id] : undefined;
    if (!own) return { base: raw, inputs: null };
    ({ path: file, data } = own);
    builtin = true;
  } else {
    const stored = sessionStorage.getItem(`${INPUTS}${raw.id}:${key}`);
    if (stored === null)
      throw new TreatylabError(
        `the forecast-inputs file ${key} is not open in this browser tab any more: open it again`,
      );
    file = key;
    data = JSON.parse(stored);
  }
  const base = applyForecastInputs(raw, data);
  const d = data as { capabilities?: object; scales?: object };
  return {
    base,
    inputs: {
      key: key ?? "",
      file,
      builtin,
      parties: Object.keys(d.capabilities ?? {}).length,
      issues: Object.keys(d.scales ?? {}).length,
    },
  };
}

function initialState(): AppState {
  let message: string | null = null;
  let view: ExplorerView | null = null;
  try {
    view = hashToView(location.hash);
  } catch (err) {
    message = (err as Error).message;
  }
  const fallback = embeddedScenario()?.id ?? "ukraine-2025";
  let found: { scenario: Scenario; origin: string };
  try {
    found = findScenario(view?.scenario ?? fallback);
  } catch (err) {
    message = `the link names a scenario this page does not have (${(err as Error).message}); showing ${fallback}`;
    view = null;
    found = findScenario(fallback);
  }
  let v: ExplorerView = view ?? { scenario: found.scenario.id, edits: [], proposal: {} };
  let applied: { base: Scenario; inputs: AppliedInputs | null };
  try {
    applied = withInputs(found.scenario, found.origin, v.inputs);
  } catch (err) {
    message = `the link's forecast inputs do not apply (${(err as Error).message}); showing the scenario without them`;
    const { inputs: _, ...rest } = v;
    v = { ...rest, inputs: "none" };
    applied = { base: found.scenario, inputs: null };
  }
  let scenario: Scenario;
  try {
    scenario = editedScenario(applied.base, v.edits);
  } catch (err) {
    message = `the link's edits do not apply (${(err as Error).message}); showing the scenario unedited`;
    v = { ...v, edits: [] };
    scenario = applied.base;
  }
  return {
    raw: found.scenario,
    base: applied.base,
    inputs: applied.inputs,
    origin: found.origin,
    hist: history(v),
    scenario,
    result: null,
    plotSpec: null,
    forecast: null,
    forecastBusy: true,
    stability: null,
    stabilityBusy: true,
    busy: true,
    computeError: null,
    message,
    plot: "utility-space",
    axes: null,
    requestId: 0,
  };
}

let state: AppState;
const root = document.getElementById("app")!;
const client = new WorkerClient((r) => {
  if (!r.ok) state = { ...state, busy: false, forecastBusy: false, stabilityBusy: false, computeError: r.error };
  else if (r.phase === "results") state = { ...state, result: r, busy: false, computeError: null };
  else if (r.phase === "forecast") state = { ...state, forecast: r, forecastBusy: false };
  else if (r.phase === "stability") state = { ...state, stability: r, stabilityBusy: false };
  else {
    state = { ...state, plotSpec: r.plot };
    void drawPlot();
    return;
  }
  rerender();
});

function compute(): void {
  const view = state.hist.present;
  state = { ...state, busy: true, forecastBusy: true, stabilityBusy: true, requestId: state.requestId + 1 };
  const plot = document.getElementById("plot");
  if (plot) plot.dataset.state = "busy";
  client.request({
    id: state.requestId,
    base: state.base,
    edits: view.edits,
    proposal: view.proposal,
    plot: state.plot,
    ...(state.axes ? { axes: state.axes } : {}),
    ...(view.control ? { control: view.control } : {}),
  });
}

/** Shows a new view (recorded for undo unless it comes from undo/redo), recomputes and updates the URL. */
function show(next: History<ExplorerView>): void {
  let scenario: Scenario;
  let applied: { base: Scenario; inputs: AppliedInputs | null } = { base: state.base, inputs: state.inputs };
  try {
    if (next.present.inputs !== state.hist.present.inputs || next.present.scenario !== state.hist.present.scenario)
      applied = withInputs(state.raw, state.origin, next.present.inputs);
    // Not validated here: the worker validates the same edits (once per change, not twice) and
    // reports an invalid result as the computation's error, which Undo clears.
    scenario = editedScenario(applied.base, next.present.edits, false);
  } catch (err) {
    state = { ...state, message: `that change leaves the scenario invalid: ${(err as Error).message}` };
    rerender();
    return;
  }
  state = { ...state, ...applied, hist: next, scenario, message: null };
  replaceHash(next.present);
  rerender();
  compute();
}

function replaceHash(v: ExplorerView): void {
  const hash = viewToHash(v);
  if (location.hash !== hash) window.history.replaceState(null, "", hash);
}

function edit(f: (edits: readonly ScenarioEdit[]) => ScenarioEdit[]): void {
  const v = state.hist.present;
  show(push(state.hist, { ...v, edits: f(v.edits) }));
}

function setProposal(proposal: Bundle): void {
  show(push(state.hist, { ...state.hist.present, proposal }));
}

function openScenario(raw: Scenario, origin: string, edits: readonly ScenarioEdit[] = [], inputs?: string): void {
  let applied: { base: Scenario; inputs: AppliedInputs | null };
  try {
    applied = withInputs(raw, origin, inputs);
  } catch (err) {
    state = { ...state, message: `${raw.id}: ${(err as Error).message}` };
    rerender();
    return;
  }
  state = {
    ...state,
    raw,
    ...applied,
    origin,
    axes: null,
    result: null,
    plotSpec: null,
    forecast: null,
    stability: null,
    plot: "utility-space",
  };
  show(history({ scenario: raw.id, edits, proposal: {}, ...(inputs !== undefined ? { inputs } : {}) }));
}

/**
 * Sets the forecast inputs of the view (recorded for undo): a key as {@link withInputs} takes, or
 * undefined for the default. Position edits on issues the new base has no scale for are dropped
 * (a scale with one position would be half a scale).
 */
function setInputs(inputs: string | undefined): void {
  const { inputs: _, ...rest } = state.hist.present;
  let edits = rest.edits;
  try {
    const scaled = new Set(
      withInputs(state.raw, state.origin, inputs)
        .base.issues.filter((i) => i.type !== "numeric" && i.options.every((o) => o.position !== undefined))
        .map((i) => i.id),
    );
    edits = edits.filter((e) => e.op !== "setPosition" || scaled.has(e.issue));
  } catch {
    // show() reports the inputs' error
  }
  show(push(state.hist, inputs === undefined ? { ...rest, edits } : { ...rest, edits, inputs }));
}

/**
 * Opens a forecast-inputs file (capabilities and issue scales, as `treatylab forecast` takes):
 * applied to the open scenario when it names it, else to the scenario it names if the page has it.
 */
function openForecastInputs(name: string, data: unknown): void {
  const target = (data as { scenario: string }).scenario;
  let found: { scenario: Scenario; origin: string };
  if (target === state.raw.id) found = { scenario: state.raw, origin: state.origin };
  else
    try {
      found = findScenario(target);
    } catch {
      throw new TreatylabError(
        `names scenario "${target}", which this page does not have: open that scenario first (a file the command line resolves beside the inputs file must be opened here too)`,
      );
    }
  applyForecastInputs(found.scenario, data); // a clear error naming the field, before anything changes
  sessionStorage.setItem(`${INPUTS}${found.scenario.id}:${name}`, JSON.stringify(data));
  if (found.scenario === state.raw) setInputs(name);
  else openScenario(found.scenario, found.origin, [], name);
}

// ---------------------------------------------------------------------------------------------
// Files: open a scenario (or an edits file naming a built-in base), export edits and scenario.

/** Imports GENIUS XML files in a worker of their own (the XML parser stays out of the page). */
function importGeniusXml(request: GeniusRequest): Promise<Scenario> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([TREATYLAB_GENIUS_WORKER], { type: "text/javascript" }));
    const w = new Worker(url);
    const done = (): void => {
      w.terminate();
      URL.revokeObjectURL(url);
    };
    w.onmessage = (ev: MessageEvent<GeniusResult>) => {
      done();
      if (ev.data.ok) resolve(validateScenario(ev.data.scenario));
      else reject(new TreatylabError(ev.data.error));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      done();
      reject(new TreatylabError(`the GENIUS import failed: ${ev.message}`));
    };
    w.postMessage(request);
  });
}

/**
 * Opens what the user gave: a scenario JSON file, an edits file exported by the page, or the XML
 * files of a GENIUS domain folder (the domain and one profile per party, or the folder itself).
 */
async function openFiles(files: readonly File[], folder?: string): Promise<void> {
  const xml = files.filter((f) => f.name.toLowerCase().endsWith(".xml"));
  const label = folder ?? (files.length === 1 ? files[0]!.name : `${files.length} files`);
  try {
    if (xml.length) {
      const texts = await Promise.all(xml.map((f) => f.text()));
      const name = folder ?? "genius";
      const scenario = await importGeniusXml({
        folder: name,
        files: xml.map((f, k) => ({ name: f.name, path: `${name}/${f.name}`, text: texts[k]! })),
      });
      sessionStorage.setItem(STORED + scenario.id, JSON.stringify(scenario));
      openScenario(scenario, `imported from GENIUS files (${label})`);
      return;
    }
    if (files.length !== 1)
      throw new TreatylabError("give one scenario or edits JSON file, or the .xml files of one GENIUS domain folder");
    const file = files[0]!;
    const text = await file.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new TreatylabError(
        `not JSON (${(err as Error).message}); drop a scenario JSON file, an edits file exported by this page, a forecast-inputs file or a GENIUS folder's .xml files`,
      );
    }
    if (isForecastInputs(data)) {
      openForecastInputs(file.name, data);
      return;
    }
    const d = data as { base?: unknown; edits?: unknown; parties?: unknown };
    if (d && typeof d === "object" && !Array.isArray(d) && Array.isArray(d.edits) && d.parties === undefined) {
      const baseId = typeof d.base === "string" ? d.base : state.base.id;
      const { scenario, origin } = findScenario(baseId);
      editedScenario(scenario, d.edits as ScenarioEdit[]);
      openScenario(scenario, origin, d.edits as ScenarioEdit[]);
      return;
    }
    const scenario = validateScenario(data);
    sessionStorage.setItem(STORED + scenario.id, JSON.stringify(scenario));
    openScenario(scenario, `opened from ${file.name}`);
  } catch (err) {
    state = { ...state, message: `${label}: ${(err as Error).message}` };
    rerender();
  }
}

/** The files of a drop: the files themselves, or those of one dropped folder (not its subfolders). */
async function droppedFiles(dt: DataTransfer): Promise<{ files: File[]; folder?: string }> {
  const entry = dt.items[0]?.webkitGetAsEntry?.();
  if (entry?.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const entries: FileSystemEntry[] = [];
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      entries.push(...batch);
    }
    const files = await Promise.all(
      entries
        .filter((e) => e.isFile)
        .map((e) => new Promise<File>((resolve, reject) => (e as FileSystemFileEntry).file(resolve, reject))),
    );
    return { files, folder: entry.name };
  }
  return { files: Array.from(dt.files) };
}

function download(name: string, text: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---------------------------------------------------------------------------------------------
// Plots: the selected Vega-Lite spec compiled and drawn as SVG; the previous view finalized.

let plotView: vega.View | null = null;
let plotToken = 0;

async function drawPlot(): Promise<void> {
  const el = document.getElementById("plot");
  const plot = state.plotSpec;
  if (!el || !plot) return;
  const token = ++plotToken;
  el.dataset.state = "busy";
  plotView?.finalize();
  plotView = null;
  if (!plot) return;
  const view = new vega.View(vega.parse(compileVegaLite(plot.spec as never).spec), {
    renderer: "svg",
    container: el,
    hover: true,
  });
  plotView = view;
  await view.runAsync();
  if (token !== plotToken) return;
  el.dataset.state = "ready";
  el.dataset.kind = plot.kind;
  const caption = document.getElementById("plot-caption");
  if (caption) caption.textContent = plot.caption;
}

// ---------------------------------------------------------------------------------------------
// Templates.

const f3 = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : x.toFixed(3));

function noteView(n: Note | undefined): TemplateResult | typeof nothing {
  if (!n) return nothing;
  const p = noteParts(n);
  return html`<p class="note">
    ${p.confidence ? html`<span class="conf conf-${p.confidence}" title="confidence">${p.confidence}</span>` : nothing}
    <span class="note-text" title=${p.text}>${p.text}</span>
    ${p.source ? html`<span class="source">Source: ${p.source}</span>` : nothing}
  </p>`;
}

interface SliderSpec {
  id: string;
  label: string;
  value: number;
  original: number;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  commit: (v: number) => void;
  /** Shown after the number (a weight's share of the total). */
  share?: string;
}

function slider(s: SliderSpec): TemplateResult {
  const changed = Math.abs(s.value - s.original) > 1e-12;
  const onChange = (ev: Event): void => {
    const v = Number((ev.target as HTMLInputElement).value);
    if (Number.isFinite(v) && v !== Number(shown)) s.commit(v);
  };
  const onInput = (ev: Event): void => {
    const row = (ev.target as HTMLElement).closest(".slider");
    const num = row?.querySelector<HTMLInputElement>("input[type=number]");
    if (num && ev.target !== num) num.value = (ev.target as HTMLInputElement).value;
  };
  // Shown to 4 significant digits (the edit keeps the exact value); the number box takes any value.
  const shown = String(Number(s.value.toPrecision(4)));
  return html`<div class="slider ${changed ? "changed" : ""}">
    <label for=${s.id} title=${s.label}>${s.label}</label>
    <input type="range" id=${s.id} min=${s.min} max=${s.max} step=${s.step} .value=${live(shown)} ?disabled=${s.disabled}
      @input=${onInput} @change=${onChange} />
    <input type="number" aria-label=${`${s.label} (number)`} data-for=${s.id} min=${s.min} max=${s.max} step="any"
      .value=${live(shown)} ?disabled=${s.disabled} @change=${onChange} />
    <span class="share" title="share of the party's total weight">${s.share ?? ""}</span>
    <span class="was" title="value in the scenario">${changed ? `was ${s.original}` : ""}</span>
  </div>`;
}

const rangeMax = (x: number, floor: number): number => Math.max(floor, Math.ceil(x * 1.5));

/** Whose numbers a group of controls edits: a party's, or one of its constituencies'. */
interface Whose {
  readonly party: string;
  readonly constituency?: string;
}

/** The "when" of an interaction term (or the "if"/"then" of a constraint) in words. */
function conditionText(s: Scenario, when: Readonly<Record<string, string | readonly string[]>>): string {
  return Object.entries(when)
    .map(
      ([issue, o]) =>
        `${issueLabel(s, issue)}: ${(typeof o === "string" ? [o] : o).map((x) => optionLabel(s, issue, x)).join(" or ")}`,
    )
    .join("; ");
}

/** A checkbox that turns something off by an edit (a red line, an interaction term, a constraint, a constituency) and on by removing it. */
function offToggle(like: ScenarioEdit, data: string, label: TemplateResult | string): TemplateResult {
  const on = !isOff(state.hist.present.edits, like);
  return html`<label><input type="checkbox" .checked=${live(on)} data-off=${data}
    @change=${(e: Event) => edit((es) => ((e.target as HTMLInputElement).checked ? clearEdit(es, like) : setEdit(es, like)))} /> ${label}</label>`;
}

/**
 * The controls of one valuation (a party's or a constituency's): reservation, weights, option
 * values, red lines and interaction terms. `base` is the scenario's, `cur` the edited one; `extra`
 * goes after the reservation (a party's power).
 */
function valuationControls(
  w: Whose,
  base: Valuation,
  cur: Valuation,
  s: Scenario,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const notes = base.notes ?? {};
  const idp = w.constituency === undefined ? w.party : `${w.party}--${w.constituency}`;
  const on = w.constituency === undefined ? {} : { constituency: w.constituency };
  const totalWeight = Object.values(cur.weights).reduce((a, b) => a + b, 0);
  const set = (e: ScenarioEdit): void => edit((es) => setEdit(es, e));
  return html`<h4>Reservation (utility of no deal)</h4>
      ${slider({ id: `res-${idp}`, label: "reservation", value: cur.reservation, original: base.reservation, min: 0, max: 1, step: 0.01, commit: (v) => set({ op: "setReservation", party: w.party, ...on, value: v }) })}
      ${noteView(notes.reservation)}
      ${extra}
      <h4>Weights</h4>
      ${noteView(notes.weights)}
      ${s.issues.map((i) =>
        slider({
          id: `w-${idp}-${i.id}`,
          label: issueLabel(s, i.id),
          share: totalWeight > 0 ? `${(((cur.weights[i.id] ?? 0) / totalWeight) * 100).toFixed(0)}%` : "",
          value: cur.weights[i.id] ?? 0,
          original: base.weights[i.id] ?? 0,
          min: 0,
          max: rangeMax(Math.max(...Object.values(base.weights)), 10),
          step: 0.5,
          commit: (v) => set({ op: "setWeight", party: w.party, ...on, issue: i.id, value: v }),
        }),
      )}
      <h4>Option values</h4>
      ${s.issues.map((i) => {
        const vals = cur.values[i.id];
        const orig = base.values[i.id];
        const note = notes[`values.${i.id}`];
        if (!vals || !orig) return nothing;
        if ("points" in vals && Array.isArray(vals.points))
          return pointsControls(w, i, vals as PiecewiseValue, orig as PiecewiseValue, note, idp, s);
        const v = vals as Readonly<Record<string, number>>;
        const o = orig as Readonly<Record<string, number>>;
        const top = Math.max(...Object.values(o), 0);
        return html`<details class="values"><summary>${issueLabel(s, i.id)}</summary>
          ${noteView(note)}
          ${optionIdsOf(i)
            .filter((opt) => v[opt] !== undefined)
            .map((opt) =>
              slider({
                id: `v-${idp}-${i.id}-${opt}`,
                label: optionLabel(s, i.id, opt),
                value: v[opt] ?? 0,
                original: o[opt] ?? 0,
                min: 0,
                max: rangeMax(top, 10),
                step: 0.5,
                commit: (x) => set({ op: "setValue", party: w.party, ...on, issue: i.id, option: opt, value: x }),
              }),
            )}</details>`;
      })}
      ${
        base.redLines?.length
          ? html`<h4>Red lines</h4>${noteView(notes.redLines)}
            <ul class="redlines">
              ${base.redLines.map((r, k) => {
                const what = r.reject
                  ? r.reject.map((o) => optionLabel(s, r.issue, o)).join(", ")
                  : `${r.below !== undefined ? `below ${r.below}` : ""}${r.above !== undefined ? ` above ${r.above}` : ""}`;
                return html`<li>${offToggle({ op: "removeRedLine", party: w.party, ...on, index: k }, `redline:${idp}:${k}`, `${issueLabel(s, r.issue)}: rejects ${what}`)}${r.reason ? html`<span class="muted"> (${r.reason})</span>` : nothing}</li>`;
              })}
            </ul>`
          : nothing
      }
      ${
        base.interactions?.length
          ? html`<h4>Interaction terms</h4>${noteView(notes.interactions)}
            <ul class="interactions">
              ${base.interactions.map((t, k) => {
                const like: ScenarioEdit = { op: "removeInteraction", party: w.party, ...on, index: k };
                const off = isOff(state.hist.present.edits, like);
                // The term as edited, found by its index in the scenario (removing an earlier term shifts the edited scenario's indices).
                const curValue =
                  editOf(
                    "setInteraction",
                    (e) => e.party === w.party && e.constituency === w.constituency && e.index === k,
                  )?.value ?? t.value;
                const when =
                  editOf(
                    "setInteractionWhen",
                    (e) => e.party === w.party && e.constituency === w.constituency && e.index === k,
                  )?.when ?? t.when;
                return html`<li>${offToggle(like, `interaction:${idp}:${k}`, html`when ${conditionText(s, when)}`)}${t.reason ? html`<span class="muted"> (${t.reason})</span>` : nothing}
                  ${slider({ id: `int-${idp}-${k}`, label: "value", value: curValue, original: t.value, min: -0.3, max: 0.3, step: 0.01, disabled: off, commit: (v) => set({ op: "setInteraction", party: w.party, ...on, index: k, value: v }) })}
                  ${conditionEditor(`int-${idp}-${k}`, "when", s, when, t.when, off, false, (next) => set({ op: "setInteractionWhen", party: w.party, ...on, index: k, when: next }))}</li>`;
              })}
            </ul>`
          : nothing
      }`;
}

function partyControls(base: Party, cur: Party | undefined, s: Scenario): TemplateResult {
  const view = state.hist.present;
  const off = isOff(view.edits, { op: "removeParty", party: base.id });
  const p = cur ?? base;
  const notes = base.notes ?? {};
  const set = (e: ScenarioEdit): void => edit((es) => setEdit(es, e));
  return html`<details class="party" ?open=${base.id === state.base.parties[0]?.id} data-party=${base.id}>
    <summary><span class="party-name">${base.label ?? base.id}</span>
      <label class="toggle" @click=${(e: Event) => e.stopPropagation()}>
        <input type="checkbox" .checked=${live(!off)} data-toggle-party=${base.id}
          @change=${(e: Event) => edit((es) => ((e.target as HTMLInputElement).checked ? clearEdit(es, { op: "removeParty", party: base.id }) : setEdit(es, { op: "removeParty", party: base.id })))} />
        in the talks</label></summary>
    <fieldset ?disabled=${off}>
      ${valuationControls(
        { party: base.id },
        base,
        p,
        s,
        html`<h4>Bargaining power</h4>
        ${slider({ id: `pow-${base.id}`, label: "power", value: p.power ?? 1, original: base.power ?? 1, min: 0.05, max: Math.max(5, (base.power ?? 1) * 2), step: 0.05, commit: (v) => set({ op: "setPower", party: base.id, value: v }) })}
        ${noteView(notes.power)}
        <h4>Capability (forecast)</h4>
        ${slider({ id: `cap-${base.id}`, label: "capability", value: p.capability ?? p.power ?? 1, original: base.capability ?? base.power ?? 1, min: 0, max: capabilityMax(), step: capabilityMax() > 20 ? 1 : 0.05, commit: (v) => set({ op: "setCapability", party: base.id, value: v }) })}
        ${notes.capability ? noteView(notes.capability) : html`<p class="muted note">The forecast's clout of the party; without a capability, its bargaining power.</p>`}
        <h4>Time discount (simulations)</h4>
        ${slider({ id: `disc-${base.id}`, label: "discount", value: p.discount ?? 1, original: base.discount ?? 1, min: 0.01, max: 1, step: 0.01, commit: (v) => set({ op: "setDiscount", party: base.id, value: v }) })}
        ${notes.discount ? noteView(notes.discount) : nothing}
        <p class="muted note">Utility u reached at time t is worth u·d<sup>t</sup>: <code>treatylab simulate</code> and <code>spe</code> read it; the exact analysis here does not (the exported edits carry it).</p>`,
      )}
      ${base.constituencies?.length ? ratificationControls(base, p, s) : nothing}
    </fieldset>
  </details>`;
}

/** The capability sliders' top: 1.5 times the largest capability (or power) in the scenario, at least 5. */
const capabilityMax = (): number =>
  rangeMax(Math.max(...state.base.parties.map((p) => p.capability ?? p.power ?? 1)), 5);

function ratificationText(p: Party): string {
  const r = p.ratification;
  const rule =
    !r || r.rule === "all"
      ? "every constituency must accept"
      : r.rule === "majority"
        ? "more than half of the votes"
        : `at least ${((r.quota ?? 1) * 100).toFixed(0)}% of the votes`;
  return `${p.label ?? p.id} ratifies when ${rule}${r && r.rule !== "all" ? " (veto constituencies must accept)" : ""}. Untick "ratifies" to take a constituency out.`;
}

const RULES = [
  ["all", "all must accept"],
  ["majority", "majority of votes"],
  ["quota", "quota of votes"],
] as const;

/** A party's ratification: the decision rule (and quota), then each constituency with its votes, veto and valuation. */
function ratificationControls(base: Party, p: Party, s: Scenario): TemplateResult {
  const view = state.hist.present;
  const notes = base.notes ?? {};
  const set = (e: ScenarioEdit): void => edit((es) => setEdit(es, e));
  const rule = p.ratification?.rule ?? "all";
  const baseRule = base.ratification?.rule ?? "all";
  const quota = p.ratification?.quota ?? base.ratification?.quota ?? 0.5;
  return html`<h4>Ratification at home</h4>
    <div class="slider ${rule !== baseRule ? "changed" : ""}">
      <label for=${`rule-${base.id}`}>decision rule</label>
      <select id=${`rule-${base.id}`} class="rule" @change=${(e: Event) => {
        const r = (e.target as HTMLSelectElement).value as (typeof RULES)[number][0];
        set(
          r === "quota"
            ? { op: "setRatification", party: base.id, rule: r, quota }
            : { op: "setRatification", party: base.id, rule: r },
        );
      }}>${RULES.map(([r, label]) => html`<option value=${r} ?selected=${r === rule}>${label}</option>`)}</select>
      <span class="was">${rule !== baseRule ? `was ${baseRule}` : ""}</span>
    </div>
    ${
      rule === "quota"
        ? slider({
            id: `quota-${base.id}`,
            label: "quota (share of votes)",
            value: quota,
            original: base.ratification?.quota ?? quota,
            min: 0.05,
            max: 1,
            step: 0.05,
            commit: (v) => set({ op: "setRatification", party: base.id, rule: "quota", quota: v }),
          })
        : nothing
    }
    ${noteView(notes.ratification)}
    <p class="muted">${ratificationText(p)}</p>
    ${base.constituencies!.map((k) => {
      const like: ScenarioEdit = { op: "removeConstituency", party: base.id, constituency: k.id };
      const kOff = isOff(view.edits, like);
      const kCur = p.constituencies?.find((x) => x.id === k.id) ?? k;
      const idk = `${base.id}--${k.id}`;
      const votesMax = rangeMax(Math.max(...base.constituencies!.map((x) => x.votes ?? 1)), 10);
      return html`<details class="constituency" data-constituency=${`${base.id}/${k.id}`}>
        <summary><span>${k.label ?? k.id}${kCur.veto ? " (veto)" : ""}</span>
          <span class="toggle" @click=${(e: Event) => e.stopPropagation()}>${offToggle(like, `constituency:${base.id}:${k.id}`, "ratifies")}</span></summary>
        ${k.description ? html`<p class="muted">${k.description}</p>` : nothing}
        <fieldset ?disabled=${kOff}>
          <h4>Votes and veto</h4>
          ${slider({ id: `votes-${idk}`, label: "votes", value: kCur.votes ?? 1, original: k.votes ?? 1, min: Math.min(1, ...base.constituencies!.map((x) => x.votes ?? 1)), max: votesMax, step: 1, commit: (v) => set({ op: "setVotes", party: base.id, constituency: k.id, value: v }) })}
          ${noteView(k.notes?.votes)}
          <label class=${`check ${Boolean(kCur.veto) !== Boolean(k.veto) ? "changed" : ""}`}><input type="checkbox" id=${`veto-${idk}`} .checked=${live(Boolean(kCur.veto))}
            @change=${(e: Event) => set({ op: "setVeto", party: base.id, constituency: k.id, value: (e.target as HTMLInputElement).checked })} /> veto player (must accept whatever the rule)</label>
          ${noteView(k.notes?.veto)}
          ${valuationControls({ party: base.id, constituency: k.id }, k, kCur, s)}</fieldset>
      </details>`;
    })}`;
}

/** The last edit of a kind in the view that matches (the page keeps one per target). */
function editOf<K extends ScenarioEdit["op"]>(
  op: K,
  match: (e: Extract<ScenarioEdit, { op: K }>) => boolean,
): Extract<ScenarioEdit, { op: K }> | undefined {
  return state.hist.present.edits.find(
    (e): e is Extract<ScenarioEdit, { op: K }> => e.op === op && match(e as Extract<ScenarioEdit, { op: K }>),
  );
}

type Condition = Readonly<Record<string, string | readonly string[]>>;
const listOf = (c: string | readonly string[]): readonly string[] => (typeof c === "string" ? [c] : c);
/** Above this many options an issue's choice in a condition is a multiple select, not checkboxes. */
const CHECKBOX_OPTIONS = 16;

/**
 * Edits a condition (an interaction term's `when`, a constraint's `if` or `then`): per issue in
 * it, the options that match (checkboxes; at least one stays ticked), a button that drops the
 * issue (any of its options then matches), and a select that adds an issue (with every option
 * ticked, so adding changes nothing until one is unticked). `canEmpty`: the condition may name no
 * issue (a constraint's `if`: it then always applies).
 */
function conditionEditor(
  id: string,
  part: string,
  s: Scenario,
  cond: Condition,
  original: Condition,
  disabled: boolean,
  canEmpty: boolean,
  commit: (next: Condition) => void,
): TemplateResult {
  const entries = Object.entries(cond);
  const changed =
    JSON.stringify(entries.map(([i, c]) => [i, [...listOf(c)].sort()])) !==
    JSON.stringify(Object.entries(original).map(([i, c]) => [i, [...listOf(c)].sort()]));
  const put = (issue: string, opts: readonly string[] | null): void => {
    // The condition's own order kept (an added issue goes last); options in the issue's order.
    const next: Record<string, string | readonly string[]> = {};
    for (const [i, c] of entries)
      if (i !== issue) next[i] = c;
      else if (opts) next[i] = opts;
    if (opts && cond[issue] === undefined) next[issue] = opts;
    commit(next);
  };
  const addable = s.issues.filter((i) => cond[i.id] === undefined);
  return html`<details class="condition ${changed ? "changed" : ""}" data-condition=${`${id}:${part}`}><summary>${part}${changed ? " (edited)" : ""}</summary>
    <fieldset ?disabled=${disabled}>
      ${entries.length ? nothing : html`<p class="muted">No issue: the ${part} always holds.</p>`}
      ${entries.map(([issue, c]) => {
        const chosen = new Set(listOf(c));
        const iss = s.issues.find((i) => i.id === issue);
        const opts = iss ? optionIdsOf(iss) : [...chosen];
        const name = `${id}:${part}:${issue}`;
        return html`<fieldset class="cond-issue"><legend>${issueLabel(s, issue)} is one of
          <button class="link" ?disabled=${entries.length === 1 && !canEmpty} title="drop this issue from the condition (any of its options then matches)" aria-label=${`drop ${issueLabel(s, issue)} from the ${part}`}
            @click=${() => put(issue, null)}>× drop</button></legend>
          ${
            opts.length > CHECKBOX_OPTIONS
              ? html`<select multiple size="5" aria-label=${`${issueLabel(s, issue)} options in the ${part}`} data-cond=${name} @change=${(
                  e: Event,
                ) => {
                  const sel = Array.from((e.target as HTMLSelectElement).selectedOptions).map((o) => o.value);
                  if (sel.length) put(issue, sel);
                }}>${opts.map((o) => html`<option value=${o} ?selected=${chosen.has(o)}>${optionLabel(s, issue, o)}</option>`)}</select>`
              : opts.map((o) => {
                  const last = chosen.size === 1 && chosen.has(o);
                  return html`<label class="opt" title=${last ? "the issue needs one option at least: drop the issue instead" : ""}><input type="checkbox" data-cond=${`${name}:${o}`} .checked=${live(chosen.has(o))} ?disabled=${last}
                  @change=${(e: Event) =>
                    put(
                      issue,
                      opts.filter((x) => (x === o ? (e.target as HTMLInputElement).checked : chosen.has(x))),
                    )} /> ${optionLabel(s, issue, o)}</label>`;
                })
          }
        </fieldset>`;
      })}
      ${
        addable.length
          ? html`<label class="cond-add">add an issue <select data-cond-add=${`${id}:${part}`} @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              const iss = s.issues.find((i) => i.id === v);
              if (iss) put(v, optionIdsOf(iss));
            }}><option value="" selected>—</option>${addable.map((i) => html`<option value=${i.id}>${issueLabel(s, i.id)}</option>`)}</select></label>`
          : nothing
      }
    </fieldset>
  </details>`;
}

/** A piecewise-linear valuation of a numeric issue: each point's x and value as sliders (setPoint). */
function pointsControls(
  w: Whose,
  i: Scenario["issues"][number],
  cur: PiecewiseValue,
  orig: PiecewiseValue,
  note: Note | undefined,
  idp: string,
  s: Scenario,
): TemplateResult {
  const on = w.constituency === undefined ? {} : { constituency: w.constituency };
  const range = i.type === "numeric" ? i.range : { min: 0, max: 1, step: 0.01 };
  const xs = orig.points.map((pt) => pt[0]);
  const lo = Math.min(range.min, ...xs);
  const hi = Math.max(range.max, ...xs);
  const top = rangeMax(Math.max(...orig.points.map((pt) => pt[1]), 0), 10);
  const set = (k: number, x: number, v: number): void =>
    edit((es) => setEdit(es, { op: "setPoint", party: w.party, ...on, issue: i.id, index: k, x, value: v }));
  const unit = i.type === "numeric" && i.unit ? ` (${i.unit})` : "";
  return html`<details class="values" data-points=${`${idp}-${i.id}`}><summary>${issueLabel(s, i.id)} <span class="muted">(piecewise, ${cur.points.length} points)</span></summary>
    ${noteView(note)}
    <p class="muted">Linear between the points, flat beyond the first and the last; the points must stay in increasing x.</p>
    ${cur.points.map(([x, v], k) => {
      const [ox, ov] = orig.points[k] ?? [x, v];
      return html`${slider({ id: `pt-${idp}-${i.id}-${k}-x`, label: `point ${k + 1}: x${unit}`, value: x, original: ox, min: lo, max: hi, step: range.step, commit: (nx) => set(k, nx, v) })}
        ${slider({ id: `pt-${idp}-${i.id}-${k}-v`, label: `point ${k + 1}: value`, value: v, original: ov, min: 0, max: top, step: 0.5, commit: (nv) => set(k, x, nv) })}`;
    })}
  </details>`;
}

function constraintsControls(): TemplateResult | typeof nothing {
  const base = state.base;
  if (!base.constraints?.length) return nothing;
  return html`<details class="constraints"><summary>Constraints (${base.constraints.length})</summary>
    <ul>${base.constraints.map((c, k) => {
      const like: ScenarioEdit = { op: "removeConstraint", index: k };
      const off = isOff(state.hist.present.edits, like);
      const cur = editOf("setConstraint", (e) => e.index === k) ?? c;
      const commit = (next: { if: Condition; then: Condition }): void =>
        edit((es) => setEdit(es, { op: "setConstraint", index: k, if: next.if, then: next.then }));
      return html`<li>${offToggle(like, `constraint:${k}`, `if ${conditionText(base, cur.if) || "always"}, then ${conditionText(base, cur.then)}`)}${c.reason ? html`<span class="muted"> (${c.reason})</span>` : nothing}
        ${conditionEditor(`con-${k}`, "if", base, cur.if, c.if, off, true, (next) => commit({ if: next, then: cur.then }))}
        ${conditionEditor(`con-${k}`, "then", base, cur.then, c.then, off, false, (next) => commit({ if: cur.if, then: next }))}</li>`;
    })}</ul>
    <p class="muted">On: bundles that break the constraint leave the outcome space. Open "if" or "then" to change which options it names.</p>
  </details>`;
}

function issuesControls(): TemplateResult {
  const view = state.hist.present;
  return html`<details class="issues-toggle"><summary>Issues on the table</summary>
    <ul>${state.base.issues.map((i) => {
      const off = issueOff(state.base, view.edits, i.id);
      return html`<li><label><input type="checkbox" .checked=${live(!off)} data-toggle-issue=${i.id}
        @change=${(e: Event) => edit((es) => toggleIssue(state.base, es, i.id, (e.target as HTMLInputElement).checked))} />
        ${i.label ?? i.id}</label>${noteView(i.notes?.[Object.keys(i.notes ?? {})[0] ?? ""])}</li>`;
    })}</ul>
    <p class="muted">Off: every party's weight on the issue is 0 (it no longer counts; its options still appear in settlements).</p>
  </details>`;
}

/** Each discrete issue with an ordered scale (a position on every option): sliders for the positions (setPosition). */
function scalesControls(): TemplateResult | typeof nothing {
  const base = state.base;
  const scaled = base.issues.flatMap((i) =>
    i.type !== "numeric" && i.options.every((o) => o.position !== undefined) ? [i] : [],
  );
  if (!scaled.length) return nothing;
  const cur = state.scenario;
  return html`<details class="scales"><summary>Forecast scales (${scaled.length} ${scaled.length === 1 ? "issue" : "issues"})</summary>
    <p class="muted">Each option's place on its issue's ordered scale: the forecast models average and compare these positions.</p>
    ${scaled.map((i) => {
      const positions = i.options.map((o) => o.position!);
      const lo = Math.min(0, ...positions);
      const hi = Math.max(100, ...positions);
      const curIssue = cur.issues.find((x) => x.id === i.id);
      return html`<details class="values" data-scale=${i.id}><summary>${issueLabel(base, i.id)}</summary>${noteView(i.notes?.scale)}
        ${i.options.map((o) => {
          const now =
            curIssue && curIssue.type !== "numeric" ? curIssue.options.find((x) => x.id === o.id)?.position : undefined;
          return slider({
            id: `pos-${i.id}-${o.id}`,
            label: optionLabel(base, i.id, o.id),
            value: now ?? o.position!,
            original: o.position!,
            min: lo,
            max: hi,
            step: 1,
            commit: (v) => edit((es) => setEdit(es, { op: "setPosition", issue: i.id, option: o.id, value: v })),
          });
        })}</details>`;
    })}
  </details>`;
}

function describeEdit(e: ScenarioEdit): string {
  const s = state.base;
  const party = "party" in e && typeof e.party === "string" ? s.parties.find((p) => p.id === e.party) : undefined;
  const k =
    "constituency" in e && typeof e.constituency === "string"
      ? party?.constituencies?.find((x) => x.id === e.constituency)
      : undefined;
  const who = party ? `${party.label ?? party.id}${k ? ` / ${k.label ?? k.id}` : ""}` : "";
  const val: Valuation | undefined = k ?? party;
  switch (e.op) {
    case "setWeight":
      return `${who}: weight on ${issueLabel(s, e.issue)} = ${e.value}`;
    case "setValue":
      return `${who}: value of ${issueLabel(s, e.issue)} / ${optionLabel(s, e.issue, e.option)} = ${e.value}`;
    case "setReservation":
      return `${who}: reservation = ${e.value}`;
    case "shiftReservation":
      return `${who}: reservation ${e.by >= 0 ? "+" : ""}${e.by}`;
    case "setPower":
      return `${who}: power = ${e.value}`;
    case "setCapability":
      return `${who}: capability = ${e.value}`;
    case "setPosition":
      return `${issueLabel(s, e.issue)}: position of ${optionLabel(s, e.issue, e.option)} = ${e.value}`;
    case "removeRedLine":
      return `${who}: red line on ${issueLabel(s, val?.redLines?.[e.index]?.issue ?? "?")} off`;
    case "removeInteraction":
    case "setInteraction": {
      const t = val?.interactions?.[e.index];
      const what = t
        ? `interaction term (${Object.keys(t.when)
            .map((i) => issueLabel(s, i))
            .join(" + ")})`
        : `interaction term ${e.index}`;
      return e.op === "removeInteraction" ? `${who}: ${what} off` : `${who}: ${what} = ${e.value}`;
    }
    case "removeConstituency":
      return `${party?.label ?? e.party}: ${k?.label ?? e.constituency} does not ratify`;
    case "setDiscount":
      return `${who}: discount = ${e.value}`;
    case "setPoint":
      return `${who}: ${issueLabel(s, e.issue)} point ${e.index + 1} = (${e.x}, ${e.value})`;
    case "setInteractionWhen":
      return `${who}: interaction term ${e.index + 1} when ${conditionText(s, e.when)}`;
    case "setVotes":
      return `${who}: votes = ${e.value}`;
    case "setVeto":
      return `${who}: ${e.value ? "veto player" : "no veto"}`;
    case "setRatification":
      return `${who}: ratification by ${e.rule === "all" ? "all constituencies" : e.rule === "majority" ? "majority of votes" : `quota ${e.quota}`}`;
    case "setConstraint":
      return `constraint ${e.index + 1}: if ${conditionText(s, e.if) || "always"}, then ${conditionText(s, e.then)}`;
    case "removeConstraint": {
      const c = s.constraints?.[e.index];
      return `constraint ${e.index + 1} off${c ? ` (if ${conditionText(s, c.if)})` : ""}`;
    }
    case "removeParty":
      return `${who} out of the talks`;
    default:
      return JSON.stringify(e);
  }
}

/** The file name the page exports the edits under (the CLI lines below use it). */
const editsName = (): string => `${state.base.id}-edits.json`;
const editsFlag = (): string => (state.hist.present.edits.length ? ` --edits ${editsName()}` : "");

const fmtPos = (x: number): string => String(Number(x.toFixed(2)));

function forecastPanelView(): TemplateResult {
  const s = state.scenario;
  const f = state.forecast?.forecast;
  const applied = state.inputs;
  const cli = html`<p class="muted cli">Same on the command line: <code>treatylab forecast ${applied ? applied.file : state.base.id} --model &lt;model&gt;${editsFlag()}</code>
    (rounds ${EXPLORER_FORECAST_ROUNDS}, saliences the weight shares).</p>`;
  const own = state.origin === "built-in" ? TREATYLAB_FORECAST_INPUTS[state.raw.id] : undefined;
  const inputsLine = html`<div class="forecast-inputs" id="forecast-inputs">
    ${
      applied
        ? html`<p>Forecast inputs: <code>${applied.file}</code>${applied.builtin ? " (shipped with treatylab)" : " (opened here)"}: capabilities of ${applied.parties} ${applied.parties === 1 ? "party" : "parties"} and the scales of ${applied.issues} ${applied.issues === 1 ? "issue" : "issues"} (capabilities are under each party).
          <button class="link" id="inputs-off" @click=${() => setInputs("none")}>forecast without them</button></p>`
        : own
          ? html`<p class="muted">No forecast inputs. <button class="link" id="inputs-on" @click=${() => setInputs(undefined)}>Use <code>${own.path}</code></button></p>`
          : nothing
    }
    <label class="file">Open a forecast-inputs file… <input type="file" id="inputs-file" accept=".json,application/json" @change=${(
      e: Event,
    ) => {
      const fs = Array.from((e.target as HTMLInputElement).files ?? []);
      if (fs.length) void openFiles(fs);
      (e.target as HTMLInputElement).value = "";
    }} /></label> <span class="muted">(capabilities and option positions with their notes, as <code>treatylab forecast</code> takes: examples/forecast/, docs/forecast.md)</span>
  </div>`;
  let body: TemplateResult;
  if (!f) body = html`<p class="muted">computing…</p>`;
  else if (f.models[0]?.bundle === null && f.skipped.length === s.issues.length)
    body = html`<p class="muted" id="forecast-none">No issue has an ordered scale, so there is nothing to forecast. Give each discrete issue's options a
      <code>position</code> on one scale (docs/forecast.md) and open the scenario file here, or open a forecast-inputs file with the scales
      (the one <code>treatylab forecast &lt;inputs.json&gt;</code> takes).</p>`;
  else {
    const scaled = s.issues.filter((i) => f.models[0]?.positions[i.id] !== undefined);
    body = html`<div class="table-wrap"><table id="forecast">
        <caption class="muted">Each model's forecast position on the issue's scale, and the option nearest it (shaded: the models differ).</caption>
        <thead><tr><th scope="col">issue</th>${f.models.map((m) => html`<th scope="col" title=${m.model}>${m.label}</th>`)}</tr></thead>
        <tbody>${scaled.map((i) => {
          const opts = f.models.map((m) => m.bundle?.[i.id]);
          return html`<tr class=${new Set(opts).size > 1 ? "differ" : ""}><th scope="row">${issueLabel(s, i.id)}</th>
            ${f.models.map((m) => {
              const o = m.bundle?.[i.id];
              return html`<td data-model=${m.model} data-issue=${i.id} data-option=${o ?? ""} data-position=${m.positions[i.id] ?? ""}>${o === undefined ? "–" : optionLabel(s, i.id, o)} <span class="muted">(${fmtPos(m.positions[i.id]!)})</span></td>`;
            })}</tr>`;
        })}
        <tr><th scope="row">as a proposal</th>${f.models.map(
          (m) =>
            html`<td class="forecast-verdict" data-model=${m.model}>${
              m.rejectedBy === null
                ? "–"
                : m.rejectedBy.length
                  ? `rejected by ${m.rejectedBy.map((p) => partyLabel(s, p)).join(", ")}`
                  : "every party accepts"
            }${m.feasible === false ? " (breaks a constraint)" : ""}</td>`,
        )}</tr>
        </tbody></table></div>
      ${f.skipped.length ? html`<p class="muted">Not forecast (no ordered scale): ${f.skipped.map((x) => issueLabel(s, x.issue)).join(", ")}; so no model gives a whole bundle.</p>` : nothing}
      <div class="buttons">${f.models.map((m) => (m.bundle ? html`<button @click=${() => setProposal(m.bundle!)}>Check the ${m.label} forecast</button>` : nothing))}</div>`;
  }
  return html`<section class="forecast-panel" aria-labelledby="forecast-h" data-state=${state.forecastBusy ? "busy" : "ready"} data-request=${state.forecast?.id ?? 0}>
    <h2 id="forecast-h">Forecast</h2>
    <p class="muted">Where the talks may land, from each party's capability, best option and salience (docs/forecast.md): the compromise mean, the weighted median and Bueno de Mesquita's expected-utility models.</p>
    ${inputsLine} ${body} ${f && f.models[0]?.bundle === null && f.skipped.length === s.issues.length ? nothing : cli}</section>`;
}

function setControl(control: Readonly<Record<string, string>>): void {
  const v = state.hist.present;
  const { control: _, ...rest } = v;
  show(push(state.hist, Object.keys(control).length ? { ...rest, control } : rest));
}

/** A state (Y/N over the options) in words: the options that are Y, each as `label` writes it. */
function stateText(
  m: StabilityModelView,
  code: string,
  none: string,
  label: (name: string, owner: string) => string,
): string {
  const on = m.options.flatMap((o, k) => (code[k] === "Y" ? [label(o, m.owners[k] ?? "")] : []));
  return on.length ? on.join("; ") : none;
}

function equilibriaView(
  m: StabilityModelView,
  kind: string,
  none: string,
  label: (name: string, owner: string) => string,
): TemplateResult {
  const LIST = 12;
  return html`<table class="equilibria" data-model=${kind}>
    <thead><tr><th scope="col">concept</th><th scope="col">equilibria</th></tr></thead>
    <tbody>${STABILITY_LABELS.map(([key, conceptLabel]) => {
      const eq = m.equilibria[key] ?? [];
      const items = eq
        .slice(0, LIST)
        .map((st) => html`<li data-state=${st}><code>${st}</code> ${stateText(m, st, none, label)}</li>`);
      return html`<tr data-concept=${key} data-count=${eq.length}><th scope="row">${conceptLabel}</th><td>${
        eq.length
          ? html`<details ?open=${key === "nash"}><summary>${eq.length} of ${m.states} states</summary><ul>${items}</ul>${eq.length > LIST ? html`<p class="muted">and ${eq.length - LIST} more (the command line lists them all)</p>` : nothing}</details>`
          : html`none of ${m.states} states`
      }</td></tr>`;
    })}</tbody></table>`;
}

function stabilityPanelView(): TemplateResult {
  const s = state.scenario;
  const st = state.stability?.stability;
  const control = state.hist.present.control ?? {};
  const byParty = controlByParty(control);
  const controlFlags = Object.entries(byParty)
    .map(([p, issues]) => ` --control ${p}=${issues.join(",")}`)
    .join("");
  // A derived option is "issue = option", switched by the party controlling the issue.
  const switched = (name: string, owner: string): string => {
    const [issue, option] = name.split(" = ");
    return `${partyLabel(s, owner)} switches ${issue !== undefined && option !== undefined ? `${issueLabel(s, issue)} to ${optionLabel(s, issue, option)}` : name}`;
  };
  return html`<section class="stability-panel" aria-labelledby="stability-h" data-state=${state.stabilityBusy ? "busy" : "ready"} data-request=${state.stability?.id ?? 0}>
    <h2 id="stability-h">Stability: would a signed settlement hold?</h2>
    <p class="muted">Once the Nash solution is signed, each party may undo the clauses it controls. Say who controls which issue; the page derives the graph model (GMCR) and lists the states no party gains by leaving, under each stability concept (docs/stability.md).</p>
    <details class="control-map" ?open=${Object.keys(control).length > 0}><summary>Who controls which issue after signature (${Object.keys(control).length} chosen)</summary>
      ${issueSelects(s, control, "— nobody —", () => s.parties.map((p) => [p.id, p.label ?? p.id] as const), setControl)}
    </details>
    ${
      !st
        ? html`<p class="muted">computing…</p>`
        : st.derived
          ? html`<h3>Derived from this scenario</h3>${equilibriaView(st.derived, "derived", "the Nash solution as signed", switched)}
            <p class="muted cli">Same on the command line: <code>treatylab stability ${state.base.id}${controlFlags}${editsFlag()}</code></p>`
          : st.derivedNote === "no control mapping"
            ? html`<p class="muted" id="stability-none">No control mapping yet: give at least two parties an issue each above (the page derives models of at most ${EXPLORER_MAX_STABILITY_STATES.toLocaleString("en")} states: the product of the controlled issues' option counts).
              On the command line: <code>treatylab stability ${state.base.id} --control party=issue,issue --control party=issue</code>.</p>`
            : html`<p class="warn" id="stability-none">No derived model: ${st.derivedNote}.</p>
              ${Object.keys(byParty).length >= 2 ? html`<p class="muted cli">On the command line: <code>treatylab stability ${state.base.id}${controlFlags}${editsFlag()}</code></p>` : nothing}`
    }
    ${
      st?.builtin
        ? html`<h3>Built-in graph model <code>${st.builtin.id}</code></h3>
          <p class="muted">${st.builtin.name}: an ordinal model of its own (its options and preferences are written in the model, not taken from the sliders, so the edits do not change it). ${st.builtin.options.length} options, ${st.builtin.states} feasible states.</p>
          ${equilibriaView(st.builtin, "builtin", "none of the options", (n) => n)}
          <p class="muted cli">Same on the command line: <code>treatylab stability ${st.builtin.id}</code></p>`
        : nothing
    }
  </section>`;
}

function editsPanel(): TemplateResult {
  const { hist } = state;
  const edits = hist.present.edits;
  return html`<section class="edits" aria-labelledby="edits-h">
    <h2 id="edits-h">Edits <span class="muted">(${edits.length})</span></h2>
    <div class="buttons">
      <button id="undo" ?disabled=${!hist.past.length} @click=${() => show(undo(state.hist))} title="Ctrl+Z">Undo</button>
      <button id="redo" ?disabled=${!hist.future.length} @click=${() => show(redo(state.hist))} title="Ctrl+Shift+Z">Redo</button>
      <button id="reset" ?disabled=${!edits.length} @click=${() => edit(() => [])}>Reset</button>
      <button id="export-edits" @click=${() => download(editsName(), editsFile(hist.present))}>Export edits</button>
      <button id="export-scenario" @click=${() => download(`${state.base.id}-edited.json`, `${JSON.stringify(state.scenario, null, 2)}\n`)}>Export scenario</button>
    </div>
    ${
      edits.length
        ? html`<ol id="edit-list">${edits.map(
            (e) => html`<li><span>${describeEdit(e)}</span>
          <button class="link" aria-label=${`drop: ${describeEdit(e)}`} @click=${() => edit((es) => es.filter((x) => x !== e))}>×</button></li>`,
          )}</ol>`
        : html`<p class="muted">No edits: the scenario as written.</p>`
    }
    <p class="muted cli">Same on the command line: <code>treatylab compare ${state.base.id} --edits ${state.base.id}-edits.json</code></p>
  </section>`;
}

function summary(): TemplateResult {
  const r = state.result;
  return html`<section class="summary" aria-labelledby="summary-h">
    <h2 id="summary-h">Zone of possible agreement</h2>
    <div role="status" aria-live="polite" class="status">${state.busy ? html`<span class="spinner" aria-hidden="true"></span> computing…` : state.computeError ? "" : r ? `computed in ${r.ms.toFixed(0)} ms` : ""}</div>
    ${state.computeError ? html`<p class="error" role="alert">${state.computeError}</p>` : nothing}
    ${
      r
        ? html`<p class="zopa"><strong id="zopa-count">${r.analysis.zopa.count.toLocaleString("en")}</strong> settlements every party accepts,
          <span id="zopa-share">${(r.analysis.zopa.share * 100).toPrecision(3)}%</span> of ${r.analysis.outcomes.toLocaleString("en")}${r.analysis.zopaCounting.method === "estimate" ? html` <span class="muted">(estimated)</span>` : nothing};
          Pareto frontier: ${r.analysis.frontierSize} points.</p>
          ${r.analysis.zopa.count === 0 ? html`<p class="warn">The ZOPA is empty: no settlement beats every party's reservation.</p>` : nothing}
`
        : nothing
    }
  </section>`;
}

function solutionsPanel(): TemplateResult | typeof nothing {
  const r = state.result;
  const s = state.scenario;
  if (!r) return nothing;
  return html`<section class="solutions-panel" aria-labelledby="solutions-h">
    <h2 id="solutions-h">Bargaining solutions</h2>
    ${html`<div class="table-wrap">
          <table class="solutions" id="solutions">
            <caption class="muted">Terms of the Nash, Kalai-Smorodinsky, egalitarian and utilitarian solutions (shaded: the solutions differ), then each party's utility.</caption>
            <thead><tr><th scope="col">issue</th>${SOLUTION_LABELS.map(([, label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
            <tbody>
              ${s.issues.map((i) => {
                const opts = SOLUTION_LABELS.map(([key]) => r.analysis.solutions[key]?.bundle[i.id]);
                const differ = new Set(opts).size > 1;
                return html`<tr class=${differ ? "differ" : ""}><th scope="row">${issueLabel(s, i.id)}</th>
                  ${opts.map((o, k) => html`<td data-solution=${SOLUTION_LABELS[k]![0]} data-issue=${i.id} data-option=${o ?? ""}>${o === undefined ? "–" : optionLabel(s, i.id, o)}</td>`)}</tr>`;
              })}
              ${s.parties.map(
                (
                  p,
                ) => html`<tr class="util"><th scope="row">utility of ${p.label ?? p.id} <span class="muted">(res. ${f3(p.reservation)})</span></th>
                ${SOLUTION_LABELS.map(([key]) => html`<td>${f3(r.analysis.solutions[key]?.utilities[p.id])}</td>`)}</tr>`,
              )}
            </tbody>
          </table></div>
          <div class="buttons">${SOLUTION_LABELS.map(([key, label]) => {
            const b = r.analysis.solutions[key]?.bundle;
            return b ? html`<button @click=${() => setProposal(b)}>Check ${label} as a proposal</button>` : nothing;
          })}</div>`}
  </section>`;
}

function plotsPanel(): TemplateResult {
  const r = state.result;
  const kinds = r?.kinds ?? [];
  const s = state.scenario;
  const axes = state.axes ?? [s.parties[0]?.id ?? "", s.parties[1]?.id ?? ""];
  const setAxis = (k: 0 | 1, v: string): void => {
    const next: [string, string] = [...axes] as [string, string];
    next[k] = v;
    state = { ...state, axes: next };
    compute();
    rerender();
  };
  return html`<section class="plots" aria-labelledby="plots-h">
    <h2 id="plots-h">Utility space</h2>
    <div class="tabs" role="tablist">
      ${kinds.map(
        (k) =>
          html`<button role="tab" aria-selected=${k === state.plot ? "true" : "false"} @click=${() => {
            state = { ...state, plot: k };
            rerender();
            compute();
          }}>${k.replace("-", " ")}</button>`,
      )}
      ${
        state.plot === "utility-space" && s.parties.length > 2
          ? html`<label>x <select @change=${(e: Event) => setAxis(0, (e.target as HTMLSelectElement).value)}>${s.parties.map((p) => html`<option value=${p.id} ?selected=${p.id === axes[0]}>${p.label ?? p.id}</option>`)}</select></label>
            <label>y <select @change=${(e: Event) => setAxis(1, (e.target as HTMLSelectElement).value)}>${s.parties.map((p) => html`<option value=${p.id} ?selected=${p.id === axes[1]}>${p.label ?? p.id}</option>`)}</select></label>`
          : nothing
      }
    </div>
    <figure><div id="plot" aria-label="plot"></div><figcaption id="plot-caption"></figcaption></figure>
  </section>`;
}

function verdictView(c: ProposalCheck, s: Scenario): TemplateResult {
  return html`<p id="verdict" class=${c.rejectedBy.length ? "rejected" : "accepted"}>
      ${c.rejectedBy.length ? `Rejected by ${c.rejectedBy.map((p) => partyLabel(s, p)).join(", ")}` : "Every party accepts this proposal"}${c.feasible ? "" : " (it breaks a constraint)"}</p>
    <table id="verdicts"><caption>Each party's verdict</caption>
      <thead><tr><th scope="col">party</th><th scope="col">utility</th><th scope="col">reservation</th><th scope="col">short by</th><th scope="col">red lines hit</th><th scope="col">accepts</th></tr></thead>
      <tbody>${c.verdicts.map(
        (
          v,
        ) => html`<tr data-party=${v.party}><th scope="row">${partyLabel(s, v.party)}</th><td>${f3(v.utility)}</td><td>${f3(v.reservation)}</td>
        <td class="shortfall">${v.shortfall > 0 ? f3(v.shortfall) : "–"}</td><td>${v.redLines.map((h) => `${issueLabel(s, h.issue)}: ${optionLabel(s, h.issue, h.option)}`).join("; ") || "–"}</td>
        <td class="accepts">${v.accepts ? "yes" : "no"}</td></tr>`,
      )}</tbody></table>
    ${
      c.rejectedBy.length
        ? c.alternatives.length
          ? html`<h3>Closest settlements every party accepts</h3><ol id="alternatives">${c.alternatives.map(
              (a) => html`<li>
            ${a.changes.map((ch) => `${issueLabel(s, ch.issue)}: ${optionLabel(s, ch.issue, ch.from)} → ${optionLabel(s, ch.issue, ch.to)}`).join("; ")}
            <span class="muted">(${Object.entries(a.delta)
              .map(([p, d]) => `${partyLabel(s, p)} ${d >= 0 ? "+" : ""}${d.toFixed(3)}`)
              .join(", ")})</span>
            <button class="link" @click=${() => setProposal(a.bundle)}>use</button></li>`,
            )}</ol>`
          : html`<p class="warn">No settlement is acceptable to every party (the ZOPA is empty).</p>`
        : nothing
    }`;
}

/** One select per issue (`data-issue`), writing a map of issue ids to the chosen values; "" = none. */
function issueSelects(
  s: Scenario,
  chosen: Readonly<Record<string, string>>,
  none: string,
  choices: (i: Scenario["issues"][number]) => readonly (readonly [string, string])[],
  commit: (next: Record<string, string>) => void,
): TemplateResult {
  return html`<div class="proposal-grid">${s.issues.map(
    (i) => html`<label>${issueLabel(s, i.id)}
    <select data-issue=${i.id} @change=${(e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      const next: Record<string, string> = { ...chosen };
      if (v) next[i.id] = v;
      else delete next[i.id];
      commit(next);
    }}><option value="" ?selected=${chosen[i.id] === undefined}>${none}</option>
      ${choices(i).map(([v, label]) => html`<option value=${v} ?selected=${chosen[i.id] === v}>${label}</option>`)}</select></label>`,
  )}</div>`;
}

function proposalPanel(): TemplateResult {
  const s = state.scenario;
  const prop = state.hist.present.proposal;
  const missing = s.issues.filter((i) => prop[i.id] === undefined).length;
  const check = state.result?.check;
  return html`<section class="proposal" aria-labelledby="proposal-h">
    <h2 id="proposal-h">Build a proposal</h2>
    ${issueSelects(s, prop, "— choose —", (i) => optionIdsOf(i).map((o) => [o, optionLabel(s, i.id, o)] as const), setProposal)}
    ${missing ? html`<p class="muted">${missing} issue${missing > 1 ? "s" : ""} still to choose.</p>` : check ? verdictView(check, s) : nothing}
    <button ?disabled=${!Object.keys(prop).length} @click=${() => setProposal({})}>Clear the proposal</button>
  </section>`;
}

/** One line of results kept in sight on narrow screens (the header sticks there), where the controls come first. */
function liveBar(): TemplateResult {
  const r = state.result;
  const nash = r?.analysis.solutions.nash;
  return html`<div class="livebar" aria-hidden="true">${state.busy ? html`<span class="spinner"></span> ` : nothing}${
    r
      ? html`ZOPA <strong>${r.analysis.zopa.count.toLocaleString("en")}</strong> · Nash: ${nash ? state.scenario.parties.map((p) => `${p.label ?? p.id} ${f3(nash.utilities[p.id])}`).join(", ") : "none"}`
      : "computing…"
  }</div>`;
}

function header(): TemplateResult {
  const ids = builtinScenarioIds();
  const embedded = embeddedScenario();
  const choices = [...new Set([...(embedded ? [embedded.id] : []), ...ids, state.base.id])];
  return html`<header>
    <h1>treatylab explorer</h1>
    <label>Scenario <select id="scenario" @change=${(e: Event) => {
      const id = (e.target as HTMLSelectElement).value;
      const f = findScenario(id);
      openScenario(f.scenario, f.origin);
    }}>${choices.map((id) => html`<option value=${id} ?selected=${id === state.base.id}>${id}</option>`)}</select></label>
    <label class="file">Open files… <input type="file" id="file" multiple accept=".json,.xml,application/json,text/xml" @change=${(
      e: Event,
    ) => {
      const fs = Array.from((e.target as HTMLInputElement).files ?? []);
      if (fs.length) void openFiles(fs);
      (e.target as HTMLInputElement).value = "";
    }} /></label>
    <span class="muted">${state.base.title ?? state.base.id} (${state.origin}); or drop a scenario, edits or forecast-inputs file, or a GENIUS folder, anywhere on the page</span>
    ${liveBar()}
  </header>
  ${
    state.message
      ? html`<p class="message" role="alert" id="message">${state.message} <button class="link" @click=${() => {
          state = { ...state, message: null };
          rerender();
        }}>dismiss</button></p>`
      : nothing
  }`;
}

function app(): TemplateResult {
  const s = state.scenario;
  return html`${header()}
    <main>
      <aside class="controls" aria-labelledby="assumptions-h">
        <h2 id="assumptions-h">Assumptions</h2>
        <p class="muted">Each slider edits the scenario; the number box beside it takes an exact value. Notes give the modeller's reasoning, source and confidence.</p>
        ${issuesControls()}
        ${scalesControls()}
        ${constraintsControls()}
        ${state.base.parties.map((p) =>
          partyControls(
            p,
            s.parties.find((x) => x.id === p.id),
            s,
          ),
        )}
      </aside>
      <div class="results" aria-busy=${state.busy ? "true" : "false"} data-state=${state.busy ? "busy" : state.computeError ? "error" : "ready"} data-request=${state.requestId}>
        ${summary()} ${plotsPanel()} ${solutionsPanel()} ${proposalPanel()} ${forecastPanelView()} ${stabilityPanelView()} ${editsPanel()}
      </div>
    </main>`;
}

function rerender(): void {
  render(app(), root);
}

// ---------------------------------------------------------------------------------------------
// Start.

try {
  state = initialState();
} catch (err) {
  root.textContent = `The explorer could not start: ${(err as Error).message}`;
  throw err;
}
replaceHash(state.hist.present);
root.textContent = "";
rerender();
compute();

document.addEventListener("keydown", (e) => {
  const t = e.target as HTMLElement | null;
  if (
    t &&
    (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA") &&
    (t as HTMLInputElement).type !== "range" &&
    (t as HTMLInputElement).type !== "checkbox"
  )
    return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
    e.preventDefault();
    show(e.shiftKey ? redo(state.hist) : undo(state.hist));
  } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "y") {
    e.preventDefault();
    show(redo(state.hist));
  }
});
document.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  if (!e.dataTransfer) return;
  void droppedFiles(e.dataTransfer).then(
    ({ files, folder }) => (files.length ? openFiles(files, folder) : undefined),
    (err: unknown) => {
      state = { ...state, message: `could not read what was dropped: ${(err as Error).message}` };
      rerender();
    },
  );
});
window.addEventListener("hashchange", () => {
  try {
    const v = hashToView(location.hash);
    if (!v || viewToHash(v) === viewToHash(state.hist.present)) return;
    const found =
      v.scenario === state.raw.id ? { scenario: state.raw, origin: state.origin } : findScenario(v.scenario);
    state = { ...state, raw: found.scenario, origin: found.origin };
    show(push(state.hist, v));
  } catch (err) {
    state = { ...state, message: (err as Error).message };
    rerender();
  }
});
