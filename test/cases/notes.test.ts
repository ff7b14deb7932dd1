import { describe, expect, it } from "vitest";
import { HISTORICAL_CASES } from "../../src/cases/registry.js";
import type { Note, Scenario, Valuation } from "../../src/model/types.js";
import { builtinScenario, builtinScenarioIds } from "../../src/scenarios/builtins.js";
import { validateScenario } from "../../src/model/validate.js";

// Provenance rules for the historical cases, checked on the raw scenario objects:
// - every party and constituency has a `weights` note quoting every positive weight as `issue (w)`;
// - a `values.<issue>` note for every issue it weighs, quoting every option's value as `option (v)`;
// - a `reservation` note that opens with the reservation itself;
// - each of these notes (and a `redLines` note when there are red lines) names a source and a confidence;
// - any `token (number)` in those notes whose token is an issue (weights) or an option (values)
//   must equal the number in the scenario: a note quoting a number matches the value.

const text = (n: Note | undefined): string => (n === undefined ? "" : typeof n === "string" ? n : (n.text ?? ""));
const quoted = (s: string): Map<string, number[]> => {
  const out = new Map<string, number[]>();
  for (const m of s.matchAll(/([A-Za-z0-9][A-Za-z0-9._-]*) \((-?\d+(?:\.\d+)?)\)/g))
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), Number(m[2])]);
  return out;
};
const sourced = (n: Note | undefined): boolean =>
  typeof n === "object" && (n.source ?? "").length > 10 && n.confidence !== undefined;

/** Every provenance problem of one valuation, as readable lines (empty when clean). */
function problems(s: Scenario, who: string, v: Valuation): string[] {
  const out: string[] = [];
  const notes = v.notes ?? {};
  const wq = quoted(text(notes.weights));
  if (!sourced(notes.weights)) out.push(`${who}: weights note lacks source or confidence`);
  for (const issue of s.issues) {
    const w = v.weights[issue.id] ?? 0;
    const q = wq.get(issue.id);
    if (w > 0 && q === undefined) out.push(`${who}: weights note does not quote ${issue.id} (${w})`);
    if (q !== undefined && q.some((x) => x !== w))
      out.push(`${who}: weights note quotes ${issue.id} (${q.join(", ")}) but the weight is ${w}`);
    const values = v.values[issue.id];
    if (w === 0 || values === undefined) continue;
    const note = notes[`values.${issue.id}`];
    if (!sourced(note)) out.push(`${who}: values.${issue.id} note missing or lacks source or confidence`);
    const vq = quoted(text(note));
    if (issue.type === "numeric") continue;
    for (const o of issue.options) {
      const val = (values as Readonly<Record<string, number>>)[o.id];
      const got = vq.get(o.id);
      if (got === undefined) out.push(`${who}: values.${issue.id} note does not quote ${o.id} (${val})`);
      else if (got.some((x) => x !== val))
        out.push(`${who}: values.${issue.id} note quotes ${o.id} (${got.join(", ")}) but the value is ${val}`);
    }
  }
  const r = text(notes.reservation);
  if (!sourced(notes.reservation)) out.push(`${who}: reservation note missing or lacks source or confidence`);
  const lead = /^(-?\d+(?:\.\d+)?)/.exec(r);
  if (lead === null || Number(lead[1]) !== v.reservation)
    out.push(`${who}: reservation note does not open with ${v.reservation}: "${r.slice(0, 30)}"`);
  if ((v.redLines?.length ?? 0) > 0 && !sourced(notes.redLines)) out.push(`${who}: red lines without a sourced note`);
  return out;
}

function scenarioProblems(s: Scenario): string[] {
  return s.parties.flatMap((p) => [
    ...problems(s, p.id, p),
    ...(p.constituencies ?? []).flatMap((c) => problems(s, `${p.id}.${c.id}`, c)),
  ]);
}

describe("historical cases: every number's note", () => {
  for (const hc of HISTORICAL_CASES) {
    it(`${hc.id}: every weight, value and reservation has a sourced note that quotes it correctly`, () => {
      expect(scenarioProblems(hc.scenario)).toEqual([]);
    });
    it(`${hc.id}: published sources with dates or addresses, and reservations reasoned before the outcome`, () => {
      expect(hc.sources.length).toBeGreaterThanOrEqual(2);
      for (const src of hc.sources) expect(src.url !== undefined || src.date !== undefined, src.title).toBe(true);
      for (const p of hc.scenario.parties)
        expect(text(p.notes?.weights), p.id).toMatch(/reasoned from the (situation|positions)/i);
      for (const issue of hc.scenario.issues)
        expect(hc.text.notes[issue.id], `${hc.id} text note for ${issue.id}`).toBeTruthy();
    });
  }

  it("the checker catches a note that no longer matches its number (it can fail)", () => {
    const hc = HISTORICAL_CASES[0]!;
    const p = hc.scenario.parties[0]!;
    const issue = Object.keys(p.weights).find((k) => p.weights[k]! > 0)!;
    const changed: Scenario = {
      ...hc.scenario,
      parties: [{ ...p, weights: { ...p.weights, [issue]: p.weights[issue]! + 1 } }, ...hc.scenario.parties.slice(1)],
    };
    expect(scenarioProblems(changed).join("\n")).toMatch(new RegExp(`quotes ${issue} \\(`));
    const resChanged: Scenario = {
      ...hc.scenario,
      parties: [{ ...p, reservation: p.reservation + 0.01 }, ...hc.scenario.parties.slice(1)],
    };
    expect(scenarioProblems(resChanged).join("\n")).toMatch(/reservation note does not open with/);
  });

  it("every case is a built-in scenario under its own id, valid and identical", () => {
    for (const hc of HISTORICAL_CASES) {
      expect(builtinScenarioIds()).toContain(hc.id);
      expect(hc.scenario.id).toBe(hc.id);
      expect(builtinScenario(hc.id)).toEqual(validateScenario(hc.scenario));
    }
  });

  it("at least six cases of different kinds, with signed and failed outcomes", () => {
    expect(HISTORICAL_CASES.length).toBeGreaterThanOrEqual(6);
    const outcomes = new Set(HISTORICAL_CASES.map((c) => c.outcome));
    for (const o of ["agreement", "signed-not-implemented", "rejected-by-ratification", "no-agreement"])
      expect(outcomes.has(o as never), o).toBe(true);
    expect(new Set(HISTORICAL_CASES.map((c) => c.id)).size).toBe(HISTORICAL_CASES.length);
  });
});
