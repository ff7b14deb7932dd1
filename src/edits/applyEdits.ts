import { type Draft, Immer } from "immer";
import { checkOptionsObject } from "../model/optionChecks.js";
import { deepFreeze } from "../model/deepFreeze.js";
import { ScenarioError, TreatylabError } from "../model/errors.js";
import { addCacheSlot } from "../model/objectCache.js";
import type { Constituency, Party, Scenario, Valuation } from "../model/types.js";
import { assertValidScenario, rememberParts } from "../model/validate.js";
import type { ScenarioEdit } from "./types.js";
import { checkInputData } from "../model/inputGuard.js";
import { quote } from "../model/quote.js";

function findParty(d: Draft<Scenario>, id: string, at: string): Draft<Party> {
  const p = d.parties.find((x) => x.id === id);
  if (!p)
    throw new ScenarioError(
      `${at}.party`,
      `unknown party "${id}"`,
      `one of ${d.parties.map((x) => `"${x.id}"`).join(", ")}`,
    );
  return p;
}

type FieldKind = "string" | "number" | "integer" | "object" | "boolean";
const S = "string";
const N = "number";
/** The fields each edit needs and their kinds, checked before an edit is applied (edits come from files). */
const EDIT_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  setWeight: { party: S, issue: S, value: N },
  setValue: { party: S, issue: S, option: S, value: N },
  setPoint: { party: S, issue: S, index: "integer", x: N, value: N },
  shiftValue: { party: S, issue: S, option: S, by: N },
  setReservation: { party: S, value: N },
  shiftReservation: { party: S, by: N },
  setPower: { party: S, value: N },
  setDiscount: { party: S, value: N },
  setPosition: { issue: S, option: S, value: N },
  addOption: { issue: S, option: "object", values: "object" },
  removeOption: { issue: S, option: S },
  addParty: { party: "object" },
  removeParty: { party: S },
  addRedLine: { party: S, redLine: "object" },
  removeRedLine: { party: S, index: "integer" },
  setCapability: { party: S, value: N },
  addInteraction: { party: S, interaction: "object" },
  removeInteraction: { party: S, index: "integer" },
  setInteraction: { party: S, index: "integer", value: N },
  setInteractionWhen: { party: S, index: "integer", when: "object" },
  setVotes: { party: S, constituency: S, value: N },
  setVeto: { party: S, constituency: S, value: "boolean" },
  setRatification: { party: S, rule: S },
  removeConstituency: { party: S, constituency: S },
  addConstraint: { constraint: "object" },
  removeConstraint: { index: "integer" },
  setConstraint: { index: "integer", if: "object", then: "object" },
};
const EXPECTED: Readonly<Record<FieldKind, string>> = {
  string: "a string (an id)",
  number: "a finite number",
  integer: "a whole number",
  object: "an object",
  boolean: "true or false",
};

/** Refuses an edit that is not an object or whose fields have the wrong kind, naming the field. */
function checkEditFields(e: unknown, at: string): void {
  if (e === null || typeof e !== "object" || Array.isArray(e))
    throw new ScenarioError(
      at,
      `is ${Array.isArray(e) ? "a list" : quote(String(e))}`,
      'an edit object, e.g. { "op": "shiftReservation", "party": "russia", "by": -0.05 }',
    );
  const fields = EDIT_FIELDS[String((e as { op?: unknown }).op)];
  if (!fields) return; // an unknown op: the switch names the known ones
  for (const [name, kind] of Object.entries(fields)) {
    const v = (e as Record<string, unknown>)[name];
    const ok =
      kind === "string"
        ? typeof v === "string"
        : kind === "number"
          ? Number.isFinite(v)
          : kind === "integer"
            ? Number.isInteger(v)
            : kind === "boolean"
              ? typeof v === "boolean"
              : v !== null && typeof v === "object" && !Array.isArray(v);
    if (!ok)
      throw new ScenarioError(
        `${at}.${name}`,
        v === undefined
          ? "is missing"
          : `is ${typeof v === "string" ? quote(v) : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : String(v)}`,
        EXPECTED[kind],
      );
  }
}

/** The party's numbers, or with `constituency` those of one of its domestic constituencies. */
function findValuation(
  d: Draft<Scenario>,
  e: { readonly party: string; readonly constituency?: string },
  at: string,
): Draft<Valuation> {
  const p = findParty(d, e.party, at);
  if (e.constituency === undefined) return p;
  const k = p.constituencies?.find((x) => x.id === e.constituency);
  if (!k)
    throw new ScenarioError(
      `${at}.constituency`,
      `"${e.party}" has no constituency "${e.constituency}"`,
      p.constituencies?.length
        ? `one of ${p.constituencies.map((x) => `"${x.id}"`).join(", ")}`
        : "no constituency field (the party has none)",
    );
  return k;
}

