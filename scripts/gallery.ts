/**
 * Generates the plot gallery: `docs/gallery.md` and the SVGs in `docs/gallery/`, from the
 * built-in scenarios and seeded runs of the negotiation, sweep, tornado and Monte Carlo tools.
 * Deterministic (fixed seeds), so `test/plots/gallery.test.ts` regenerates it into a temporary
 * folder and checks that the committed gallery is up to date.
 *
 * @example
 * ```sh
 * npm run gallery            # rewrite docs/gallery.md and docs/gallery/*.svg
 * npx tsx scripts/gallery.ts /tmp/gallery   # write elsewhere (gallery.md and gallery/ inside)
 * ```
 * @module
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/analysis/analyze.js";
import { writeFileAtomic } from "../src/files/writeFileAtomic.js";
import type { NamedPlot } from "../src/plots/scenarioPlots.js";
import { resultPlot } from "../src/plots/resultPlot.js";
import { scenarioPlots } from "../src/plots/scenarioPlots.js";
import { renderSvg } from "../src/render/renderSvg.js";
import { builtinScenario, builtinScenarioIds } from "../src/scenarios/builtins.js";
import { sweep } from "../src/sensitivity/sweep.js";
import { sweepOutput } from "../src/sensitivity/sweepPart.js";
import { tornado } from "../src/sensitivity/tornado.js";
import { simulate } from "../src/simulation/simulate.js";
import { tournament } from "../src/simulation/tournament.js";
import { monteCarlo } from "../src/uncertainty/monteCarlo.js";
import { validationSpec } from "../src/plots/validationChart.js";
import { UKRAINE_SNAPSHOTS, validationSeries } from "../src/validation/index.js";

/**
 * One gallery entry: the file name of its SVG, a heading, the command that draws it, and the plot.
 *
 * @example
 * ```ts
 * const e: GalleryEntry = { file: "nash-1950-utility-space.svg", heading: "...", command: "treatylab plot nash-1950", plot };
 * ```
 */
export interface GalleryEntry {
  readonly file: string;
  readonly heading: string;
  readonly command: string;
  readonly plot: NamedPlot;
}

const KIND_TITLES: Readonly<Record<string, string>> = {
  "utility-space": "utility space",
  "frontier-matrix": "frontier scatter matrix",
  "parallel-coordinates": "frontier in parallel coordinates",
};

/**
 * Every gallery entry: the standard plots of each built-in scenario, then seeded result plots
 * on nash-1950 (a negotiation trace, a tournament, a sweep, a tornado and a Monte Carlo run).
 *
 * @example
 * ```ts
 * (await galleryEntries()).map((e) => e.file);
 * ```
 */
