/**
 * Called at an issue with interaction terms or constraints: `bundle` holds the prefix, `sums` the
 * four rows' utilities once option j (the j-th allowed) is added. It writes the option into the
 * bundle, adds the interaction terms that apply (in the generic walk's order) to `sums`, and
 * returns false when a constraint rules the option out.
 *
 * @example
 * ```ts
 * const hook: LevelHook = (k, j, sums) => {
 *   bundle[k] = options[k]![j]!;
 *   if (bundle[0] === 1 && bundle[k] === 2) sums[0] = sums[0]! + 0.1; // an interaction term
 *   return true;
 * };
 * ```
 */
export type LevelHook = (k: number, j: number, sums: Float64Array) => boolean;

/**
 * Visitor of a walk: the bundle (option indices) and the parties' utilities, both reused between
 * calls. Return `true` to stop.
 */
type Visitor = (bundle: Int32Array, utilities: Float64Array) => boolean | void;

/**
 * The tables of a walk over at most four rows (parties and must-accept constituencies), padded to
 * exactly four (a padding row has contribution 0, best rest 0 and need `-Infinity`, so it never
 * prunes).
 *
 * @example
 * ```ts
 * const t: WalkTables = { tables, options, maxRest, need, last: tables.length - 1, hooks, accept: null, bundle };
 * ```
 */
export interface WalkTables {
  /** `tables[k][4 * j + r]`: row r's contribution from the j-th allowed option of issue k. */
  readonly tables: readonly Float64Array[];
  /** `options[k][j]`: the option index of the j-th allowed option of issue k. */
  readonly options: readonly Int32Array[];
  /** `maxRest[4 * k + r]`: the best row r can still add from issues k..last (with positive interaction terms). */
  readonly maxRest: Float64Array;
  /** `need[r]`: row r's reservation minus the tolerance (`-Infinity` when nothing is pruned). */
  readonly need: Float64Array;
  /** Index of the last issue. */
  readonly last: number;
  /** Per issue, the hook for its interaction terms and constraints (null when it has none). */
  readonly hooks: readonly (LevelHook | null)[];
  /** Test of a complete bundle that meets every reservation (the vote count), or null. */
  readonly accept: ((bundle: Int32Array) => boolean) | null;
  /** The walk's bundle (written issue by issue). */
  readonly bundle: Int32Array;
}

/** Last issues with fewer options are counted by testing every option (cheaper than binary searches). */
const THRESHOLD_OPTIONS = 16;
/** Largest last issue counted with one 32-bit mask per row and threshold. */
const MASK_OPTIONS = 32;

/**
 * The enumeration kernel's walk for at most four rows, with the rows' partial utilities in local
 * variables: one addition and one comparison per row and bundle, the comparisons as a
 * short-circuit chain, no array write per bundle when counting. Issues with interaction terms or
 * constraints call their {@link LevelHook} per option, and a vote count runs on complete
 * bundles that meet every reservation. It computes exactly the sums of the generic walk
 * (`partial + contribution`, then the interaction terms, issue by issue in declaration order)
 * and prunes with the same test (`partial + best rest < need`), so both visit the same bundles in
 * the same order with the same utilities.
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
 * const w = new FourRowWalk(tables);
 * w.count(0, 0, 0, 0, 0); // the ZOPA size
 * ```
 */
export class FourRowWalk {
  /** Bundles visited so far by {@link FourRowWalk.visit}. */
  visited = 0;
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
  /** The rows' sums handed to hooks. */
  private readonly sums = new Float64Array(4);

