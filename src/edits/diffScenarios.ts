import { type Patch, applyPatches, enablePatches } from "immer";
import type { Scenario } from "../model/types.js";

enablePatches();

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function diffValue(a: unknown, b: unknown, path: (string | number)[], out: Patch[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) diffValue(a[i], b[i], [...path, i], out);
    for (let i = a.length - 1; i >= b.length; i--) out.push({ op: "remove", path: [...path, i] });
    for (let i = a.length; i < b.length; i++) out.push({ op: "add", path: [...path, i], value: b[i] });
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a))
      if (!Object.prototype.hasOwnProperty.call(b, k)) out.push({ op: "remove", path: [...path, k] });
    for (const k of Object.keys(b)) {
      if (!Object.prototype.hasOwnProperty.call(a, k)) out.push({ op: "add", path: [...path, k], value: b[k] });
      else diffValue(a[k], b[k], [...path, k], out);
    }
    return;
  }
  out.push({ op: "replace", path, value: b });
}

/**
 * The differences between two scenarios as immer patches: applying them to `a` with
 * {@link applyScenarioPatches} gives `b`. Read them with `describePatches`.
 *
 * @example
 * ```ts
 * const before = builtinScenario("nash-1950");
 * const after = applyEdits(before, [{ op: "shiftReservation", party: "jack", by: 0.05 }]);
 * diffScenarios(before, after); // [{ op: "replace", path: ["parties", 1, "reservation"], value: 0.425 }]
 * ```
 */
export function diffScenarios(a: Scenario, b: Scenario): Patch[] {
  const out: Patch[] = [];
  diffValue(a, b, [], out);
  return out;
}

/**
 * Applies immer patches to a scenario, returning a new frozen scenario.
 *
 * @example
 * ```ts
 * const before = builtinScenario("nash-1950");
 * const after = applyEdits(before, [{ op: "shiftReservation", party: "jack", by: 0.05 }]);
 * const again = applyScenarioPatches(before, diffScenarios(before, after)); // deep-equals after
 * again.parties[1]?.reservation; // 0.425, as in after
 * ```
 */
export function applyScenarioPatches(s: Scenario, patches: readonly Patch[]): Scenario {
  return applyPatches(s, patches as Patch[]);
}

/**
 * Describes patches for a person, naming parties, issues and options by id rather than index:
 * `parties[russia].reservation: 0.45 -> 0.4`.
 *
 * @example
 * ```ts
 * const before = builtinScenario("nash-1950");
 * const after = applyEdits(before, [{ op: "shiftReservation", party: "jack", by: 0.05 }]);
 * describePatches(before, diffScenarios(before, after)); // ["parties[jack].reservation: 0.375 -> 0.425"]
 * ```
 */
export function describePatches(base: Scenario, patches: readonly Patch[]): string[] {
  const show = (v: unknown): string => {
    const s = JSON.stringify(v);
    return s === undefined ? "undefined" : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  };
  return patches.map((p) => {
    let node: unknown = base;
    let old: unknown = base;
    const parts: string[] = [];
    for (const key of p.path) {
      const child =
        node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
      if (typeof key === "number" && isObject(child) && typeof child.id === "string") parts.push(`[${child.id}]`);
      else parts.push(typeof key === "number" ? `[${key}]` : `${parts.length ? "." : ""}${key}`);
      node = child;
      old = child;
    }
    const where = parts.join("");
    if (p.op === "remove") return `${where}: removed (was ${show(old)})`;
    if (p.op === "add") return `${where}: added ${show(p.value)}`;
    return `${where}: ${show(old)} -> ${show(p.value)}`;
  });
}