export function galleryEntries(): GalleryEntry[] {
  const entries: GalleryEntry[] = [];
  for (const id of builtinScenarioIds()) {
    const s = builtinScenario(id);
    for (const plot of scenarioPlots(s, analyze(s)))
      entries.push({
        file: `${id}-${plot.kind}.svg`,
        heading: `${s.title ?? id}: ${KIND_TITLES[plot.kind] ?? plot.kind}`,
        command: `treatylab plot ${id} --kind ${plot.kind}`,
        plot,
      });
  }
  const nash = builtinScenario("nash-1950");
  const run = simulate(nash, {
    seed: "7",
    rounds: 50,
    parties: { bill: { strategy: "boulware" }, jack: { strategy: "conceder" } },
  });
  entries.push({
    file: "nash-1950-trace.svg",
    heading: "Nash (1950): a negotiation trace (Boulware against Conceder)",
    command:
      "treatylab simulate nash-1950 --strategy bill=boulware,jack=conceder --rounds 50 --seed 7 --format json -o run.json && treatylab plot run.json",
    plot: resultPlot({ kind: "trace", result: run }, nash),
  });
  entries.push({
    file: "nash-1950-tournament.svg",
    heading: "Nash (1950): a strategy tournament",
    command:
      "treatylab tournament nash-1950 --strategies boulware,linear,conceder,hardliner,tit-for-tat --rounds 50 --seed 1 --format json -o t.json && treatylab plot t.json",
    plot: resultPlot({
      kind: "tournament",
      result: tournament([nash], {
        strategies: ["boulware", "linear", "conceder", "hardliner", "tit-for-tat"],
        rounds: 50,
        seed: 1,
      }),
    }),
  });
  const spec = { axes: [{ parameter: "parties.bill.reservation", from: 0.1, to: 0.7, steps: 13 }] };
  const rows = sweep(nash, spec);
  entries.push({
    file: "nash-1950-sweep.svg",
    heading: "Nash (1950): the ZOPA shrinks as Bill's reservation rises",
    command:
      "treatylab sweep nash-1950 -p parties.bill.reservation=0.1:0.7:13 --format json -o sweep.json && treatylab plot sweep.json",
    plot: resultPlot({ kind: "sweep", result: sweepOutput(nash, spec, rows, { start: 0, end: rows.length }) }),
  });
  entries.push({
    file: "nash-1950-tornado.svg",
    heading: "Nash (1950): which numbers move Bill's utility at the Nash solution",
    command:
      "treatylab sensitivity nash-1950 --metric utility:bill --format json -o tornado.json && treatylab plot tornado.json",
    plot: resultPlot({ kind: "tornado", result: tornado(nash, { metric: { party: "bill" } }) }, nash),
  });
  entries.push({
    file: "nash-1950-montecarlo.svg",
    heading: "Nash (1950): acceptance probabilities with uncertain reservations",
    command:
      "treatylab montecarlo nash-1950 -u reservations.json --draws 400 --seed 1 --format json -o mc.json && treatylab plot mc.json",
    plot: resultPlot({
      kind: "montecarlo",
      result: monteCarlo(nash, { "parties.*.reservation": { spread: 0.2 } }, { draws: 400, seed: "1" }),
    }),
  });
  entries.push({
    file: "validation.svg",
    heading: "Validation: ukraine-2025's dated snapshots against the record (docs/validation.md)",
    command: "treatylab validation --format svg -o validation.svg",
    plot: {
      kind: "validation",
      caption: "ZOPA by date; each published plan's smallest gain over a reservation",
      spec: validationSpec(validationSeries(UKRAINE_SNAPSHOTS)),
    },
  });
  return entries;
}

/**
 * The gallery page (Markdown) for the given entries, linking each SVG in `gallery/`.
 *
 * @example
 * ```ts
 * galleryMarkdown(galleryEntries());
 * ```
 */
export function galleryMarkdown(entries: readonly GalleryEntry[]): string {
  const lines = [
    "# Gallery",
    "",
    "<!-- Generated by `npm run gallery` (scripts/gallery.ts); do not edit by hand. test/plots/gallery.test.ts checks it is up to date. -->",
    "",
    "The plots of the built-in scenarios and of seeded runs of the other tools, as `treatylab plot` and",
    "`treatylab report` draw them (see [plots-and-report.md](plots-and-report.md)). Every plot is also",
    "available as its Vega-Lite spec with `--format json`, to restyle. The SVGs are laid out with the",
    "text widths of Liberation Sans (Arial's and Helvetica's metrics), the font they declare first, so",
    'they fit the text a browser draws (see "Text metrics" in plots-and-report.md).',
    "",
  ];
  for (const e of entries)
    lines.push(
      `## ${e.heading}`,
      "",
      "```sh",
      e.command,
      "```",
      "",
      `![${e.heading}](gallery/${e.file})`,
      "",
      e.plot.caption,
      "",
    );
  return lines.join("\n");
}

/**
 * Writes `gallery.md` and `gallery/*.svg` into `dir` (atomically, file by file) and returns the
 * paths written, relative to `dir`.
 *
 * @example
 * ```ts
 * await writeGallery("docs");
 * ```
 */
export async function writeGallery(dir: string): Promise<string[]> {
  const entries = galleryEntries();
  const written: string[] = [];
  for (const e of entries) {
    await writeFileAtomic(path.join(dir, "gallery", e.file), `${await renderSvg(e.plot.spec)}\n`);
    written.push(path.join("gallery", e.file));
  }
  await writeFileAtomic(path.join(dir, "gallery.md"), galleryMarkdown(entries));
  written.push("gallery.md");
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2] ?? "docs";
  const files = await writeGallery(dir);
  process.stderr.write(`wrote ${files.length} files in ${dir}\n`);
}
