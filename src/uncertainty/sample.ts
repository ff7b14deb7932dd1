import type { Distribution } from "./types.js";

/**
 * Draws one number from a distribution with a random source returning numbers in [0, 1)
 * (a seedrandom generator). Normal draws use the Box-Muller transform (two uniforms per draw);
 * triangular draws invert the distribution function (one uniform).
 *
 * @example
 * ```ts
 * import seedrandom from "seedrandom";
 * sample({ kind: "uniform", min: 0.4, max: 0.5 }, seedrandom("42:0")); // 0.4...
 * ```
 */
export function sample(d: Distribution, rng: () => number): number {
  switch (d.kind) {
    case "uniform":
      return d.min + (d.max - d.min) * rng();
    case "normal": {
      const u1 = 1 - rng(); // (0, 1]
      const u2 = rng();
      return d.mean + d.sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    case "triangular": {
      const u = rng();
      const span = d.max - d.min;
      if (span === 0) return d.min;
      const f = (d.mode - d.min) / span;
      // In units of the span, so products of tiny spans cannot underflow; clamped against rounding.
      const x = u < f ? d.min + span * Math.sqrt(u * f) : d.max - span * Math.sqrt((1 - u) * (1 - f));
      return Math.min(d.max, Math.max(d.min, x));
    }
  }
}
