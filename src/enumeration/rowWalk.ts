import type { WalkPlan } from "./walkPlan.js";

/**
 * Called at an issue with interaction terms, constraints or a cost bound: `bundle` holds the
 * prefix, `sums` every row's utility once option j (the j-th allowed) is added. It writes the
 * option into the bundle, adds the interaction terms that apply (in declaration order) to `sums`,
 * and returns false when a constraint or the cost bound rules the option out.
 *
 * @example
 * ```ts
 * import { type LevelHook, RowWalk } from "./rowWalk.js";
 * const plan = planWalk(compileScenario(nash1950), true);
 * const bundle = new Int32Array(plan.issues);
 * const hook: LevelHook = (k, j, sums) => {
 *   bundle[k] = plan.allowed[k]![j]!;
 *   return bundle[k] !== 0; // a constraint: the first issue may not take option 0
 * };
 * const hooks = plan.allowed.map((_, k) => (k === 0 ? hook : null));
 * new RowWalk(plan, { hooks, accept: null, bundle }).count(0, 0, 0, 0, 0); // 186 of the 293 ZOPA bundles
 * ```
 */
export type LevelHook = (k: number, j: number, sums: Float64Array) => boolean;

/**
 * Visitor of a walk: the bundle (option indices) and the parties' utilities, both reused between
 * calls. Return `true` to stop.
 */
type Visitor = (bundle: Int32Array, utilities: Float64Array) => boolean | void;

/**
 * What a {@link RowWalk} runs besides its plan: the per-issue hooks, the test of complete bundles
 * and the bundle it writes.
 *
 * @example
 * ```ts
 * import { RowWalk, type RowWalkChecks } from "./rowWalk.js";
 * const plan = planWalk(compileScenario(nash1950), true);
 * const checks: RowWalkChecks = { hooks: plan.allowed.map(() => null), accept: null, bundle: new Int32Array(9) };
 * new RowWalk(plan, checks).count(0, 0, 0, 0, 0); // 293: no hook, no vote count
 * ```
 */
export interface RowWalkChecks {
  /** Per issue, the hook for its interaction terms, constraints and cost (null when it has none). */
  readonly hooks: readonly (LevelHook | null)[];
  /** Test of a complete bundle that meets every need (the vote count), or null. */
  readonly accept: ((bundle: Int32Array) => boolean) | null;
  /** The walk's bundle (written issue by issue). */
  readonly bundle: Int32Array;
}

/** Last issues with fewer options are counted by testing every option (cheaper than binary searches). */
const THRESHOLD_OPTIONS = 16;
/** Largest last issue counted with one 32-bit mask per row and threshold. */
const MASK_OPTIONS = 32;

/**
 * The enumeration kernel's walk over a {@link WalkPlan} with any number of rows (parties and
 * must-accept constituencies; at least four, padding rows never prune). The first four rows'
 * partial utilities are local variables and arguments (one addition and one comparison per row
 * and bundle, the comparisons as a short-circuit chain, no array write per bundle when counting);
 * rows past the fourth are kept in a typed-array stack, one slot per depth and row, and tested only
 * once the first four pass. Issues with interaction terms, constraints or a cost bound call their
 * {@link LevelHook} per option, and a vote count runs on complete bundles that meet every need. The
 * sums are `partial + contribution`, then the interaction terms, issue by issue in declaration order,
 * and a branch is pruned when `partial + best rest < need` for some row, so every walk over the
 * same plan visits the same bundles in the same order with the same utilities, whatever its rows.
 *
 * Counting a plain last issue of 16 options or more does not test every option: for each row the
 * options are sorted by contribution, and since `a + t` rounds monotonically in `t`, the options
 * a row accepts after a prefix worth `a` are a suffix of that order, found by binary search with
 * the exact test `a + t >= need` (ties are never split). Up to 32 options, a 32-bit mask per row
 * and threshold gives the options every row accepts with one AND per row and a population count;
 * beyond, the accepted suffix of the most selective row is scanned and the other rows are checked
 * by rank.
 *
 * @example
 * ```ts
 * import { RowWalk } from "./rowWalk.js";
 * const plan = planWalk(compileScenario(nash1950), true);
 * const w = new RowWalk(plan, { hooks: plan.allowed.map(() => null), accept: null, bundle: new Int32Array(9) });
 * w.count(0, 0, 0, 0, 0); // 293: the ZOPA size
 * ```
 */