const whose = (e: { readonly party: string; readonly constituency?: string }): string =>
  e.constituency === undefined ? e.party : `${e.party}/${e.constituency}`;

function applyOne(d: Draft<Scenario>, e: ScenarioEdit, at: string): void {
  checkEditFields(e, at);
  switch (e.op) {
    case "setWeight":
      findValuation(d, e, at).weights[e.issue] = e.value;
      return;
    case "setValue":
    case "shiftValue": {
      const p = findValuation(d, e, at);
      const v = p.values[e.issue];
      if (v !== undefined && "points" in v && Array.isArray(v.points))
        throw new ScenarioError(
          `${at}.issue`,
          `"${e.issue}" has piecewise values for "${e.party}"`,
          "a discrete issue (edit the points instead)",
        );
      // The issue and option named, checked here for both ops, so that the error names the edit
      // (setValue's was reported later, at the edited scenario's path).
      const issue = d.issues.find((i) => i.id === e.issue);
      if (!issue)
        throw new ScenarioError(
          `${at}.issue`,
          `unknown issue "${e.issue}"`,
          `one of ${d.issues.map((i) => `"${i.id}"`).join(", ")}`,
        );
      if (issue.type !== "numeric" && !issue.options.some((o) => o.id === e.option))
        throw new ScenarioError(
          `${at}.option`,
          `unknown option "${e.option}" of issue "${e.issue}"`,
          `one of ${issue.options.map((o) => `"${o.id}"`).join(", ")}`,
        );
      let value: number;
      if (e.op === "setValue") value = e.value;
      else {
        if (!Number.isFinite(e.by)) throw new ScenarioError(`${at}.by`, `is ${String(e.by)}`, "a finite number");
        const old = (v as Record<string, number> | undefined)?.[e.option] ?? 0;
        // Rounded to 12 significant digits, as shiftReservation; kept >= 0.
        value = Math.max(0, Number((old + e.by).toPrecision(12)));
      }
      p.values[e.issue] = { ...(v as Record<string, number> | undefined), [e.option]: value };
      return;
    }
    case "setPoint": {
      const p = findValuation(d, e, at);
      const v = p.values[e.issue];
      if (v === undefined || !("points" in v) || !Array.isArray(v.points))
        throw new ScenarioError(
          `${at}.issue`,
          `"${whose(e)}" has no piecewise values for "${e.issue}"`,
          "a numeric issue valued by { points: [[x, value], ...] } (setValue for values per option)",
        );
      const points = v.points as Draft<[number, number][]>;
      if (e.index < 0 || e.index >= points.length)
        throw new ScenarioError(
          `${at}.index`,
          `no point ${e.index} in "${whose(e)}"'s values for "${e.issue}"`,
          `an index below ${points.length}`,
        );
      points[e.index] = [e.x, e.value];
      return;
    }
    case "setReservation":
      findValuation(d, e, at).reservation = e.value;
      return;
    case "shiftReservation": {
      const p = findValuation(d, e, at);
      // Rounded to 12 significant digits: 0.6 - 0.05 gives 0.55, not 0.5499999999999999.
      p.reservation = Math.min(1, Math.max(0, Number((p.reservation + e.by).toPrecision(12))));
      return;
    }
    case "setPower":
      findParty(d, e.party, at).power = e.value;
      return;
    case "setCapability":
      findParty(d, e.party, at).capability = e.value;
      return;
    case "setDiscount":
      findParty(d, e.party, at).discount = e.value;
      return;
    case "setPosition": {
      const issue = d.issues.find((i) => i.id === e.issue);
      if (!issue || issue.type === "numeric")
        throw new ScenarioError(
          `${at}.issue`,
          `"${e.issue}" is not a discrete issue of the scenario`,
          "the id of a discrete issue (a numeric issue's values are its scale)",
        );
      const option = issue.options.find((o) => o.id === e.option);
      if (!option)
        throw new ScenarioError(
          `${at}.option`,
          `"${e.option}" is not an option of issue "${e.issue}"`,
          `one of ${issue.options.map((o) => o.id).join(", ")}`,
        );
      option.position = e.value;
      return;
    }
    case "addOption": {
      const issue = d.issues.find((i) => i.id === e.issue);
      if (!issue || issue.type === "numeric")
        throw new ScenarioError(
          `${at}.issue`,
          `"${e.issue}" is not a discrete issue of the scenario`,
          "the id of a discrete issue",
        );
      issue.options.push(e.option);
      for (const p of d.parties) {
        const v = e.values[p.id];
        const vals = p.values[e.issue] as Record<string, number> | undefined;
        if (v !== undefined) p.values[e.issue] = { ...vals, [e.option.id]: v };
        else if (vals !== undefined) vals[e.option.id] = 0;
      }
      return;
    }
    case "removeOption": {
      const issue = d.issues.find((i) => i.id === e.issue);
      if (!issue || issue.type === "numeric")
        throw new ScenarioError(
          `${at}.issue`,
          `"${e.issue}" is not a discrete issue of the scenario`,
          "the id of a discrete issue",
        );
      const k = issue.options.findIndex((o) => o.id === e.option);
      if (k < 0) throw new ScenarioError(`${at}.option`, `unknown option "${e.option}"`, `an option of "${e.issue}"`);
      issue.options.splice(k, 1);
      for (const p of d.parties) {
        const vals = p.values[e.issue] as Record<string, number> | undefined;
        if (vals) delete vals[e.option];
        for (const r of p.redLines ?? [])
          if (r.issue === e.issue && r.reject) r.reject = r.reject.filter((o) => o !== e.option);
        if (p.redLines)
          p.redLines = p.redLines.filter(
            (r) => r.issue !== e.issue || (r.reject?.length ?? 0) > 0 || r.below !== undefined || r.above !== undefined,
          );
      }
      return;
    }
    case "addParty":
      d.parties.push(e.party as Draft<Party>);
      return;
    case "removeParty": {
      const k = d.parties.findIndex((x) => x.id === e.party);
      if (k < 0)
        throw new ScenarioError(`${at}.party`, `unknown party "${e.party}"`, "the id of a party of the scenario");
      d.parties.splice(k, 1);
      return;
    }
    case "addRedLine": {
      const p = findValuation(d, e, at);
      (p.redLines ??= []).push(e.redLine as Draft<typeof e.redLine>);
      return;
    }
    case "removeRedLine": {
      const p = findValuation(d, e, at);
      if (!p.redLines || !Number.isInteger(e.index) || e.index < 0 || e.index >= p.redLines.length)
        throw new ScenarioError(
          `${at}.index`,
          `no red line ${e.index} for "${whose(e)}"`,
          `an index below ${p.redLines?.length ?? 0}`,
        );
      p.redLines.splice(e.index, 1);
      return;
    }
    case "addInteraction": {
      const p = findValuation(d, e, at);
      (p.interactions ??= []).push(e.interaction as Draft<typeof e.interaction>);
      return;
    }
    case "removeInteraction":
    case "setInteraction": {
      const p = findValuation(d, e, at);
      if (!p.interactions || !Number.isInteger(e.index) || e.index < 0 || e.index >= p.interactions.length)
        throw new ScenarioError(
          `${at}.index`,
          `no interaction term ${e.index} for "${whose(e)}"`,
          `an index below ${p.interactions?.length ?? 0}`,
        );
      if (e.op === "removeInteraction") p.interactions.splice(e.index, 1);
      else p.interactions[e.index]!.value = e.value;
      return;
    }
    case "setInteractionWhen": {
      const p = findValuation(d, e, at);
      if (!p.interactions || e.index < 0 || e.index >= p.interactions.length)
        throw new ScenarioError(
          `${at}.index`,
          `no interaction term ${e.index} for "${whose(e)}"`,
          `an index below ${p.interactions?.length ?? 0}`,
        );
      p.interactions[e.index]!.when = e.when as Draft<typeof e.when>;
      return;
    }
    case "setVotes":
    case "setVeto": {
      if (e.constituency === undefined)
        throw new ScenarioError(`${at}.constituency`, "is missing", "the id of one of the party's constituencies");
      const k = findValuation(d, e, at) as Draft<Constituency>;
      if (e.op === "setVotes") k.votes = e.value;
      else if (e.value) k.veto = true;
      else delete k.veto;
      return;
    }
    case "setRatification": {
      const p = findParty(d, e.party, at);
      if (e.rule !== "all" && e.rule !== "majority" && e.rule !== "quota")
        throw new ScenarioError(`${at}.rule`, `is ${quote(String(e.rule))}`, '"all", "majority" or "quota"');
      if (e.rule === "quota" && !Number.isFinite(e.quota))
        throw new ScenarioError(
          `${at}.quota`,
          e.quota === undefined ? "is missing" : `is ${String(e.quota)}`,
          "a share of votes in (0, 1] for the quota rule, e.g. 0.667",
        );
      if (e.rule !== "quota" && e.quota !== undefined)
        throw new ScenarioError(`${at}.quota`, `is given with rule "${e.rule}"`, 'no quota, or rule "quota"');
      p.ratification = e.rule === "quota" ? { rule: e.rule, quota: e.quota! } : { rule: e.rule };
      return;
    }
    case "removeConstituency": {
      const p = findParty(d, e.party, at);
      const k = p.constituencies?.findIndex((x) => x.id === e.constituency) ?? -1;
      if (k < 0) findValuation(d, e, at); // throws, naming the party's constituencies
      p.constituencies!.splice(k, 1);
      if (p.constituencies!.length === 0) {
        delete p.constituencies;
        delete p.ratification;
      }
      return;
    }
    case "addConstraint":
      (d.constraints ??= []).push(e.constraint as Draft<typeof e.constraint>);
      return;
    case "removeConstraint":
      if (!d.constraints || !Number.isInteger(e.index) || e.index < 0 || e.index >= d.constraints.length)
        throw new ScenarioError(
          `${at}.index`,
          `no constraint ${e.index}`,
          `an index below ${d.constraints?.length ?? 0}`,
        );
      d.constraints.splice(e.index, 1);
      return;
    case "setConstraint": {
      const c = d.constraints?.[e.index];
      if (!c || e.index < 0)
        throw new ScenarioError(
          `${at}.index`,
          `no constraint ${e.index}`,
          `an index below ${d.constraints?.length ?? 0}`,
        );
      c.if = e.if as Draft<typeof e.if>;
      c.then = e.then as Draft<typeof e.then>;
      return;
    }
    default: {
      const op = (e as { op?: unknown }).op;
      throw new ScenarioError(
        `${at}.op`,
        `unknown edit ${JSON.stringify(op)}`,
        `one of ${Object.keys(EDIT_FIELDS).join(", ")}`,
      );
    }
  }
}

