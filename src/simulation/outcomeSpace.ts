import { prepare } from "../analysis/prepare.js";
import { bargainingProblem } from "../analysis/analyze.js";
import { bundleIndexer } from "../model/bundleIndexer.js";
import { type CompiledScenario, compareBundles } from "../model/compile.js";
import { LimitError } from "../model/errors.js";
import { ObjectCache } from "../model/objectCache.js";
import { UTILITY_TOLERANCE } from "../model/tolerance.js";
import type { Scenario } from "../model/types.js";
import { type ArchivePoint, ParetoArchive } from "../frontier/paretoArchive.js";
import { walkBundles } from "../enumeration/walkBundles.js";
import { nashSolution } from "../solutions/nash.js";
import { canonicalOrder, ownOrder, walkIsCanonical } from "./ownOrder.js";
import { splitEligible, splitSpace } from "./splitSpace.js";
import { utilities } from "../utility/utilities.js";
import { accepts } from "../utility/verdict.js";

/**
 * Most feasible bundles a simulation or equilibrium computation lists (memory: about 40 bytes each for 4 issues and 2 parties).
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * countFeasible(compiled) <= BigInt(MAX_SIMULATION_BUNDLES); // else use scope "zopa"
 * ```
 */
export const MAX_SIMULATION_BUNDLES = 2_000_000;

/**
 * Every feasible bundle of a scenario with each party's utility and acceptance, plus, per party, the
 * bundles it accepts sorted by its own utility (descending; exact ties in canonical bundle order).
 * Strategies find "the bundle closest to a target utility" by binary search in these indexes
 * instead of scanning all bundles each round. Bundles are numbered by their position in the walk
 * (declaration order), stable across events that do not change the agenda or the constraints.
 * All arrays are owned by the space: do not modify them.
 *
 * @example
 * ```ts
 * const s = outcomeSpace(nash1950);
 * const k = s.own[0]![0]!;          // party 0's best bundle
 * s.utility[k * s.parties + 1];     // its utility to party 1
 * ```
 */
export interface OutcomeSpace {
  readonly compiled: CompiledScenario;
  /** Number of feasible bundles. */
  readonly size: number;
  /** Number of issues (the row length of `bundles`). */
  readonly issues: number;
  /** Number of parties (the row length of `utility` and `acceptable`). */
  readonly parties: number;
  /** Option index of issue i in bundle k: `bundles[k * issues + i]`. */
  readonly bundles: Int32Array;
  /** Utility of bundle k to party p: `utility[k * parties + p]`. */
  readonly utility: Float64Array;
  /** 1 when party p accepts bundle k (the compiled acceptance: red lines, reservation, ratification). */
  readonly acceptable: Uint8Array;
  /** 1 when every party accepts bundle k (the ZOPA). */
  readonly allAccept: Uint8Array;
  /** Per party: the bundles it accepts, best first (each party's list is built on its first read). */
  readonly own: readonly Int32Array[];
  /** Per party: the utilities of `own[p]`, in the same (descending) order (built with `own[p]`). */
  readonly ownUtility: readonly Float64Array[];
  /**
   * The option indices of bundle k (its row of `bundles`: `bundles.subarray(k * issues, k * issues + issues)`),
   * a view into `bundles`, not a copy: do not modify it.
   *
   * @example
   * ```ts
   * const space = outcomeSpace(builtinScenario("nash-1950"));
   * toNamedBundle(space.compiled, space.row(0)); // { book: "bill", whip: "bill", ... }
   * ```
   */
  row(k: number): Int32Array;
  /** Index of the bundle with these option indices, or -1 when infeasible. */
  find(bundle: ArrayLike<number>): number;
  /** The Pareto frontier of the ZOPA (computed once, on first use). */
  frontier(): readonly ArchivePoint[];
  /** The Nash solution over the ZOPA, or null when it is empty (computed once). */
  nash(): ArchivePoint | null;
  /** Utility of bundle k to party p (`utility[k * parties + p]`, bit for bit). */
  utilityOf(k: number, p: number): number;
  /** True when party p accepts bundle k (`acceptable[k * parties + p] === 1`). */
  accepts(k: number, p: number): boolean;
  /** True when every party accepts bundle k (`allAccept[k] === 1`). */
  acceptedByAll(k: number): boolean;
  /** Option index of issue i in bundle k (`bundles[k * issues + i]`). */
  option(k: number, i: number): number;
  /** Party p's best bundle, the first of its own order (`own[p][0]`), or -1 when it accepts none. */
  best(p: number): number;
  /** Party p's best acceptable utility (`ownUtility[p][0]`), NaN when it accepts no bundle. */
  maxAccepted(p: number): number;
  /** Party p's worst acceptable utility (the last of `ownUtility[p]`), NaN when it accepts no bundle. */
  minAccepted(p: number): number;
  /**
   * Party p's bundles from the one closest to `target` from above ({@link positionAtOrAbove}) up
   * its own order (rising utility), written to `out`: that one always, then the next ones while
   * their utility is at most `top`, at most `limit` in all. Returns how many (0 when the party
   * accepts no bundle). What strategies read instead of `own[p]`: a split space answers it without
   * sorting every bundle.
   */
  nearAbove(p: number, target: number, top: number, limit: number, out: Int32Array): number;
}

