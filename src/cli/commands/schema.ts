import type { Command } from "commander";
import { scenarioJsonSchema } from "../../model/jsonSchema.js";
import { type CliContext, emit } from "../context.js";
import { outOption } from "../options.js";

/**
 * Registers `treatylab schema`: prints the JSON Schema of the scenario format.
 *
 * @example
 * ```ts
 * registerSchema(program, ctx);
 * ```
 */
export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editors)")
    .addOption(outOption())
    .addHelpText("after", "\nExample:\n  $ treatylab schema --out scenario.schema.json")
    .action(async (opts: { out?: string }) => {
      await emit(ctx, JSON.stringify(scenarioJsonSchema(), null, 2), opts.out);
    });
}