/**
 * Options of {@link applyEdits}.
 *
 * @example
 * ```ts
 * const s = builtinScenario("nash-1950");
 * // hot loops whose edits are known to keep s valid skip the check
 * const s2 = applyEdits(s, [{ op: "shiftReservation", party: "jack", by: 0.05 }], { validate: false });
 * s2.parties[1]?.reservation; // 0.425 (jack's, up from 0.375)
 * ```
 */
export interface ApplyEditsOptions {
  /** Check the result (default true). Skip only when the edits cannot break the scenario. */
  readonly validate?: boolean;
}

/**
 * Applies edits in order with immer and returns a new, frozen, validated scenario that shares
 * unchanged parts with the input. The input is never modified. An edit that names something
 * unknown, or leaves an invalid scenario, throws a {@link ScenarioError} whose path starts with
 * `edits[k]` (or names the scenario field the edits broke).
 *
 * @example
 * ```ts
 * import { applyEdits, builtinScenario } from "treatylab";
 * const s = builtinScenario("ukraine-2025");
 * const s2 = applyEdits(s, [{ op: "shiftReservation", party: "russia", by: -0.05 }]);
 * s2.parties[0]?.reservation; // 0.39 (Russia's, down from 0.44)
 * s2.parties[0] !== s.parties[0]; // true: the edited party is new
 * s2.issues === s.issues; // true: the rest is shared
 * ```
 */
