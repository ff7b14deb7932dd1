/**
 * The stability concepts of the graph model, one object each in `STABILITY_CONCEPTS`, and
 * `analyzeStability`, which applies every concept to every decision maker at every feasible state.
 *
 * Notation (Fang, Hipel and Kilgour 1993): R_i(s) are i's unilateral moves from s, R_i^+(s) its
 * unilateral improvements (UIs), H = N \ {i} the others, R_H(s) / R_H^+(s) the states the others
 * reach by legal sequences of unilateral moves / improvements, and u_i a utility representing i's
 * preference (ties equal).
 * @module
 */
import { checkOptionsObject } from "../model/optionChecks.js";
import { ScenarioError } from "../model/errors.js";
import { type CompiledGraphModel, compileGraphModel, type GraphModel } from "./model.js";
import { minReachable, NONE, type SanctionRule } from "./reach.js";

/**
 * Keys of the stability concepts, in the order they are reported.
 *
 * @example
 * ```ts
 * const k: StabilityKey = "seq";
 * ```
 */
export type StabilityKey = "nash" | "gmr" | "smr" | "seq" | "sim" | "seqSim";

/**
 * Everything a concept's test needs about one focal decision maker; the reachability summaries are
 * computed on first use and shared between concepts.
 *
 * @example
 * ```ts
 * import { dmContext } from "./concepts.js";
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const ctx: DmStabilityContext = dmContext(compileGraphModel(pd), 0, "standard");
 * ctx.dm; // 0
 * ```
 */
export interface DmStabilityContext {
  readonly cm: CompiledGraphModel;
  readonly dm: number;
  readonly others: readonly number[];
  readonly rule: SanctionRule;
  /** The focal DM's dense preference ranks by state code. */
  readonly rank: Int32Array;
  /** min u_i over R_H(x), for every x. */
  readonly lowMoves: () => Int32Array;
  /** min over R_H(x) of i's best outcome after its own counter-move (SMR), for every x. */
  readonly lowMovesAfterReply: () => Int32Array;
  /** min u_i over R_H^+(x), for every x. */
  readonly lowImprovements: () => Int32Array;
  /** A concept's verdict at s, computed once and remembered (SEQ+SIM reuses SEQ's and SIM's). */
  readonly verdict: (key: StabilityKey, s: number) => boolean;
  /** The others' legal move deltas from s (one list per other DM), remembered for the last s asked. */
  readonly otherDeltas: (s: number) => readonly Int32Array[];
}

/**
 * One stability concept: its key, a label, the test of one state for the focal DM, a formula.
 *
 * @example
 * ```ts
 * const c: StabilityConcept = stabilityConcept("gmr");
 * ```
 */
export interface StabilityConcept {
  readonly key: StabilityKey;
  readonly label: string;
  /** Short name for table headings, e.g. "SEQ". */
  readonly short: string;
  /** The definition in GMCR notation. */
  readonly formula: string;
  /** Whether state `s` (a code) is stable for the context's decision maker. */
  readonly test: (ctx: DmStabilityContext, s: number) => boolean;
}

/**
 * Calls `visit(t)` for each unilateral improvement of `ctx.dm` from `s`; stops when visit returns false.
 * Returns false when stopped.
 *
 * @example
 * ```ts
 * import { dmContext, forEachImprovement } from "./concepts.js";
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const ctx = dmContext(compileGraphModel(pd), 0, "standard");
 * const uis: number[] = [];
 * forEachImprovement(ctx, 0, (t) => (uis.push(t), true));
 * uis; // [1]: from NN, A improves by defecting (YN)
 * ```
 */
export function forEachImprovement(ctx: DmStabilityContext, s: number, visit: (t: number) => boolean): boolean {
  const { cm, rank } = ctx;
  const mask = cm.dmMasks[ctx.dm]!;
  const rs = rank[s]!;
  for (let d = mask; d !== 0; d = (d - 1) & mask) {
    if ((d & cm.fwdMask & s) !== 0 || (d & cm.backMask & ~s) !== 0) continue;
    const t = s ^ d;
    if (cm.feasible[t] && rank[t]! > rs && !visit(t)) return false;
  }
  return true;
}

function allImprovementsDeterred(ctx: DmStabilityContext, s: number, low: Int32Array): boolean {
  const rs = ctx.rank[s]!;
  return forEachImprovement(ctx, s, (t) => low[t]! !== NONE && low[t]! <= rs);
}

