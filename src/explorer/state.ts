/**
 * The explorer's state, kept free of the DOM so that it can be tested in Node: which scenario is
 * open, the edits made to it (a canonical list of {@link ScenarioEdit}s, the same kind `applyEdits`
 * and the CLI's `--edits` take), the proposal being built, and how all of it is written into a URL
 * and an edits file.
 *
 * Every control of the page sets one "target" (a party's or a constituency's weight on an issue,
 * its value for an option or a point of its piecewise values, its reservation, a party's power,
 * capability or discount, an interaction term's value or condition, a constraint's condition, a
 * constituency's votes or veto, a party's ratification rule, a red line, an interaction term, a
 * constraint, a constituency, a party or an issue on or off). The
 * edit list keeps one edit per target, in a fixed order that keeps it valid whatever the order of
 * the clicks: the `set…` edits first (in the order they were first made), then the removals by
 * index (red lines, interaction terms, constraints; per list, highest index first, so the indices
 * of the original scenario stay right), then the constituencies removed, then the parties removed.
 * Turning an issue off sets every party's and constituency's weight on it to 0.
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
 * import { hashToView, viewToHash, type ExplorerView } from "./state.js";
 * const edits = [{ op: "setReservation", party: "russia", value: 0.5 }] as const;
 * const v: ExplorerView = { scenario: "ukraine-2025", edits, proposal: {} };
 * hashToView(viewToHash(v)); // { scenario: "ukraine-2025", edits: [{ op: "setReservation", ... }], proposal: {} }
 * ```
 */
export interface ExplorerView {
  readonly scenario: string;
  readonly edits: readonly ScenarioEdit[];
  /** The proposal builder's choice, one option id per issue (issues not chosen yet are absent). */
  readonly proposal: Bundle;
  /**
   * The stability panel's control mapping: issue id -> the party that controls the issue after
   * signature (the CLI's `--control party=issue,...`). Absent or empty: none.
   */
  readonly control?: Readonly<Record<string, string>>;
  /**
   * The forecast inputs applied to the scenario before the edits (capabilities and option
   * positions, as `treatylab forecast <inputs.json>` applies them). Absent: the built-in
   * scenario's own inputs file, if it has one (examples/forecast/); `"none"`: none; any other
   * name: a forecast-inputs file opened in the page.
   */
  readonly inputs?: string;
}

/** A party, or one of its constituencies ("party/constituency"). */
const who = (e: { readonly party: string; readonly constituency?: string }): string =>
  e.constituency === undefined ? e.party : `${e.party}/${e.constituency}`;

/** The key naming what an edit sets: a later edit with the same key replaces it. */
function targetKey(e: ScenarioEdit): string {
  switch (e.op) {
    case "setWeight":
      return `w|${who(e)}|${e.issue}`;
    case "setValue":
      return `v|${who(e)}|${e.issue}|${e.option}`;
    case "setPoint":
      return `pt|${who(e)}|${e.issue}|${e.index}`;
    case "setReservation":
    case "shiftReservation":
      return `r|${who(e)}`;
    case "setPower":
      return `p|${e.party}`;
    case "setCapability":
      return `c|${e.party}`;
    case "setDiscount":
      return `d|${e.party}`;
    case "setPosition":
      return `s|${e.issue}|${e.option}`;
    case "setInteraction":
      return `i|${who(e)}|${e.index}`;
    case "setInteractionWhen":
      return `j|${who(e)}|${e.index}`;
    case "setVotes":
      return `V|${who(e)}`;
    case "setVeto":
      return `T|${who(e)}`;
    case "setRatification":
      return `R|${e.party}`;
    case "setConstraint":
      return `K||${e.index}`;
    case "removeRedLine":
      return `x|${who(e)}|${e.index}`;
    case "removeInteraction":
      return `y|${who(e)}|${e.index}`;
    case "removeConstraint":
      return `z||${e.index}`;
    case "removeConstituency":
      return `C|${who(e)}`;
    case "removeParty":
      return `P|${e.party}`;
    default:
      return `?|${JSON.stringify(e)}`;
  }
}

/** Removals by index go after the set edits, constituencies after them, parties last. */
const rank = (e: ScenarioEdit): number =>
  e.op === "removeParty"
    ? 3
    : e.op === "removeConstituency"
      ? 2
      : e.op === "removeRedLine" || e.op === "removeInteraction" || e.op === "removeConstraint"
        ? 1
        : 0;

/** For removals by index: the list they remove from ("x|russia", "z|"). */
const listKey = (e: ScenarioEdit): string => targetKey(e).split("|").slice(0, 2).join("|");

