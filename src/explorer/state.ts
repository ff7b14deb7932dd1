/**
 * The explorer's state, kept free of the DOM so that it can be tested in Node: which scenario is
 * open, the edits made to it (a canonical list of {@link ScenarioEdit}s, the same kind `applyEdits`
 * and the CLI's `--edits` take), the proposal being built, and how all of it is written into a URL
 * and an edits file.
 *
 * Every control of the page sets one "target" (a party's weight on an issue, its value for an
 * option, its reservation or power, a red line, a party or an issue on or off). The edit list keeps
 * one edit per target, in a fixed order that keeps it valid whatever the order of the clicks: the
 * `set…` edits first (in the order they were first made), then the red lines removed (per party,
 * highest index first, so the indices of the original scenario stay right), then the parties
 * removed. Turning an issue off sets every party's weight on it to 0.
 * @module
 */
import { applyEdits } from "../edits/applyEdits.js";
import type { ScenarioEdit } from "../edits/types.js";
import { TreatylabError } from "../model/errors.js";
import type { Bundle, Scenario } from "../model/types.js";

/**
 * What the page shows: the scenario's id, the edits made to it and the proposal being built.
 *
 * @example
 * ```ts
 * const v: ExplorerView = { scenario: "ukraine-2025", edits: [{ op: "setReservation", party: "russia", value: 0.5 }], proposal: {} };
 * ```
 */
export interface ExplorerView {
  readonly scenario: string;
  readonly edits: readonly ScenarioEdit[];
  /** The proposal builder's choice, one option id per issue (issues not chosen yet are absent). */
  readonly proposal: Bundle;
}

/** The key naming what an edit sets: a later edit with the same key replaces it. */
function targetKey(e: ScenarioEdit): string {
  switch (e.op) {
    case "setWeight":
      return `w|${e.party}|${e.issue}`;
    case "setValue":
      return `v|${e.party}|${e.issue}|${e.option}`;
    case "setReservation":
    case "shiftReservation":
      return `r|${e.party}`;
    case "setPower":
      return `p|${e.party}`;
    case "setCapability":
      return `c|${e.party}`;
    case "setDiscount":
      return `d|${e.party}`;
    case "removeRedLine":
      return `x|${e.party}|${e.index}`;
    case "removeParty":
      return `P|${e.party}`;
    default:
      return `?|${JSON.stringify(e)}`;
  }
}

const rank = (e: ScenarioEdit): number => (e.op === "removeParty" ? 2 : e.op === "removeRedLine" ? 1 : 0);

/**
 * Puts edits in the explorer's canonical order (see the module doc): `set…` edits first, then
 * removed red lines (per party, highest index first), then removed parties. Stable otherwise.
 *
 * @example
 * ```ts
 * canonicalEdits([{ op: "removeParty", party: "eu" }, { op: "setPower", party: "us", value: 2 }])[0]?.op; // "setPower"
 * ```
 */
export function canonicalEdits(edits: readonly ScenarioEdit[]): ScenarioEdit[] {
  return edits
    .map((e, k) => ({ e, k }))
    .sort((a, b) => {
      const r = rank(a.e) - rank(b.e);
      if (r !== 0) return r;
      if (a.e.op === "removeRedLine" && b.e.op === "removeRedLine")
        return a.e.party < b.e.party ? -1 : a.e.party > b.e.party ? 1 : b.e.index - a.e.index;
      return a.k - b.k;
    })
    .map((x) => x.e);
}

/**
 * Sets one target: replaces the edit with the same target (a party's weight on an issue, its
 * reservation...) or appends the edit, and returns the list in canonical order. The input is not
 * modified.
 *
 * @example
 * ```ts
 * setEdit([], { op: "setReservation", party: "russia", value: 0.5 }); // [{ op: "setReservation", ... }]
 * ```
 */
export function setEdit(edits: readonly ScenarioEdit[], edit: ScenarioEdit): ScenarioEdit[] {
  const key = targetKey(edit);
  const k = edits.findIndex((e) => targetKey(e) === key);
  const next = [...edits];
  if (k >= 0) next[k] = edit;
  else next.push(edit);
  return canonicalEdits(next);
}

/**
 * Removes the edit of one target, given by an edit of the same target (so the original value
 * comes back). Returns the list in canonical order.
 *
 * @example
 * ```ts
 * clearEdit(edits, { op: "removeParty", party: "eu" }); // the EU back in
 * ```
 */
export function clearEdit(edits: readonly ScenarioEdit[], like: ScenarioEdit): ScenarioEdit[] {
  const key = targetKey(like);
  return canonicalEdits(edits.filter((e) => targetKey(e) !== key));
}

/**
 * Whether an edit list turns a red line, a party or an issue off.
 *
 * @example
 * ```ts
 * isOff(edits, { op: "removeParty", party: "eu" }); // true when the EU is removed
 * ```
 */
export function isOff(edits: readonly ScenarioEdit[], like: ScenarioEdit): boolean {
  const key = targetKey(like);
  return edits.some((e) => targetKey(e) === key);
}

