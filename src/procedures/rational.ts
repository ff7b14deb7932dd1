/**
 * Exact rational numbers for the fair-division procedures: fraction.js (BigInt numerator and
 * denominator), plus an exact reading of JSON numbers and fraction strings.
 * @module
 */
import Fraction from "fraction.js";
import { ScenarioError } from "../model/errors.js";

export { Fraction };

/**
 * An exact rational number (a fraction.js `Fraction`, BigInt-based). Written as the instance type
 * of the constructor so that it resolves under both fraction.js typings: its ESM typings export the
 * class, its CommonJS typings (`export =` of a value) do not export the class as a type.
 *
 * @example
 * ```ts
 * const r: Rational = new Fraction(170n, 3n);
 * ```
 */
export type Rational = InstanceType<typeof Fraction>;

/**
 * Zero, as a rational.
 *
 * @example
 * ```ts
 * import { ONE, ZERO } from "./rational.js";
 * ZERO.add(ONE).equals(ONE); // true
 * ```
 */
export const ZERO: Rational = new Fraction(0n);

/**
 * One, as a rational.
 *
 * @example
 * ```ts
 * import { ONE } from "./rational.js";
 * ONE.sub(new Fraction(1n, 6n)).toFraction(); // "5/6"
 * ```
 */
export const ONE: Rational = new Fraction(1n);

/** Longest amount read, in characters, and the largest power of ten: beyond them BigInt work could take very long. */
const MAX_AMOUNT_CHARS = 200;
const MAX_EXPONENT = 1000n;
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^(\d+)\/(\d+)$/;

/**
 * The exact rational value of a non-negative decimal written in plain or exponent notation
 * (`"33.3"`, `"1e-7"`), or `undefined` when the text is not such a decimal.
 *
 * @example
 * ```ts
 * decimalToRational("33.3")?.toFraction(); // "333/10"
 * decimalToRational("1e-7")?.toFraction(); // "1/10000000"
 * ```
 */
export function decimalToRational(text: string): Rational | undefined {
  const m = text.length <= MAX_AMOUNT_CHARS ? DECIMAL.exec(text) : null;
  if (!m) return undefined;
  const digits = `${m[1] ?? "0"}${m[2] ?? ""}`;
  const exponent = BigInt(m[3] ?? "0") - BigInt((m[2] ?? "").length);
  if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) return undefined;
  const n = BigInt(digits);
  return exponent >= 0n ? new Fraction(n * 10n ** exponent, 1n) : new Fraction(n, 10n ** -exponent);
}

/**
 * Reads a non-negative amount exactly: a finite JSON number (read as the decimal it prints as, so
 * `0.1` is exactly 1/10) or a string holding a decimal or a fraction `"p/q"` (at most 200
 * characters, powers of ten up to 1e1000). Throws a
 * `ScenarioError` naming `path` for anything else (NaN, infinities, negatives, other text).
 *
 * @example
 * ```ts
 * exactAmount(0.1, "$.x").toFraction();   // "1/10"
 * exactAmount("1/3", "$.x").toFraction(); // "1/3"
 * exactAmount(-1, "$.x");                 // throws "$.x: is -1; expected a number >= 0"
 * ```
 */
export function exactAmount(value: unknown, path: string): Rational {
  const expected = 'a number >= 0 (or a string such as "1/3" or "12.5")';
  if (typeof value === "number") {
    if (Number.isNaN(value)) throw new ScenarioError(path, "is NaN", expected);
    if (!Number.isFinite(value)) throw new ScenarioError(path, `is ${String(value)}`, "a finite number >= 0");
    if (value < 0) throw new ScenarioError(path, `is ${String(value)} (negative)`, expected);
    const r = decimalToRational(String(value));
    if (r) return r;
  }
  if (typeof value === "string") {
    const text = value.trim();
    const f = text.length <= MAX_AMOUNT_CHARS ? FRACTION.exec(text) : null;
    if (f) {
      const d = BigInt(f[2] ?? "0");
      if (d === 0n) throw new ScenarioError(path, `is "${value}" (division by zero)`, expected);
      return new Fraction(BigInt(f[1] ?? "0"), d);
    }
    const r = decimalToRational(text);
    if (r) return r;
    if (/^-/.test(text)) throw new ScenarioError(path, `is "${value}" (negative)`, expected);
  }
  const shown = value === undefined ? "missing" : `is ${JSON.stringify(value) ?? String(value)}`;
  throw new ScenarioError(path, shown, expected);
}

/**
 * A rational as an exact string: `"170/3"`, `"50"`, `"0"`.
 *
 * @example
 * ```ts
 * formatRational(new Fraction(340n, 6n)); // "170/3"
 * ```
 */
export function formatRational(r: Rational): string {
  return r.toFraction();
}
