import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { loadBuiltinScenario } from "../scenarios/catalog.js";
import { parseUncertainty, type UncertaintySpec } from "../uncertainty/types.js";
import { loadScenario, readJsonFile, scenarioFromData, scenarioRefKind } from "./loadScenario.js";

/**
 * Loads a scenario (file or built-in id) and its uncertainty declaration: from `uncertaintyFile`
 * (a JSON file holding the declaration, or `{ "uncertainty": { ... } }`), else from a top-level
 * `uncertainty` field of the scenario file (removed before the scenario is validated), else null.
 *
 * @example
 * ```ts
 * import { loadScenarioWithUncertainty } from "treatylab/node";
 * const { scenario, uncertainty } = await loadScenarioWithUncertainty("ukraine-2025", "ukraine-uncertainty.json");
 * ```
 */
export async function loadScenarioWithUncertainty(
  ref: string,
  uncertaintyFile?: string,
): Promise<{ scenario: Scenario; uncertainty: UncertaintySpec | null }> {
  let scenario: Scenario;
  let embedded: UncertaintySpec | null = null;
  const kind = await scenarioRefKind(ref);
  if (kind === "builtin") scenario = await loadBuiltinScenario(ref);
  // A GENIUS or GeniusWeb folder, as every scenario command reads it (it declares no uncertainty).
  else if (kind === "folder") scenario = await loadScenario(ref);
  else {
    const data = await readJsonFile(ref);
    if (data !== null && typeof data === "object" && !Array.isArray(data) && "uncertainty" in data) {
      const { uncertainty, ...rest } = data as Record<string, unknown>;
      embedded = withFile(ref, () => parseUncertainty(uncertainty));
      scenario = await scenarioFromData(rest, ref);
    } else scenario = await scenarioFromData(data, ref);
  }
  if (!uncertaintyFile) return { scenario, uncertainty: embedded };
  const data = await readJsonFile(uncertaintyFile);
  const wrapped =
    data !== null &&
    typeof data === "object" &&
    !Array.isArray(data) &&
    Object.keys(data).length === 1 &&
    "uncertainty" in data;
  const spec = withFile(uncertaintyFile, () =>
    wrapped ? parseUncertainty((data as { uncertainty: unknown }).uncertainty) : parseUncertainty(data, []),
  );
  return { scenario, uncertainty: spec };
}

function withFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof TreatylabError) throw new TreatylabError(`${file}: ${err.message}`);
    throw err;
  }
}