export class RowWalk {
  /** Bundles visited so far by {@link RowWalk.visit}. */
  visited = 0;
  /** Row stride of the tables. */
  private readonly w: number;
  /** Rows past the fourth. */
  private readonly e: number;
  /** `extra[k * e + x]`: row 4 + x's utility from the first k issues of the current branch. */
  private readonly extra: Float64Array;
  /** Index of the last issue. */
  private readonly last: number;
  /** Options of the last issue. */
  private readonly n: number;
  /** Whether the last issue needs its hook or the vote count (then it is walked option by option). */
  private readonly slowLast: boolean;
  /** How a plain last issue is counted. */
  private readonly mode: "loop" | "masks" | "ranks";
  /** Per row, the last issue's contributions in increasing order (`sorted[r * n + q]`). */
  private readonly sorted: Float64Array;
  /** Per row, `masks[r * (n + 1) + q]`: the options at position q or later in that order ("masks" mode). */
  private readonly masks: Int32Array;
  /** Per row, `order[r * n + q]`: the option at position q ("ranks" mode). */
  private readonly order: Int32Array;
  /** Per row, `rank[r * n + j]`: the position of option j ("ranks" mode). */
  private readonly rank: Int32Array;
  /** Per row, the threshold position of the last call of `countLast`. */
  private readonly from: Int32Array;
  /** The rows' sums handed to hooks. */
  private readonly sums: Float64Array;

