import { type Command, InvalidArgumentError, Option } from "commander";
import { loadScenarioWithUncertainty } from "../../files/loadUncertainty.js";
import { addWhatIfOptions, type WhatIfCliOptions } from "../scenarioInput.js";
import { runMonteCarloParallel } from "../../workers/runMonteCarloParallel.js";
import { TreatylabError } from "../../model/errors.js";
import { SOLUTION_NAMES } from "../../solutions/solutionConcepts.js";
import { DRAW_BLOCK_SIZE, monteCarloJob } from "../../uncertainty/monteCarlo.js";
import type { MonteCarloResult } from "../../uncertainty/monteCarloAccumulator.js";
import { resolveUncertainty } from "../../uncertainty/resolveUncertainty.js";
import { shareInterval } from "../../uncertainty/statistics.js";
import type { UncertaintySpec } from "../../uncertainty/types.js";
import { validateScenario } from "../../model/validate.js";
import { addBatchOptions, type BatchCliOptions, batchRunOptions } from "../batchOptions.js";
import { type CliContext, emit, jsonResult, tableLayout } from "../context.js";
import { counted, groupDigits } from "../../model/groupDigits.js";
import { renderTable, type TableLayout } from "../format/renderTable.js";
import { finiteNumber, formatOption, nonNegativeInteger, outOption, positiveInteger, seedText } from "../options.js";
import { progress } from "../progress.js";
import { parseSolutions } from "./sweep.js";

/**
 * The 95% Wilson interval of a share of n draws, "0.793-0.893" (or in percent, "79.3-89.3"), from
 * the share, so that a result saved before it recorded intervals prints the same.
 */
const interval = (p: number, n: number, percent = false): string =>
  shareInterval(p, n)
    .map((x) => (percent ? (x * 100).toFixed(1) : x.toFixed(3)))
    .join("-");
/** A share of n draws and its 95% Wilson interval: "0.850 (0.793-0.893)". */
const withInterval = (p: number, n: number): string => `${p.toFixed(3)} (${interval(p, n)})`;

/** Bundles the table lists (the first of the ranking by pZopa). */
const TABLE_BUNDLES = 10;

/**
 * Bundles the JSON of `montecarlo` and `merge` lists by default (the first of the ranking by
 * pZopa; `--all-bundles` lists every one, which on ukraine-2025 is hundreds of thousands, over
 * 100 MB). Enough for `plot` and `report --attach`, which draw the first 12.
 *
 * @example
 * ```ts
 * import { JSON_BUNDLES, monteCarloTop } from "./montecarlo.js";
 * monteCarloTop({}, "json") === JSON_BUNDLES; // true: 100 bundles in a JSON output
 * ```
 */
export const JSON_BUNDLES = 100;

/**
 * The `top` a Monte Carlo result is summarised with: `--top n`, every bundle with
 * `--all-bundles`, else {@link JSON_BUNDLES} for JSON or `table` bundles for a table.
 *
 * @example
 * ```ts
 * import { monteCarloTop } from "./montecarlo.js";
 * monteCarloTop({ allBundles: true }, "json"); // undefined (every bundle)
 * monteCarloTop({}, "table"); // 10
 * ```
 */
export function monteCarloTop(
  opts: { readonly top?: number; readonly allBundles?: boolean },
  format: string,
  table = TABLE_BUNDLES,
): number | undefined {
  if (opts.allBundles && opts.top !== undefined) throw new TreatylabError("give --top <n> or --all-bundles, not both");
  if (opts.allBundles) return undefined;
  return opts.top ?? (format === "json" ? JSON_BUNDLES : table);
}

/**
 * Formats a Monte Carlo result for a person: ZOPA, most robust settlement, the top bundles and
 * each party's utility at each solution.
 *
 * @example
 * ```ts
 * import { formatMonteCarlo } from "./montecarlo.js";
 * const r = monteCarlo(nash1950, { "parties.*.reservation": { spread: 0.2 } }, { draws: 200, seed: 42 });
 * formatMonteCarlo(r, 10).split("\n")[1];
 * // "P(ZOPA not empty) = 1.000 (95%: 0.981-1.000); ZOPA size median 250 (5%-95%: 165-336)"
 * ```
 */
