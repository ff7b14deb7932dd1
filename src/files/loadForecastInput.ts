import { promises as fs } from "node:fs";
import path from "node:path";
import { applyForecastInputs, isForecastInputs } from "../forecast/inputs.js";
import { forecastTablesFromJson, parseForecastCsv } from "../forecast/parseTable.js";
import type { ForecastTable } from "../forecast/types.js";
import { ScenarioError, TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import type { UncertaintySpec } from "../uncertainty/types.js";
import { MAX_SCENARIO_BYTES, readJsonFile, scenarioRefKind } from "./loadScenario.js";
import { loadScenarioWithUncertainty } from "./loadUncertainty.js";

/**
 * What `treatylab forecast` reads: forecast tables (CSV or JSON), or a scenario with its
 * uncertainty declaration (a scenario file, a built-in id, or a forecast-inputs file applied to its
 * scenario).
 *
 * @example
 * ```ts
 * const input: ForecastInput = await loadForecastInput("table.csv");
 * ```
 */
export type ForecastInput =
  | { readonly kind: "tables"; readonly tables: readonly ForecastTable[] }
  | { readonly kind: "scenario"; readonly scenario: Scenario; readonly uncertainty: UncertaintySpec | null };

/**
 * Loads forecast input: `.csv` files as CSV tables; JSON files as a scenario (they have `parties`),
 * a forecast-inputs file (`scenario` plus `capabilities` / `scales`; its scenario is a built-in id
 * or a path relative to the file) or forecast tables; anything else as a scenario reference.
 *
 * @example
 * ```ts
 * import { loadForecastInput } from "treatylab/node";
 * await loadForecastInput("examples/forecast/ukraine-2025.json");
 * ```
 */
export async function loadForecastInput(ref: string, uncertaintyFile?: string): Promise<ForecastInput> {
  if (!/\.(json|csv)$/i.test(ref)) {
    const loaded = await loadScenarioWithUncertainty(ref, uncertaintyFile);
    return { kind: "scenario", ...loaded };
  }
  const issueName = path.basename(ref).replace(/\.(csv|json)$/i, "");
  if (/\.csv$/i.test(ref)) {
    let text: string;
    try {
      const stat = await fs.stat(ref);
      if (stat.size > MAX_SCENARIO_BYTES)
        throw new TreatylabError(`${ref} is ${stat.size} bytes, over the limit of ${MAX_SCENARIO_BYTES}`);
      text = await fs.readFile(ref, "utf8");
    } catch (err) {
      if (err instanceof TreatylabError) throw err;
      throw new TreatylabError(`${ref}: no such file`);
    }
    return { kind: "tables", tables: parseForecastCsv(text, ref, issueName) };
  }
  const data = await readJsonFile(ref);
  if (typeof data === "object" && data !== null && !Array.isArray(data) && "parties" in data)
    return { kind: "scenario", ...(await loadScenarioWithUncertainty(ref, uncertaintyFile)) };
  if (isForecastInputs(data)) {
    const baseRef = (data as { scenario: string }).scenario;
    const resolved =
      (await scenarioRefKind(baseRef).catch(() => "missing")) === "builtin"
        ? baseRef
        : path.resolve(path.dirname(ref), baseRef);
    // A base that does not exist is named as the inputs file's field (found in review: it said
    // only "nosuch: no such file"); the base's and the uncertainty file's own errors name theirs.
    if (resolved !== baseRef && (await fs.stat(resolved).catch(() => undefined)) === undefined)
      throw new ScenarioError(
        "$.scenario",
        `is "${baseRef}", which is neither a built-in scenario nor a file beside this one (${resolved})`,
        "a built-in scenario id (see `treatylab scenarios`) or the path of a scenario file relative to this file",
        ref,
      );
    const loaded = await loadScenarioWithUncertainty(resolved, uncertaintyFile);
    let scenario: Scenario;
    try {
      scenario = applyForecastInputs(loaded.scenario, data);
    } catch (err) {
      if (err instanceof TreatylabError) throw new TreatylabError(`${ref}: ${err.message}`);
      throw err;
    }
    return { kind: "scenario", scenario, uncertainty: loaded.uncertainty };
  }
  return { kind: "tables", tables: forecastTablesFromJson(data, ref, issueName) };
}
