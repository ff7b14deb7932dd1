import { promises as fs } from "node:fs";
import { TreatylabError } from "../model/errors.js";
import { checkInputData } from "../model/inputGuard.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { builtinScenario, builtinScenarioIds } from "../scenarios/builtins.js";
import { readInteropFolder } from "./geniusFolder.js";

/**
 * Largest scenario file read (bytes).
 * @example
 * ```ts
 * MAX_SCENARIO_BYTES; // 64 * 1024 * 1024
 * ```
 */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON file, with one-line errors for a missing file, a file too large, or
 * invalid JSON (with line and column).
 *
 * @example
 * ```ts
 * const data = await readJsonFile("scenario.json");
 * ```
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new TreatylabError(`${file} is a folder, not a JSON file`);
    if (stat.size > MAX_SCENARIO_BYTES) throw new TreatylabError(`${file} is ${stat.size} bytes, over the limit of ${MAX_SCENARIO_BYTES}`);
    text = await fs.readFile(file, "utf8");
  } catch (err) {
    if (err instanceof TreatylabError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new TreatylabError(`${file}: no such file`);
    if (code === "EACCES") throw new TreatylabError(`${file}: permission denied`);
    throw new TreatylabError(`${file}: cannot read (${(err as Error).message})`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : jsonErrorOffset(body);
    const before = body.slice(0, pos);
    const line = before.split("\n").length;
    const col = pos - before.lastIndexOf("\n");
    const what = msg.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    throw new TreatylabError(`${file}:${line}:${col}: invalid JSON (${what})`);
  }
  try {
    checkInputData(data);
  } catch (err) {
    throw new TreatylabError(`${file}: ${(err as Error).message}`);
  }
  return data;
}

/**
 * The offset of the first character at which a JSON text stops being valid: the shortest prefix
 * whose parse fails with something other than "unexpected end" (found by bisection, since some
 * V8 messages omit the position).
 */
function jsonErrorOffset(text: string): number {
  const failsInside = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      return !/end of (JSON|data) input|Unexpected end/i.test((e as Error).message);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}

/**
 * What a scenario reference names: a built-in scenario id (checked first), an existing folder, or
 * a file (an existing path, or one that looks like a path, so that reading it reports the missing
 * file). Throws the one-line "neither a built-in scenario … nor a file" error for a bare name that
 * is neither.
 *
 * @example
 * ```ts
 * await scenarioRefKind("ukraine-2025"); // "builtin"
 * await scenarioRefKind("domains/party"); // "folder" when that folder exists
 * ```
 */
export async function scenarioRefKind(ref: string): Promise<"builtin" | "folder" | "file"> {
  if (builtinScenarioIds().includes(ref)) return "builtin";
  const stat = await fs.stat(ref).catch(() => undefined);
  if (stat?.isDirectory()) return "folder";
  if (stat === undefined && !/[./\\]/.test(ref))
    throw new TreatylabError(`"${ref}" is neither a built-in scenario (${builtinScenarioIds().join(", ")}) nor a file`);
  return "file";
}

/**
 * Loads a scenario from a JSON file, a GENIUS or GeniusWeb folder (see `readInteropFolder`), or a
 * built-in scenario by id, validated and frozen.
 *
 * @example
 * ```ts
 * import { loadScenario } from "treatylab/node";
 * const s = await loadScenario("ukraine-2025");
 * ```
 */
export async function loadScenario(ref: string): Promise<Scenario> {
  const kind = await scenarioRefKind(ref);
  if (kind === "builtin") return builtinScenario(ref);
  if (kind === "folder") return readInteropFolder(ref);
  return validateScenario(await readJsonFile(ref));
}
