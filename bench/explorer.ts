/**
 * Explorer benchmark: the built page (dist/explorer/explorer.html, `npm run build`) in headless
 * Chromium on ukraine-2025 (with its forecast inputs, examples/forecast/ukraine-2025.json, and a
 * control mapping for the stability panel). Measures, inside the page, the time from a change of
 * Russia's reservation (the slider's `change` event) to the updated results (ZOPA size, solutions
 * table, proposal verdict: the worker's answer rendered), to the redrawn plot, to the updated
 * forecast panel (four models) and to the updated stability panel (the derived graph model and
 * the built-in ukraine-2025-may), over a series of different values (each a full recomputation;
 * each change waits for the last panel); then the stability panel with a mapping near the page's
 * limit (1,920 states); the same computations in Node for comparison; and the page's size. Target: under 300 ms from
 * the change to the results on a 2-core machine. Run with `npx tsx bench/explorer.ts`
 * (`--quick`: fewer changes).
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { compute, computeForecast, computePlot, computeStability } from "../src/explorer/compute.js";
import { applyForecastInputs } from "../src/forecast/inputs.js";
import { builtinScenario } from "../src/scenarios/builtins.js";

const quick = process.argv.includes("--quick");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PAGE = path.resolve("dist/explorer/explorer.html");
if (!existsSync(PAGE)) throw new Error("dist/explorer/explorer.html is missing: run `npm run build` first");
const sizes = JSON.parse(readFileSync("dist/explorer/sizes.json", "utf8")) as Record<
  string,
  { bytes: number; gzip: number }
>;
const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
console.log("| part | size | gzip |\n| --- | --- | --- |");
console.log(
  `| whole page (explorer.html: page, both workers, lit-html, vega, vega-lite, styles) | ${kib(sizes.html!.bytes)} | ${kib(sizes.html!.gzip)} |`,
);
console.log(
  `| analysis worker (engine: validate, edits, analyze, checkProposal, plot specs) | ${kib(sizes.worker!.bytes)} | ${kib(sizes.worker!.gzip)} |`,
);
console.log(
  `| GENIUS import worker (XML parser, importer; started only for dropped XML) | ${kib(sizes.geniusWorker!.bytes)} | ${kib(sizes.geniusWorker!.gzip)} |`,
);

// The same computation in Node (warm): the floor under the page's time.
const base = applyForecastInputs(
  builtinScenario("ukraine-2025"),
  JSON.parse(readFileSync("examples/forecast/ukraine-2025.json", "utf8")),
);
/** Donbas to Russia, the army cap to Ukraine, sanctions to the US: 60 states (the docs' screenshot). */
const CONTROL = { donbas: "russia", "army-cap": "ukraine", sanctions: "us" };
/** Five issues, 18 binary options, 1,920 states: near the page's limit of 4,096. */
const BIG_CONTROL = { guarantees: "us", "army-cap": "ukraine", nato: "eu", donbas: "russia", crimea: "russia" };
const reservation = base.parties.find((p) => p.id === "russia")!.reservation;
const values = Array.from({ length: quick ? 5 : 15 }, (_, k) => Number((reservation - 0.1 + 0.01 * k).toFixed(2)));
const plan = (
  JSON.parse(readFileSync("examples/proposals/us-28-point-plan.json", "utf8")) as { bundle: Record<string, string> }
).bundle;
compute({ id: 0, base, edits: [], proposal: plan, plot: "utility-space" });
const node: number[] = [];
const nodePlot: number[] = [];
const nodeForecast: number[] = [];
const nodeStability: number[] = [];
const nodeBig: number[] = [];
for (const v of values) {
  const memo = {};
  const req = {
    id: 1,
    base,
    edits: [{ op: "setReservation" as const, party: "russia", value: v }],
    proposal: plan,
    plot: "utility-space" as const,
    control: CONTROL,
  };
  const t0 = performance.now();
  compute(req, memo);
  node.push(performance.now() - t0);
  computePlot(req, memo);
  nodePlot.push(performance.now() - t0);
  computeForecast(req, memo);
  nodeForecast.push(performance.now() - t0);
  computeStability(req, memo);
  nodeStability.push(performance.now() - t0);
}
for (const v of values.slice(0, 3)) {
  const memo = {};
  const req = {
    id: 1,
    base,
    edits: [{ op: "setReservation" as const, party: "russia", value: v }],
    proposal: plan,
    plot: "utility-space" as const,
    control: BIG_CONTROL,
  };
  compute(req, memo);
  const t0 = performance.now();
  computeStability(req, memo);
  nodeBig.push(performance.now() - t0);
}

