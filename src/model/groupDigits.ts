/**
 * Digit grouping for counts in human output: the command line's text and Markdown, the HTML report.
 * @module
 */

/**
 * A number written with a comma between each group of three digits of its integer part, as the
 * CLI's text and Markdown and the HTML report print counts (CSV and JSON keep plain digits). Takes the exact decimal
 * text of a count (`Analysis.outcomesExact` can pass 2^53), a bigint or a number; what is not
 * plain decimal digits (an exponent form, a word) is returned as given.
 *
 * @example
 * ```ts
 * import { groupDigits } from "./groupDigits.js";
 * groupDigits("26542080"); // "26,542,080"
 * groupDigits(512n); // "512"
 * groupDigits("-1234567"); // "-1,234,567"
 * groupDigits(12345.5); // "12,345.5"
 * ```
 */
export function groupDigits(count: string | number | bigint): string {
  const text = String(count);
  const m = /^(-?\d+)(\.\d+)?$/.exec(text);
  return m ? `${m[1]!.replace(/\B(?=(\d{3})+$)/g, ",")}${m[2] ?? ""}` : text;
}

/**
 * A count with its noun, digits grouped, the noun in the singular for exactly one: "1 point",
 * "7 points", "26,542,080 bundles".
 *
 * @example
 * ```ts
 * import { counted } from "./groupDigits.js";
 * counted(1, "draw"); // "1 draw"
 * counted(12000, "draw"); // "12,000 draws"
 * counted(2, "party", "parties"); // "2 parties"
 * ```
 */
export function counted(count: number | bigint, singular: string, plural = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 || count === 1n ? singular : plural}`;
}

/**
 * A non-negative number to `digits` significant digits (a standard error), grouped by thousands
 * rather than in exponent form once it reaches 10^digits (`toPrecision` writes 12,000 as
 * "1.2e+4"); below 1e-6 it keeps `toPrecision`'s exponent form.
 *
 * @example
 * ```ts
 * import { groupedPrecision } from "./groupDigits.js";
 * groupedPrecision(0.012345); // "0.012"
 * groupedPrecision(12345); // "12,000"
 * groupedPrecision(99.7); // "100"
 * ```
 */
export function groupedPrecision(x: number, digits = 2): string {
  // Decided after rounding: 99.7 to two digits is "1.0e+2", written 100.
  const text = x.toPrecision(digits);
  return text.includes("e") ? groupDigits(Number(text)) : text;
}
