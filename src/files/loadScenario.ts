import { promises as fs } from "node:fs";
import path from "node:path";
import { ScenarioError, TreatylabError } from "../model/errors.js";
import { checkInputData } from "../model/inputGuard.js";
import type { Scenario } from "../model/types.js";
import { hasExactScenarioErrors, validateScenario } from "../model/validate.js";
import { builtinScenarioIds, isBuiltinScenarioId, loadBuiltinScenario } from "../scenarios/catalog.js";

/**
 * Largest scenario file read (bytes).
 * @example
 * ```ts
 * import { MAX_SCENARIO_BYTES } from "./loadScenario.js";
 * const piped = (async function* () { yield "x".repeat(MAX_SCENARIO_BYTES + 1); })();
 * await readJsonFile("-", piped); // throws "standard input is over the limit of 67108864 bytes"
 * ```
 */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/**
 * The name standing for standard input wherever a file is read (`treatylab analyze -`).
 * @example
 * ```ts
 * import { STDIN } from "./loadScenario.js";
 * await readJsonFile(STDIN); // parses what was piped in
 * await readJsonFile(STDIN, (async function* () { yield '{"a": 1}'; })()); // { a: 1 }: a given stream instead
 * ```
 */
export const STDIN = "-";

/** Reads a stream (standard input) to the end as UTF-8 text, at most `MAX_SCENARIO_BYTES`. */
async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_SCENARIO_BYTES)
      throw new TreatylabError(`standard input is over the limit of ${MAX_SCENARIO_BYTES} bytes`);
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "")
    throw new TreatylabError("standard input is empty (pipe a JSON file into it, or name a file instead of -)");
  return text;
}

/**
 * Reads and parses a JSON file, or standard input when `file` is `-`, with one-line errors for a
 * missing file, a file too large, or invalid JSON (with line and column).
 *
 * @example
 * ```ts
 * const data = await readJsonFile("scenario.json");
 * const piped = await readJsonFile("-"); // standard input
 * ```
 */
