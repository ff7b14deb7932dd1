import { promises as fs } from "node:fs";
import { type Command, Option } from "commander";
import { DEFAULT_REAL_STEPS } from "../../interop/geniusImport.js";
import { readInteropFolder, writeInteropFolder } from "../../files/geniusFolder.js";
import { loadGraphModel } from "../../files/loadGraphModel.js";
import { loadScenario } from "../../files/loadScenario.js";
import { toGmcr } from "../../stability/gmcr.js";
import { TreatylabError } from "../../model/errors.js";
import { type CliContext, emit } from "../context.js";
import { positiveInteger } from "../options.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";

/**
 * Registers `treatylab convert <input> --to treatylab|genius|geniusweb --out <file-or-folder>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerConvert } from "./convert.js";
 * let out = "";
 * const program = new Command();
 * registerConvert(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * await program.parseAsync(["convert", "examples/genius/nash-1950", "--to", "treatylab"], { from: "user" });
 * JSON.parse(out).issues.length; // 9
 * ```
 */
export function registerConvert(program: Command, ctx: CliContext): void {
  const whatIfCmd = program
    .command("convert")
    .description(
      "convert between treatylab scenarios, GENIUS folders (XML) and GeniusWeb folders (JSON); graph models to and from GMCR+ .gmcr files",
    )
    .argument("<input>", "a scenario JSON file, a built-in id, or a GENIUS / GeniusWeb folder")
    .addOption(
      new Option("--to <format>", "output format")
        .choices(["treatylab", "genius", "geniusweb", "gmcr", "graph-model"])
        .makeOptionMandatory(),
    )
    .addOption(new Option("--out <path>", "output file (treatylab; stdout when omitted) or folder (genius, geniusweb)"))
    .addOption(
      new Option("--real-steps <n>", "steps a GENIUS real issue is cut into")
        .argParser(positiveInteger)
        .default(DEFAULT_REAL_STEPS),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab convert examples/genius/nash-1950 --to treatylab --out nash.json
  $ treatylab convert nash.json --to geniusweb --out nash-geniusweb/
  $ treatylab convert nash-1950 --to genius --out nash-genius/
  $ treatylab convert elmira.gmcr --to graph-model --out elmira.json
  $ treatylab convert ukraine-2025-may --to gmcr --out ukraine.gmcr`,
    );
  const whatIf = addWhatIfOptions(whatIfCmd);
  whatIfCmd.action(
    async (
      input: string,
      opts: {
        to: "treatylab" | "genius" | "geniusweb" | "gmcr" | "graph-model";
        out?: string;
        realSteps: number;
      } & WhatIfCliOptions,
    ) => {
      if (opts.to === "gmcr" || opts.to === "graph-model") {
        if (whatIf.active(opts))
          throw new TreatylabError(`--edits and --param apply to scenarios, not to graph models (--to ${opts.to})`);
        const model = await loadGraphModel(input);
        if (!model)
          throw new TreatylabError(
            `--to ${opts.to} converts graph models: ${input} is neither a .gmcr file, a graph-model JSON file nor a built-in graph model (see \`treatylab stability --list\`)`,
          );
        await emit(ctx, JSON.stringify(opts.to === "gmcr" ? toGmcr(model) : model, null, 2), opts.out);
        return;
      }
      const isDir = (await fs.stat(input).catch(() => undefined))?.isDirectory() ?? false;
      const scenario = await whatIf.apply(
        isDir ? await readInteropFolder(input, { realSteps: opts.realSteps }) : await loadScenario(input),
        opts,
      );
      if (opts.to === "treatylab") {
        await emit(ctx, JSON.stringify(scenario, null, 2), opts.out);
        return;
      }
      if (!opts.out)
        throw new TreatylabError(
          `--out <folder> is required with --to ${opts.to} (a domain file and one profile per party are written)`,
        );
      const written = await writeInteropFolder(scenario, opts.out, opts.to);
      ctx.stderr(`wrote ${written.length} files to ${opts.out}\n`);
    },
  );
}
