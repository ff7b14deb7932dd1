/**
 * What "the others" can reach from a state, reduced to the one number each stability test needs:
 * the least preferred state (for the focal decision maker) among the states reachable by the
 * others' legal sequences of unilateral moves or unilateral improvements. Computed for every state
 * at once, by strongly connected components over the state codes (standard rule) or by dynamic
 * programming over the set of opponents that have moved (GMCR+'s rule), never as a state x state
 * matrix.
 * @module
 */
import type { CompiledGraphModel } from "./model.js";

/**
 * Sentinel for "nothing reachable".
 *
 * @example
 * ```ts
 * low[x] === NONE; // nothing reachable from x
 * ```
 */
export const NONE = 0x7fffffff;

/**
 * How the others may sanction: `standard` (Fang, Hipel and Kilgour 1993: any legal sequence, no
 * decision maker moving twice in a row, so a DM may move again once another has moved) or
 * `gmcr-plus` (as GMCR+ computes it: each opponent moves at most once in a sanctioning sequence).
 *
 * @example
 * ```ts
 * const r: SanctionRule = "gmcr-plus";
 * ```
 */
export type SanctionRule = "standard" | "gmcr-plus";

/**
 * For each state x, the minimum of each `vals[k]` over the states reachable from x by at least one
 * move of `movers` (only unilateral improvements when `uiOnly`) under `rule`. Unreachable: NONE.
 *
 * Standard rule: two consecutive moves by one DM compose into one legal move of that DM (or into
 * no move), so the states reachable by legal sequences, other than x itself, are those reachable in
 * the plain move graph; x itself never matters to a sanction (it is preferred by the focal DM).
 *
 * @example
 * ```ts
 * const [low] = minReachable(cm, [1, 2], false, [cm.rank[0]!], "standard");
 * ```
 */
export function minReachable(
  cm: CompiledGraphModel,
  movers: readonly number[],
  uiOnly: boolean,
  vals: readonly Int32Array[],
  rule: SanctionRule,
): Int32Array[] {
  return rule === "gmcr-plus" ? minReachableOnce(cm, movers, uiOnly, vals) : minReachableScc(cm, movers, uiOnly, vals);
}

function minReachableScc(
  cm: CompiledGraphModel,
  movers: readonly number[],
  uiOnly: boolean,
  vals: readonly Int32Array[],
): Int32Array[] {
  const { size, feasible, fwdMask: fwd, backMask: back, dmMasks, rank, states } = cm;
  const K = vals.length;
  const M = movers.length;
  const masks = movers.map((j) => dmMasks[j]!);
  const ranks = movers.map((j) => rank[j]!);
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const done = new Uint8Array(size);
  const acc = vals.map(() => new Int32Array(size).fill(NONE));
  const tv = vals.map(() => new Int32Array(size).fill(NONE));
  const stack = new Int32Array(states.length);
  const fNode = new Int32Array(states.length);
  const fMover = new Int32Array(states.length);
  const fSub = new Int32Array(states.length);
  let sp = 0;
  let fsp = 0;
  let counter = 0;
  const minv = new Int32Array(K);
  const bv = new Int32Array(K);
  for (const root of states) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    fNode[fsp] = root;
    fMover[fsp] = 0;
    fSub[fsp] = M > 0 ? masks[0]! : 0;
    fsp++;
    while (fsp > 0) {
      const top = fsp - 1;
      const v = fNode[top]!;
      let m = fMover[top]!;
      let sub = fSub[top]!;
      let pushed = false;
      while (m < M) {
        if (sub === 0) {
          m++;
          sub = m < M ? masks[m]! : 0;
          continue;
        }
        const d = sub;
        sub = (sub - 1) & masks[m]!;
        if ((d & fwd & v) !== 0 || (d & back & ~v) !== 0) continue;
        const w = v ^ d;
        if (!feasible[w]) continue;
        if (uiOnly && ranks[m]![w]! <= ranks[m]![v]!) continue;
        if (index[w] === -1) {
          fMover[top] = m;
          fSub[top] = sub;
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          fNode[fsp] = w;
          fMover[fsp] = 0;
          fSub[fsp] = masks[0]!;
          fsp++;
          pushed = true;
          break;
        }
        if (done[w]) {
          for (let k = 0; k < K; k++) if (tv[k]![w]! < acc[k]![v]!) acc[k]![v] = tv[k]![w]!;
        } else if (index[w]! < low[v]!) low[v] = index[w]!;
      }
      if (pushed) continue;
      if (low[v] === index[v]) {
        let start = sp - 1;
        while (stack[start] !== v) start--;
        const big = sp - start > 1;
        for (let k = 0; k < K; k++) {
          let mn = NONE;
          let b = NONE;
          const val = vals[k]!;
          const a = acc[k]!;
          for (let q = start; q < sp; q++) {
            const x = stack[q]!;
            if (val[x]! < mn) mn = val[x]!;
            if (a[x]! < b) b = a[x]!;
          }
          if (big && mn < b) b = mn;
          minv[k] = mn;
          bv[k] = b;
        }
        for (let q = start; q < sp; q++) {
          const x = stack[q]!;
          done[x] = 1;
          for (let k = 0; k < K; k++) {
            acc[k]![x] = bv[k]!;
            tv[k]![x] = Math.min(bv[k]!, minv[k]!);
          }
        }
        sp = start;
      }
      fsp--;
      if (fsp > 0) {
        const u = fNode[fsp - 1]!;
        if (done[v]) {
          for (let k = 0; k < K; k++) if (tv[k]![v]! < acc[k]![u]!) acc[k]![u] = tv[k]![v]!;
        } else if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return acc;
}

function minReachableOnce(
  cm: CompiledGraphModel,
  movers: readonly number[],
  uiOnly: boolean,
  vals: readonly Int32Array[],
): Int32Array[] {
  const { size, feasible, fwdMask: fwd, backMask: back, dmMasks, rank, states } = cm;
  const M = movers.length;
  const full = (1 << M) - 1;
  const K = vals.length;
  // f[used][k][x]: min over sequences from x by movers not in `used`, each at most once.
  const f: Int32Array[][] = [];
  f[full] = vals.map(() => new Int32Array(size).fill(NONE));
  for (let used = full - 1; used >= 0; used--) {
    const cur = vals.map(() => new Int32Array(size).fill(NONE));
    for (let m = 0; m < M; m++) {
      if (used & (1 << m)) continue;
      const next = f[used | (1 << m)]!;
      const mask = dmMasks[movers[m]!]!;
      const r = rank[movers[m]!]!;
      for (const x of states) {
        for (let d = mask; d !== 0; d = (d - 1) & mask) {
          if ((d & fwd & x) !== 0 || (d & back & ~x) !== 0) continue;
          const y = x ^ d;
          if (!feasible[y]) continue;
          if (uiOnly && r[y]! <= r[x]!) continue;
          for (let k = 0; k < K; k++) {
            const c = Math.min(vals[k]![y]!, next[k]![y]!);
            if (c < cur[k]![x]!) cur[k]![x] = c;
          }
        }
      }
    }
    f[used] = cur;
    // supersets of `used` with one more bit are no longer needed once all their subsets are done;
    // keep it simple: free the level two bits up when possible.
  }
  return f[0]!;
}
