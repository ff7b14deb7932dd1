import type { Command } from "commander";
import { scenarioJsonSchema } from "../../model/jsonSchema.js";
import { type CliContext, emit } from "../context.js";
import { outOption } from "../options.js";
import { writesFormat } from "../outFormat.js";

/**
 * Registers `treatylab schema`: prints the JSON Schema of the scenario format.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerSchema } from "./schema.js";
 * let out = "";
 * const program = new Command();
 * registerSchema(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["schema"], { from: "user" });
 * JSON.parse(out).$schema; // "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command("schema")
    .description("print the JSON Schema of the scenario format (for editors)")
    .addOption(writesFormat(outOption(), "json"))
    .addHelpText("after", "\nExample:\n  $ treatylab schema --out scenario.schema.json")
    .action(async (opts: { out?: string }) => {
      await emit(ctx, JSON.stringify(scenarioJsonSchema(), null, 2), opts.out);
    });
}
