import { type CoverIndex, coverIndex } from "./coverIndex.js";
import type { PointStore } from "../enumeration/pointStore.js";

/**
 * The points a skyline works on and the rules it applies.
 *
 * Dominance follows {@link ParetoArchive} and `dominance()`: a point dominates another when it is
 * at least as good on every coordinate (within `tolerance`) and better by more than `tolerance` on
 * one of the first `gainDims` coordinates (the parties; later coordinates, e.g. acceptance agents
 * that must accept, may only not get worse). Points equal within the tolerance on every
 * coordinate are one point, represented by the first under `compare`.
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * const store = new PointStore(2, 1);
 * for (let k = 0; k < 4; k++) store.add();
 * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]); // points 0..3: (1, 0), (0.5, 0.5), (0.4, 0.4), (0, 1)
 * import { type SkylineSpace, skylineOf } from "./skyline.js";
 * const space: SkylineSpace = { store, gainDims: 2, tolerance: 1e-9, compare: (i, j) => i - j };
 * skylineOf(space, [0, 1, 2, 3]); // [0, 1, 3]: (0.4, 0.4) is dominated
 * ```
 */
export interface SkylineSpace {
  readonly store: PointStore;
  readonly gainDims: number;
  readonly tolerance: number;
  /** Canonical order of the bundles behind two points of the store (negative: i first). */
  readonly compare: (i: number, j: number) => number;
}

/**
 * A sweep over points fed in decreasing order of coordinate `c0`: consecutive points within the
 * tolerance of the first of their group are equal on `c0`, so a group is reduced on the remaining
 * coordinates (recursively), then each survivor is checked against the survivors of the earlier
 * groups, which are better on `c0`, with a {@link CoverIndex}. Survivors are emitted in decreasing
 * order of `c0`. Source: the sort-first skyline of Kung, Luccio and Preparata (1975) and
 * Börzsönyi, Kossmann and Stocker (2001), "The Skyline Operator", ICDE.
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * const store = new PointStore(2, 1);
 * for (let k = 0; k < 4; k++) store.add();
 * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]); // points 0..3: (1, 0), (0.5, 0.5), (0.4, 0.4), (0, 1)
 * import { type SkylineSpace, SkylineSweep, sortDescending } from "./skyline.js";
 * const space: SkylineSpace = { store, gainDims: 2, tolerance: 1e-9, compare: (i, j) => i - j };
 * const out: number[] = [];
 * const sweep = new SkylineSweep(space, 0, (i) => out.push(i));
 * for (const i of sortDescending(store, [0, 1, 2, 3], 0)) sweep.push(i);
 * sweep.finish();
 * out; // [0, 1, 3]
 * ```
 */
export class SkylineSweep {
  private readonly group: number[] = [];
  private anchor = 0;
  private readonly index: CoverIndex | null;
  private readonly dims: number;

  constructor(
    private readonly space: SkylineSpace,
    private readonly c0: number,
    private readonly emit: (i: number) => void,
  ) {
    this.dims = space.store.dims;
    this.index = c0 < space.gainDims ? coverIndex(this.dims - c0 - 1, space.tolerance) : null;
  }

  /**
   * Announces that the next point has coordinate `c0` equal to `x`: flushes the current group when
   * `x` starts a new one. Returns true when no point is pending (the caller may then reuse the
   * storage of the points already pushed, since flushed points are emitted or dropped).
   */
  before(x: number): boolean {
    if (this.group.length > 0 && x < this.anchor - this.space.tolerance) this.flush();
    return this.group.length === 0;
  }

  /** Feeds the next point (its coordinate `c0` must not exceed the previous one's). */
  push(i: number): void {
    const x = this.space.store.values[i * this.dims + this.c0]!;
    this.before(x);
    if (this.group.length === 0) this.anchor = x;
    this.group.push(i);
  }

  /** Flushes the last group; call once after the last point. */
  finish(): void {
    if (this.group.length > 0) this.flush();
  }

  private flush(): void {
    const { store } = this.space;
    const D = this.dims;
    const v = store.values;
    const index = this.index;
    const off = this.c0 + 1;
    if (this.group.length === 1) {
      const i = this.group[0]!;
      this.group.length = 0;
      if (index) {
        if (index.covers(v, i * D + off)) return;
        index.insert(v, i * D + off);
      }
      this.emit(i);
      return;
    }
    let kept = skylineOf(this.space, this.group, this.c0 + 1);
    this.group.length = 0;
    if (index) {
      kept = kept.filter((i) => !index.covers(v, i * D + off));
      for (const i of kept) index.insert(v, i * D + off);
    }
    if (kept.length > 1) kept.sort((a, b) => v[b * D + this.c0]! - v[a * D + this.c0]! || a - b);
    for (const i of kept) this.emit(i);
  }
}

/** Largest set reduced by pairwise comparison rather than a sweep. */
const SMALL = 16;

