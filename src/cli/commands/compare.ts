import type { Command } from "commander";
import { describePatches, diffScenarios } from "../../edits/diffScenarios.js";
import { loadScenario } from "../../files/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import type { Scenario } from "../../model/types.js";
import { compareScenarios, type ScenarioComparison } from "../../sensitivity/compareScenarios.js";
import { type CliContext, emit, jsonResult, progressUnit, tableLayout, withProgressIfShown } from "../context.js";
import { chooseAlgorithm } from "../../analysis/analyze.js";
import { prepare } from "../../analysis/prepare.js";
import { groupDigits } from "../../model/groupDigits.js";
import { renderTable, type TableFormat, type TableLayout } from "../format/renderTable.js";
import { formatOption, nonNegativeInteger, outOption } from "../options.js";
import { addWhatIfOptions, type WhatIfCliOptions, type WhatIfInput } from "../scenarioInput.js";

/**
 * The "after" scenario of `compare` / `diff`: a second scenario, or the first with the what-if
 * flags (`--edits`, `--param`) applied.
 */
async function afterScenario(
  before: Scenario,
  second: string | undefined,
  whatIf: WhatIfInput,
  opts: WhatIfCliOptions,
): Promise<Scenario> {
  if (second && whatIf.active(opts)) throw new TreatylabError("give a second scenario or --edits / --param, not both");
  if (second) return loadScenario(second);
  if (!whatIf.active(opts))
    throw new TreatylabError(
      "give a second scenario, or --edits <file> (edits or events) / --param path=value to apply to the first",
    );
  return whatIf.apply(before, opts);
}

function formatComparison(c: ScenarioComparison, format: TableFormat, layout: TableLayout): string {
  const out: string[] = [`${c.before.title} -> ${c.after.title}`];
  out.push(c.diff.length ? `Changes:\n  ${c.diff.join("\n  ")}` : "No change in the scenario.");
  out.push(
    `\nZOPA: ${groupDigits(c.zopa.before)} -> ${groupDigits(c.zopa.after)} bundles (${groupDigits(c.zopa.entered.count)} entered, ${groupDigits(c.zopa.left.count)} left)`,
  );
  for (const [label, part] of [
    ["entered", c.zopa.entered],
    ["left", c.zopa.left],
  ] as const)
    for (const b of part.examples)
      out.push(
        `  ${label}: ${Object.entries(b)
          .map(([i, o]) => `${i}=${o}`)
          .join(", ")}`,
      );
  const parties = c.parties.map((p) => p.id);
  out.push("\nSolutions:");
  out.push(
    renderTable(
      ["solution", "changed", ...parties.map((p) => `${p} before -> after`), "clauses changed"],
      Object.entries(c.solutions).map(([name, s]) => [
        name,
        s.bundleChanged ? "yes" : "no",
        ...parties.map(
          (p) => `${s.before?.utilities[p]?.toFixed(3) ?? "-"} -> ${s.after?.utilities[p]?.toFixed(3) ?? "-"}`,
        ),
        s.changes.map((x) => `${x.issue}: ${x.from ?? "-"} -> ${x.to ?? "-"}`).join("; "),
      ]),
      format,
      layout,
    ),
  );
  return out.join("\n");
}

/**
 * Registers `treatylab compare` (two analyses side by side) and `treatylab diff` (what changed).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerCompare } from "./compare.js";
 * let out = "";
 * const program = new Command();
 * registerCompare(program, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, columns: 80 });
 * const argv = ["compare", "nash-1950", "--param", "parties.bill.reservation=0.5", "--format", "json"];
 * await program.parseAsync(argv, { from: "user" });
 * JSON.parse(out).zopa.after; // 165 bundles in the ZOPA, down from 293
 * ```
 */
export function registerCompare(program: Command, ctx: CliContext): void {
  const compareWhatIfCmd = program
    .command("compare")
    .description("compare two scenarios' analyses: what entered or left the ZOPA, how each solution and utility moved")
    .argument("<before>", "a scenario file or built-in id")
    .argument("[after]", "a second scenario (or use --edits / --param)")
    .option("--examples <n>", "bundles listed that entered or left the ZOPA", nonNegativeInteger, 5)
    .addOption(formatOption(["table", "json", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ treatylab compare ukraine-2025 --edits examples/events/sanctions.json\n  $ treatylab compare before.json after.json --format json",
    );
  const compareWhatIf = addWhatIfOptions(compareWhatIfCmd);
  compareWhatIfCmd.action(
    async (
      a: string,
      b: string | undefined,
      opts: { examples: number; format: TableFormat | "json"; out?: string } & WhatIfCliOptions,
    ) => {
      const before = await loadScenario(a);
      const after = await afterScenario(before, b, compareWhatIf, opts);
      const run = (onProgress?: (done: number, total: number) => void) =>
        compareScenarios(before, after, { examples: opts.examples, ...(onProgress ? { onProgress } : {}) });
      // Progress over both analyses, as `analyze` shows it (in "steps" when one is enumerated and
      // the other is not: bundles and candidate sums added up).
      const unit = () => {
        const [x, y] = [before, after].map((s) => progressUnit(chooseAlgorithm(prepare(s))));
        return x === y ? x! : "steps";
      };
      const c = await withProgressIfShown(ctx, "compare", unit, run);
      if (opts.format === "json") {
        const { analyses: _omit, ...rest } = c;
        await emit(ctx, jsonResult(rest), opts.out);
      } else await emit(ctx, formatComparison(c, opts.format, tableLayout(ctx)), opts.out, opts.format);
    },
  );
  const diffWhatIfCmd = program
    .command("diff")
    .description("what changed between two scenarios, readable (or as immer patches with --format json)")
    .argument("<before>", "a scenario file or built-in id")
    .argument("[after]", "a second scenario (or use --edits / --param)")
    .addOption(formatOption(["text", "json"], "text"))
    .addOption(outOption())
    .addHelpText("after", "\nExample:\n  $ treatylab diff ukraine-2025 my-ukraine.json");
  const diffWhatIf = addWhatIfOptions(diffWhatIfCmd);
  diffWhatIfCmd.action(
    async (a: string, b: string | undefined, opts: { format: "text" | "json"; out?: string } & WhatIfCliOptions) => {
      const before = await loadScenario(a);
      const after = await afterScenario(before, b, diffWhatIf, opts);
      const patches = diffScenarios(before, after);
      const text =
        opts.format === "json"
          ? jsonResult({ patches })
          : patches.length
            ? describePatches(before, patches).join("\n")
            : "no differences";
      await emit(ctx, text, opts.out, opts.format);
    },
  );
}
