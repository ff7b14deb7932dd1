/**
 * A brute-force oracle written independently of the engine: it enumerates the cartesian product
 * of options, computes utilities straight from the scenario's JSON numbers, and scans for each
 * answer. Slow and obvious on purpose.
 */
import type { Bundle, Constituency, Party, Scenario } from "../../src/model/types.js";

export const TOL = 1e-9;
/** The documented grid of utility shares (docs/algorithms.md, "Exactness"): each share is rounded to a multiple of 2^-50. */
const cell = (x: number): number =>
  Math.abs(x) >= 4 ? x : (Math.sign(x) * Math.round(Math.abs(x) * 2 ** 50)) / 2 ** 50 || 0;

type Valuer = Pick<Party, "weights" | "values" | "reservation" | "redLines" | "interactions" | "valueScale">;

function optionIds(s: Scenario, issueId: string): string[] {
  const issue = s.issues.find((i) => i.id === issueId)!;
  if (issue.type === "numeric") throw new Error("oracle: numeric issues not supported");
  return issue.options.map((o) => o.id);
}

export function allBundles(s: Scenario): Bundle[] {
  let out: Record<string, string>[] = [{}];
  for (const issue of s.issues) {
    const next: Record<string, string>[] = [];
    for (const b of out) for (const o of optionIds(s, issue.id)) next.push({ ...b, [issue.id]: o });
    out = next;
  }
  return out;
}

export function utilityOf(s: Scenario, v: Valuer, b: Bundle): number {
  const totalW = s.issues.reduce((acc, i) => acc + (v.weights[i.id] ?? 0), 0);
  let u = 0;
  for (const issue of s.issues) {
    const vals = (v.values[issue.id] ?? {}) as Record<string, number>;
    const max = v.valueScale === "absolute" ? 1 : Math.max(0, ...Object.values(vals));
    if (max === 0) continue;
    if (totalW === 0) continue;
    u += cell(((v.weights[issue.id] ?? 0) / totalW) * ((vals[b[issue.id]!] ?? 0) / max));
  }
  for (const t of v.interactions ?? []) {
    const ok = Object.entries(t.when).every(([i, c]) => (typeof c === "string" ? [c] : c).includes(b[i]!));
    if (ok) u += cell(t.value);
  }
  return u;
}

function valuerAccepts(s: Scenario, v: Valuer, b: Bundle): boolean {
  for (const r of v.redLines ?? []) if ((r.reject ?? []).includes(b[r.issue]!)) return false;
  return utilityOf(s, v, b) >= v.reservation - TOL;
}

function ratified(s: Scenario, p: Party, b: Bundle): boolean {
  const list: readonly Constituency[] = p.constituencies ?? [];
  if (list.length === 0) return true;
  const rule = p.ratification?.rule ?? "all";
  let votes = 0;
  let total = 0;
  for (const k of list) {
    const ok = valuerAccepts(s, k, b);
    total += k.votes ?? 1;
    if (ok) votes += k.votes ?? 1;
    if (!ok && (rule === "all" || k.veto)) return false;
  }
  if (rule === "all") return true;
  if (rule === "majority") return votes > total / 2 + TOL;
  return votes >= (p.ratification!.quota ?? 1) * total - TOL;
}

export function feasible(s: Scenario, b: Bundle): boolean {
  for (const c of s.constraints ?? []) {
    const applies = Object.entries(c.if).every(([i, ch]) => (typeof ch === "string" ? [ch] : ch).includes(b[i]!));
    if (applies && !Object.entries(c.then).every(([i, ch]) => (typeof ch === "string" ? [ch] : ch).includes(b[i]!)))
      return false;
  }
  return true;
}

export function inZopa(s: Scenario, b: Bundle): boolean {
  return feasible(s, b) && s.parties.every((p) => valuerAccepts(s, p, b) && ratified(s, p, b));
}

export interface OraclePoint {
  bundle: Bundle;
  u: number[];
}

export function zopa(s: Scenario): OraclePoint[] {
  return allBundles(s)
    .filter((b) => inZopa(s, b))
    .map((b) => ({ bundle: b, u: s.parties.map((p) => utilityOf(s, p, b)) }));
}

/** Exact Pareto dominance (utilities are exact sums of grid multiples, so no slack is needed). */
export function dominates(a: number[], b: number[]): boolean {
  let strict = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return false;
    if (a[i]! > b[i]!) strict = true;
  }
  return strict;
}

export function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, i) => x === b[i]!);
}

/** Distinct non-dominated utility vectors of the ZOPA. */
export function frontierVectors(s: Scenario): number[][] {
  const pts = zopa(s);
  const nd = pts.filter((a) => !pts.some((b) => dominates(b.u, a.u))).map((p) => p.u);
  const out: number[][] = [];
  for (const v of nd) if (!out.some((w) => sameVector(v, w))) out.push(v);
  return out;
}

export function gainsOf(s: Scenario, u: number[]): number[] {
  return u.map((x, i) => Math.max(0, x - s.parties[i]!.reservation));
}

/** Criterion values; larger is better. */
export function nashValue(s: Scenario, u: number[]): number {
  return gainsOf(s, u).reduce((acc, g, i) => acc * Math.pow(g, s.parties[i]!.power ?? 1), 1);
}
export function egalitarianValue(s: Scenario, u: number[]): number {
  return Math.min(...gainsOf(s, u));
}
export function utilitarianValue(_s: Scenario, u: number[]): number {
  return u.reduce((a, b) => a + b, 0);
}
export function ksValue(s: Scenario, u: number[], ideal: number[]): number {
  return Math.min(
    ...gainsOf(s, u).map((g, i) => {
      const span = ideal[i]! - s.parties[i]!.reservation;
      return span <= TOL ? 1 : g / span;
    }),
  );
}
export function idealOf(s: Scenario): number[] {
  const pts = zopa(s);
  return s.parties.map((p, i) => Math.max(p.reservation, ...pts.map((q) => q.u[i]!)));
}
