import seedrandom from "seedrandom";
import { type CompiledScenario, isFeasible } from "../model/compile.js";
import { walkBundles } from "../enumeration/walkBundles.js";
import { utilities } from "../utility/utilities.js";
import { accepts } from "../utility/verdict.js";

/**
 * Options of {@link utilitySample}.
 *
 * @example
 * ```ts
 * const o: UtilitySampleOptions = { parties: [0, 1], maxPoints: 2000, seed: "1" };
 * ```
 */
export interface UtilitySampleOptions {
  /** Indices of the two parties on the x and y axes. */
  readonly parties: readonly [number, number];
  /** Most bundles drawn into each of the two samples (all bundles, ZOPA bundles); default 1200. */
  readonly maxPoints?: number;
  /** Outcome spaces up to this many bundles are walked exhaustively; default 200 000. */
  readonly enumerateLimit?: number;
  /** Seed of the sampling generator (seedrandom); default "0". */
  readonly seed?: string;
  /** Most ZOPA bundles the separate ZOPA walk visits in a large space; default 2 000 000. */
  readonly zopaWalkLimit?: number;
}

/**
 * One plotted point: the two parties' utilities rounded to the plot grid (1/250), whether the
 * bundles behind it are in the ZOPA, and how many sampled bundles fell on it.
 *
 * @example
 * ```ts
 * const p: SamplePoint = { x: 0.7, y: 0.688, zopa: true, count: 3 };
 * ```
 */
export interface SamplePoint {
  readonly x: number;
  readonly y: number;
  readonly zopa: boolean;
  readonly count: number;
}

/**
 * The result of {@link utilitySample}: the points and how they were drawn.
 *
 * @example
 * ```ts
 * const compiled = compileScenario(nash1950);
 * const s: UtilitySample = utilitySample(compiled, { parties: [0, 1] });
 * s.exhaustive; // true when every feasible bundle was visited
 * ```
 */
export interface UtilitySample {
  readonly points: readonly SamplePoint[];
  /** True when the plotted bundles are every feasible bundle (no sampling). */
  readonly exhaustive: boolean;
  /** Number of bundles behind the points. */
  readonly bundles: number;
  /** True when the ZOPA walk of a large space stopped at `zopaWalkLimit` (its sample then covers the first bundles in walk order only). */
  readonly zopaTruncated: boolean;
}

const GRID = 250;

/** A deterministic reservoir of size k (Algorithm R) over a stream of utility pairs. */
function reservoir(
  k: number,
  rng: () => number,
): { add: (x: number, y: number, zopa: boolean) => void; items: [number, number, boolean][]; seen: () => number } {
  const items: [number, number, boolean][] = [];
  let n = 0;
  return {
    items,
    seen: () => n,
    add: (x, y, zopa) => {
      if (items.length < k) items.push([x, y, zopa]);
      else {
        const j = Math.floor(rng() * (n + 1));
        if (j < k) items[j] = [x, y, zopa];
      }
      n++;
    },
  };
}

function inZopa(c: CompiledScenario, bundle: Int32Array, u: Float64Array): boolean {
  for (let p = 0; p < c.partyIds.length; p++) if (!accepts(c, p, bundle, u[p])) return false;
  return true;
}

/**
 * Two parties' utilities over the outcome space, for a utility-space plot. Small spaces (up to
 * `enumerateLimit` bundles) are walked exhaustively; larger ones are sampled uniformly with a
 * seeded generator (random bundles, infeasible ones dropped). Because the ZOPA is often a tiny
 * share of a large space, the ZOPA is walked separately and sampled too (the walk stops after
 * `zopaWalkLimit` ZOPA bundles, so huge ZOPAs stay fast; `zopaTruncated` says so). Points are merged on a
 * 1/250 grid, so the plot stays light. Same scenario, options and seed give the same points.
 *
 * @example
 * ```ts
 * import { compileScenario, nash1950 } from "treatylab";
 * const s = utilitySample(compileScenario(nash1950), { parties: [0, 1] });
 * s.points.length; // distinct (x, y) cells
 * ```
 */
export function utilitySample(c: CompiledScenario, options: UtilitySampleOptions): UtilitySample {
  const [px, py] = options.parties;
  const k = Math.max(1, Math.floor(options.maxPoints ?? 1200));
  const limit = options.enumerateLimit ?? 200_000;
  const rng = seedrandom(`utility-space/${options.seed ?? "0"}`);
  const all = reservoir(k, rng);
  const zopa = reservoir(k, rng);
  const exhaustive = c.combinations <= BigInt(limit);
  if (exhaustive) {
    walkBundles(c, { zopaOnly: false }, (b, u) => all.add(u[px]!, u[py]!, inZopa(c, b, u)));
  } else {
    const b = new Int32Array(c.sizes.length);
    const u = new Float64Array(c.partyIds.length);
    for (let attempt = 0; attempt < k * 20 && all.seen() < k; attempt++) {
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(rng() * c.sizes[i]!);
      if (!isFeasible(c, b)) continue;
      utilities(c, b, u);
      all.add(u[px]!, u[py]!, inZopa(c, b, u));
    }
    const cap = options.zopaWalkLimit ?? 2_000_000;
    walkBundles(c, { zopaOnly: true }, (_b, u2) => {
      zopa.add(u2[px]!, u2[py]!, true);
      return zopa.seen() >= cap;
    });
  }
  const cells = new Map<string, { x: number; y: number; zopa: boolean; count: number }>();
  for (const [x, y, z] of [...all.items, ...zopa.items]) {
    const gx = Math.round(x * GRID) / GRID;
    const gy = Math.round(y * GRID) / GRID;
    const key = `${gx},${gy},${z}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { x: gx, y: gy, zopa: z, count: 1 });
  }
  // Outside points first so ZOPA points are drawn on top; then by coordinates (stable output).
  const points = [...cells.values()].sort((a, b) => Number(a.zopa) - Number(b.zopa) || a.x - b.x || a.y - b.y);
  return {
    points,
    exhaustive,
    bundles: all.items.length + zopa.items.length,
    zopaTruncated: !exhaustive && zopa.seen() >= (options.zopaWalkLimit ?? 2_000_000),
  };
}