/**
 * The others' simultaneous sanction of a UI `t` of the focal DM from `s` (SIM): a choice, for each
 * other DM, of staying or one of its unilateral moves from s, such that the combined state (the
 * focal DM's options from t, each other's from its own move) is feasible and not preferred by the
 * focal DM to s. Returns the combined state's code, or -1.
 *
 * @example
 * ```ts
 * import { dmContext, simultaneousSanction } from "./concepts.js";
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const ctx = dmContext(compileGraphModel(pd), 0, "standard");
 * simultaneousSanction(ctx, 0, 1); // 3: B's reply YY deters A's move from NN to YN (-1 when nothing deters it)
 * ```
 */
export function simultaneousSanction(ctx: DmStabilityContext, s: number, t: number): number {
  const { cm, rank } = ctx;
  const rs = rank[s]!;
  const feasible = cm.feasible;
  const deltas = ctx.otherDeltas(s);
  const K = deltas.length;
  const go = (k: number, acc: number): number => {
    if (k === K - 1) {
      const last = deltas[k]!;
      if (acc !== 0) {
        const x0 = t ^ acc;
        if (feasible[x0] && rank[x0]! <= rs) return x0;
      }
      for (let q = 0; q < last.length; q++) {
        const x = t ^ acc ^ last[q]!;
        if (feasible[x] && rank[x]! <= rs) return x;
      }
      return -1;
    }
    const r = go(k + 1, acc);
    if (r >= 0) return r;
    const mine = deltas[k]!;
    for (let q = 0; q < mine.length; q++) {
      const x = go(k + 1, acc | mine[q]!);
      if (x >= 0) return x;
    }
    return -1;
  };
  return go(0, 0);
}

const nash: StabilityConcept = {
  key: "nash",
  label: "Nash (R)",
  short: "Nash",
  formula: "s is Nash stable for i iff R_i^+(s) = ∅",
  test: (ctx, s) => forEachImprovement(ctx, s, () => false),
};

const gmr: StabilityConcept = {
  key: "gmr",
  label: "General metarationality (GMR)",
  short: "GMR",
  formula: "s is GMR for i iff for every s1 ∈ R_i^+(s) there is s2 ∈ R_H(s1) with u_i(s2) ≤ u_i(s)",
  test: (ctx, s) => allImprovementsDeterred(ctx, s, ctx.lowMoves()),
};

const smr: StabilityConcept = {
  key: "smr",
  label: "Symmetric metarationality (SMR)",
  short: "SMR",
  formula:
    "s is SMR for i iff for every s1 ∈ R_i^+(s) there is s2 ∈ R_H(s1) with u_i(s2) ≤ u_i(s) and u_i(s3) ≤ u_i(s) for every s3 ∈ R_i(s2)",
  test: (ctx, s) => allImprovementsDeterred(ctx, s, ctx.lowMovesAfterReply()),
};

const seq: StabilityConcept = {
  key: "seq",
  label: "Sequential stability (SEQ)",
  short: "SEQ",
  formula: "s is SEQ for i iff for every s1 ∈ R_i^+(s) there is s2 ∈ R_H^+(s1) with u_i(s2) ≤ u_i(s)",
  test: (ctx, s) => allImprovementsDeterred(ctx, s, ctx.lowImprovements()),
};

const sim: StabilityConcept = {
  key: "sim",
  label: "Simultaneous stability (SIM)",
  short: "SIM",
  formula:
    "s is SIM for i iff for every s1 ∈ R_i^+(s) there is a simultaneous move of the others from s (each stays or makes one unilateral move from s), landing with s1 on a feasible s3, with u_i(s3) ≤ u_i(s)",
  test: (ctx, s) => forEachImprovement(ctx, s, (t) => simultaneousSanction(ctx, s, t) >= 0),
};

const seqSim: StabilityConcept = {
  key: "seqSim",
  label: "SEQ+SIM",
  short: "SEQ+SIM",
  formula: "standard: s is SEQ+SIM for i iff it is both SEQ and SIM for i; GMCR+ rule: SEQ or SIM for i",
  test: (ctx, s) =>
    ctx.rule === "gmcr-plus"
      ? ctx.verdict("seq", s) || ctx.verdict("sim", s)
      : ctx.verdict("seq", s) && ctx.verdict("sim", s),
};

