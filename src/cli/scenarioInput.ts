import { type Command, Option } from "commander";
import { loadScenario, readJsonFile } from "../files/loadScenario.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { collect } from "./options.js";

/**
 * The what-if flags of a command that takes a scenario, as commander parses them.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addWhatIfOptions, type WhatIfCliOptions } from "./scenarioInput.js";
 * const whatIf = addWhatIfOptions(new Command("analyze"));
 * const edits = ["examples/events/sanctions.json"];
 * const o: WhatIfCliOptions = { edits, param: ["parties.ukraine.reservation=0.5"] };
 * const s = await whatIf.load("ukraine-2025", o);
 * s.parties.map((p) => p.reservation); // [0.39, 0.5, 0.48, 0.57]: russia 0.44 - 0.05 (the edits), ukraine 0.5
 * ```
 */
export interface WhatIfCliOptions {
  edits?: string[];
  param?: string[];
  fix?: string[];
}

/**
 * The what-if flags added to a command, and how to apply them. `load` reads a scenario reference
 * and applies them; `apply` applies them to a scenario loaded another way; `active` says whether
 * any was given.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addWhatIfOptions, type WhatIfCliOptions, type WhatIfInput } from "./scenarioInput.js";
 * const cmd = new Command("analyze").argument("<scenario>");
 * const whatIf: WhatIfInput = addWhatIfOptions(cmd);
 * let reservation: number | undefined;
 * cmd.action(async (ref: string, opts: WhatIfCliOptions) => {
 *   reservation = (await whatIf.load(ref, opts)).parties[0]?.reservation;
 * });
 * await cmd.parseAsync(["nash-1950", "--param", "parties.bill.reservation=0.5"], { from: "user" });
 * reservation; // 0.5
 * ```
 */
export interface WhatIfInput {
  /** The flag that sets a parameter on this command: `--param`, or `--fix` where `--param` means something else. */
  readonly paramFlag: "--param" | "--fix";
  load(ref: string, opts: WhatIfCliOptions): Promise<Scenario>;
  apply(scenario: Scenario, opts: WhatIfCliOptions): Promise<Scenario>;
  active(opts: WhatIfCliOptions): boolean;
}

/**
 * Adds the what-if flags to a command that takes a scenario (the ONE place they are defined):
 * `-e, --edits <file>` (repeatable: JSON edits or events, see `applyEditsData`) and
 * `--param <path=value>` (repeatable; the parameter paths of `sweep`, wildcards allowed). Edits
 * files apply first, in the order given, then the parameters, in order. On commands whose
 * `--param` already means something else (`sweep`, `sensitivity`) pass `{ paramFlag: "--fix" }`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { addWhatIfOptions } from "./scenarioInput.js";
 * const whatIf = addWhatIfOptions(new Command("sweep"), { paramFlag: "--fix" });
 * whatIf.active({ fix: [] }); // false
 * const s = await whatIf.apply(builtinScenario("nash-1950"), { fix: ["parties.jack.reservation=0.5"] });
 * s.parties[1]?.reservation; // 0.5
 * ```
 */
export function addWhatIfOptions(cmd: Command, o: { readonly paramFlag?: "--param" | "--fix" } = {}): WhatIfInput {
  const paramFlag = o.paramFlag ?? "--param";
  const key = paramFlag === "--fix" ? "fix" : "param";
  cmd
    .addOption(
      new Option("-e, --edits <file>", "what-if: JSON edits or events applied to the scenario first (repeatable)")
        .argParser(collect)
        .default([]),
    )
    .addOption(
      new Option(
        `${paramFlag} <path=value>`,
        "what-if: set a number of the scenario, e.g. parties.russia.reservation=0.5 (repeatable; after --edits)",
      )
        .argParser(collect)
        .default([]),
    );
  const apply = async (scenario: Scenario, opts: WhatIfCliOptions): Promise<Scenario> => {
    let s = scenario;
    if ((opts.edits ?? []).length === 0 && (opts[key] ?? []).length === 0) return s;
    // The edit modules (and immer) load only for a what-if: most runs have none (issue 18: start-up).
    const [{ applyEdits }, { applyEditsData, parameterAssignments }] = await Promise.all([
      import("../edits/applyEdits.js"),
      import("../edits/editsData.js"),
    ]);
    for (const file of opts.edits ?? []) s = applyEditsData(s, await readJsonFile(file), `--edits ${file}`);
    for (const text of opts[key] ?? []) {
      const edits = parameterAssignments(s, [text], paramFlag);
      try {
        s = applyEdits(s, edits);
      } catch (err) {
        if (err instanceof TreatylabError) throw new TreatylabError(`${paramFlag} "${text}": ${err.message}`);
        throw err;
      }
    }
    return s;
  };
  return {
    paramFlag,
    apply,
    load: async (ref, opts) => apply(await loadScenario(ref), opts),
    active: (opts) => (opts.edits?.length ?? 0) + (opts[key]?.length ?? 0) > 0,
  };
}
