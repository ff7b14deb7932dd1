import { type Command, Option } from "commander";
import { explainBundle } from "../../explain/explainBundle.js";
import { explainSolution } from "../../explain/explainSolution.js";
import { narrate } from "../../explain/narrate.js";
import type { Explanation } from "../../explain/types.js";
import { TreatylabError } from "../../model/errors.js";
import { SOLUTION_NAMES, type SolutionName } from "../../solutions/solutionConcepts.js";
import { type CliContext, emit, jsonResult } from "../context.js";
import { collect, formatOption, outOption } from "../options.js";
import { readProposal, withProposalOrigin } from "../proposalInput.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Registers `treatylab explain <scenario>`: why a proposal is rejected (which party or
 * constituency, the shortfall, the issues that cost it most), or why a solution beat the next best.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerExplain } from "./explain.js";
 * let out = "";
 * const program = new Command();
 * registerExplain(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["explain", "nash-1950", "--solution", "nash", "--format", "json"], { from: "user" });
 * JSON.parse(out).margin; // 0.007352941176: the Nash product over the runner-up's
 * ```
 */
export function registerExplain(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("explain")
    .description(
      "explain a verdict in plain sentences (or JSON): why a proposal is rejected, why a solution was chosen",
    )
    .argument("<scenario>", "a scenario JSON file or a built-in id")
    .option("-p, --proposal <file>", 'explain the verdict on this proposal ({ "bundle": {...} })')
    .option("-s, --set <issue=option>", "set one clause of the proposal (repeatable)", collect, [])
    .addOption(new Option("--solution <name>", "explain why this solution was chosen").choices([...SOLUTION_NAMES]))
    .addOption(formatOption(["text", "json"], "text"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab explain ukraine-2025 --proposal examples/proposals/us-28-point-plan.json
  $ treatylab explain ukraine-2025-ratification --solution nash
  $ treatylab explain ukraine-2025 --solution kalaiSmorodinsky --format json`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      ref: string,
      opts: {
        proposal?: string;
        set: string[];
        solution?: SolutionName;
        format: "text" | "json";
        out?: string;
      } & WhatIfCliOptions,
    ) => {
      const scenario = await whatIf.load(ref, opts);
      const wantsProposal = opts.proposal !== undefined || opts.set.length > 0;
      if (wantsProposal === (opts.solution !== undefined))
        throw new TreatylabError(
          `explain needs either a proposal (--proposal and/or --set) or --solution <name>${wantsProposal ? ", not both" : "; neither was given"}`,
        );
      const e: Explanation = opts.solution
        ? explainSolution(scenario, opts.solution)
        : await readProposal(opts.proposal, opts.set).then((bundle) =>
            withProposalOrigin(opts.proposal, opts.set, () => explainBundle(scenario, bundle)),
          );
      await emit(ctx, opts.format === "json" ? jsonResult(e) : narrate(e, scenario), opts.out, opts.format);
    },
  );
}
