/**
 * Formats a path into a JSON document the way error messages show it: `$.parties[0].weights.nato`.
 *
 * @example
 * ```ts
 * jsonPath(["parties", 0, "weights", "nato"]); // "$.parties[0].weights.nato"
 * jsonPath(["values", "a b"]); // '$.values["a b"]'
 * ```
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
