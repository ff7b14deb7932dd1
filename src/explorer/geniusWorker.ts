/**
 * The explorer's second Web Worker, started only when GENIUS XML files are dropped on the page: it
 * imports them (the XML parser lives here, out of the page's and the analysis worker's bundles)
 * and answers with the scenario or one error line.
 * @module
 */
import { importGeniusFolderFiles } from "../interop/geniusFiles.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { GeniusFolderFile } from "../interop/geniusFiles.js";

/**
 * What the page sends: the folder's name and its XML files.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { importGeniusFolderFiles } from "../interop/geniusFiles.js";
 * import type { GeniusRequest } from "./geniusWorker.js";
 * const dir = "examples/genius/nash-1950";
 * const read = (name: string) => ({ name, path: `${dir}/${name}`, text: readFileSync(`${dir}/${name}`, "utf8") });
 * const r: GeniusRequest = { folder: "nash-1950", files: ["bill.xml", "jack.xml", "nash-1950_domain.xml"].map(read) };
 * importGeniusFolderFiles(r.folder, r.files).parties.map((p) => p.id); // ["bill", "jack"]: what the worker does
 * ```
 */
export interface GeniusRequest {
  readonly folder: string;
  readonly files: readonly GeniusFolderFile[];
}

/**
 * The answer: the imported scenario, or the import's one-line error.
 *
 * @example
 * ```ts
 * import { importGeniusFolderFiles } from "../interop/geniusFiles.js";
 * import type { GeniusResult } from "./geniusWorker.js";
 * let r: GeniusResult;
 * try {
 *   r = { ok: true, scenario: importGeniusFolderFiles("Laptop", []) };
 * } catch (e) {
 *   r = { ok: false, error: (e as Error).message }; // "Laptop: no GENIUS domain file; expected exactly one domain ..."
 * }
 * ```
 */
export type GeniusResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly error: string };

interface WorkerScope {
  onmessage: ((ev: { data: GeniusRequest }) => void) | null;
  postMessage(message: GeniusResult): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (ev) => {
  try {
    scope.postMessage({ ok: true, scenario: importGeniusFolderFiles(ev.data.folder, ev.data.files) });
  } catch (err) {
    scope.postMessage({
      ok: false,
      error: err instanceof TreatylabError ? err.message : `internal error: ${(err as Error).message}`,
    });
  }
};
