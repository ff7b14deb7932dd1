import { readJsonFile } from "../files/loadScenario.js";
import { ScenarioError, TreatylabError } from "../model/errors.js";
import type { Bundle } from "../model/types.js";

/**
 * Reads a proposal from `--proposal <file>` (`{ "bundle": {...} }` or the bare object) and
 * `--set issue=option` clauses (which override the file).
 *
 * @example
 * ```ts
 * import { readProposal } from "./proposalInput.js";
 * const bundle = await readProposal("examples/proposals/us-28-point-plan.json", ["army-cap=800"]);
 * bundle["army-cap"]; // "800": --set overrides the plan's "600"
 * ```
 */
export async function readProposal(file: string | undefined, sets: readonly string[]): Promise<Bundle> {
  return proposalFromData(file ? { file, data: await readJsonFile(file) } : undefined, sets);
}

/**
 * {@link readProposal} on an already parsed proposal file (`data`, named `file` in errors; none
 * when `from` is undefined) and `--set issue=option` clauses (which override the file).
 *
 * @example
 * ```ts
 * import { proposalFromData } from "./proposalInput.js";
 * proposalFromData({ file: "p.json", data: { bundle: { nato: "no" } } }, ["troops=none"]);
 * // { nato: "no", troops: "none" }
 * ```
 */
export function proposalFromData(
  from: { readonly file: string; readonly data: unknown } | undefined,
  sets: readonly string[],
): Bundle {
  let bundle: Record<string, string> = {};
  if (from) {
    const { file, data } = from;
    const obj =
      data !== null && typeof data === "object" && "bundle" in data ? (data as { bundle: unknown }).bundle : data;
    if (obj === null || typeof obj !== "object" || Array.isArray(obj))
      throw new TreatylabError(`${file}: expected an object { issueId: optionId, ... } or { "bundle": { ... } }`);
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== "string" && typeof v !== "number")
        throw new TreatylabError(`${file}: "${k}" must be an option id (a string)`);
      bundle[k] = String(v);
    }
  }
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new TreatylabError(`--set "${s}": expected issue=option`);
    bundle = { ...bundle, [s.slice(0, eq)]: s.slice(eq + 1) };
  }
  if (Object.keys(bundle).length === 0)
    throw new TreatylabError("no proposal: give --proposal <file.json> and/or --set issue=option");
  return bundle;
}

/**
 * Runs `f` (which checks a proposal read by {@link readProposal} against a scenario) and names
 * where a refused clause came from: the `--set` clause, or the proposal file (`check` and
 * `explain` said only `proposal.book: unknown option "nobody"`).
 *
 * @example
 * ```ts
 * import { withProposalOrigin } from "./proposalInput.js";
 * withProposalOrigin("p.json", ["pen=nobody"], () => checkProposal(nash1950, { book: "bill", pen: "nobody" }));
 * // throws: --set pen=nobody: proposal.pen: unknown option "nobody" of issue "pen"; expected one of ...
 * ```
 */
export function withProposalOrigin<T>(file: string | undefined, sets: readonly string[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    const m =
      e instanceof ScenarioError && e.source === undefined ? /^(?:proposal|bundle)(?:\.(.+))?$/.exec(e.path) : null;
    if (!m) throw e;
    const err = e as ScenarioError;
    // A clause's key: the last --set of it wins over the file, as in proposalFromData.
    const set = m[1] === undefined ? undefined : [...sets].reverse().find((s) => s.slice(0, s.indexOf("=")) === m[1]);
    const source = set !== undefined ? `--set ${set}` : (file ?? (sets.length > 0 ? "--set" : undefined));
    throw new ScenarioError(err.path, err.problem, err.expected, source);
  }
}