export function formatMonteCarlo(r: MonteCarloResult, rows = TABLE_BUNDLES, layout: TableLayout = {}): string {
  const out: string[] = [];
  out.push(
    `${r.scenario.title}: ${counted(r.draws, "draw")} (seed ${r.seed}${r.stoppedBy === "precision" ? `, stopped early: largest standard error ${r.maxStandardError.toFixed(4)}` : ""})`,
  );
  out.push(
    `P(ZOPA not empty) = ${r.zopa.pNonEmpty.p.toFixed(3)} (95%: ${interval(r.zopa.pNonEmpty.p, r.draws)}); ZOPA size median ${groupDigits(r.zopa.size.median ?? "-")} (5%-95%: ${groupDigits(r.zopa.size.q05 ?? "-")}-${groupDigits(r.zopa.size.q95 ?? "-")})`,
  );
  if (r.mostRobust)
    out.push(
      `Most robust settlement (accepted by all in ${(r.mostRobust.pZopa * 100).toFixed(1)}% of draws; 95%: ${interval(r.mostRobust.pZopa, r.draws, true)}%):\n  ${Object.entries(
        r.mostRobust.bundle,
      )
        .map(([i, o]) => `${i}=${o}`)
        .join(", ")}`,
    );
  out.push("\nBundles most often in the ZOPA (probabilities with 95% Wilson intervals):");
  out.push(
    renderTable(
      ["#", "pZopa", "pNash", "bundle"],
      r.bundles.slice(0, rows).map((b, k) => [
        k + 1,
        withInterval(b.pZopa, r.draws),
        withInterval(b.pNash, r.draws),
        Object.entries(b.bundle)
          .map(([i, o]) => `${i}=${o}`)
          .join(", "),
      ]),
      "table",
      layout,
    ),
  );
  const sols = Object.entries(r.solutions);
  out.push("\nUtility at each solution (mean ± standard error; median; 5%-95%):");
  const parties = Object.keys(sols[0]?.[1].utilities ?? {});
  out.push(
    renderTable(
      ["solution", "defined (95%)", ...parties],
      sols.map(([name, s]) => [
        name,
        withInterval(s.pDefined.p, r.draws),
        ...parties.map((p) => {
          const u = s.utilities[p]!;
          return u.n === 0
            ? "-"
            : `${u.mean!.toFixed(3)} ± ${u.se!.toFixed(3)}; ${u.median!.toFixed(3)}; ${u.q05!.toFixed(3)}-${u.q95!.toFixed(3)}`;
        }),
      ]),
      "table",
      layout,
    ),
  );
  return out.join("\n");
}

/**
 * Registers `treatylab montecarlo <scenario>`.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerMonteCarlo } from "./montecarlo.js";
 * let out = "";
 * const program = new Command();
 * registerMonteCarlo(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["montecarlo", "nash-1950", "--spread", "0.2", "--draws", "200", "--seed", "42", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).mostRobust.pNash; // 0.875
 * ```
 */
