import type { Command } from "commander";
import { compileScenario, countFeasible } from "../../model/compile.js";
import { builtinScenarioIds, loadBuiltinScenario } from "../../scenarios/catalog.js";
import { counted } from "../../model/groupDigits.js";
import { type CliContext, emit, tableLayout } from "../context.js";
import { renderTable } from "../format/renderTable.js";
import { outOption } from "../options.js";
import { writesFormat } from "../outFormat.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Registers `treatylab scenarios` (list built-ins), `treatylab show <id>` (print one as JSON) and
 * `treatylab validate <file>` (check a scenario file).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerScenarios } from "./scenarios.js";
 * let out = "";
 * const program = new Command();
 * registerScenarios(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["validate", "nash-1950"], { from: "user" });
 * out; // 'nash-1950: valid scenario "nash-1950": 2 parties, 9 issues, 512 feasible bundles\n'
 * ```
 */
export function registerScenarios(program: Command, ctx: CliContext): void {
  program
    .command("scenarios")
    .description("list the built-in scenarios")
    .addHelpText("after", "\nExample:\n  $ treatylab scenarios")
    .action(async () => {
      // Through the catalog's loaders, not builtins.ts: `validate` and `show`, registered with this
      // command, then load only the scenario they are given (start-up time, issue 18).
      const rows: (string | number)[][] = [];
      for (const id of builtinScenarioIds()) {
        const s = await loadBuiltinScenario(id);
        rows.push([id, s.title ?? "", s.parties.length, s.issues.length]);
      }
      await emit(
        ctx,
        renderTable(["id", "title", "parties", "issues"], rows, "table", tableLayout(ctx)),
        undefined,
        "table",
      );
    });
  const showWhatIfCmd = program
    .command("show")
    .description("print a scenario (built-in or file) as canonical JSON, to copy and edit")
    .argument("<scenario>", "a built-in id or a scenario file")
    .addOption(writesFormat(outOption(), "json"))
    .addHelpText("after", "\nExample:\n  $ treatylab show ukraine-2025 --out my-ukraine.json");
  const showWhatIf = addWhatIfOptions(showWhatIfCmd);
  showWhatIfCmd.action(async (ref: string, opts: { out?: string } & WhatIfCliOptions) => {
    await emit(ctx, JSON.stringify(await showWhatIf.load(ref, opts), null, 2), opts.out);
  });
  const validateWhatIfCmd = program
    .command("validate")
    .description("check a scenario file; prints the first problem with its JSON path, or a summary")
    .argument("<scenario>", "a scenario file or built-in id")
    .addHelpText("after", "\nExample:\n  $ treatylab validate my-scenario.json");
  const validateWhatIf = addWhatIfOptions(validateWhatIfCmd);
  validateWhatIfCmd.action(async (ref: string, opts: WhatIfCliOptions) => {
    const s = await validateWhatIf.load(ref, opts);
    const n = countFeasible(compileScenario(s));
    await emit(
      ctx,
      `${ref}: valid scenario "${s.id}": ${counted(s.parties.length, "party", "parties")}, ${counted(s.issues.length, "issue")}, ${counted(n, "feasible bundle")}`,
      undefined,
      // wrapped on a terminal; one line in a pipe, for scripts that read it
      ctx.isTTY ? "text" : undefined,
    );
  });
}
