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
 * const r: GeniusRequest = { folder: "Laptop", files: [{ name: "laptop_domain.xml", path: "Laptop/laptop_domain.xml", text }] };
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
 * const r: GeniusResult = { ok: false, error: "Laptop: no GENIUS domain file; ..." };
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
