import { QUOTE_MAX_CHARS, quote } from "./quote.js";

/**
 * Formats a path into a JSON document the way error messages show it: `$.parties[0].weights.nato`.
 *
 * @example
 * ```ts
 * import { jsonPath } from "./jsonPath.js";
 * jsonPath(["parties", 0, "weights", "nato"]); // "$.parties[0].weights.nato"
 * jsonPath(["values", "a b"]); // '$.values["a b"]'
 * ```
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && key.length <= QUOTE_MAX_CHARS && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key))
      out += `.${key}`;
    else out += `[${quote(String(key))}]`;
  }
  return out;
}
