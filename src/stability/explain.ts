/**
 * Why a state is stable or not, for each decision maker and concept: the unilateral improvement
 * that breaks it, or the sanction (a legal sequence of the others' moves, or their simultaneous
 * move) that deters each improvement, in the way GMCR+ narrates its results.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import {
  bestAfterReply,
  dmContext,
  type DmStabilityContext,
  forEachImprovement,
  simultaneousSanction,
  STABILITY_CONCEPTS,
  type StabilityKey,
  stabilityConcept,
} from "./concepts.js";
import { type CompiledGraphModel, compileGraphModel, type GraphModel, stateCode, stateString } from "./model.js";
import type { SanctionRule } from "./reach.js";

/**
 * One move in a path: who moved and the state it led to.
 *
 * @example
 * ```ts
 * const step: GraphStep = { dm: "US", to: "YNNYN" };
 * ```
 */
export interface GraphStep {
  readonly dm: string;
  readonly to: string;
}

/**
 * One unilateral improvement of the focal DM and what (if anything) deters it.
 *
 * @example
 * ```ts
 * const v: ImprovementVerdict = { to: "YN", deterred: true, sanction: [{ dm: "B", to: "YY" }] };
 * ```
 */
export interface ImprovementVerdict {
  readonly to: string;
  readonly deterred: boolean;
  /** The sanctioning moves (sequential concepts) or the others' simultaneous move (SIM). */
  readonly sanction?: readonly GraphStep[];
}

/**
 * The verdict of one concept for one decision maker at one state, with its reasons.
 *
 * @example
 * ```ts
 * const [first]: StabilityExplanation[] = explainState(model, "NN");
 * ```
 */
export interface StabilityExplanation {
  readonly state: string;
  readonly dm: string;
  readonly concept: StabilityKey;
  readonly stable: boolean;
  readonly improvements: readonly ImprovementVerdict[];
  readonly text: string;
}

/**
 * The option changes between two states, e.g. `"ceasefire N->Y, sanctions Y->N"`.
 *
 * @example
 * ```ts
 * describeChange(cm, 0, 1); // "o0 N->Y"
 * ```
 */
export function describeChange(cm: CompiledGraphModel, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = 0; k < cm.n; k++) {
    const a = (from >>> k) & 1;
    const b = (to >>> k) & 1;
    if (a !== b) parts.push(`${cm.optionNames[k]} ${a ? "Y" : "N"}->${b ? "Y" : "N"}`);
  }
  return parts.join(", ");
}

function ownerOf(cm: CompiledGraphModel, from: number, to: number): number {
  const d = from ^ to;
  return cm.dmMasks.findIndex((m) => (m & d) !== 0);
}

/** A shortest legal sanctioning sequence from s1 ending in a state that satisfies `goal`, or undefined. */
function sanctionPath(
  ctx: DmStabilityContext,
  s1: number,
  improving: boolean,
  goal: (x: number) => boolean,
): GraphStep[] | undefined {
  const { cm, others, rule } = ctx;
  const key = (x: number, tag: number) => x * 64 + tag;
  const parent = new Map<number, number>();
  const start = key(s1, 0);
  parent.set(start, -1);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const cur = queue[q]!;
    const x = Math.floor(cur / 64);
    const tag = cur % 64;
    for (let m = 0; m < others.length; m++) {
      if (rule === "standard" ? tag === m + 1 : (tag >> m) & 1) continue;
      const j = others[m]!;
      const mask = cm.dmMasks[j]!;
      for (let d = mask; d !== 0; d = (d - 1) & mask) {
        if ((d & cm.fwdMask & x) !== 0 || (d & cm.backMask & ~x) !== 0) continue;
        const y = x ^ d;
        if (!cm.feasible[y] || (improving && cm.rank[j]![y]! <= cm.rank[j]![x]!)) continue;
        const nk = key(y, rule === "standard" ? m + 1 : tag | (1 << m));
        if (parent.has(nk)) continue;
        parent.set(nk, cur);
        if (goal(y)) {
          const steps: GraphStep[] = [];
          for (let k = nk; parent.get(k)! !== -1; k = parent.get(k)!) {
            const to = Math.floor(k / 64);
            const from = Math.floor(parent.get(k)! / 64);
            steps.unshift({ dm: cm.dmNames[ownerOf(cm, from, to)]!, to: stateString(to, cm.n) });
          }
          return steps;
        }
        queue.push(nk);
      }
    }
  }
  return undefined;
}