/**
 * Compares points a and b of the store on coordinates c0 onwards: 1 when a dominates b, -1 when b
 * dominates a, 0 when equal within the tolerance, NaN otherwise (a gain must be on a coordinate
 * below `gainDims`).
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * const store = new PointStore(2, 1);
 * for (let k = 0; k < 4; k++) store.add();
 * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]); // points 0..3: (1, 0), (0.5, 0.5), (0.4, 0.4), (0, 1)
 * import { type SkylineSpace, dominanceIn } from "./skyline.js";
 * const space: SkylineSpace = { store, gainDims: 2, tolerance: 1e-9, compare: (i, j) => i - j };
 * [dominanceIn(space, 1, 2, 0), dominanceIn(space, 2, 1, 0), dominanceIn(space, 1, 1, 0)]; // [1, -1, 0]
 * dominanceIn(space, 0, 3, 0); // NaN: neither dominates
 * ```
 */
export function dominanceIn(space: SkylineSpace, a: number, b: number, c0: number): number {
  const D = space.store.dims;
  const v = space.store.values;
  const tol = space.tolerance;
  let aBetter = false;
  let bBetter = false;
  let aGain = false;
  let bGain = false;
  for (let m = c0; m < D; m++) {
    const d = v[a * D + m]! - v[b * D + m]!;
    if (d > tol) {
      aBetter = true;
      if (m < space.gainDims) aGain = true;
    } else if (d < -tol) {
      bBetter = true;
      if (m < space.gainDims) bGain = true;
    }
    if (aBetter && bBetter) return Number.NaN;
  }
  if (aBetter) return aGain ? 1 : Number.NaN;
  if (bBetter) return bGain ? -1 : Number.NaN;
  return 0;
}

/** Pairwise reduction of a small set, as {@link ParetoArchive} does it. */
function smallSkyline(space: SkylineSpace, idx: readonly number[], c0: number): number[] {
  let kept: number[] = [];
  for (const i of idx) {
    let drop = false;
    for (let k = 0; k < kept.length && !drop; k++) {
      const d = dominanceIn(space, kept[k]!, i, c0);
      if (d === 1) drop = true;
      else if (d === 0) {
        if (space.compare(i, kept[k]!) < 0) kept[k] = i;
        drop = true;
      }
    }
    if (!drop) {
      kept = kept.filter((k) => dominanceIn(space, i, k, c0) !== 1);
      kept.push(i);
    }
  }
  return kept;
}

/**
 * Sorts point indices by decreasing coordinates from `c0` on (lexicographically), in place.
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * const store = new PointStore(2, 1);
 * for (let k = 0; k < 4; k++) store.add();
 * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]); // points 0..3: (1, 0), (0.5, 0.5), (0.4, 0.4), (0, 1)
 * import { sortDescending } from "./skyline.js";
 * sortDescending(store, [0, 1, 2, 3], 1); // [3, 1, 2, 0]: by the second coordinate, descending
 * ```
 */
export function sortDescending(store: PointStore, idx: number[], c0: number): number[] {
  const D = store.dims;
  const v = store.values;
  return idx.sort((a, b) => {
    for (let m = c0; m < D; m++) {
      const d = v[b * D + m]! - v[a * D + m]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
}

/**
 * The skyline (Pareto frontier with tolerance, see {@link SkylineSpace}) of the given points on
 * coordinates `c0` onwards: the indices of the points no other point dominates, one per class of
 * equal points (its first under `compare`), in decreasing order of coordinate `c0`. Cost: a sort,
 * then one cover query per group of equal `c0` (O(log n) for two remaining coordinates).
 *
 * @example
 * ```ts
 * import { PointStore } from "../enumeration/pointStore.js";
 * const store = new PointStore(2, 1);
 * for (let k = 0; k < 4; k++) store.add();
 * store.values.set([1, 0, 0.5, 0.5, 0.4, 0.4, 0, 1]); // points 0..3: (1, 0), (0.5, 0.5), (0.4, 0.4), (0, 1)
 * import { type SkylineSpace, skylineOf } from "./skyline.js";
 * const space: SkylineSpace = { store, gainDims: 2, tolerance: 1e-9, compare: (i, j) => i - j };
 * skylineOf(space, [0, 1, 2, 3]); // [0, 1, 3]
 * ```
 */
export function skylineOf(space: SkylineSpace, idx: readonly number[], c0 = 0): number[] {
  if (idx.length <= 1) return [...idx];
  if (c0 >= space.store.dims) {
    let best = idx[0]!;
    for (const i of idx) if (space.compare(i, best) < 0) best = i;
    return [best];
  }
  if (idx.length <= SMALL) return smallSkyline(space, idx, c0);
  const out: number[] = [];
  const sweep = new SkylineSweep(space, c0, (i) => out.push(i));
  for (const i of sortDescending(space.store, [...idx], c0)) sweep.push(i);
  sweep.finish();
  return out;
}