export function applyEdits(
  scenario: Scenario,
  edits: readonly ScenarioEdit[],
  options: ApplyEditsOptions = {},
): Scenario {
  if (!Array.isArray(edits))
    throw new TreatylabError(
      `edits is ${edits === null ? "null" : typeof edits}; expected an array of edits (or events)`,
    );
  checkOptionsObject(options, "applyEdits");
  // Edits often come from a file: refuse cycles, BigInt and other non-JSON data before reading them.
  checkInputData(edits);
  // The parts the result shares with a validated input are not checked again (validate.ts, byParts).
  rememberParts(scenario);
  const next = editor.produce(scenario, (d) => {
    edits.forEach((e, k) => applyOne(d, e, `edits[${k}]`));
  });
  if (next === scenario) return next;
  // A new object: it gets a cache box (for its compiled form, outcome spaces...), then is frozen
  // (the parts it shares with the input are frozen already when the input is).
  deepFreeze(addCacheSlot(next));
  if (options.validate !== false) assertValidScenario(next);
  return next;
}

/**
 * immer without its automatic freeze, which would freeze the result before {@link addCacheSlot}
 * can give it a cache box; applyEdits freezes it right after. Its own instance, so the settings
 * of immer's shared instance (which a user of immer may change) do not apply.
 */
const editor = new Immer({ autoFreeze: false });
