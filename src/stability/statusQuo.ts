/**
 * Status quo analysis: from a status quo state, the shortest paths of unilateral improvements (any
 * decision maker, one at a time) to each equilibrium, and which equilibria are reachable at all.
 * @module
 */
import { ScenarioError } from "../model/errors.js";
import type { StabilityAnalysis, StabilityKey } from "./concepts.js";
import type { GraphStep } from "./explain.js";
import { COALITION_STATE_LIMIT, coalitionImprovements } from "./coalition.js";
import { stateCode, stateString } from "./model.js";

/**
 * The path from the status quo to one equilibrium.
 *
 * @example
 * ```ts
 * const p: EquilibriumPath = { state: "YY", concepts: ["nash"], reachable: true, length: 2 };
 * ```
 */
export interface EquilibriumPath {
  readonly state: string;
  /** The concepts under which the state is an equilibrium. */
  readonly concepts: readonly StabilityKey[];
  readonly reachable: boolean;
  /** Number of unilateral improvements on the shortest path (0 for the status quo itself). */
  readonly length?: number;
  readonly path?: readonly GraphStep[];
}

/**
 * Result of `statusQuoAnalysis`.
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
 * const sq: StatusQuoAnalysis = statusQuoAnalysis(analyzeStability(pd), "NN");
 * sq.reachableStates; // 4
 * ```
 */
export interface StatusQuoAnalysis {
  readonly statusQuo: string;
  /** Number of states reachable from the status quo by unilateral improvements (the status quo included). */
  readonly reachableStates: number;
  readonly equilibria: readonly EquilibriumPath[];
}

/**
 * Breadth-first search over every decision maker's unilateral improvements from the status quo,
 * and, when the model declares coalitions (and has at most COALITION_STATE_LIMIT states), over each
 * declared coalition's coalition improvements too (one step each, the mover named "A + B").
 * A shortest path never has one decision maker move twice in a row (two such improvements compose
 * into one), so the paths are legal sequences. Ties between equally short paths go to the lower
 * decision-maker index, then the lower state code.
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
 * statusQuoAnalysis(analyzeStability(pd), "NN").equilibria.filter((e) => e.reachable).length; // 2
 * ```
 */
export function statusQuoAnalysis(analysis: StabilityAnalysis, statusQuo: string): StatusQuoAnalysis {
  const { cm } = analysis;
  const sq = stateCode(statusQuo, cm.n, "statusQuo (CLI --status-quo)");
  if (!cm.feasible[sq])
    throw new ScenarioError(
      "statusQuo (CLI --status-quo)",
      `is ${statusQuo}, which is not a feasible state`,
      "one of the model's feasible states",
    );
  const dist = new Int32Array(cm.size).fill(-1);
  const parent = new Int32Array(cm.size).fill(-1);
  const mover = new Int16Array(cm.size).fill(-1);
  const coalitions = cm.coalitions.filter((c) => c.length > 1);
  const useCoalitions = coalitions.length > 0 && cm.states.length <= COALITION_STATE_LIMIT;
  const moverName = (m: number) =>
    m < cm.dmNames.length ? cm.dmNames[m]! : coalitions[m - cm.dmNames.length]!.map((i) => cm.dmNames[i]).join(" + ");
  dist[sq] = 0;
  const queue = new Int32Array(cm.states.length);
  let head = 0;
  let tail = 0;
  queue[tail++] = sq;
  while (head < tail) {
    const x = queue[head++]!;
    for (let j = 0; j < cm.dmNames.length; j++) {
      const mask = cm.dmMasks[j]!;
      const r = cm.rank[j]!;
      const ups: number[] = [];
      for (let d = mask; d !== 0; d = (d - 1) & mask) {
        if ((d & cm.fwdMask & x) !== 0 || (d & cm.backMask & ~x) !== 0) continue;
        const y = x ^ d;
        if (cm.feasible[y] && r[y]! > r[x]! && dist[y] === -1) ups.push(y);
      }
      ups.sort((a, b) => a - b);
      for (const y of ups) {
        dist[y] = dist[x]! + 1;
        parent[y] = x;
        mover[y] = j;
        queue[tail++] = y;
      }
    }
    if (useCoalitions) {
      coalitions.forEach((members, k) => {
        for (const y of coalitionImprovements(cm, members, x)) {
          if (dist[y] !== -1) continue;
          dist[y] = dist[x]! + 1;
          parent[y] = x;
          mover[y] = cm.dmNames.length + k;
          queue[tail++] = y;
        }
      });
    }
  }
  const byState = new Map<number, StabilityKey[]>();
  for (const key of analysis.concepts)
    for (const c of analysis.equilibria[key] ?? []) byState.set(c, [...(byState.get(c) ?? []), key]);
  const equilibria = [...byState.keys()]
    .sort((a, b) => a - b)
    .map((c): EquilibriumPath => {
      const state = stateString(c, cm.n);
      const concepts = byState.get(c)!;
      if (dist[c] === -1) return { state, concepts, reachable: false };
      const path: GraphStep[] = [];
      for (let x = c; x !== sq; x = parent[x]!) path.unshift({ dm: moverName(mover[x]!), to: stateString(x, cm.n) });
      return { state, concepts, reachable: true, length: dist[c]!, path };
    });
  return { statusQuo: stateString(sq, cm.n), reachableStates: tail, equilibria };
}