function verdictFor(ctx: DmStabilityContext, concept: StabilityKey, s: number, t: number): ImprovementVerdict {
  const { cm, rank } = ctx;
  const rs = rank[s]!;
  const to = stateString(t, cm.n);
  const mk = (path: GraphStep[] | undefined): ImprovementVerdict =>
    path ? { to, deterred: true, sanction: path } : { to, deterred: false };
  switch (concept) {
    case "nash":
      return { to, deterred: false };
    case "gmr":
      return mk(sanctionPath(ctx, t, false, (x) => rank[x]! <= rs));
    case "smr":
      return mk(sanctionPath(ctx, t, false, (x) => rank[x]! <= rs && bestAfterReply(ctx.cm, ctx.dm, x) <= rs));
    case "seq":
      return mk(sanctionPath(ctx, t, true, (x) => rank[x]! <= rs));
    case "sim": {
      const x = simultaneousSanction(ctx, s, t);
      if (x < 0) return { to, deterred: false };
      const steps = ctx.others
        .filter((j) => ((x ^ t) & cm.dmMasks[j]!) !== 0)
        .map((j) => ({ dm: cm.dmNames[j]!, to: stateString(x, cm.n) }));
      return { to, deterred: true, sanction: steps };
    }
    case "seqSim": {
      const a = verdictFor(ctx, "seq", s, t);
      const b = verdictFor(ctx, "sim", s, t);
      const ok = ctx.rule === "gmcr-plus" ? a.deterred || b.deterred : a.deterred && b.deterred;
      return ok ? { to, deterred: true, sanction: a.deterred ? a.sanction : b.sanction } : { to, deterred: false };
    }
  }
}

/**
 * Explains state `state` (a Y/N string or a code) for every decision maker under every concept
 * (or the given ones). The verdicts agree with `analyzeStability` under the same sanction rule.
 *
 * @example
 * ```ts
 * for (const e of explainState(prisonersDilemma, "NN")) console.log(e.text);
 * ```
 */
export function explainState(
  model: GraphModel | CompiledGraphModel,
  state: string | number,
  options: { readonly sanctions?: SanctionRule; readonly concepts?: readonly StabilityKey[] } = {},
): StabilityExplanation[] {
  const cm = "feasible" in model ? model : compileGraphModel(model);
  const s = typeof state === "number" ? state : stateCode(state, cm.n, "state");
  if (!(s >= 0 && s < cm.size) || !cm.feasible[s])
    throw new ScenarioError(
      "state",
      `is ${stateString(s, cm.n)}, which is not a feasible state`,
      "one of the model's feasible states",
    );
  const rule = options.sanctions ?? "standard";
  const keys = options.concepts ?? STABILITY_CONCEPTS.map((c) => c.key);
  const out: StabilityExplanation[] = [];
  const st = stateString(s, cm.n);
  for (let dm = 0; dm < cm.dmNames.length; dm++) {
    const ctx = dmContext(cm, dm, rule);
    const uis: number[] = [];
    forEachImprovement(ctx, s, (t) => (uis.push(t), true));
    uis.sort((a, b) => ctx.rank[b]! - ctx.rank[a]! || a - b);
    for (const key of keys) {
      const concept = stabilityConcept(key);
      const stable = concept.test(ctx, s);
      const improvements = uis.map((t) => verdictFor(ctx, key, s, t));
      const name = cm.dmNames[dm]!;
      let text: string;
      if (uis.length === 0) text = `${st} is ${concept.label} stable for ${name}: it has no unilateral improvement.`;
      else if (!stable) {
        const br = improvements.find((v) => !v.deterred) ?? improvements[0]!;
        text = `${st} is not ${concept.label} stable for ${name}: ${name} can improve by moving to ${br.to} (${describeChange(cm, s, stateCode(br.to, cm.n, "to"))})${key === "nash" ? "" : " and nothing the others can do deters it"}.`;
      } else {
        text = `${st} is ${concept.label} stable for ${name}: ${improvements
          .map(
            (v) =>
              `its move to ${v.to} is deterred by ${v.sanction!.map((x) => `${x.dm} -> ${x.to}`).join(key === "sim" ? " together with " : ", then ")}`,
          )
          .join("; ")}.`;
      }
      out.push({ state: st, dm: name, concept: key, stable, improvements, text });
    }
  }
  return out;
}
