import type { Command } from "commander";
import { readJsonFile } from "../../files/loadScenario.js";
import { ScenarioError, TreatylabError } from "../../model/errors.js";
import { adjustedWinner } from "../../procedures/adjustedWinner.js";
import type { PointsInput } from "../../procedures/pointsInput.js";
import { pointsFromScenario } from "../../procedures/scenarioPoints.js";
import { isBuiltinScenarioId } from "../../scenarios/catalog.js";
import { type CliContext, emit, tableLayout } from "../context.js";
import { type DivisionFormat, formatDivision } from "../format/formatDivision.js";
import { formatOption, outOption } from "../options.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Registers `treatylab divide <points.json>`: the Adjusted Winner division of divisible items
 * between two parties, in exact fractions.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerDivide } from "./divide.js";
 * let out = "";
 * const program = new Command();
 * registerDivide(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["divide", "examples/points/bob-carol.json", "--format", "json"], { from: "user" });
 * JSON.parse(out).points; // { carol: "170/3", bob: "170/3" }
 * ```
 */
export function registerDivide(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("divide")
    .description("divide items between two parties by Adjusted Winner (Brams and Taylor), exactly")
    .argument(
      "<points>",
      'a JSON file { "parties": [a, b], "items": [{ "id": ..., "points": { a: 50, b: 40 } }, ...] }, or a scenario (file or built-in id) with --parties',
    )
    .option("--parties <a,b>", "with a scenario: the two parties (their weights on the items are their points)")
    .option("--items <issue,...>", "with a scenario: the issues to divide (default: those marked divisible)")
    .addOption(formatOption(["table", "json", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Each party's points are scaled to sum to 100. Output fractions are exact ("170/3").

Examples:
  $ treatylab divide examples/points/bob-carol.json
  $ treatylab divide examples/points/bob-carol.json --format json --out division.json
  $ treatylab divide ukraine-2025 --parties russia,ukraine --items sanctions,assets,guarantees`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      file: string,
      opts: { format: DivisionFormat; out?: string; parties?: string; items?: string } & WhatIfCliOptions,
    ) => {
      let data: unknown;
      if (opts.parties !== undefined) {
        const pair = opts.parties.split(",").map((x) => x.trim());
        if (pair.length !== 2)
          throw new TreatylabError(
            `--parties "${opts.parties}": expected two party ids, e.g. --parties russia,ukraine`,
          );
        const scenario = await whatIf.load(file, opts);
        data = pointsFromScenario(
          scenario,
          [pair[0]!, pair[1]!],
          opts.items?.split(",").map((x) => x.trim()),
        );
      } else {
        if (whatIf.active(opts))
          throw new TreatylabError(
            "--edits and --param apply to a scenario (with --parties a,b), not to a points file",
          );
        if (opts.items !== undefined) throw new TreatylabError("--items needs a scenario and --parties a,b");
        if (isBuiltinScenarioId(file))
          throw new TreatylabError(
            `${file} is a scenario: name the two parties with --parties a,b (and the issues with --items)`,
          );
        data = await readJsonFile(file);
        if (data !== null && typeof data === "object" && "issues" in data)
          throw new TreatylabError(
            `${file} is a scenario: name the two parties with --parties a,b (and the issues with --items)`,
          );
      }
      let result: ReturnType<typeof adjustedWinner>;
      try {
        result = adjustedWinner(data as PointsInput); // validated inside
      } catch (err) {
        if (err instanceof ScenarioError) throw new TreatylabError(`${file}: ${err.message}`);
        throw err;
      }
      await emit(ctx, formatDivision(result, opts.format, tableLayout(ctx)), opts.out, opts.format);
    },
  );
}
