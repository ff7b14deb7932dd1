import type { Command } from "commander";
import { readJsonFile } from "../../io/loadScenario.js";
import { ScenarioError, TreatylabError } from "../../model/errors.js";
import { adjustedWinner } from "../../procedures/adjustedWinner.js";
import type { PointsInput } from "../../procedures/pointsInput.js";
import { type CliContext, emit } from "../context.js";
import { type DivisionFormat, formatDivision } from "../format/formatDivision.js";
import { formatOption, outOption } from "../options.js";

/**
 * Registers `treatylab divide <points.json>`: the Adjusted Winner division of divisible items
 * between two parties, in exact fractions.
 *
 * @example
 * ```ts
 * registerDivide(program, ctx);
 * ```
 */
export function registerDivide(program: Command, ctx: CliContext): void {
  program
    .command("divide")
    .description("divide items between two parties by Adjusted Winner (Brams and Taylor), exactly")
    .argument("<points>", 'a JSON file { "parties": [a, b], "items": [{ "id": ..., "points": { a: 50, b: 40 } }, ...] }')
    .addOption(formatOption(["table", "json", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      `
Each party's points are scaled to sum to 100. Output fractions are exact ("170/3").

Examples:
  $ treatylab divide examples/points/bob-carol.json
  $ treatylab divide examples/points/bob-carol.json --format json --out division.json`,
    )
    .action(async (file: string, opts: { format: DivisionFormat; out?: string }) => {
      const data = await readJsonFile(file);
      let result: ReturnType<typeof adjustedWinner>;
      try {
        result = adjustedWinner(data as PointsInput); // validated inside
      } catch (err) {
        if (err instanceof ScenarioError) throw new TreatylabError(`${file}: ${err.message}`);
        throw err;
      }
      await emit(ctx, formatDivision(result, opts.format), opts.out);
    });
}