/**
 * Turns an issue off (every party's weight on it set to 0: it no longer counts for anyone, though
 * its options still appear in bundles) or back on (those weight edits removed).
 *
 * @example
 * ```ts
 * toggleIssue(base, [], "assets", false); // a setWeight 0 per party
 * ```
 */
export function toggleIssue(base: Scenario, edits: readonly ScenarioEdit[], issue: string, on: boolean): ScenarioEdit[] {
  let next: ScenarioEdit[] = [...edits];
  for (const p of base.parties) {
    const e: ScenarioEdit = { op: "setWeight", party: p.id, issue, value: 0 };
    next = on ? clearEdit(next, e) : setEdit(next, e);
  }
  return next;
}

/**
 * Whether an issue is off: every party still in the scenario weights it 0 through an edit.
 *
 * @example
 * ```ts
 * issueOff(base, edits, "assets");
 * ```
 */
export function issueOff(base: Scenario, edits: readonly ScenarioEdit[], issue: string): boolean {
  return base.parties.every((p) => edits.some((e) => e.op === "setWeight" && e.party === p.id && e.issue === issue && e.value === 0));
}

/**
 * The edits file the page exports, which `treatylab compare <scenario> --edits <file>` (and the
 * other commands' `--edits`) reads: `{ "base": <scenario id>, "edits": [...] }`.
 *
 * @example
 * ```ts
 * editsFile(view); // '{\n  "base": "ukraine-2025",\n  "edits": [...]\n}\n'
 * ```
 */
export function editsFile(view: ExplorerView): string {
  return `${JSON.stringify({ base: view.scenario, edits: view.edits }, null, 2)}\n`;
}

/**
 * The scenario with the view's edits applied; throws a `ScenarioError` naming the edit when one
 * does not apply. `validate: false` skips the check of the result (the page does, for the
 * controls, because its worker checks the same edits anyway and reports what is wrong).
 *
 * @example
 * ```ts
 * editedScenario(builtinScenario("nash-1950"), []);
 * ```
 */
export function editedScenario(base: Scenario, edits: readonly ScenarioEdit[], validate = true): Scenario {
  return applyEdits(base, edits, { validate });
}

/**
 * Writes a view into a URL hash (`#scenario=…&edits=…&proposal=…`, JSON in the last two), so a link
 * reproduces what the page shows.
 *
 * @example
 * ```ts
 * viewToHash({ scenario: "nash-1950", edits: [], proposal: {} }); // "#scenario=nash-1950"
 * ```
 */
export function viewToHash(view: ExplorerView): string {
  const parts = [`scenario=${encodeURIComponent(view.scenario)}`];
  if (view.edits.length) parts.push(`edits=${encodeURIComponent(JSON.stringify(view.edits))}`);
  if (Object.keys(view.proposal).length) parts.push(`proposal=${encodeURIComponent(JSON.stringify(view.proposal))}`);
  return `#${parts.join("&")}`;
}

/**
 * Reads a view back from a URL hash written by {@link viewToHash}; null when the hash names no
 * scenario. Malformed edits or proposals throw a {@link TreatylabError} saying which part.
 *
 * @example
 * ```ts
 * hashToView("#scenario=nash-1950")?.scenario; // "nash-1950"
 * ```
 */
export function hashToView(hash: string): ExplorerView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const scenario = params.get("scenario");
  if (!scenario) return null;
  const json = (name: string): unknown => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new TreatylabError(`the link's "${name}" part is not valid JSON; open the page without it`);
    }
  };
  const edits = json("edits") ?? [];
  const proposal = json("proposal") ?? {};
  if (!Array.isArray(edits) || !edits.every((e) => e !== null && typeof e === "object" && typeof (e as { op?: unknown }).op === "string"))
    throw new TreatylabError(`the link's "edits" part is not a list of edits`);
  if (proposal === null || typeof proposal !== "object" || Array.isArray(proposal) || !Object.values(proposal).every((v) => typeof v === "string"))
    throw new TreatylabError(`the link's "proposal" part is not an object of issue ids to option ids`);
  return { scenario, edits: canonicalEdits(edits as ScenarioEdit[]), proposal: proposal as Bundle };
}

/**
 * Undo/redo history of views: `present` is shown; `push` records a change and clears redo.
 *
 * @example
 * ```ts
 * let h = history(view); h = push(h, next); h = undo(h); h.present === view; // true
 * ```
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/**
 * A history holding one view.
 * @example
 * ```ts
 * history(1).present; // 1
 * ```
 */
export function history<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Records a new present (redo is cleared).
 * @example
 * ```ts
 * push(history(1), 2).past; // [1]
 * ```
 */
export function push<T>(h: History<T>, present: T): History<T> {
  return { past: [...h.past, h.present], present, future: [] };
}

/**
 * Steps back one change (unchanged when there is nothing to undo).
 * @example
 * ```ts
 * undo(push(history(1), 2)).present; // 1
 * ```
 */
export function undo<T>(h: History<T>): History<T> {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

/**
 * Steps forward one undone change (unchanged when there is nothing to redo).
 * @example
 * ```ts
 * redo(undo(push(history(1), 2))).present; // 2
 * ```
 */
export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
