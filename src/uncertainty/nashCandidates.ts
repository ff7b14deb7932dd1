import { bargainingProblem } from "../analysis/analyze.js";
import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import { dominance } from "../frontier/dominance.js";
import { type ArchivePoint, ParetoArchive } from "../frontier/paretoArchive.js";
import { nashSolution } from "../solutions/nash.js";

/**
 * Width of the window of Nash log-products kept as candidates: bundles within `NASH_WINDOW` of the
 * best are candidates, those within `2 * NASH_WINDOW` are kept to check the certificate.
 * @example
 * ```ts
 * import { NASH_WINDOW } from "./nashCandidates.js";
 * const products = [0.25, 0.2499998].map(Math.log);
 * products[0]! - products[1]! < NASH_WINDOW; // true: a near-tie, both stay candidates
 * ```
 */
export const NASH_WINDOW = 1e-6;

/** Most candidates the certificate examines (pairwise checks); past it the exact fallback runs. */
const MAX_CANDIDATES = 64;

/**
 * The Nash solution of one draw without building the ZOPA's Pareto frontier, with a certificate
 * that the answer is exactly the one of the definition (`nashSolution` over the frontier that a
 * `ParetoArchive` builds from every ZOPA bundle in walk order, ties: larger sum of utilities, then
 * canonical bundle order).
 *
 * During the walk, {@link offer} sees every ZOPA bundle. A linear upper bound of the log-product
 * (its tangent at the best bundle so far: log g <= log a - 1 + g / a) skips almost every bundle
 * with a few multiplications; the others get their exact log-product, and those within
 * `2 * NASH_WINDOW` of the best so far are kept. {@link resolve} then takes the candidates C (log-product
 * at least max - NASH_WINDOW, closed under "some bundle is at least as good for every party up to the
 * tolerance") and proves that the frontier's other points cannot change the answer:
 *
 * 1. no bundle outside C is within the tolerance of, or dominates, a bundle of C: for each Q in C,
 *    any such bundle X has u_X >= u_Q - tol, so its log-product is at least
 *    L(Q) = sum p_i log(g_Q,i - 2 tol), and L(Q) >= max - 2 NASH_WINDOW puts X among the kept bundles,
 *    where it is checked directly;
 * 2. within C, "equal within the tolerance" is an equivalence and dominance is the same for every
 *    pair of members of two classes, so the archive keeps exactly the canonically first member of
 *    each undominated class, whatever the insertion order (and whatever the other bundles do);
 * 3. every frontier point from C has a log-product more than the tolerance above every bundle
 *    outside C, so `pickBest` never prefers one of those and the first point from C displaces them.
 *
 * Then the answer is `nashSolution` over the archive of C. When a condition fails (near-ties
 * within the window, a gain close to the tolerance, every product zero), {@link resolve} returns
 * "fallback" and the caller builds the full frontier.
 *
 * @example
 * ```ts
 * import { NashCandidates } from "treatylab/advanced";
 * const c = compileScenario(nash1950);
 * const plan = planZopaKernel(c, bundleIndexer(c.sizes).strides)!;
 * const t = new NashCandidates(c.partyIds.length, c.issueIds.length);
 * t.reset(c.reservation, c.power);
 * runZopaKernel(plan, c, (index, bundle, u) => t.offer(bundle, u));
 * const r = t.resolve(c); // { point, key } | null (empty ZOPA) | "fallback"
r !== null && r !== "fallback" ? r.point.utilities : r; // [0.7058823529411757, 0.6875]: the Nash point
 * ```
 */
