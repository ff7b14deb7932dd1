/**
 * Coalition stability (Inohara and Hipel 2008) for the coalition structure a model declares: the
 * declared coalitions plus every other decision maker on its own. A coalition's moves are the states
 * its members reach by any sequence of their unilateral moves; a coalition improvement is such a
 * state every member strictly prefers. Coalition Nash (CNash): no coalition improvement. Coalition
 * SEQ (CSEQ): every coalition improvement s1 is met by some state s2 the other coalitions reach from
 * s1 by legal sequences of their own coalition improvements, with some member of the coalition not
 * preferring s2 to s. Two consecutive improvements of one coalition compose into one, so legal
 * sequences reach the same states as unrestricted ones. Exact search over states, for models of at
 * most COALITION_STATE_LIMIT feasible states.
 * @module
 */
import { LimitError } from "../model/errors.js";
import type { CompiledGraphModel } from "./model.js";

/**
 * Largest number of feasible states coalition stability is computed for.
 *
 * @example
 * ```ts
 * COALITION_STATE_LIMIT; // 4096
 * ```
 */
export const COALITION_STATE_LIMIT = 4096;

/**
 * Result of `coalitionStability`: the blocks (coalitions, then singletons, as DM names), and for each
 * of CNash and CSEQ the per-block stable flags (by feasible-state position) and the equilibria (codes).
 *
 * @example
 * ```ts
 * const c: CoalitionStability = coalitionStability(cm); c.equilibria.cseq;
 * ```
 */
export interface CoalitionStability {
  readonly blocks: readonly (readonly string[])[];
  readonly stable: { readonly cnash: readonly Uint8Array[]; readonly cseq: readonly Uint8Array[] };
  readonly equilibria: { readonly cnash: readonly number[]; readonly cseq: readonly number[] };
}

/**
 * The coalition structure of a compiled model: declared coalitions first, then the remaining DMs alone.
 *
 * @example
 * ```ts
 * coalitionBlocks(cm); // [[0, 1], [2]]
 * ```
 */
export function coalitionBlocks(cm: CompiledGraphModel): number[][] {
  const inCoalition = new Set(cm.coalitions.flat());
  return [
    ...cm.coalitions.map((c) => [...c]),
    ...cm.dmNames
      .map((_, i) => i)
      .filter((i) => !inCoalition.has(i))
      .map((i) => [i]),
  ];
}

/**
 * The coalition improvements of `members` from state s: the states (ascending codes) they reach by
 * any sequence of their unilateral moves that every member strictly prefers to s.
 *
 * @example
 * ```ts
 * coalitionImprovements(cm, [0, 1], 0); // e.g. [3]
 * ```
 */
export function coalitionImprovements(cm: CompiledGraphModel, members: readonly number[], s: number): number[] {
  const seen = new Set<number>([s]);
  const queue = [s];
  for (let q = 0; q < queue.length; q++) {
    const x = queue[q]!;
    for (const j of members) {
      const mask = cm.dmMasks[j]!;
      for (let d = mask; d !== 0; d = (d - 1) & mask) {
        if ((d & cm.fwdMask & x) !== 0 || (d & cm.backMask & ~x) !== 0) continue;
        const y = x ^ d;
        if (cm.feasible[y] && !seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
      }
    }
  }
  return queue
    .slice(1)
    .filter((y) => members.every((j) => cm.rank[j]![y]! > cm.rank[j]![s]!))
    .sort((a, c) => a - c);
}

/**
 * Coalition Nash and coalition SEQ for every block of the model's coalition structure at every state.
 *
 * @example
 * ```ts
 * coalitionStability(compileGraphModel(modelWithCoalitions)).equilibria.cnash;
 * ```
 */
export function coalitionStability(cm: CompiledGraphModel): CoalitionStability {
  if (cm.states.length > COALITION_STATE_LIMIT)
    throw new LimitError(
      `coalition stability searches state by state and is limited to ${COALITION_STATE_LIMIT} feasible states; this model has ${cm.states.length}`,
    );
  const blocks = coalitionBlocks(cm);
  const cache = new Map<number, number[]>();
  const improvements = (b: number, s: number): number[] => {
    const key = s * blocks.length + b;
    const hit = cache.get(key);
    if (hit) return hit;
    const out = coalitionImprovements(cm, blocks[b]!, s);
    cache.set(key, out);
    return out;
  };
  const count = cm.states.length;
  const cnash = blocks.map(() => new Uint8Array(count));
  const cseq = blocks.map(() => new Uint8Array(count));
  blocks.forEach((members, b) => {
    cm.states.forEach((s, j) => {
      const cis = improvements(b, s);
      cnash[b]![j] = cis.length === 0 ? 1 : 0;
      cseq[b]![j] = cis.every((s1) => {
        // states the other blocks reach from s1 by sequences of their coalition improvements
        const seen = new Set<number>();
        const queue = [s1];
        for (let q = 0; q < queue.length; q++) {
          const x = queue[q]!;
          for (let o = 0; o < blocks.length; o++) {
            if (o === b) continue;
            for (const y of improvements(o, x)) {
              if (seen.has(y)) continue;
              if (members.some((m) => cm.rank[m]![y]! <= cm.rank[m]![s]!)) return true;
              seen.add(y);
              queue.push(y);
            }
          }
        }
        return false;
      })
        ? 1
        : 0;
    });
  });
  const eq = (flags: Uint8Array[]) => [...cm.states].filter((_, j) => flags.every((f) => f[j] === 1));
  return {
    blocks: blocks.map((bl) => bl.map((i) => cm.dmNames[i]!)),
    stable: { cnash, cseq },
    equilibria: { cnash: eq(cnash), cseq: eq(cseq) },
  };
}