export async function readJsonFile(
  file: string,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<unknown> {
  let text: string;
  if (file === STDIN) {
    text = await readStream(stdin);
    file = "standard input";
  } else {
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) throw new TreatylabError(`${file} is a folder, not a JSON file`);
      if (stat.size > MAX_SCENARIO_BYTES)
        throw new TreatylabError(`${file} is ${stat.size} bytes, over the limit of ${MAX_SCENARIO_BYTES}`);
      text = await fs.readFile(file, "utf8");
    } catch (err) {
      if (err instanceof TreatylabError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new TreatylabError(`${file}: no such file`);
      if (code === "EACCES") throw new TreatylabError(`${file}: permission denied`);
      throw new TreatylabError(`${file}: cannot read (${(err as Error).message})`);
    }
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
 * import { scenarioRefKind } from "./loadScenario.js";
 * await scenarioRefKind("ukraine-2025"); // "builtin"
 * await scenarioRefKind("examples/genius/nash-1950"); // "folder"
 * await scenarioRefKind("scenario.json"); // "file"
 * ```
 */
export async function scenarioRefKind(ref: string): Promise<"builtin" | "folder" | "file"> {
  if (isBuiltinScenarioId(ref)) return "builtin";
  if (ref === STDIN) return "file";
  const stat = await fs.stat(ref).catch(() => undefined);
  if (stat?.isDirectory()) return "folder";
  if (stat === undefined && !/[./\\]/.test(ref))
    throw new TreatylabError(`"${ref}" is neither a built-in scenario (${builtinScenarioIds().join(", ")}) nor a file`);
  return "file";
}

/**
 * Loads a scenario from a JSON file (`-`: standard input), a GENIUS or GeniusWeb folder (see
 * `readInteropFolder`), or a built-in scenario by id, validated and frozen.
 *
 * @example
 * ```ts
 * import { loadScenario } from "treatylab/node";
 * const s = await loadScenario("ukraine-2025");
 * ```
 */
export async function loadScenario(ref: string, stdin?: AsyncIterable<Uint8Array | string>): Promise<Scenario> {
  return loadScenarioRef(ref, [], stdin);
}

async function loadScenarioRef(
  ref: string,
  chain: readonly string[],
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<Scenario> {
  const kind = await scenarioRefKind(ref);
  // Only this scenario's module loads (not every built-in): off the start path of the command line.
  if (kind === "builtin") return loadBuiltinScenario(ref);
  // The GENIUS reader (and its XML parser) loads only for a folder: off the start path of every command.
  if (kind === "folder") return (await import("./geniusFolder.js")).readInteropFolder(ref);
  return scenarioFromData(await readJsonFile(ref, stdin), ref, chain);
}

/**
 * A scenario from parsed JSON read from `file`. A plain scenario is validated. A **derived
 * scenario** names a `base` (a built-in id, or a scenario file relative to `file`'s folder, which
 * may itself be derived) and `edits` and/or `events` (see `applyEditsData`); its other top-level
 * fields (`id`, `title`, `description`, `sources`...) replace the base's, then the edits and
 * events apply in order and the result is validated. A base that leads back to itself is an
 * error naming the chain. `chain` holds the files already being read (internal; default none).
 *
 * @example
 * ```ts
 * const s = await scenarioFromData({ base: "nash-1950", id: "nash-poorer-bill",
 *   edits: [{ op: "shiftReservation", party: "bill", by: -0.1 }] }, "derived.json");
 * ```
 */
export async function scenarioFromData(data: unknown, file: string, chain: readonly string[] = []): Promise<Scenario> {
  if (data === null || typeof data !== "object" || Array.isArray(data) || !("base" in data))
    return validated(data, file);
  const { base, edits, events, $schema: _schema, ...fields } = data as Record<string, unknown>;
  if (typeof base !== "string" || base.trim() === "")
    throw new TreatylabError(
      `${file}: $.base: expected a built-in scenario id or a scenario file path relative to ${file}`,
    );
  const here = path.resolve(file);
  const next = [...chain, here];
  let parent: Scenario;
  if (isBuiltinScenarioId(base)) parent = await loadBuiltinScenario(base);
  else {
    const target = path.resolve(path.dirname(file), base);
    if (next.includes(target))
      throw new TreatylabError(
        `${file}: $.base: "${base}" leads back to itself (${[...next, target].map((f) => path.basename(f)).join(" -> ")})`,
      );
    parent = await loadScenarioRef(path.relative(process.cwd(), target) || target, next);
  }
  let out: Scenario = { ...parent, ...(fields as Partial<Scenario>) } as Scenario;
  if (edits !== undefined || events !== undefined) {
    // Loaded only for a derived scenario with edits (issue 18: start-up; immer comes with them).
    const { applyEditsData } = await import("../edits/editsData.js");
    if (edits !== undefined) out = applyEditsData(out, { edits }, file);
    if (events !== undefined) out = applyEditsData(out, { events }, file);
  }
  return validated(out, file);
}

/**
 * `validateScenario`, with zod's exact message for an invalid structure: the structure check needs
 * no zod, so zod (the public validate module) loads only for a scenario it refuses (issue 18). A
 * scenario error names the file the scenario was read from (`-`: standard input).
 */
async function validated(data: unknown, file: string): Promise<Scenario> {
  const source = file === STDIN ? "standard input" : file;
  const named = (e: unknown): unknown =>
    e instanceof ScenarioError && e.source === undefined ? new ScenarioError(e.path, e.problem, e.expected, source) : e;
  try {
    return validateScenario(data);
  } catch (e) {
    if (!(e instanceof ScenarioError) || hasExactScenarioErrors()) throw named(e);
    try {
      return (await import("../model/validatePublic.js")).validateScenario(data);
    } catch (exact) {
      throw named(exact);
    }
  }
}
