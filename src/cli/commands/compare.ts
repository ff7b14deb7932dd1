import type { Command } from "commander";
import { describePatches, diffScenarios } from "../../edits/diffScenarios.js";
import { applyEdits } from "../../edits/applyEdits.js";
import { applyEvents, type ScenarioEvent } from "../../edits/events.js";
import type { ScenarioEdit } from "../../edits/types.js";
import { loadScenario, readJsonFile } from "../../io/loadScenario.js";
import { TreatylabError } from "../../model/errors.js";
import type { Scenario } from "../../model/types.js";
import { compareScenarios, type ScenarioComparison } from "../../sensitivity/compareScenarios.js";
import { type CliContext, emit } from "../context.js";
import { renderTable, type TableFormat } from "../format/renderTable.js";
import { formatOption, outOption } from "../options.js";

/**
 * The "after" scenario of `compare` / `diff`: a second scenario, or the first with the edits
 * or events of a JSON file: an array of edits, an array of events (objects with `edits`, as in
 * examples/events/), `{ "edits": [...] }` or `{ "events": [...] }`.
 */
async function afterScenario(before: Scenario, second: string | undefined, editsFile: string | undefined): Promise<Scenario> {
  if (second && editsFile) throw new TreatylabError("give a second scenario or --edits, not both");
  if (second) return loadScenario(second);
  if (!editsFile) throw new TreatylabError("give a second scenario, or --edits <file> with edits or events to apply to the first");
  const data = (await readJsonFile(editsFile)) as { edits?: unknown; events?: unknown } | unknown[];
  try {
    if (Array.isArray(data) && data.length > 0 && data.every((x) => x !== null && typeof x === "object" && Array.isArray((x as { edits?: unknown }).edits)))
      return applyEvents(
        before,
        (data as (ScenarioEvent & { label?: string })[]).map((e, k) => ({ ...e, id: e.id ?? e.label ?? `events[${k}]` })),
      );
    if (Array.isArray(data)) return applyEdits(before, data as ScenarioEdit[]);
    if (data && typeof data === "object" && Array.isArray((data as { events?: unknown }).events)) return applyEvents(before, (data as { events: ScenarioEvent[] }).events);
    if (data && typeof data === "object" && Array.isArray((data as { edits?: unknown }).edits)) return applyEdits(before, (data as { edits: ScenarioEdit[] }).edits);
  } catch (err) {
    if (err instanceof TreatylabError) throw new TreatylabError(`${editsFile}: ${err.message}`);
    throw err;
  }
  throw new TreatylabError(`${editsFile}: expected an array of edits, { "edits": [...] } or { "events": [...] }`);
}

function formatComparison(c: ScenarioComparison, format: TableFormat): string {
  const out: string[] = [`${c.before.title} -> ${c.after.title}`];
  out.push(c.diff.length ? `Changes:\n  ${c.diff.join("\n  ")}` : "No change in the scenario.");
  out.push(`\nZOPA: ${c.zopa.before} -> ${c.zopa.after} bundles (${c.zopa.entered.count} entered, ${c.zopa.left.count} left)`);
  for (const [label, part] of [["entered", c.zopa.entered], ["left", c.zopa.left]] as const)
    for (const b of part.examples) out.push(`  ${label}: ${Object.entries(b).map(([i, o]) => `${i}=${o}`).join(", ")}`);
  const parties = c.parties.map((p) => p.id);
  out.push("\nSolutions:");
  out.push(
    renderTable(
      ["solution", "changed", ...parties.map((p) => `${p} before -> after`), "clauses changed"],
      Object.entries(c.solutions).map(([name, s]) => [
        name,
        s.bundleChanged ? "yes" : "no",
        ...parties.map((p) => `${s.before?.utilities[p]?.toFixed(3) ?? "-"} -> ${s.after?.utilities[p]?.toFixed(3) ?? "-"}`),
        s.changes.map((x) => `${x.issue}: ${x.from ?? "-"} -> ${x.to ?? "-"}`).join("; "),
      ]),
      format,
    ),
  );
  return out.join("\n");
}

/**
 * Registers `treatylab compare` (two analyses side by side) and `treatylab diff` (what changed).
 *
 * @example
 * ```ts
 * registerCompare(program, ctx);
 * ```
 */
export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command("compare")
    .description("compare two scenarios' analyses: what entered or left the ZOPA, how each solution and utility moved")
    .argument("<before>", "a scenario file or built-in id")
    .argument("[after]", "a second scenario (or use --edits)")
    .option("-e, --edits <file>", "JSON edits or events to apply to <before> to get the second scenario")
    .option("--examples <n>", "bundles listed that entered or left the ZOPA", (v) => Number(v), 5)
    .addOption(formatOption(["table", "json", "markdown"], "table"))
    .addOption(outOption())
    .addHelpText("after", "\nExamples:\n  $ treatylab compare ukraine-2025 --edits examples/events/sanctions.json\n  $ treatylab compare before.json after.json --format json")
    .action(async (a: string, b: string | undefined, opts: { edits?: string; examples: number; format: TableFormat | "json"; out?: string }) => {
      const before = await loadScenario(a);
      const after = await afterScenario(before, b, opts.edits);
      const c = compareScenarios(before, after, { examples: opts.examples });
      if (opts.format === "json") {
        const { analyses: _omit, ...rest } = c;
        await emit(ctx, JSON.stringify(rest, null, 2), opts.out);
      } else await emit(ctx, formatComparison(c, opts.format), opts.out);
    });
  program
    .command("diff")
    .description("what changed between two scenarios, readable (or as immer patches with --format json)")
    .argument("<before>", "a scenario file or built-in id")
    .argument("[after]", "a second scenario (or use --edits)")
    .option("-e, --edits <file>", "JSON edits or events to apply to <before>")
    .addOption(formatOption(["text", "json"], "text"))
    .addOption(outOption())
    .addHelpText("after", "\nExample:\n  $ treatylab diff ukraine-2025 my-ukraine.json")
    .action(async (a: string, b: string | undefined, opts: { edits?: string; format: "text" | "json"; out?: string }) => {
      const before = await loadScenario(a);
      const after = await afterScenario(before, b, opts.edits);
      const patches = diffScenarios(before, after);
      const text = opts.format === "json" ? JSON.stringify(patches, null, 2) : patches.length ? describePatches(before, patches).join("\n") : "no differences";
      await emit(ctx, text, opts.out);
    });
}