/**
 * Puts edits in the explorer's canonical order (see the module doc): `set…` edits first, then
 * removals by index (red lines, interaction terms, constraints; per list, highest index first),
 * then removed constituencies, then removed parties. Stable otherwise.
 *
 * @example
 * ```ts
 * import { canonicalEdits } from "./state.js";
 * const edits = canonicalEdits([{ op: "removeParty", party: "eu" }, { op: "setPower", party: "us", value: 2 }]);
 * edits.map((e) => e.op); // ["setPower", "removeParty"]
 * ```
 */
export function canonicalEdits(edits: readonly ScenarioEdit[]): ScenarioEdit[] {
  return edits
    .map((e, k) => ({ e, k }))
    .sort((a, b) => {
      const r = rank(a.e) - rank(b.e);
      if (r !== 0) return r;
      if (rank(a.e) === 1) {
        const la = listKey(a.e);
        const lb = listKey(b.e);
        if (la !== lb) return la < lb ? -1 : 1;
        return (b.e as { index: number }).index - (a.e as { index: number }).index;
      }
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
 * import { setEdit } from "./state.js";
 * const edits = setEdit([], { op: "setReservation", party: "russia", value: 0.5 });
 * setEdit(edits, { op: "setReservation", party: "russia", value: 0.6 }); // [{ op: "setReservation", ..., value: 0.6 }]
 * setEdit(edits, { op: "removeParty", party: "eu" }).length; // 2
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
 * import { clearEdit, setEdit } from "./state.js";
 * const edits = setEdit([{ op: "setPower", party: "us", value: 2 }], { op: "removeParty", party: "eu" });
 * clearEdit(edits, { op: "removeParty", party: "eu" }); // [{ op: "setPower", party: "us", value: 2 }]: the EU back in
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
 * import { isOff, setEdit } from "./state.js";
 * const edits = setEdit([], { op: "removeParty", party: "eu" });
 * isOff(edits, { op: "removeParty", party: "eu" }); // true: the EU is removed
 * isOff([], { op: "removeParty", party: "eu" }); // false
 * ```
 */
export function isOff(edits: readonly ScenarioEdit[], like: ScenarioEdit): boolean {
  const key = targetKey(like);
  return edits.some((e) => targetKey(e) === key);
}

/** The weight edits that take an issue off the table: 0 for every party and constituency. */
function zeroWeights(base: Scenario, issue: string): ScenarioEdit[] {
  return base.parties.flatMap((p) => [
    { op: "setWeight", party: p.id, issue, value: 0 } as const,
    ...(p.constituencies ?? []).map(
      (k) => ({ op: "setWeight", party: p.id, constituency: k.id, issue, value: 0 }) as const,
    ),
  ]);
}

/**
 * Turns an issue off (every party's and constituency's weight on it set to 0: it no longer counts
 * for anyone, though its options still appear in bundles) or back on (those weight edits removed).
 *
 * @example
 * ```ts
 * import { toggleIssue } from "./state.js";
 * const off = toggleIssue(ukraine2025, [], "assets", false);
 * off.map((e) => e.op === "setWeight" && `${e.party}: ${e.value}`); // ["russia: 0", "ukraine: 0", "us: 0", "eu: 0"]
 * toggleIssue(ukraine2025, off, "assets", true); // []
 * ```
 */
export function toggleIssue(
  base: Scenario,
  edits: readonly ScenarioEdit[],
  issue: string,
  on: boolean,
): ScenarioEdit[] {
  let next: ScenarioEdit[] = [...edits];
  for (const e of zeroWeights(base, issue)) next = on ? clearEdit(next, e) : setEdit(next, e);
  return next;
}

/**
 * Whether an issue is off: every party and constituency weights it 0 through an edit.
 *
 * @example
 * ```ts
 * import { issueOff, toggleIssue } from "./state.js";
 * const edits = toggleIssue(ukraine2025, [], "assets", false);
 * issueOff(ukraine2025, edits, "assets"); // true
 * issueOff(ukraine2025, [], "assets"); // false
 * ```
 */
export function issueOff(base: Scenario, edits: readonly ScenarioEdit[], issue: string): boolean {
  const keys = new Set(edits.filter((e) => e.op === "setWeight" && e.value === 0).map(targetKey));
  return zeroWeights(base, issue).every((e) => keys.has(targetKey(e)));
}

/**
 * The edits file the page exports, which `treatylab compare <scenario> --edits <file>` (and the
 * other commands' `--edits`) reads: `{ "base": <scenario id>, "edits": [...] }`.
 *
 * @example
 * ```ts
 * import { editsFile } from "./state.js";
 * const view = { scenario: "ukraine-2025", edits: [{ op: "setPower", party: "us", value: 2 }] as const, proposal: {} };
 * JSON.parse(editsFile(view)); // { base: "ukraine-2025", edits: [{ op: "setPower", party: "us", value: 2 }] }
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
 * import { editedScenario } from "./state.js";
 * const s = editedScenario(builtinScenario("nash-1950"), [{ op: "setReservation", party: "jack", value: 0.5 }]);
 * analyze(s).zopa.count; // 189 (293 without the edit)
 * editedScenario(nash1950, [{ op: "setReservation", party: "jack", value: 1.5 }]);
 * // throws "$.parties[1].reservation: is 1.5; expected number to be <=1"
 * ```
 */
export function editedScenario(base: Scenario, edits: readonly ScenarioEdit[], validate = true): Scenario {
  return applyEdits(base, edits, { validate });
}

/**
 * Writes a view into a URL hash (`#scenario=…&edits=…&proposal=…&control=…&inputs=…`, JSON in
 * edits, proposal and control), so a link reproduces what the page shows.
 *
 * @example
 * ```ts
 * import { viewToHash } from "./state.js";
 * viewToHash({ scenario: "nash-1950", edits: [], proposal: {} }); // "#scenario=nash-1950"
 * viewToHash({ scenario: "nash-1950", edits: [], proposal: {}, inputs: "none" }); // "#scenario=nash-1950&inputs=none"
 * ```
 */
export function viewToHash(view: ExplorerView): string {
  const parts = [`scenario=${encodeURIComponent(view.scenario)}`];
  if (view.edits.length) parts.push(`edits=${encodeURIComponent(JSON.stringify(view.edits))}`);
  if (Object.keys(view.proposal).length) parts.push(`proposal=${encodeURIComponent(JSON.stringify(view.proposal))}`);
  if (view.control && Object.keys(view.control).length)
    parts.push(`control=${encodeURIComponent(JSON.stringify(view.control))}`);
  if (view.inputs !== undefined) parts.push(`inputs=${encodeURIComponent(view.inputs)}`);
  return `#${parts.join("&")}`;
}

/**
 * Reads a view back from a URL hash written by {@link viewToHash}; null when the hash names no
 * scenario. Malformed edits or proposals throw a {@link TreatylabError} saying which part.
 *
 * @example
 * ```ts
 * import { hashToView } from "./state.js";
 * hashToView("#scenario=nash-1950")?.scenario; // "nash-1950"
 * hashToView("#edits=[]"); // null: no scenario
 * hashToView("#scenario=nash-1950&edits=[oops"); // throws: the link's "edits" part is not valid JSON; ...
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
  const control = json("control") ?? {};
  if (
    !Array.isArray(edits) ||
    !edits.every((e) => e !== null && typeof e === "object" && typeof (e as { op?: unknown }).op === "string")
  )
    throw new TreatylabError(`the link's "edits" part is not a list of edits`);
  const isStringMap = (x: unknown): boolean =>
    x !== null && typeof x === "object" && !Array.isArray(x) && Object.values(x).every((v) => typeof v === "string");
  if (!isStringMap(proposal))
    throw new TreatylabError(`the link's "proposal" part is not an object of issue ids to option ids`);
  if (!isStringMap(control))
    throw new TreatylabError(`the link's "control" part is not an object of issue ids to party ids`);
  const inputs = params.get("inputs");
  return {
    scenario,
    edits: canonicalEdits(edits as ScenarioEdit[]),
    proposal: proposal as Bundle,
    ...(Object.keys(control as object).length ? { control: control as Readonly<Record<string, string>> } : {}),
    ...(inputs !== null && inputs !== "" ? { inputs } : {}),
  };
}

/**
 * Undo/redo history of views: `present` is shown; `push` records a change and clears redo.
 *
 * @example
 * ```ts
 * import { history, push, undo, type History } from "./state.js";
 * const view = { scenario: "nash-1950", edits: [], proposal: {} };
 * const next = { ...view, proposal: { book: "jack" } };
 * let h: History<typeof view> = history(view);
 * h = undo(push(h, next));
 * h.present === view; // true
 * h.future[0] === next; // true: redo brings it back
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
 * import { history } from "./state.js";
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
 * import { history, push } from "./state.js";
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
 * import { history, push, undo } from "./state.js";
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
 * import { history, push, redo, undo } from "./state.js";
 * redo(undo(push(history(1), 2))).present; // 2
 * ```
 */
export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
