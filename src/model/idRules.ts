/**
 * The rules of a treatylab id as plain code (no schema library), for readers of other formats
 * (GENIUS) that take ids from a file and want to name the file when one is not an id. The zod
 * schema (schema.ts) is built from the same constants.
 * @module
 */
import { INPUT_LIMITS } from "./inputGuard.js";

/**
 * Ids refused although their characters are allowed: they are JavaScript's own property names.
 *
 * @example
 * ```ts
 * import { RESERVED_IDS } from "./idRules.js";
 * RESERVED_IDS.includes("constructor"); // true
 * ```
 */
export const RESERVED_IDS: readonly string[] = ["__proto__", "constructor", "prototype"];

/**
 * The characters of an id: letters, digits, `-`, `_`, `.`, `:`, starting with a letter or digit.
 *
 * @example
 * ```ts
 * import { ID_PATTERN } from "./idRules.js";
 * ID_PATTERN.test("no-ukraine"); // true
 * ID_PATTERN.test("-5"); // false: starts with "-"
 * ```
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/**
 * Whether a string is a valid id: {@link ID_PATTERN}, at most `INPUT_LIMITS.maxKeyLength` (1,000)
 * characters, and not one of {@link RESERVED_IDS}.
 *
 * @example
 * ```ts
 * import { isId } from "./idRules.js";
 * isId("book"); // true
 * isId("a b"); // false
 * isId("a".repeat(1001)); // false: too long
 * isId("__proto__"); // false: reserved
 * ```
 */
export function isId(s: string): boolean {
  return s.length <= INPUT_LIMITS.maxKeyLength && ID_PATTERN.test(s) && !RESERVED_IDS.includes(s);
}
