import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { clampedLinearShape, round12 } from "./geniusEvaluators.js";
import { IdAllocator, slugId } from "./ids.js";
import {
  type NeutralIssue,
  type NeutralProfile,
  type NeutralScenario,
  neutralGrid,
  neutralToScenario,
} from "./neutral.js";
import { MAX_INTEROP_CHARS } from "./safeXml.js";

/**
 * A GeniusWeb scenario as text: the domain JSON and one `LinearAdditiveUtilitySpace` profile per party.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/geniusweb/nash-1950/${name}`, "utf8");
 * const input: GeniusWebFiles = {
 *   domain: { name: "nash-1950.json", json: read("nash-1950.json") },
 *   profiles: [{ name: "bill", json: read("bill.json") }, { name: "jack", json: read("jack.json") }],
 * };
 * importGeniusWeb(input).parties.map((p) => p.reservation); // [0.3529411764712, 0.375]
 * ```
 */
export interface GeniusWebFiles {
  readonly domain: { readonly name: string; readonly json: string };
  readonly profiles: readonly { readonly name: string; readonly json: string; readonly file?: string }[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Parses JSON text with a size limit and a one-line error.
 *
 * @example
 * ```ts
 * parseJsonText('{"name":"party"}', "party.json"); // { name: "party" }
 * ```
 */
export function parseJsonText(text: string, where: string): unknown {
  if (text.length > MAX_INTEROP_CHARS)
    throw new TreatylabError(
      `${where}: ${text.length} characters, over the limit of ${MAX_INTEROP_CHARS} for a GeniusWeb file`,
    );
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new TreatylabError(`${where}: invalid JSON (${(err as Error).message})`);
  }
}

const num = (v: unknown, where: string): number => {
  const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (!Number.isFinite(x))
    throw new TreatylabError(`${where}: is ${JSON.stringify(v) ?? "missing"}; expected a number`);
  return x;
};

function readDomain(d: unknown, where: string): { name: string; issues: NeutralIssue[]; keys: string[] } {
  if (!isObj(d) || !isObj(d.issuesValues))
    throw new TreatylabError(`${where}: no "issuesValues" object; expected a GeniusWeb domain`);
  const ids = new IdAllocator("issue");
  const keys = Object.keys(d.issuesValues);
  if (keys.length === 0) throw new TreatylabError(`${where}: "issuesValues" is empty; expected at least one issue`);
  const issues = keys.map((key): NeutralIssue => {
    const vs = (d.issuesValues as Json)[key];
    const at = `${where}: issue "${key}"`;
    if (isObj(vs) && Array.isArray(vs.values)) {
      const values = vs.values.map((v, k) => {
        if (typeof v !== "string" && typeof v !== "number")
          throw new TreatylabError(`${at}: value ${k} is ${JSON.stringify(v)}; expected a string or number`);
        return String(v);
      });
      if (values.length === 0) throw new TreatylabError(`${at}: no values`);
      if (new Set(values).size !== values.length)
        throw new TreatylabError(`${at}: a value is listed twice; expected each value once`);
      const opt = new IdAllocator("option");
      return {
        id: ids.take(key),
        label: key,
        kind: "discrete",
        options: values.map((v) => ({ id: opt.take(v), label: v })),
      };
    }
    if (isObj(vs) && isObj(vs.range)) {
      const lo = num(vs.range.low, `${at}.range.low`);
      const hi = num(vs.range.high, `${at}.range.high`);
      const step = num(vs.range.step, `${at}.range.step`);
      if (!(step > 0) || hi < lo)
        throw new TreatylabError(`${at}: range ${lo}..${hi} step ${step}; expected low <= high and a positive step`);
      const n = (hi - lo) / step;
      if (Math.abs(n - Math.round(n)) > 1e-9 * Math.max(1, n))
        throw new TreatylabError(
          `${at}: step ${step} does not divide ${lo}..${hi}; treatylab needs a step that reaches "high"`,
        );
      return {
        id: ids.take(key),
        label: key,
        kind: Number.isInteger(lo) && step === 1 ? "integer" : "real",
        min: lo,
        max: hi,
        step,
      };
    }
    throw new TreatylabError(`${at}: neither {"values": [...]} nor {"range": {...}}`);
  });
  return { name: typeof d.name === "string" ? d.name : "geniusweb", issues, keys };
}

/**
 * Reads a GeniusWeb domain and its `LinearAdditiveUtilitySpace` profiles into neutral absolute
 * form. Value utilities are used as they are (GeniusWeb does not divide by the issue's best);
 * number issues use `numberutils` (linear between low and high). A `reservationBid` becomes the
 * reservation value: that bid's utility for the party.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/geniusweb/nash-1950/${name}`, "utf8");
 * const profiles = ["bill", "jack"].map((name) => ({ name, json: read(`${name}.json`) }));
 * const n = readGeniusWebNeutral({ domain: { name: "nash-1950.json", json: read("nash-1950.json") }, profiles });
 * n.title; // "nash-1950"
 * n.profiles.map((p) => p.reservation); // [0.3529411764712, 0.375]: the utilities of the reservation bids
 * ```
 */
export function readGeniusWebNeutral(files: GeniusWebFiles): NeutralScenario {
  const dom = readDomain(parseJsonText(files.domain.json, files.domain.name), files.domain.name);
  if (files.profiles.length === 0)
    throw new TreatylabError(`${files.domain.name}: no profiles; expected one GeniusWeb profile per party`);
  const partyIds = new IdAllocator("party");
  const profiles = files.profiles.map((pf): NeutralProfile => {
    const where = pf.file ?? pf.name;
    const root = parseJsonText(pf.json, where);
    const space = isObj(root) ? root.LinearAdditiveUtilitySpace : undefined;
    if (!isObj(space)) {
      const kind = isObj(root) ? Object.keys(root)[0] : undefined;
      throw new TreatylabError(
        `${where}: ${kind ? `profile type "${kind}"` : "no profile"}; treatylab reads GeniusWeb LinearAdditiveUtilitySpace profiles`,
      );
    }
    if (space.domain !== undefined) {
      const own = readDomain(space.domain, `${where} (embedded domain)`);
      if (JSON.stringify(own.issues) !== JSON.stringify(dom.issues))
        throw new TreatylabError(
          `${where}: its embedded domain differs from ${files.domain.name}; expected the same issues and values`,
        );
    }
    const iu = space.issueUtilities;
    const iw = space.issueWeights;
    if (!isObj(iu)) throw new TreatylabError(`${where}: no "issueUtilities" object`);
    if (!isObj(iw)) throw new TreatylabError(`${where}: no "issueWeights" object`);
    for (const k of [...Object.keys(iu), ...Object.keys(iw)])
      if (!dom.keys.includes(k))
        throw new TreatylabError(
          `${where}: unknown issue "${k}"; expected one of ${dom.keys.map((x) => `"${x}"`).join(", ")}`,
        );
    let total = 0;
    const weights: Record<string, number> = {};
    const evaluations: Record<string, number[]> = {};
    const shapes: Record<string, readonly (readonly [number, number])[]> = {};
    dom.issues.forEach((issue, k) => {
      const key = dom.keys[k]!;
      const at = `${where}: issue "${key}"`;
      if (!Object.prototype.hasOwnProperty.call(iw, key))
        throw new TreatylabError(`${at}: missing weight; expected "issueWeights": {"${key}": ...}`);
      const w = num(iw[key], `${at} weight`);
      if (w < 0) throw new TreatylabError(`${at}: weight ${w}; expected a non-negative number`);
      weights[issue.id] = w;
      total += w;
      const u = iu[key];
      if (!isObj(u)) throw new TreatylabError(`${at}: missing utilities; expected "issueUtilities": {"${key}": {...}}`);
      if (issue.kind === "discrete") {
        const vu = isObj(u.discreteutils) ? u.discreteutils.valueUtilities : undefined;
        if (!isObj(vu)) throw new TreatylabError(`${at}: expected {"discreteutils": {"valueUtilities": {...}}}`);
        for (const v of Object.keys(vu))
          if (!issue.options.some((o) => o.label === v)) throw new TreatylabError(`${at}: unknown value "${v}"`);
        evaluations[issue.id] = issue.options.map((o) => {
          const x = vu[o.label] === undefined ? 0 : num(vu[o.label], `${at}, value "${o.label}"`);
          if (x < 0 || x > 1)
            throw new TreatylabError(`${at}, value "${o.label}": utility ${x}; expected a number in [0, 1]`);
          return round12(x);
        });
      } else {
        const nu = u.numberutils;
        if (!isObj(nu))
          throw new TreatylabError(
            `${at}: expected {"numberutils": {"lowValue", "lowUtility", "highValue", "highUtility"}}`,
          );
        const [lv, lu, hv, hu] = ["lowValue", "lowUtility", "highValue", "highUtility"].map((f) =>
          num(nu[f], `${at}.numberutils.${f}`),
        ) as [number, number, number, number];
        if (!(hv > lv) || lu < 0 || lu > 1 || hu < 0 || hu > 1)
          throw new TreatylabError(`${at}: numberutils need lowValue < highValue and utilities in [0, 1]`);
        const f = (x: number): number => (x < lv || x > hv ? 0 : lu + ((hu - lu) * (x - lv)) / (hv - lv));
        evaluations[issue.id] = neutralGrid(issue).map(f);
        if (lv <= issue.min && hv >= issue.max) shapes[issue.id] = clampedLinearShape(issue.min, issue.max, f);
      }
    });
    if (!(total > 0)) throw new TreatylabError(`${where}: all weights are zero; expected at least one positive weight`);
    for (const i of dom.issues) weights[i.id] = round12(weights[i.id]! / total);
    let reservation = 0;
    const rb = space.reservationBid;
    if (rb !== undefined && rb !== null) {
      const values = isObj(rb) ? rb.issuevalues : undefined;
      if (!isObj(values)) throw new TreatylabError(`${where}: reservationBid has no "issuevalues" object`);
      dom.issues.forEach((issue, k) => {
        const key = dom.keys[k]!;
        const v = values[key];
        if (v === undefined) return;
        const ev = evaluations[issue.id]!;
        const idx =
          issue.kind === "discrete"
            ? issue.options.findIndex((o) => o.label === String(v))
            : neutralGrid(issue).findIndex((x) => Math.abs(x - num(v, `${where}: reservationBid "${key}"`)) < 1e-9);
        if (idx < 0)
          throw new TreatylabError(
            `${where}: reservationBid gives issue "${key}" the unknown value ${JSON.stringify(v)}`,
          );
        reservation += weights[issue.id]! * ev[idx]!;
      });
      for (const key of Object.keys(values))
        if (!dom.keys.includes(key)) throw new TreatylabError(`${where}: reservationBid names unknown issue "${key}"`);
      reservation = Math.min(1, Math.max(0, Number(reservation.toPrecision(15))));
    }
    const label = pf.name.replace(/\.json$/i, "");
    return { id: partyIds.take(label), label, weights, evaluations, shapes, reservation, headroom: 0 };
  });
  return { id: slugId(dom.name) || "geniusweb", title: dom.name, issues: dom.issues, profiles };
}

/**
 * Imports a GeniusWeb scenario as a validated treatylab scenario with GeniusWeb's utilities on
 * every bundle (absolute value utilities; see docs/interop-genius.md, "Headroom").
 *
 * @example
 * ```ts
 * import { importGeniusWeb, analyze } from "treatylab";
 * import { readFileSync } from "node:fs";
 * const read = (name: string) => readFileSync(`examples/geniusweb/nash-1950/${name}`, "utf8");
 * const profiles = ["bill", "jack"].map((name) => ({ name, json: read(`${name}.json`) }));
 * const s = importGeniusWeb({ domain: { name: "nash-1950.json", json: read("nash-1950.json") }, profiles });
 * analyze(s).solutions.nash?.utilities; // { bill: 0.705882352941, jack: 0.6875 }
 * ```
 */
export function importGeniusWeb(files: GeniusWebFiles): Scenario {
  return neutralToScenario(readGeniusWebNeutral(files));
}