export function registerMonteCarlo(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("montecarlo")
    .description(
      "Monte Carlo over uncertain weights, values and reservations: P(in ZOPA), P(Nash), utilities, most robust settlement",
    )
    .argument("<scenario>", 'a scenario JSON file (may hold a top-level "uncertainty" object) or a built-in id')
    .option("-u, --uncertainty <file>", "JSON file declaring the uncertain numbers (see docs/what-ifs.md)")
    .addOption(
      new Option(
        "--spread <s>",
        "no declaration: every weight and reservation uniform within +/- s of itself (relative)",
      ).argParser(finiteNumber),
    )
    .addOption(new Option("-n, --draws <n>", "draws (the most a run does)").argParser(positiveInteger).default(10_000))
    .addOption(new Option("-s, --seed <seed>", "random seed (same seed, same result)").argParser(seedText).default("1"))
    .addOption(
      new Option("--solutions <list>", "solutions per draw, comma-separated (nash always)").default(
        SOLUTION_NAMES.join(","),
      ),
    )
    .addOption(
      new Option(
        "--precision <se>",
        "stop once the largest standard error is at most se (checked every --check-every draws)",
      ).argParser(finiteNumber),
    )
    .addOption(
      new Option("--check-every <n>", `draws between convergence checks (a multiple of ${DRAW_BLOCK_SIZE})`)
        .argParser((value: string) => {
          const n = positiveInteger(value);
          if (n % DRAW_BLOCK_SIZE !== 0)
            throw new InvalidArgumentError(
              `"${value}" is not a multiple of ${DRAW_BLOCK_SIZE} (the draws of one block)`,
            );
          return n;
        })
        .default(1000),
    )
    .addOption(
      new Option("--min-draws <n>", "draws before the convergence rule may stop the run")
        .argParser(positiveInteger)
        .default(1000),
    )
    .addOption(
      new Option(
        "--top <n>",
        `list the n bundles most often in the ZOPA (default ${TABLE_BUNDLES} in the table, ${JSON_BUNDLES} in JSON)`,
      ).argParser(nonNegativeInteger),
    )
    .addOption(
      new Option(
        "--all-bundles",
        "JSON: list every bundle in the ZOPA in some draw (large: over 100 MB for ukraine-2025 at 1,000 draws)",
      ),
    )
    .addOption(
      new Option("--max-outcomes <n>", "refuse outcome spaces larger than n bundles").argParser(positiveInteger),
    )
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(outOption());
  const whatIf = addWhatIfOptions(cmd);
  addBatchOptions(cmd)
    .addHelpText(
      "after",
      `
Examples:
  $ treatylab montecarlo nash-1950 --spread 0.2 --draws 2000 --seed 42
  $ treatylab montecarlo ukraine-2025 -u examples/uncertainty/ukraine-2025.json --draws 200 --seed 7 --threads 2 --format json
  $ treatylab montecarlo nash-1950 --spread 0.2 --draws 1000 --format json --all-bundles
  $ treatylab montecarlo nash-1950 --spread 0.2 --precision 0.01 --draws 100000
  $ treatylab montecarlo ukraine-2025 -u examples/uncertainty/ukraine-2025.json --draws 100000 --shard $SLURM_ARRAY_TASK_ID/8 --format json --out part.json
  $ treatylab merge part-*.json --format json`,
    )
    .action(
      async (
        ref: string,
        opts: BatchCliOptions & {
          uncertainty?: string;
          spread?: number;
          draws: number;
          seed: string;
          solutions: string;
          precision?: number;
          checkEvery: number;
          minDraws: number;
          top?: number;
          allBundles?: boolean;
          maxOutcomes?: number;
          format: "table" | "json";
          out?: string;
        } & WhatIfCliOptions,
      ) => {
        const loaded = await loadScenarioWithUncertainty(ref, opts.uncertainty);
        const scenario = await whatIf.apply(loaded.scenario, opts);
        let spec: UncertaintySpec | null = loaded.uncertainty;
        if (opts.spread !== undefined) {
          if (!(opts.spread >= 0)) throw new TreatylabError(`--spread ${opts.spread} is not a number >= 0`);
          if (spec) throw new TreatylabError("give either an uncertainty declaration or --spread, not both");
          spec = { "parties.*.weights.*": { spread: opts.spread }, "parties.*.reservation": { spread: opts.spread } };
        }
        if (!spec)
          throw new TreatylabError(
            'no uncertainty declared: give --uncertainty <file>, a top-level "uncertainty" object in the scenario file, or --spread <s>',
          );
        // The declaration against the scenario, now: its errors name the file they come from
        // (the run would report them without it).
        try {
          resolveUncertainty(validateScenario(scenario), spec);
        } catch (err) {
          if (!(err instanceof TreatylabError)) throw err;
          const source = opts.spread !== undefined ? "--spread" : (opts.uncertainty ?? ref);
          throw new TreatylabError(`${source}: ${err.message}`);
        }
        if (opts.precision !== undefined && !(opts.precision > 0))
          throw new TreatylabError(`--precision ${opts.precision} is not a positive number`);
        const job = monteCarloJob(scenario, spec, {
          draws: opts.draws,
          seed: opts.seed,
          solutions: parseSolutions(opts.solutions),
          ...(opts.maxOutcomes !== undefined ? { maxOutcomes: opts.maxOutcomes } : {}),
        });
        const top = monteCarloTop(opts, opts.format);
        const bar = progress(ctx, "montecarlo", "draws");
        let result;
        try {
          result = await runMonteCarloParallel(job, {
            ...batchRunOptions(opts),
            ...(opts.precision !== undefined
              ? { convergence: { precision: opts.precision, checkEvery: opts.checkEvery, minDraws: opts.minDraws } }
              : {}),
            // Rank only the bundles listed (the first TABLE_BUNDLES or JSON_BUNDLES by default).
            ...(top !== undefined ? { top } : {}),
            onProgress: bar.update,
          });
        } finally {
          bar.stop();
        }
        if (result.kind === "treatylab-montecarlo-part" && opts.format !== "json")
          throw new TreatylabError("a shard's output is for `treatylab merge`: use --format json");
        await emit(
          ctx,
          opts.format === "json"
            ? jsonResult(result)
            : formatMonteCarlo(result as MonteCarloResult, undefined, tableLayout(ctx)),
          opts.out,
          opts.format,
        );
      },
    );
}
