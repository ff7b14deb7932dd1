/**
 * Digit grouping for counts in the command line's human output.
 * @module
 */

/**
 * An integer written with a comma between each group of three digits, as the CLI's text and
 * Markdown print counts (CSV and JSON keep plain digits). Takes the exact decimal text of a count
 * (`Analysis.outcomesExact` can pass 2^53), a bigint or a safe integer; anything else is returned as
 * given.
 *
 * @example
 * ```ts
 * import { groupDigits } from "./groupDigits.js";
 * groupDigits("26542080"); // "26,542,080"
 * groupDigits(512n); // "512"
 * groupDigits("-1234567"); // "-1,234,567"
 * ```
 */
export function groupDigits(count: string | number | bigint): string {
  const text = String(count);
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+$)/g, ",") : text;
}