if (!existsSync(CHROMIUM)) {
  console.log(`no chromium at ${CHROMIUM}: page timings skipped; Node compute median ${ms(median(node))}`);
  process.exit(0);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx (esbuild) wraps named functions in __name(...); the evaluated code runs in the page, which has none.
  await page.addInitScript("globalThis.__name = (f) => f;");
  const open = async (control: Record<string, string>): Promise<number> => {
    const hash = `#scenario=ukraine-2025&proposal=${encodeURIComponent(JSON.stringify(plan))}&control=${encodeURIComponent(JSON.stringify(control))}`;
    const t0 = performance.now();
    await page.goto(`file://${PAGE}${hash}`);
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>(".results")?.dataset.state === "ready" &&
        document.querySelector<HTMLElement>("#plot")?.dataset.state === "ready",
    );
    const first = performance.now() - t0;
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>(".stability-panel")?.dataset.state === "ready",
      null,
      { timeout: 300_000 },
    );
    return first;
  };
  // In the page: set the value, fire `change`, then time until the results, the plot, the forecast and the stability panels are updated.
  const series = (vals: number[]) =>
    page.evaluate(async (vs) => {
      const out: { results: number; plot: number; forecast: number; stability: number }[] = [];
      const results = document.querySelector<HTMLElement>(".results")!;
      for (const v of vs) {
        const before = Number(results.dataset.request);
        const input = document.querySelector<HTMLInputElement>("#res-russia")!;
        const t = performance.now();
        input.value = String(v);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
        const at = { results: 0, plot: 0, forecast: 0, stability: 0 };
        const fresh = (sel: string): boolean => {
          const el = document.querySelector<HTMLElement>(sel);
          return el?.dataset.state === "ready" && Number(el.dataset.request) > before;
        };
        await new Promise<void>((resolve) => {
          const poll = (): void => {
            const now = performance.now();
            if (!at.results && fresh(".results")) at.results = now;
            if (at.results && !at.plot && document.querySelector<HTMLElement>("#plot")!.dataset.state === "ready")
              at.plot = now;
            if (!at.forecast && fresh(".forecast-panel")) at.forecast = now;
            if (!at.stability && fresh(".stability-panel")) at.stability = now;
            if (at.plot && at.forecast && at.stability) resolve();
            else setTimeout(poll, 0);
          };
          poll();
        });
        out.push({
          results: at.results - t,
          plot: at.plot - t,
          forecast: at.forecast - t,
          stability: at.stability - t,
        });
      }
      return out;
    }, vals);
  const firstView = await open(CONTROL);
  const timings = await series(values);
  await open(BIG_CONTROL);
  const big = (await series(values.slice(0, 3))).map((x) => x.stability);
  const col = (k: "results" | "plot" | "forecast" | "stability") => timings.map((x) => x[k]);
  const row = (what: string, xs: number[]) =>
    console.log(`| ${what} | ${ms(median(xs))} | ${ms(p90(xs))} | ${ms(Math.min(...xs))} |`);
  const res = col("results");
  console.log(
    `\nukraine-2025 with examples/forecast/ukraine-2025.json, ${values.length} changes of Russia's reservation (${values[0]} to ${values[values.length - 1]}), the 28-point plan as the proposal, control donbas=russia, army-cap=ukraine, sanctions=us (60 states):\n`,
  );
  console.log("| measure | median | p90 | best |\n| --- | --- | --- | --- |");
  row("slider change -> results (ZOPA, solutions, verdict) in the page", res);
  row("slider change -> plot redrawn", col("plot"));
  row("slider change -> forecast panel updated (4 models, 14 issues)", col("forecast"));
  row("slider change -> stability panel updated (derived model, 60 states; built-in model)", col("stability"));
  row("slider change -> stability panel, 5 issues controlled (1,920 states; 3 changes)", big);
  row("the same results in Node (edits, analysis, check)", node);
  row("... and the utility-space spec in Node", nodePlot);
  row("... and the forecast panel in Node", nodeForecast);
  row("... and the stability panel in Node", nodeStability);
  row("the stability panel alone in Node, 1,920 states (3 changes)", nodeBig);
  console.log(`| first view (load, parse, first results and plot) | ${ms(firstView)} | | |`);
  const m = median(res);
  console.log(`\ntarget (change -> results under 300 ms): ${m < 300 ? "met" : "NOT met"} (median ${ms(m)})`);
} finally {
  await browser.close();
}