  constructor(private readonly t: WalkTables) {
    const leaf = t.tables[t.last]!;
    const n = t.options[t.last]!.length;
    this.n = n;
    this.slowLast = t.hooks[t.last] !== null || t.accept !== null;
    this.mode = n < THRESHOLD_OPTIONS ? "loop" : n <= MASK_OPTIONS ? "masks" : "ranks";
    const sorting = this.mode !== "loop";
    this.sorted = new Float64Array(sorting ? 4 * n : 0);
    this.masks = new Int32Array(this.mode === "masks" ? 4 * (n + 1) : 0);
    this.order = new Int32Array(this.mode === "ranks" ? 4 * n : 0);
    this.rank = new Int32Array(this.mode === "ranks" ? 4 * n : 0);
    if (!sorting) return;
    for (let r = 0; r < 4; r++) {
      const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => leaf[4 * x + r]! - leaf[4 * y + r]!);
      let mask = 0;
      for (let q = n - 1; q >= 0; q--) {
        const j = order[q]!;
        this.sorted[r * n + q] = leaf[4 * j + r]!;
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
   * to the rows.
   *
   * @example
   * ```ts
   * walk.count(0, 0, 0, 0, 0);
   * ```
   */
  count(k: number, a0: number, a1: number, a2: number, a3: number): number {
    const L = this.t.last;
    if (k === L) return this.slowLast ? this.slowLastIssue(a0, a1, a2, a3, null) : this.countLast(a0, a1, a2, a3);
    const t = this.t.tables[k]!;
    const opts = this.t.options[k]!;
    const hook = this.t.hooks[k]!;
    const need = this.t.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const rest = this.t.maxRest;
    const m = 4 * (k + 1);
    const m0 = rest[m]!;
    const m1 = rest[m + 1]!;
    const m2 = rest[m + 2]!;
    const m3 = rest[m + 3]!;
    const bundle = this.t.bundle;
    const plainNext = k + 1 === L && !this.slowLast;
    let c = 0;
    for (let o = 0, j = 0; j < opts.length; o += 4, j++) {
      let b0 = a0 + t[o]!;
      let b1 = a1 + t[o + 1]!;
      let b2 = a2 + t[o + 2]!;
      let b3 = a3 + t[o + 3]!;
      if (hook !== null) {
        if (!this.hooked(hook, k, j, b0, b1, b2, b3)) continue;
        const s = this.sums;
        (b0 = s[0]!), (b1 = s[1]!), (b2 = s[2]!), (b3 = s[3]!);
      }
      if (b0 + m0 < n0 || b1 + m1 < n1 || b2 + m2 < n2 || b3 + m3 < n3) continue;
      bundle[k] = opts[j]!;
      c += plainNext ? this.countLast(b0, b1, b2, b3) : this.count(k + 1, b0, b1, b2, b3);
    }
    return c;
  }

  /** Runs an issue's hook on option j with the rows' sums `b0..b3`; the sums it leaves are in `this.sums`. */
  private hooked(hook: LevelHook, k: number, j: number, b0: number, b1: number, b2: number, b3: number): boolean {
    const s = this.sums;
    s[0] = b0;
    s[1] = b1;
    s[2] = b2;
    s[3] = b3;
    return hook(k, j, s);
  }

  /** Counts the options of the last issue every row accepts after a prefix worth `a0..a3`. */
  private countLast(a0: number, a1: number, a2: number, a3: number): number {
    if (this.mode === "loop") return this.countLastByLoop(a0, a1, a2, a3);
    const need = this.t.need;
    const k0 = this.threshold(0, a0, need[0]!);
    const k1 = this.threshold(1, a1, need[1]!);
    const k2 = this.threshold(2, a2, need[2]!);
    const k3 = this.threshold(3, a3, need[3]!);
    const n = this.n;
    if (this.mode === "masks") {
      const w = n + 1;
      const masks = this.masks;
      return popcount(masks[k0]! & masks[w + k1]! & masks[2 * w + k2]! & masks[3 * w + k3]!);
    }
    // Scan the accepted suffix of the most selective row; check the others by rank.
    let r = 0;
    let from = k0;
    if (k1 > from) {
      r = 1;
      from = k1;
    }
    if (k2 > from) {
      r = 2;
      from = k2;
    }
    if (k3 > from) {
      r = 3;
      from = k3;
    }
    const order = this.order;
    const rank = this.rank;
    let c = 0;
    for (let q = r * n + from, end = (r + 1) * n; q < end; q++) {
      const j = order[q]!;
      if (rank[j]! >= k0 && rank[n + j]! >= k1 && rank[2 * n + j]! >= k2 && rank[3 * n + j]! >= k3) c++;
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

  /** {@link FourRowWalk.countLast} by testing every option (narrow last issues). */
  private countLastByLoop(a0: number, a1: number, a2: number, a3: number): number {
    const t = this.t.tables[this.t.last]!;
    const end = 4 * this.t.options[this.t.last]!.length;
    const need = this.t.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    let c = 0;
    for (let o = 0; o < end; o += 4) if (!(a0 + t[o]! < n0 || a1 + t[o + 1]! < n1 || a2 + t[o + 2]! < n2 || a3 + t[o + 3]! < n3)) c++;
    return c;
  }

  /**
   * Visits, in declaration order, the bundles of the subtree at issue `k` whose prefix (in the
   * bundle) is worth `a0..a3`, writing the rows' utilities into `row` (length 4; the visitor sees
   * the parties' entries through `utilities`, a view of `row`). Returns true when the visitor
   * stopped the walk; {@link FourRowWalk.visited} counts the visits.
   *
   * @example
   * ```ts
   * walk.visit(0, 0, 0, 0, 0, row, row.subarray(0, 2), visitor);
   * ```
   */
  visit(k: number, a0: number, a1: number, a2: number, a3: number, row: Float64Array, utilities: Float64Array, visitor: Visitor): boolean {
    this.row = row;
    this.utilities = utilities;
    this.visitor = visitor;
    return this.visitFrom(k, a0, a1, a2, a3) < 0;
  }

  private row: Float64Array = new Float64Array(4);
  private utilities: Float64Array = this.row;
  private visitor: Visitor = () => true;

  /** {@link FourRowWalk.visit} below the first call: the number of visits, or -1 when stopped. */
  private visitFrom(k: number, a0: number, a1: number, a2: number, a3: number): number {
    const L = this.t.last;
    if (k === L) return this.slowLast ? this.slowLastIssue(a0, a1, a2, a3, this.visitor) : this.visitLast(a0, a1, a2, a3);
    const t = this.t.tables[k]!;
    const opts = this.t.options[k]!;
    const hook = this.t.hooks[k]!;
    const need = this.t.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const rest = this.t.maxRest;
    const m = 4 * (k + 1);
    const m0 = rest[m]!;
    const m1 = rest[m + 1]!;
    const m2 = rest[m + 2]!;
    const m3 = rest[m + 3]!;
    const bundle = this.t.bundle;
    const plainNext = k + 1 === L && !this.slowLast;
    for (let o = 0, j = 0; j < opts.length; o += 4, j++) {
      let b0 = a0 + t[o]!;
      let b1 = a1 + t[o + 1]!;
      let b2 = a2 + t[o + 2]!;
      let b3 = a3 + t[o + 3]!;
      if (hook !== null) {
        if (!this.hooked(hook, k, j, b0, b1, b2, b3)) continue;
        const s = this.sums;
        (b0 = s[0]!), (b1 = s[1]!), (b2 = s[2]!), (b3 = s[3]!);
      }
      if (b0 + m0 < n0 || b1 + m1 < n1 || b2 + m2 < n2 || b3 + m3 < n3) continue;
      bundle[k] = opts[j]!;
      if ((plainNext ? this.visitLast(b0, b1, b2, b3) : this.visitFrom(k + 1, b0, b1, b2, b3)) < 0) return -1;
    }
    return 0;
  }

  /** Visits the options of a plain last issue every row accepts after a prefix worth `a0..a3`; -1 when stopped. */
  private visitLast(a0: number, a1: number, a2: number, a3: number): number {
    const L = this.t.last;
    const t = this.t.tables[L]!;
    const opts = this.t.options[L]!;
    const end = 4 * opts.length;
    const need = this.t.need;
    const n0 = need[0]!;
    const n1 = need[1]!;
    const n2 = need[2]!;
    const n3 = need[3]!;
    const { bundle } = this.t;
    const { row, utilities, visitor } = this;
    let seen = 0;
    for (let o = 0, j = 0; o < end; o += 4, j++) {
      const u0 = a0 + t[o]!;
      const u1 = a1 + t[o + 1]!;
      const u2 = a2 + t[o + 2]!;
      const u3 = a3 + t[o + 3]!;
      if (u0 < n0 || u1 < n1 || u2 < n2 || u3 < n3) continue;
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
    const L = this.t.last;
    const t = this.t.tables[L]!;
    const opts = this.t.options[L]!;
    const { hooks, need, accept, bundle } = this.t;
    const hook = hooks[L]!;
    const s = this.sums;
    let seen = 0;
    for (let o = 0, j = 0; j < opts.length; o += 4, j++) {
      s[0] = a0 + t[o]!;
      s[1] = a1 + t[o + 1]!;
      s[2] = a2 + t[o + 2]!;
      s[3] = a3 + t[o + 3]!;
      bundle[L] = opts[j]!;
      if (hook !== null && !hook(L, j, s)) continue;
      if (s[0]! < need[0]! || s[1]! < need[1]! || s[2]! < need[2]! || s[3]! < need[3]!) continue;
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
