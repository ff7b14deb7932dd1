/**
 * Explorer benchmark: the built page (dist/explorer/explorer.html, `npm run build`) in headless
 * Chromium on ukraine-2025. Measures, inside the page, the time from a change of Russia's
 * reservation (the slider's `change` event) to the updated results (ZOPA size, solutions table,
 * proposal verdict: the worker's answer rendered) and to the redrawn plot, over a series of
 * different values (each a full recomputation: analysis, plots' specs, the proposal's check);
 * the same computation in Node for comparison; and the page's size. Target: under 300 ms from
 * the change to the results on a 2-core machine. Run with `npx tsx bench/explorer.ts`
 * (`--quick`: fewer changes).
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { compute, computePlot } from "../src/explorer/compute.js";
import { builtinScenario } from "../src/scenarios/builtins.js";

const quick = process.argv.includes("--quick");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PAGE = path.resolve("dist/explorer/explorer.html");
if (!existsSync(PAGE)) throw new Error("dist/explorer/explorer.html is missing: run `npm run build` first");
const sizes = JSON.parse(readFileSync("dist/explorer/sizes.json", "utf8")) as Record<string, { bytes: number; gzip: number }>;
const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

console.log(`machine: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log("| part | size | gzip |\n| --- | --- | --- |");
console.log(`| whole page (explorer.html: page, both workers, lit-html, vega, vega-lite, styles) | ${kib(sizes.html!.bytes)} | ${kib(sizes.html!.gzip)} |`);
console.log(`| analysis worker (engine: validate, edits, analyze, checkProposal, plot specs) | ${kib(sizes.worker!.bytes)} | ${kib(sizes.worker!.gzip)} |`);
console.log(`| GENIUS import worker (XML parser, importer; started only for dropped XML) | ${kib(sizes.geniusWorker!.bytes)} | ${kib(sizes.geniusWorker!.gzip)} |`);

// The same computation in Node (warm): the floor under the page's time.
const base = builtinScenario("ukraine-2025");
const reservation = base.parties.find((p) => p.id === "russia")!.reservation;
const values = Array.from({ length: quick ? 5 : 15 }, (_, k) => Number((reservation - 0.1 + 0.01 * k).toFixed(2)));
const plan = (JSON.parse(readFileSync("examples/proposals/us-28-point-plan.json", "utf8")) as { bundle: Record<string, string> }).bundle;
compute({ id: 0, base, edits: [], proposal: plan, plot: "utility-space" });
const node: number[] = [];
const nodePlot: number[] = [];
for (const v of values) {
  const memo = {};
  const req = { id: 1, base, edits: [{ op: "setReservation" as const, party: "russia", value: v }], proposal: plan, plot: "utility-space" as const };
  const t0 = performance.now();
  compute(req, memo);
  node.push(performance.now() - t0);
  computePlot(req, memo);
  nodePlot.push(performance.now() - t0);
}

if (!existsSync(CHROMIUM)) {
  console.log(`no chromium at ${CHROMIUM}: page timings skipped; Node compute median ${ms(median(node))}`);
  process.exit(0);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx (esbuild) wraps named functions in __name(...); the evaluated code runs in the page, which has none.
  await page.addInitScript("globalThis.__name = (f) => f;");
  const hash = `#scenario=ukraine-2025&proposal=${encodeURIComponent(JSON.stringify(plan))}`;
  const t0 = performance.now();
  await page.goto(`file://${PAGE}${hash}`);
  await page.waitForFunction(() => document.querySelector<HTMLElement>(".results")?.dataset.state === "ready" && document.querySelector<HTMLElement>("#plot")?.dataset.state === "ready");
  const firstView = performance.now() - t0;

  // In the page: set the value, fire `change`, then time until the results and the plot are updated.
  const timings = await page.evaluate(async (vals) => {
    const out: { results: number; plot: number }[] = [];
    const results = document.querySelector<HTMLElement>(".results")!;
    for (const v of vals) {
      const before = Number(results.dataset.request);
      const input = document.querySelector<HTMLInputElement>("#res-russia")!;
      const t = performance.now();
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      let resultsAt = 0;
      await new Promise<void>((resolve) => {
        const poll = (): void => {
          const plot = document.querySelector<HTMLElement>("#plot")!;
          if (!resultsAt && results.dataset.state === "ready" && Number(results.dataset.request) > before) resultsAt = performance.now();
          if (resultsAt && plot.dataset.state === "ready") resolve();
          else setTimeout(poll, 0);
        };
        poll();
      });
      out.push({ results: resultsAt - t, plot: performance.now() - t });
    }
    return out;
  }, values);
  const res = timings.map((x) => x.results);
  const plot = timings.map((x) => x.plot);
  console.log(`\nukraine-2025, ${values.length} changes of Russia's reservation (${values[0]} to ${values[values.length - 1]}), the 28-point plan as the proposal:\n`);
  console.log("| measure | median | p90 | best |\n| --- | --- | --- | --- |");
  console.log(`| slider change -> results (ZOPA, solutions, verdict) in the page | ${ms(median(res))} | ${ms(p90(res))} | ${ms(Math.min(...res))} |`);
  console.log(`| slider change -> plot redrawn | ${ms(median(plot))} | ${ms(p90(plot))} | ${ms(Math.min(...plot))} |`);
  console.log(`| the same results in Node (edits, analysis, check) | ${ms(median(node))} | ${ms(p90(node))} | ${ms(Math.min(...node))} |`);
  console.log(`| ... and the utility-space spec in Node | ${ms(median(nodePlot))} | ${ms(p90(nodePlot))} | ${ms(Math.min(...nodePlot))} |`);
  console.log(`| first view (load, parse, first results and plot) | ${ms(firstView)} | | |`);
  const m = median(res);
  console.log(`\ntarget (change -> results under 300 ms): ${m < 300 ? "met" : "NOT met"} (median ${ms(m)})`);
} finally {
  await browser.close();
}