export class NashCandidates {
  private d: ArrayLike<number> = [];
  private power: ArrayLike<number> = [];
  /** Best log-product so far. */
  private best = Number.NEGATIVE_INFINITY;
  /**
   * Tangent bound: key <= base + sum w_i u_i; bundles whose bound is below `cut` are skipped.
   * Read-only outside; `version` changes whenever they do.
   */
  readonly w: Float64Array;
  base = Number.POSITIVE_INFINITY;
  cut = Number.NEGATIVE_INFINITY;
  version = 0;
  private n = 0;
  private capacity = 64;
  private keys = new Float64Array(64);
  private utilities: Float64Array;
  private bundles: Int32Array;
  /** Whether some offered bundle has a Nash product of 0 (a gain within the tolerance). */
  private zeroProduct = false;

  constructor(
    private readonly parties: number,
    private readonly issues: number,
  ) {
    this.w = new Float64Array(parties);
    this.utilities = new Float64Array(64 * parties);
    this.bundles = new Int32Array(64 * issues);
  }

  /** Starts a draw with its disagreement point (reservations) and powers. */
  reset(disagreement: ArrayLike<number>, power: ArrayLike<number>): void {
    this.d = disagreement;
    this.power = power;
    this.best = Number.NEGATIVE_INFINITY;
    this.base = Number.POSITIVE_INFINITY;
    this.cut = Number.NEGATIVE_INFINITY;
    this.w.fill(0);
    this.version++;
    this.n = 0;
    this.zeroProduct = false;
  }

  /** The log Nash product of utilities `u` (as `nashLogProduct`, the same operations in the same order). */
  private key(u: ArrayLike<number>, shift = 0): number {
    let s = 0;
    for (let i = 0; i < this.parties; i++) {
      const g = Math.max(0, u[i]! - this.d[i]!) - shift;
      if (g <= UTILITY_TOLERANCE) return Number.NEGATIVE_INFINITY;
      s += this.power[i]! * Math.log(g);
    }
    return s;
  }

  /**
   * Whether a bundle with utilities `u` (or within 1e-12 of them) may be kept: false when its
   * tangent bound is below the cut.
   */
  mayCompete(u: ArrayLike<number>): boolean {
    let bound = this.base;
    for (let i = 0; i < this.parties; i++) bound += this.w[i]! * u[i]!;
    return bound >= this.cut;
  }

  /** Sees one ZOPA bundle (walk order); the arrays are copied when kept. */
  offer(bundle: Int32Array, u: Float64Array): void {
    if (!this.mayCompete(u)) return;
    const key = this.key(u);
    if (key === Number.NEGATIVE_INFINITY) {
      this.zeroProduct = true;
      return;
    }
    if (key > this.best) this.improve(key, u);
    if (key < this.best - 2 * NASH_WINDOW) return;
    if (this.n === this.capacity) this.compact();
    const P = this.parties;
    const I = this.issues;
    this.keys[this.n] = key;
    for (let i = 0; i < P; i++) this.utilities[this.n * P + i] = u[i]!;
    for (let k = 0; k < I; k++) this.bundles[this.n * I + k] = bundle[k]!;
    this.n++;
  }

  /** A new best: the tangent bound at it. */
  private improve(key: number, u: Float64Array): void {
    this.best = key;
    this.version++;
    let base = 0;
    let size = Math.abs(key);
    for (let i = 0; i < this.parties; i++) {
      const a = u[i]! - this.d[i]!;
      const w = this.power[i]! / a;
      this.w[i] = w;
      base += this.power[i]! * (Math.log(a) - 1) - w * this.d[i]!;
      size += w * (Math.abs(u[i]!) + Math.abs(this.d[i]!)) + Math.abs(this.power[i]! * (Math.log(a) - 1));
    }
    this.base = base;
    // Rounding of the bound is far below 1e-12 of the magnitudes summed; utilities given to
    // mayCompete may be 1e-12 off (sum(w) * 1e-12 more).
    let weights = 0;
    for (let i = 0; i < this.parties; i++) weights += this.w[i]!;
    this.cut = key - 2 * NASH_WINDOW - 1e-12 * (size + weights) - UTILITY_TOLERANCE;
  }