  constructor(
    private readonly p: WalkPlan,
    private readonly checks: RowWalkChecks,
  ) {
    const W = p.width;
    this.w = W;
    this.e = W - 4;
    this.extra = new Float64Array((p.issues + 1) * this.e);
    this.sums = new Float64Array(W);
    this.row = new Float64Array(W);
    this.utilities = this.row;
    this.from = new Int32Array(W);
    const L = p.issues - 1;
    this.last = L;
    const leaf = p.table[L]!;
    const n = p.allowed[L]!.length;
    this.n = n;
    this.slowLast = checks.hooks[L] !== null || checks.accept !== null;
    this.mode = n < THRESHOLD_OPTIONS ? "loop" : n <= MASK_OPTIONS ? "masks" : "ranks";
    const sorting = this.mode !== "loop";
    this.sorted = new Float64Array(sorting ? W * n : 0);
    this.masks = new Int32Array(this.mode === "masks" ? W * (n + 1) : 0);
    this.order = new Int32Array(this.mode === "ranks" ? W * n : 0);
    this.rank = new Int32Array(this.mode === "ranks" ? W * n : 0);
    if (!sorting) return;
    for (let r = 0; r < W; r++) {
      const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => leaf[W * x + r]! - leaf[W * y + r]!);
      let mask = 0;
      for (let q = n - 1; q >= 0; q--) {
        const j = order[q]!;
        this.sorted[r * n + q] = leaf[W * j + r]!;
        if (this.mode === "masks") {
          mask |= 1 << j;
          this.masks[r * (n + 1) + q] = mask;
        } else {
          this.order[r * n + q] = j;
          this.rank[r * n + j] = q;
        }
      }
    }
  }

  /**
   * Counts the bundles of the subtree at issue `k` whose prefix (in the bundle) is worth `a0..a3`
   * to the first four rows (and, past them, what the walk's stack holds at depth k).
   *
   * @example
   * ```ts
   * import { RowWalk } from "./rowWalk.js";
   * const plan = planWalk(compileScenario(nash1950), true);
   * const walk = new RowWalk(plan, { hooks: plan.allowed.map(() => null), accept: null, bundle: new Int32Array(9) });
   * walk.count(0, 0, 0, 0, 0); // 293
   * ```
   */
  count(k: number, a0: number, a1: number, a2: number, a3: number): number {
    const L = this.last;
    if (k === L) return this.slowLast ? this.slowLastIssue(a0, a1, a2, a3, null) : this.countLast(a0, a1, a2, a3);
    const t = this.p.table[k]!;
    const opts = this.p.allowed[k]!;
    const hook = this.checks.hooks[k]!;
    const need = this.p.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const rest = this.p.maxRest;
    const W = this.w;
    const m = W * (k + 1);
    const m0 = rest[m]!;
    const m1 = rest[m + 1]!;
    const m2 = rest[m + 2]!;
    const m3 = rest[m + 3]!;
    const bundle = this.checks.bundle;
    const plainNext = k + 1 === L && !this.slowLast;
    const E = this.e;
    let c = 0;
    for (let o = 0, j = 0; j < opts.length; o += W, j++) {
      let b0 = a0 + t[o]!;
      let b1 = a1 + t[o + 1]!;
      let b2 = a2 + t[o + 2]!;
      let b3 = a3 + t[o + 3]!;
      if (hook !== null) {
        if (!this.hooked(hook, k, j, o, b0, b1, b2, b3)) continue;
        const s = this.sums;
        b0 = s[0]!;
        b1 = s[1]!;
        b2 = s[2]!;
        b3 = s[3]!;
      }
      if (b0 + m0 < n0 || b1 + m1 < n1 || b2 + m2 < n2 || b3 + m3 < n3) continue;
      if (E > 0 && !this.extraReach(k, o, hook !== null)) continue;
      bundle[k] = opts[j]!;
      c += plainNext ? this.countLast(b0, b1, b2, b3) : this.count(k + 1, b0, b1, b2, b3);
    }
    return c;
  }

  /**
   * The rows past the fourth at depth k + 1 after the option at table offset `o` (from the hook's
   * sums when one ran): stores them on the stack; false when one of them cannot reach its need.
   */
  private extraReach(k: number, o: number, hooked: boolean): boolean {
    const E = this.e;
    const W = this.w;
    const x = this.extra;
    const t = this.p.table[k]!;
    const rest = this.p.maxRest;
    const need = this.p.need;
    const s = this.sums;
    const from = k * E;
    const to = from + E;
    const m = W * (k + 1) + 4;
    for (let r = 0; r < E; r++) {
      const v = hooked ? s[4 + r]! : x[from + r]! + t[o + 4 + r]!;
      x[to + r] = v;
      if (v + rest[m + r]! < need[4 + r]!) return false;
    }
    return true;
  }

  /** Runs an issue's hook on option j (table offset `o`) with the rows' sums; the sums it leaves are in `this.sums`. */
  private hooked(
    hook: LevelHook,
    k: number,
    j: number,
    o: number,
    b0: number,
    b1: number,
    b2: number,
    b3: number,
  ): boolean {
    const s = this.sums;
    s[0] = b0;
    s[1] = b1;
    s[2] = b2;
    s[3] = b3;
    const E = this.e;
    if (E > 0) {
      const x = this.extra;
      const t = this.p.table[k]!;
      for (let r = 0; r < E; r++) s[4 + r] = x[k * E + r]! + t[o + 4 + r]!;
    }
    return hook(k, j, s);
  }

  /** Counts the options of the last issue every row accepts after a prefix worth `a0..a3`. */
  private countLast(a0: number, a1: number, a2: number, a3: number): number {
    if (this.mode !== "loop") return this.countLastByThresholds(a0, a1, a2, a3);
    return this.e === 0 ? this.countLastByLoop(a0, a1, a2, a3) : this.countLastByRowLoop(a0, a1, a2, a3);
  }

  /** {@link RowWalk.countLast} by each row's threshold in its sorted order (wide last issues). */
  private countLastByThresholds(a0: number, a1: number, a2: number, a3: number): number {
    const need = this.p.need;
    const k0 = this.threshold(0, a0, need[0]!);
    const k1 = this.threshold(1, a1, need[1]!);
    const k2 = this.threshold(2, a2, need[2]!);
    const k3 = this.threshold(3, a3, need[3]!);
    const n = this.n;
    const E = this.e;
    const x = this.extra;
    const at = this.last * E;
    if (this.mode === "masks") {
      const w = n + 1;
      const masks = this.masks;
      let all = masks[k0]! & masks[w + k1]! & masks[2 * w + k2]! & masks[3 * w + k3]!;
      for (let r = 0; r < E && all !== 0; r++)
        all &= masks[(4 + r) * w + this.threshold(4 + r, x[at + r]!, need[4 + r]!)]!;
      return popcount(all);
    }
    // Scan the accepted suffix of the most selective row; check the others by rank.
    const from = this.from;
    from[0] = k0;
    from[1] = k1;
    from[2] = k2;
    from[3] = k3;
    let r = 0;
    for (let q = 1; q < 4 + E; q++) {
      if (q >= 4) from[q] = this.threshold(q, x[at + q - 4]!, need[q]!);
      if (from[q]! > from[r]!) r = q;
    }
    const order = this.order;
    const rank = this.rank;
    const rows = 4 + E;
    let c = 0;
    scan: for (let q = r * n + from[r]!, end = (r + 1) * n; q < end; q++) {
      const j = order[q]!;
      if (rank[j]! < k0 || rank[n + j]! < k1 || rank[2 * n + j]! < k2 || rank[3 * n + j]! < k3) continue;
      for (let s = 4; s < rows; s++) if (rank[s * n + j]! < from[s]!) continue scan;
      c++;
    }
    return c;
  }

  /** The first position q in row r's order with `a + sorted[q] >= need` (n when none): exact, since rounding is monotone. */
  private threshold(r: number, a: number, need: number): number {
    const s = this.sorted;
    const n = this.n;
    const base = r * n;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a + s[base + mid]! < need) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** {@link RowWalk.countLast} by testing every option (narrow last issues, four rows). */
  private countLastByLoop(a0: number, a1: number, a2: number, a3: number): number {
    const t = this.p.table[this.last]!;
    const end = 4 * this.n;
    const need = this.p.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    let c = 0;
    for (let o = 0; o < end; o += 4)
      if (!(a0 + t[o]! < n0 || a1 + t[o + 1]! < n1 || a2 + t[o + 2]! < n2 || a3 + t[o + 3]! < n3)) c++;
    return c;
  }

  /** {@link RowWalk.countLast} by testing every option (narrow last issues, more than four rows). */
  private countLastByRowLoop(a0: number, a1: number, a2: number, a3: number): number {
    const t = this.p.table[this.last]!;
    const W = this.w;
    const E = this.e;
    const end = W * this.n;
    const need = this.p.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const x = this.extra;
    const at = this.last * E;
    // The fifth row in locals too; any further rows from the stack.
    const a4 = x[at]!;
    const n4 = need[4]!;
    let c = 0;
    outer: for (let o = 0; o < end; o += W) {
      if (a0 + t[o]! < n0 || a1 + t[o + 1]! < n1 || a2 + t[o + 2]! < n2 || a3 + t[o + 3]! < n3 || a4 + t[o + 4]! < n4)
        continue;
      for (let r = 1; r < E; r++) if (x[at + r]! + t[o + 4 + r]! < need[4 + r]!) continue outer;
      c++;
    }
    return c;
  }

  /**
   * Visits, in declaration order, the bundles of the subtree at issue `k` whose prefix (in the
   * bundle) is worth `a0..a3` to the first four rows, writing the rows' utilities into `row`
   * (length: the plan's width; the visitor sees the parties' entries through `utilities`, a view of
   * `row`). Returns true when the visitor stopped the walk; {@link RowWalk.visited} counts the visits.
   *
   * @example
   * ```ts
   * import { RowWalk } from "./rowWalk.js";
   * const plan = planWalk(compileScenario(nash1950), true);
   * const walk = new RowWalk(plan, { hooks: plan.allowed.map(() => null), accept: null, bundle: new Int32Array(9) });
   * const row = new Float64Array(plan.width);
   * walk.visit(0, 0, 0, 0, 0, row, row.subarray(0, 2), (bundle) => { console.log([...bundle]); return true; });
   * // prints [0, 0, 0, 0, 0, 1, 1, 1, 1], the first ZOPA bundle, then stops (returns true)
   * walk.visited; // 1
   * ```
   */
  visit(
    k: number,
    a0: number,
    a1: number,
    a2: number,
    a3: number,
    row: Float64Array,
    utilities: Float64Array,
    visitor: Visitor,
  ): boolean {
    this.row = row;
    this.utilities = utilities;
    this.visitor = visitor;
    return this.visitFrom(k, a0, a1, a2, a3) < 0;
  }

  private row: Float64Array;
  private utilities: Float64Array;
  private visitor: Visitor = () => true;

  /** {@link RowWalk.visit} below the first call: the number of visits, or -1 when stopped. */
  private visitFrom(k: number, a0: number, a1: number, a2: number, a3: number): number {
    const L = this.last;
    if (k === L)
      return this.slowLast ? this.slowLastIssue(a0, a1, a2, a3, this.visitor) : this.visitLast(a0, a1, a2, a3);
    const t = this.p.table[k]!;
    const opts = this.p.allowed[k]!;
    const hook = this.checks.hooks[k]!;
    const need = this.p.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const rest = this.p.maxRest;
    const W = this.w;
    const m = W * (k + 1);
    const m0 = rest[m]!;
    const m1 = rest[m + 1]!;
    const m2 = rest[m + 2]!;
    const m3 = rest[m + 3]!;
    const bundle = this.checks.bundle;
    const plainNext = k + 1 === L && !this.slowLast;
    const E = this.e;
    for (let o = 0, j = 0; j < opts.length; o += W, j++) {
      let b0 = a0 + t[o]!;
      let b1 = a1 + t[o + 1]!;
      let b2 = a2 + t[o + 2]!;
      let b3 = a3 + t[o + 3]!;
      if (hook !== null) {
        if (!this.hooked(hook, k, j, o, b0, b1, b2, b3)) continue;
        const s = this.sums;
        b0 = s[0]!;
        b1 = s[1]!;
        b2 = s[2]!;
        b3 = s[3]!;
      }
      if (b0 + m0 < n0 || b1 + m1 < n1 || b2 + m2 < n2 || b3 + m3 < n3) continue;
      if (E > 0 && !this.extraReach(k, o, hook !== null)) continue;
      bundle[k] = opts[j]!;
      if ((plainNext ? this.visitLast(b0, b1, b2, b3) : this.visitFrom(k + 1, b0, b1, b2, b3)) < 0) return -1;
    }
    return 0;
  }

  /** Visits the options of a plain last issue every row accepts after a prefix worth `a0..a3`; -1 when stopped. */
  private visitLast(a0: number, a1: number, a2: number, a3: number): number {
    const L = this.last;
    const t = this.p.table[L]!;
    const opts = this.p.allowed[L]!;
    const W = this.w;
    const E = this.e;
    const end = W * opts.length;
    const need = this.p.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const x = this.extra;
    const at = L * E;
    const { bundle } = this.checks;
    const { row, utilities, visitor } = this;
    // With more than four rows the fifth is in locals too (a padding value else); further rows from the stack.
    const a4 = E > 0 ? x[at]! : 0;
    const n4 = E > 0 ? need[4]! : 0;
    let seen = 0;
    outer: for (let o = 0, j = 0; o < end; o += W, j++) {
      const u0 = a0 + t[o]!;
      const u1 = a1 + t[o + 1]!;
      const u2 = a2 + t[o + 2]!;
      const u3 = a3 + t[o + 3]!;
      if (u0 < n0 || u1 < n1 || u2 < n2 || u3 < n3) continue;
      if (E > 0) {
        const u4 = a4 + t[o + 4]!;
        if (u4 < n4) continue;
        for (let r = 1; r < E; r++) {
          const v = x[at + r]! + t[o + 4 + r]!;
          if (v < need[4 + r]!) continue outer;
          row[4 + r] = v;
        }
        row[4] = u4;
      }
      seen++;
      bundle[L] = opts[j]!;
      row[0] = u0;
      row[1] = u1;
      row[2] = u2;
      row[3] = u3;
      if (visitor(bundle, utilities) === true) {
        this.visited += seen;
        return -1;
      }
    }
    this.visited += seen;
    return 0;
  }

  /**
   * Counts (visitor null) or visits the options of a last issue with a hook or a vote count, one
   * by one; the count, or -1 when the visitor stopped the walk.
   */
  private slowLastIssue(a0: number, a1: number, a2: number, a3: number, visitor: Visitor | null): number {
    const L = this.last;
    const t = this.p.table[L]!;
    const opts = this.p.allowed[L]!;
    const { need } = this.p;
    const { hooks, accept, bundle } = this.checks;
    const hook = hooks[L]!;
    const s = this.sums;
    const W = this.w;
    const E = this.e;
    const x = this.extra;
    const at = L * E;
    let seen = 0;
    outer: for (let o = 0, j = 0; j < opts.length; o += W, j++) {
      s[0] = a0 + t[o]!;
      s[1] = a1 + t[o + 1]!;
      s[2] = a2 + t[o + 2]!;
      s[3] = a3 + t[o + 3]!;
      for (let r = 0; r < E; r++) s[4 + r] = x[at + r]! + t[o + 4 + r]!;
      bundle[L] = opts[j]!;
      if (hook !== null && !hook(L, j, s)) continue;
      for (let r = 0; r < W; r++) if (s[r]! < need[r]!) continue outer;
      if (accept !== null && !accept(bundle)) continue;
      seen++;
      if (visitor === null) continue;
      this.row.set(s);
      if (visitor(bundle, this.utilities) === true) {
        this.visited += seen;
        return -1;
      }
    }
    if (visitor !== null) this.visited += seen;
    return seen;
  }
}

/** Number of set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