/**
 * The registry of stability concepts, in report order. Everything else (analysis, explanations,
 * CLI columns, documentation tables) derives from it.
 *
 * @example
 * ```ts
 * STABILITY_CONCEPTS.map((c) => c.key); // ["nash", "gmr", "smr", "seq", "sim", "seqSim"]
 * ```
 */
export const STABILITY_CONCEPTS: readonly StabilityConcept[] = [nash, gmr, smr, seq, sim, seqSim];

/**
 * The concept with key `key`.
 *
 * @example
 * ```ts
 * stabilityConcept("gmr").label; // "General metarationality (GMR)"
 * ```
 */
export function stabilityConcept(key: string): StabilityConcept {
  const c = STABILITY_CONCEPTS.find((x) => x.key === key);
  if (!c)
    throw new ScenarioError("concept", `is "${key}"`, `one of ${STABILITY_CONCEPTS.map((x) => x.key).join(", ")}`);
  return c;
}

/**
 * The focal-DM context for decision maker `dm` (lazy, shared reachability summaries).
 *
 * @example
 * ```ts
 * import { dmContext } from "./concepts.js";
 * const model = builtinGraphModel("ukraine-2025-may")!;
 * const ctx = dmContext(compileGraphModel(model), 0, "standard");
 * ctx.cm.dmNames[ctx.dm]; // "Russia"
 * ```
 */
export function dmContext(cm: CompiledGraphModel, dm: number, rule: SanctionRule): DmStabilityContext {
  const others = cm.dmNames.map((_, j) => j).filter((j) => j !== dm);
  const rank = cm.rank[dm]!;
  let moves: Int32Array[] | undefined;
  let uis: Int32Array | undefined;
  const movesBoth = (): Int32Array[] => {
    if (!moves) {
      const reply = new Int32Array(cm.size).fill(-1);
      for (const x of cm.states) reply[x] = bestAfterReply(cm, dm, x);
      moves = minReachable(cm, others, false, [rank, reply], rule);
    }
    return moves;
  };
  const memo = new Map<StabilityKey, Int8Array>();
  let deltasFor = -1;
  let deltas: Int32Array[] = [];
  const ctx: DmStabilityContext = {
    cm,
    dm,
    others,
    rule,
    rank,
    verdict: (key, s) => {
      let m = memo.get(key);
      if (!m) memo.set(key, (m = new Int8Array(cm.size).fill(-1)));
      if (m[s] === -1) m[s] = stabilityConcept(key).test(ctx, s) ? 1 : 0;
      return m[s] === 1;
    },
    otherDeltas: (s) => {
      if (s !== deltasFor) {
        deltasFor = s;
        deltas = others.map((j) => {
          const out: number[] = [];
          const mask = cm.dmMasks[j]!;
          for (let d = mask; d !== 0; d = (d - 1) & mask) {
            if ((d & cm.fwdMask & s) !== 0 || (d & cm.backMask & ~s) !== 0) continue;
            if (cm.feasible[s ^ d]) out.push(d);
          }
          return Int32Array.from(out);
        });
      }
      return deltas;
    },
    lowMoves: () => movesBoth()[0]!,
    lowMovesAfterReply: () => movesBoth()[1]!,
    lowImprovements: () => (uis ??= minReachable(cm, others, true, [rank], rule)[0]!),
  };
  return ctx;
}

/**
 * Options of `analyzeStability`.
 *
 * @example
 * ```ts
 * const o: StabilityOptions = { sanctions: "gmcr-plus", concepts: ["nash", "seq"] };
 * ```
 */