  /** Drops the kept bundles that fell out of the window; grows the buffers when still full. */
  private compact(): void {
    const P = this.parties;
    const I = this.issues;
    let m = 0;
    for (let j = 0; j < this.n; j++) {
      if (this.keys[j]! < this.best - 2 * NASH_WINDOW) continue;
      if (m !== j) {
        this.keys[m] = this.keys[j]!;
        this.utilities.copyWithin(m * P, j * P, j * P + P);
        this.bundles.copyWithin(m * I, j * I, j * I + I);
      }
      m++;
    }
    this.n = m;
    if (m * 2 > this.capacity) {
      this.capacity *= 2;
      const keys = new Float64Array(this.capacity);
      keys.set(this.keys);
      const utilities = new Float64Array(this.capacity * P);
      utilities.set(this.utilities);
      const bundles = new Int32Array(this.capacity * I);
      bundles.set(this.bundles);
      this.keys = keys;
      this.utilities = utilities;
      this.bundles = bundles;
    }
  }

  /**
   * The Nash solution of the draw (as `nashSolution` over the ZOPA's frontier), null when no
   * bundle was offered, or "fallback" when the certificate does not hold.
   */
  resolve(c: CompiledScenario): { point: ArchivePoint; key: readonly number[] } | null | "fallback" {
    if (this.n === 0) return this.zeroProduct ? "fallback" : null;
    const m = this.best;
    const P = this.parties;
    const I = this.issues;
    const kept: number[] = [];
    for (let j = 0; j < this.n; j++) if (this.keys[j]! >= m - 2 * NASH_WINDOW) kept.push(j);
    const u = (j: number): Float64Array => this.utilities.subarray(j * P, j * P + P);
    const inC = new Uint8Array(this.n);
    for (const j of kept) if (this.keys[j]! >= m - NASH_WINDOW) inC[j] = 1;
    // 1. Closure: a kept bundle at least as good (up to the tolerance) as a candidate joins C.
    for (let changed = true; changed; ) {
      changed = false;
      for (const q of kept) {
        if (!inC[q]) continue;
        for (const x of kept) {
          if (inC[x]) continue;
          const dx = dominance(u(x), u(q));
          if (dx === 0 || dx === 1) {
            inC[x] = 1;
            changed = true;
          }
        }
      }
    }
    const C = kept.filter((j) => inC[j]);
    if (C.length > MAX_CANDIDATES) return "fallback";
    for (const q of C) if (!(this.key(u(q), 2 * UTILITY_TOLERANCE) >= m - 2 * NASH_WINDOW)) return "fallback";
    // 2. Classes of "equal within the tolerance", with the same dominance across two classes.
    const cls = C.map((_, a) => a);
    const find = (a: number): number => (cls[a] === a ? a : (cls[a] = find(cls[a]!)));
    const d = C.map((a) => C.map((b) => dominance(u(a), u(b))));
    for (let a = 0; a < C.length; a++)
      for (let b = a + 1; b < C.length; b++) if (d[a]![b] === 0) cls[find(a)] = find(b);
    for (let a = 0; a < C.length; a++)
      for (let b = 0; b < C.length; b++) {
        const same = find(a) === find(b);
        if (same ? d[a]![b] !== 0 : !Object.is(d[a]![b], d[find(a)]![find(b)])) return "fallback";
      }
    const archive = new ParetoArchive((x, y) => compareBundles(c, x, y));
    for (const j of C) archive.add(u(j), this.bundles.subarray(j * I, j * I + I));
    const points = archive.result();
    // 3. Separation from every bundle outside C (those not kept are below m - 2 NASH_WINDOW).
    let outside = m - 2 * NASH_WINDOW;
    for (const j of kept) if (!inC[j] && this.keys[j]! > outside) outside = this.keys[j]!;
    for (const pt of points) if (!(this.key(pt.utilities) > outside + UTILITY_TOLERANCE)) return "fallback";
    return nashSolution(bargainingProblem(c, points));
  }
}
