/**
 * The version of treatylab running and how outputs record it (`generator`): shared by the CLI's
 * JSON results (src/cli/context.ts) and the JSON Lines streams of src/files/.
 * @module
 */
import { readFileSync } from "node:fs";

/**
 * The version of treatylab running: the package version, written into the build by tsup
 * (`process.env.TREATYLAB_VERSION`); when the TypeScript sources run (vitest, tsx), read from
 * package.json.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { TREATYLAB_VERSION } from "./version.js";
 * const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
 * TREATYLAB_VERSION === pkg.version; // true ("0.1.0"), unless the TREATYLAB_VERSION variable is set
 * ```
 */
export const TREATYLAB_VERSION: string =
  process.env.TREATYLAB_VERSION ??
  (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * The first field of every JSON result the CLI prints: the tool and version that wrote it.
 *
 * @example
 * ```ts
 * import { jsonResult } from "../cli/context.js";
 * JSON.parse(jsonResult({ kind: "x" })).generator; // { name: "treatylab", version: "0.1.0" }: GENERATOR
 * ```
 */
export const GENERATOR: { readonly name: "treatylab"; readonly version: string } = {
  name: "treatylab",
  version: TREATYLAB_VERSION,
};

/**
 * The treatylab version a JSON output records (its `generator`), or undefined when it records
 * none (written by the library, or before outputs were stamped).
 *
 * @example
 * ```ts
 * import { jsonResult } from "../cli/context.js";
 * import { recordedVersion } from "./version.js";
 * recordedVersion(JSON.parse(jsonResult({}))); // "0.1.0"
 * recordedVersion({ kind: "x" }); // undefined: no generator recorded
 * ```
 */
export function recordedVersion(data: unknown): string | undefined {
  const g = data !== null && typeof data === "object" ? (data as { generator?: unknown }).generator : undefined;
  const v = g !== null && typeof g === "object" ? (g as { version?: unknown }).version : undefined;
  return typeof v === "string" ? v : undefined;
}