export interface StabilityOptions {
  /** Sanction rule (default `standard`). */
  readonly sanctions?: SanctionRule;
  /** Concepts to compute (default all). */
  readonly concepts?: readonly StabilityKey[];
  /**
   * Progress in verdicts (one per decision maker, concept and feasible state, in that nesting),
   * reported every 4,096 states and at the end of each concept; the last call has done = total.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The stability of every feasible state for every decision maker. `stable[key][dm][j]` is 1 when
 * feasible state j (ascending code order, `cm.states[j]`) is stable for decision maker dm under the
 * concept; `equilibria[key]` lists the codes stable for all. A working form, for the functions that
 * take it (`statusQuoAnalysis`, `explainState`): the compiled model and the verdicts are typed
 * arrays, which `JSON.stringify` writes as objects of indices. For a plain, named result to save
 * or send, use `stabilityReport` (states as Y/N strings, decision makers by name).
 *
 * @example
 * ```ts
 * const model = builtinGraphModel("ukraine-2025-may")!;
 * const a: StabilityAnalysis = analyzeStability(model);
 * a.equilibria.nash?.length; // 6
 * ```
 */
export interface StabilityAnalysis {
  readonly cm: CompiledGraphModel;
  readonly sanctions: SanctionRule;
  readonly concepts: readonly StabilityKey[];
  readonly stable: Readonly<Partial<Record<StabilityKey, readonly Uint8Array[]>>>;
  readonly equilibria: Readonly<Partial<Record<StabilityKey, readonly number[]>>>;
}

/**
 * Applies the stability concepts to every decision maker at every feasible state. Returns the
 * working form ({@link StabilityAnalysis}); `stabilityReport` gives the plain, named result.
 *
 * @example
 * ```ts
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const a = analyzeStability(pd);
 * a.equilibria.nash; // [3]: YY, both defect
 * ```
 */
export function analyzeStability(
  model: GraphModel | CompiledGraphModel,
  options: StabilityOptions = {},
): StabilityAnalysis {
  // `in` needs an object: anything else goes to compileGraphModel, whose check names it.
  const cm = typeof model === "object" && model !== null && "feasible" in model ? model : compileGraphModel(model);
  const rule = checkOptionsObject(options, "analyzeStability").sanctions ?? "standard";
  if (rule !== "standard" && rule !== "gmcr-plus")
    throw new ScenarioError("sanctions", `is "${String(rule)}"`, '"standard" or "gmcr-plus"');
  const keys = options.concepts ?? STABILITY_CONCEPTS.map((c) => c.key);
  const concepts = keys.map(stabilityConcept);
  const stable: Partial<Record<StabilityKey, Uint8Array[]>> = {};
  for (const c of concepts) stable[c.key] = [];
  const count = cm.states.length;
  const report = options.onProgress;
  const total = cm.dmNames.length * concepts.length * count;
  let done = 0;
  report?.(0, total);
  for (let dm = 0; dm < cm.dmNames.length; dm++) {
    const ctx = dmContext(cm, dm, rule);
    for (const c of concepts) {
      const flags = new Uint8Array(count);
      for (let j = 0; j < count; j++) {
        flags[j] = ctx.verdict(c.key, cm.states[j]!) ? 1 : 0;
        if (report && (j & 4095) === 4095 && j + 1 < count) report(done + j + 1, total);
      }
      stable[c.key]!.push(flags);
      done += count;
      report?.(done, total);
    }
  }
  const equilibria: Partial<Record<StabilityKey, number[]>> = {};
  for (const c of concepts) {
    const per = stable[c.key]!;
    const eq: number[] = [];
    for (let j = 0; j < count; j++) if (per.every((f) => f[j] === 1)) eq.push(cm.states[j]!);
    equilibria[c.key] = eq;
  }
  return { cm, sanctions: rule, concepts: keys, stable, equilibria };
}

/**
 * The best rank decision maker `dm` can get at state x by staying or making one unilateral move
 * (the SMR condition asks this to be no better than the original state).
 *
 * @example
 * ```ts
 * import { bestAfterReply } from "./concepts.js";
 * const pd: GraphModel = {
 *   options: [{ name: "A defects" }, { name: "B defects" }],
 *   decisionMakers: [
 *     { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
 *     { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
 *   ],
 * };
 * const cm = compileGraphModel(pd);
 * bestAfterReply(cm, 0, 2) <= cm.rank[0]![0]!; // true: from NY, A's best counter-move (to YY) does not beat NN
 * ```
 */
export function bestAfterReply(cm: CompiledGraphModel, dm: number, x: number): number {
  const rank = cm.rank[dm]!;
  const mask = cm.dmMasks[dm]!;
  let best = rank[x]!;
  for (let d = mask; d !== 0; d = (d - 1) & mask) {
    if ((d & cm.fwdMask & x) !== 0 || (d & cm.backMask & ~x) !== 0) continue;
    const y = x ^ d;
    if (cm.feasible[y] && rank[y]! > best) best = rank[y]!;
  }
  return best;
}