const cache = new ObjectCache<object, OutcomeSpace>("outcome space");

/**
 * Position in `ownUtility[p]` (descending) of the last bundle whose utility is at least `target`
 * (within the tolerance): the acceptable bundle closest to the target from above. Returns 0 when
 * the target is above the best bundle, and -1 when the party accepts no bundle. O(log n).
 *
 * @example
 * ```ts
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * const pos = positionAtOrAbove(space, 0, 0.7);
 * space.ownUtility[0]![pos]; // 0.70588… (12/17, the lowest utility >= 0.7)
 * ```
 */
export function positionAtOrAbove(space: OutcomeSpace, p: number, target: number): number {
  return positionIn(space.ownUtility[p]!, target);
}

/** {@link positionAtOrAbove} in a list of utilities, descending. */
function positionIn(u: Float64Array, target: number): number {
  if (u.length === 0) return -1;
  let lo = 0;
  let hi = u.length - 1;
  if (u[0]! < target - UTILITY_TOLERANCE) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (u[mid]! >= target - UTILITY_TOLERANCE) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// The per-bundle reads of a full space: one function object shared by every full space (reading
// its arrays through `this`), so that calls stay monomorphic whichever space a run uses.
function utilityOf(this: OutcomeSpace, k: number, p: number): number {
  return this.utility[k * this.parties + p]!;
}
function acceptsOf(this: OutcomeSpace, k: number, p: number): boolean {
  return this.acceptable[k * this.parties + p] === 1;
}
function acceptedByAll(this: OutcomeSpace, k: number): boolean {
  return this.allAccept[k] === 1;
}
function option(this: OutcomeSpace, k: number, i: number): number {
  return this.bundles[k * this.issues + i]!;
}

function limitError(count: bigint | number | string, what: string): LimitError {
  return new LimitError(
    `the outcome space has ${count} ${what}, over the simulation limit of ${MAX_SIMULATION_BUNDLES}; use scope "zopa" (--scope zopa), merge options, or coarsen numeric steps`,
  );
}

function build(c: CompiledScenario, rows?: Int32Array): OutcomeSpace {
  const I = c.issueIds.length;
  const P = c.partyIds.length;
  const count = rows ? rows.length / I : c.combinations;
  if (BigInt(count) > BigInt(MAX_SIMULATION_BUNDLES)) throw limitError(count, "bundles");
  const cap = Number(count);
  let bundles = rows ?? new Int32Array(cap * I);
  let utility = new Float64Array(cap * P);
  let acceptable = new Uint8Array(cap * P);
  let allAccept = new Uint8Array(cap);
  let n = 0;
  // A party with no red line and no ratification accepts exactly the bundles at its reservation
  // (what `accepts` finds after looking at every issue): `bar[p]`, else NaN (ask `accepts`).
  const bar = new Float64Array(P);
  for (let p = 0; p < P; p++)
    bar[p] =
      c.redLine[p]!.some((row) => row.includes(1)) || c.ratification[p]!.agents.length > 0
        ? Number.NaN
        : c.reservation[p]! - UTILITY_TOLERANCE;
  // Plain loops: TypedArray.prototype.set costs more than copying a few numbers.
  const add = (b: Int32Array, u: Float64Array): void => {
    if (!rows) for (let i = 0; i < I; i++) bundles[n * I + i] = b[i]!;
    let all = 1;
    for (let p = 0; p < P; p++) {
      const up = u[p]!;
      utility[n * P + p] = up;
      const min = bar[p]!;
      const ok = (min === min ? up >= min : accepts(c, p, b, up)) ? 1 : 0;
      acceptable[n * P + p] = ok;
      all &= ok;
    }
    allAccept[n] = all;
    n++;
  };
  if (rows) {
    const u = new Float64Array(P);
    for (let k = 0; k < cap; k++) {
      const b = rows.subarray(k * I, k * I + I);
      add(b, utilities(c, b, u));
    }
  } else walkBundles(c, { zopaOnly: false }, add);
  if (n < cap) {
    bundles = bundles.slice(0, n * I);
    utility = utility.slice(0, n * P);
    acceptable = acceptable.slice(0, n * P);
    allAccept = allAccept.slice(0, n);
  }
  const row = (k: number): Int32Array => bundles.subarray(k * I, k * I + I);
  // Per party, its accepted bundles by its utility descending, exact ties in canonical order (an
  // order that looked at the others' utilities would leak them to strategies). Built lazily, on a
  // party's first read of `own[p]` or `ownUtility[p]`: many runs read only some parties' orders,
  // and a space built for analysis reads none.
  const own: Int32Array[] = [];
  const ownUtility: Float64Array[] = [];
  const dense = !rows && n === cap;
  let canonical: Int32Array | null | undefined;
  // The same orders in plain arrays, for the search methods (reading `own`, whose elements are
  // accessors until built, is slower).
  const orders: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(P).fill(undefined);
  const orderValues: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(P).fill(undefined);
  const valuesOf = (p: number): Float64Array => {
    if (orderValues[p] === undefined) orderOf(p);
    return orderValues[p]!;
  };
  const orderOf = (p: number): void => {
    if (canonical === undefined) canonical = dense && walkIsCanonical(c) ? null : canonicalOrder(c, bundles, n, dense);
    const { order, values } = ownOrder(canonical, n, acceptable, utility, P, p);
    orders[p] = order;
    orderValues[p] = values;
    Object.defineProperty(own, p, { value: order, enumerable: true, configurable: false, writable: false });
    Object.defineProperty(ownUtility, p, { value: values, enumerable: true, configurable: false, writable: false });
  };
  for (let p = 0; p < P; p++) {
    const lazy = (list: unknown[]) => ({
      get: () => {
        orderOf(p);
        return list[p];
      },
      enumerable: true,
      configurable: true,
    });
    Object.defineProperty(own, p, lazy(own));
    Object.defineProperty(ownUtility, p, lazy(ownUtility));
  }
  // Mixed-radix code of a bundle (last issue fastest, as in the walk) -> index.
  const { encode } = bundleIndexer(c.sizes);
  const codeToIndex = dense ? undefined : new Map<number, number>();
  if (codeToIndex) for (let k = 0; k < n; k++) codeToIndex.set(encode(row(k)), k);
  let frontier: ArchivePoint[] | undefined;
  let nash: ArchivePoint | null | undefined;
  const space: OutcomeSpace = {
    compiled: c,
    size: n,
    issues: I,
    parties: P,
    bundles,
    utility,
    acceptable,
    allAccept,
    own,
    ownUtility,
    row,
    find(b) {
      for (let i = 0; i < I; i++) {
        const o = b[i]!;
        if (!(o >= 0 && o < c.sizes[i]!)) return -1;
      }
      const code = encode(b);
      return dense ? code : (codeToIndex!.get(code) ?? -1);
    },
    frontier() {
      if (frontier === undefined) {
        const archive = new ParetoArchive((a, b) => compareBundles(c, a, b));
        for (let k = 0; k < n; k++) if (allAccept[k]) archive.add(utility.subarray(k * P, k * P + P), row(k));
        frontier = archive.result();
      }
      return frontier;
    },
    nash() {
      if (nash === undefined) nash = nashSolution(bargainingProblem(c, space.frontier()))?.point ?? null;
      return nash;
    },
    utilityOf,
    accepts: acceptsOf,
    acceptedByAll,
    option,
    best(p) {
      const u = valuesOf(p);
      return u.length === 0 ? -1 : orders[p]![0]!;
    },
    maxAccepted(p) {
      const u = valuesOf(p);
      return u.length === 0 ? Number.NaN : u[0]!;
    },
    minAccepted(p) {
      const u = valuesOf(p);
      return u.length === 0 ? Number.NaN : u[u.length - 1]!;
    },
    nearAbove(p, target, top, limit, out) {
      const u = valuesOf(p);
      const pos = positionIn(u, target);
      if (pos < 0) return 0;
      const order = orders[p]!;
      out[0] = order[pos]!;
      let m = 1;
      for (let k = pos - 1; k >= 0 && m < limit && u[k]! <= top; k--) out[m++] = order[k]!;
      return m;
    },
  };
  return space;
}

/**
 * The outcome space of a scenario (validated and compiled here) or of a compiled scenario, built
 * once per compiled scenario and kept on it, so repeated simulations of a validated (frozen)
 * scenario share it. A plain object that is not frozen may change between calls, so it is
 * validated and its space built on every call.
 *
 * @example
 * ```ts
 * import { builtinScenario } from "treatylab";
 * const space = outcomeSpace(builtinScenario("nash-1950"));
 * space.size; // 512
 * ```
 */
export function outcomeSpace(input: Scenario | CompiledScenario): OutcomeSpace {
  // Cached on the compiled scenario, never on the caller's object: a scenario that is not frozen
  // may change between calls (it is validated and compiled again; a validated one is not).
  const c = prepare(input);
  let space = cache.get(c);
  if (!space) cache.set(c, (space = build(c)));
  return space;
}

const simulationCache = new ObjectCache<object, OutcomeSpace>("simulation space");

/**
 * The outcome space a simulation runs on: the same bundles, indices, utilities and answers as
 * {@link outcomeSpace}, but when the scenario allows it ({@link splitEligible}: no constraints,
 * interactions or ratification; red lines are fine) and its full space has not been built yet, a
 * {@link splitSpace} that tabulates two halves of the agenda instead of listing every bundle (a
 * negotiation on a fresh scenario object then costs a fraction of a full build). Cached like
 * {@link outcomeSpace}.
 *
 * @example
 * ```ts
 * import { simulationSpace } from "./outcomeSpace.js";
 * const space = simulationSpace(builtinScenario("nash-1950"));
 * space.size; // 512
 * space.utilityOf(space.best(0), 0); // 0.9999999999999982: bill's best bundle, to bill
 * ```
 */
export function simulationSpace(input: Scenario | CompiledScenario): OutcomeSpace {
  // Cached on the compiled scenario, as outcomeSpace.
  const c = prepare(input);
  let space = simulationCache.get(c) ?? cache.get(c);
  if (!space) {
    if (c.combinations > BigInt(MAX_SIMULATION_BUNDLES)) throw limitError(c.combinations, "bundles");
    space = splitEligible(c) ? splitSpace(c, () => outcomeSpace(c)) : outcomeSpace(c);
    simulationCache.set(c, space);
  }
  return space;
}

/**
 * An outcome space over given bundles only (flat option-index rows, in walk order), not cached:
 * used for the "zopa" scope, where the same bundle list serves every version of the scenario
 * during a run so that bundle indices stay stable across events.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * const space = outcomeSpaceOver(compiled, zopaUnionRows([compiled]));
 * ```
 */
export function outcomeSpaceOver(c: CompiledScenario, rows: Int32Array): OutcomeSpace {
  return build(c, rows);
}

/**
 * The bundles every party accepts under at least one of the given versions of a scenario (same
 * agenda), as flat option-index rows in walk (declaration) order: the union of their ZOPAs,
 * found with the pruned ZOPA walk. Throws a {@link LimitError} above {@link MAX_SIMULATION_BUNDLES}.
 *
 * @example
 * ```ts
 * const before = compileScenario(builtinScenario("nash-1950"));
 * const after = compileScenario(applyEdits(builtinScenario("nash-1950"), [{ op: "shiftReservation", party: "jack", by: 0.1 }]));
 * zopaUnionRows([before, after]).length / before.issueIds.length; // 293 bundles
 * ```
 */
export function zopaUnionRows(versions: readonly CompiledScenario[]): Int32Array {
  const first = versions[0]!;
  if (first.combinations > BigInt(Number.MAX_SAFE_INTEGER))
    throw limitError(first.combinations, "combinations (too many to number)");
  const I = first.issueIds.length;
  const { encode, decode } = bundleIndexer(first.sizes);
  const codes = new Set<number>();
  for (const c of versions)
    walkBundles(c, { zopaOnly: true }, (b) => {
      codes.add(encode(b));
      if (codes.size > MAX_SIMULATION_BUNDLES)
        throw limitError(`over ${MAX_SIMULATION_BUNDLES}`, "bundles in its ZOPA");
    });
  const sorted = Float64Array.from(codes).sort();
  const rows = new Int32Array(sorted.length * I);
  sorted.forEach((code, k) => rows.set(decode(code), k * I));
  return rows;
}
