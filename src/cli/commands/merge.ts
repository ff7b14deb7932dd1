import { type Command, Option } from "commander";
import { type ForecastMonteCarloPart, mergeForecastMonteCarloParts } from "../../forecast/monteCarlo.js";
import { readJsonFile } from "../../files/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import { mergeSweepParts, type SweepOutput } from "../../sensitivity/sweepPart.js";
import { type MonteCarloPart, mergeMonteCarloParts } from "../../uncertainty/monteCarloPart.js";
import { type CliContext, emit, jsonResult, recordedVersion, TREATYLAB_VERSION, tableLayout } from "../context.js";
import type { TableFormat } from "../format/renderTable.js";
import { formatForecastMonteCarlo } from "../format/formatForecast.js";
import { formatOption, nonNegativeInteger, outOption } from "../options.js";
import { formatMonteCarlo, JSON_BUNDLES, monteCarloTop } from "./montecarlo.js";
import { formatSweep } from "./sweep.js";

/**
 * Registers `treatylab merge <shard outputs...>`: joins the outputs of `--shard k/n` runs of one
 * sweep or Monte Carlo job into exactly the output of a single run.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import type { CliContext } from "../context.js";
 * import { runCli } from "../program.js";
 * import { registerMerge } from "./merge.js";
 * let out = "";
 * const ctx: CliContext = { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 };
 * const sweep = ["sweep", "nash-1950", "-p", "parties.bill.reservation=0.2:0.8:3", "--format", "json"];
 * for (const k of [1, 2]) await runCli([...sweep, "--shard", `${k}/2`, "-o", `part-${k}.json`], ctx);
 * const program = new Command();
 * registerMerge(program, ctx);
 * await program.parseAsync(["merge", "part-1.json", "part-2.json"], { from: "user" });
 * JSON.parse(out).rows.length; // 3: the single run's rows
 * ```
 */
export function registerMerge(program: Command, ctx: CliContext): void {
  program
    .command("merge")
    .description(
      "merge the shard outputs of a sweep, Monte Carlo or forecast Monte Carlo run (--shard k/n) into the single-run result",
    )
    .argument("<files...>", "shard outputs (JSON from --shard k/n --format json)")
    .addOption(
      new Option(
        "--top <n>",
        `Monte Carlo: list the n bundles most often in the ZOPA (default ${JSON_BUNDLES} in JSON, 10 in the table, as montecarlo)`,
      ).argParser(nonNegativeInteger),
    )
    .addOption(
      new Option(
        "--all-bundles",
        "Monte Carlo JSON: list every bundle in the ZOPA in some draw (as montecarlo --all-bundles)",
      ),
    )
    .addOption(formatOption(["json", "table", "csv", "markdown"], "json"))
    .addOption(outOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ treatylab merge part-1.json part-2.json part-3.json --format json\n  $ treatylab merge sweep-part-*.json --format csv --out sweep.csv",
    )
    .action(
      async (
        files: string[],
        opts: { top?: number; allBundles?: boolean; format: "json" | TableFormat; out?: string },
      ) => {
        const parts = await Promise.all(files.map((f) => readJsonFile(f)));
        // The merged JSON records this version: refuse parts another version computed.
        parts.forEach((p, k) => {
          const v = recordedVersion(p);
          if (v !== undefined && v !== TREATYLAB_VERSION)
            throw new TreatylabError(
              `${files[k]}: written by treatylab ${v}, this is treatylab ${TREATYLAB_VERSION}; merge shard outputs with the version that wrote them, or run the shards again`,
            );
        });
        const kindOf = (p: unknown): unknown =>
          p !== null && typeof p === "object" ? (p as { kind?: unknown }).kind : undefined;
        const kinds = new Set(parts.map(kindOf));
        if (kinds.size !== 1) {
          // Name the first file whose kind differs from the first file's (found in review).
          const k = parts.findIndex((p) => kindOf(p) !== kindOf(parts[0]));
          const show = (v: unknown): string => (typeof v === "string" ? v : "no kind");
          throw new TreatylabError(
            `the files are not all shard outputs of the same kind of run: ${files[0]} is ${show(kindOf(parts[0]))}, ${files[k]} is ${show(kindOf(parts[k]))}`,
          );
        }
        const kind = [...kinds][0];
        let text: string;
        if (kind === "treatylab-montecarlo-part") {
          if (opts.format === "csv" || opts.format === "markdown")
            throw new TreatylabError(`a Monte Carlo result prints as json or table, not ${opts.format}`);
          const top = monteCarloTop(opts, opts.format);
          const r = mergeMonteCarloParts(parts as MonteCarloPart[], {
            names: files,
            ...(top !== undefined ? { top } : {}),
          });
          text = opts.format === "json" ? jsonResult(r) : formatMonteCarlo(r, undefined, tableLayout(ctx));
        } else if (kind === "treatylab-sweep-part" || kind === "treatylab-sweep") {
          const r = mergeSweepParts(parts as SweepOutput[], files);
          text = opts.format === "json" ? jsonResult(r) : formatSweep(r, opts.format, tableLayout(ctx));
        } else if (kind === "treatylab-forecast-montecarlo-part") {
          const r = mergeForecastMonteCarloParts(parts as ForecastMonteCarloPart[], files);
          text = opts.format === "json" ? jsonResult(r) : formatForecastMonteCarlo(r, opts.format, tableLayout(ctx));
        } else
          throw new TreatylabError(
            `${files[0]}: not a shard output (expected the JSON of \`montecarlo\`, \`sweep\` or \`forecast --draws\` run with --shard k/n --format json)`,
          );
        await emit(ctx, text, opts.out, opts.format);
      },
    );
}
