import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, hasChromium, launchChromium } from "../helpers/chromium.js";
import { analyze } from "../../src/analysis/analyze.js";
import { checkProposal } from "../../src/analysis/checkProposal.js";
import { applyEdits } from "../../src/edits/applyEdits.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import type { Bundle } from "../../src/model/types.js";
import { exportGenius } from "../../src/interop/geniusExport.js";
import { importGeniusFolderFiles } from "../../src/interop/geniusFiles.js";
import { FORECAST_MODEL_NAMES } from "../../src/forecast/models.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { validateScenario } from "../../src/model/validate.js";
import { run } from "../cli/run.js";
import { plainStructures } from "../helpers/structures.js";

/** Screenshots go to the gitignored test-output/ (chromium: test/helpers/chromium.ts). */
const OUT = path.resolve("test-output");
const PAGE = path.resolve("dist/explorer/explorer.html");
// CI (.ci/run) installs chromium and sets TREATYLAB_REQUIRE_BROWSER=1: there a missing browser fails.
if (!hasChromium && process.env.TREATYLAB_REQUIRE_BROWSER === "1")
  throw new Error(
    `TREATYLAB_REQUIRE_BROWSER=1 but there is no chromium at ${CHROMIUM}: the explorer's browser test cannot run`,
  );
if (!hasChromium)
  console.warn(
    `skipping the browser test of the explorer: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );

const BASE = "ukraine-2025";
const PLAN = (JSON.parse(readFileSync("examples/proposals/us-28-point-plan.json", "utf8")) as { bundle: Bundle })
  .bundle;

/** Waits until the page shows results for a request newer than `after`, the plot is drawn and the forecast and stability panels are in. */
async function settled(page: Page, after = 0): Promise<number> {
  await page.waitForFunction((n) => {
    const r = document.querySelector<HTMLElement>(".results");
    return (
      r?.dataset.state === "ready" &&
      Number(r.dataset.request) > n &&
      document.querySelector<HTMLElement>("#plot")?.dataset.state === "ready" &&
      document.querySelector<HTMLElement>(".stability-panel")?.dataset.state === "ready"
    );
  }, after);
  return page.$eval(".results", (el) => Number((el as HTMLElement).dataset.request));
}

/** What the page shows: ZOPA size, the Nash terms, the verdict and the proposal's selects. */
async function shown(
  page: Page,
): Promise<{ zopa: string; nash: Record<string, string>; verdict: string | null; proposal: Record<string, string> }> {
  return page.evaluate(() => {
    const nash: Record<string, string> = {};
    for (const td of Array.from(document.querySelectorAll<HTMLElement>('td[data-solution="nash"]')))
      nash[td.dataset.issue!] = td.dataset.option!;
    const proposal: Record<string, string> = {};
    for (const s of Array.from(document.querySelectorAll<HTMLSelectElement>(".proposal select")))
      if (s.value) proposal[s.dataset.issue!] = s.value;
    return {
      zopa: document.querySelector("#zopa-count")?.textContent ?? "",
      nash,
      verdict: document.querySelector("#verdict")?.textContent?.trim() ?? null,
      proposal,
    };
  });
}

/** The equilibria a stability table shows: per concept the count and the states listed. */
async function equilibria(
  page: Page,
  model: "derived" | "builtin",
): Promise<Record<string, { count: number; listed: string[] }>> {
  return page.$$eval(`.equilibria[data-model=${model}] tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.concept!,
        {
          count: Number((r as HTMLElement).dataset.count),
          listed: Array.from(r.querySelectorAll<HTMLElement>("li")).map((li) => li.dataset.state!),
        },
      ]),
    ),
  );
}

/** What `treatylab stability --format json` prints, as the page lists it (at most 12 states per concept). */
function asListed(equilibria: Record<string, string[]>): Record<string, { count: number; listed: string[] }> {
  return Object.fromEntries(
    Object.entries(equilibria).map(([k, v]) => [k, { count: v.length, listed: v.slice(0, 12) }]),
  );
}

// Generous time: the machine running the tests may be shared (each step waits for the page anyway).
describe.skipIf(!hasChromium)("the explorer in a real headless browser", { timeout: 180_000 }, () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    if (!existsSync(PAGE)) throw new Error("dist/explorer/explorer.html is missing: run `npm run build` first");
    file = path.join(OUT, "explorer-ukraine.html");
    const r = await run("explore", BASE, "--out", file);
    expect(r.code).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("fits a 390-pixel phone screen: no sideways scroll of the page, every proposal dropdown inside its card", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`file://${file}`);
    await settled(page);
    const layout = await page.evaluate(() => {
      const root = document.documentElement;
      const selects = Array.from(document.querySelectorAll<HTMLSelectElement>(".proposal-grid select"));
      const card = selects[0]?.closest("section, .card, div")?.getBoundingClientRect();
      return {
        scroll: root.scrollWidth - root.clientWidth,
        selects: selects.length,
        outside: selects.filter((el) => el.getBoundingClientRect().right > (card?.right ?? 0) + 1).length,
      };
    });
    expect(layout.selects).toBeGreaterThan(10);
    expect(layout).toEqual({ scroll: 0, selects: layout.selects, outside: 0 });
    await page.close();
  });

  it("moves Russia's reservation and shows what analyze and checkProposal give; exports edits the CLI takes; a reload shows the same view; nothing leaves the machine", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const requests: string[] = [];
    page.on("request", (req) => requests.push(req.url()));
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    let req = await settled(page);

    // Two inline scripts (the embedded scenario, the page), nothing loaded from elsewhere.
    expect(await page.$$eval("script", (els) => els.map((e) => [e.id, (e as HTMLScriptElement).src]))).toEqual([
      ["treatylab-scenario", ""],
      ["", ""],
    ]);
    expect(await page.$$eval("link, img, iframe", (els) => els.length)).toBe(0);

    const base = builtinScenario(BASE);
    const before = analyze(base);
    expect((await shown(page)).zopa).toBe(before.zopa.count.toLocaleString("en"));

    // Move Russia's reservation to a value (the number box beside the slider), then build a proposal.
    const reservation = Number((base.parties.find((p) => p.id === "russia")!.reservation - 0.07).toFixed(2));
    await page.fill('input[data-for="res-russia"]', String(reservation));
    await page.press('input[data-for="res-russia"]', "Enter");
    await page.locator('input[data-for="res-russia"]').blur();
    req = await settled(page, req);
    for (const [issue, option] of Object.entries(PLAN)) {
      await page.selectOption(`.proposal select[data-issue="${issue}"]`, option);
      req = await settled(page, req);
    }

    const edits: ScenarioEdit[] = [{ op: "setReservation", party: "russia", value: reservation }];
    const edited = applyEdits(base, edits);
    const a = analyze(edited);
    const check = checkProposal(edited, PLAN);
    const view = await shown(page);
    expect(view.zopa).toBe(a.zopa.count.toLocaleString("en"));
    expect(a.zopa.count).not.toBe(before.zopa.count); // the edit matters, so the page must have recomputed
    expect(view.nash).toEqual(a.solutions.nash!.bundle);
    expect(view.verdict).toBe(
      check.rejectedBy.length
        ? `Rejected by ${check.rejectedBy.map((p) => edited.parties.find((x) => x.id === p)!.label).join(", ")}`
        : "Every party accepts this proposal",
    );
    const shortfalls = await page.$$eval("#verdicts tbody tr", (rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.party, r.querySelector(".shortfall")?.textContent]),
    );
    expect(shortfalls).toEqual(check.verdicts.map((v) => [v.party, v.shortfall > 0 ? v.shortfall.toFixed(3) : "–"]));
    const alternatives = await page.$$eval("#alternatives li", (li) => li.length);
    expect(alternatives).toBe(check.rejectedBy.length ? check.alternatives.length : 0);
    expect(
      await page.$$eval("#edit-list li", (li) => li.map((l) => l.textContent?.replace(/\s+/g, " ").trim())),
    ).toEqual([`Russia: reservation = ${reservation} ×`]);
    await page.screenshot({ path: path.join(OUT, "explorer-1280.png") });
    await page.locator(".proposal").screenshot({ path: path.join(OUT, "explorer-1280-proposal.png") });

    // Export the edits file; `treatylab compare --edits` takes it and finds the same ZOPA.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-edits")]);
    const editsPath = path.join(OUT, "explorer-edits.json");
    await download.saveAs(editsPath);
    expect(JSON.parse(readFileSync(editsPath, "utf8"))).toEqual({ base: BASE, edits });
    const cli = await run("compare", BASE, "--edits", editsPath, "--format", "json");
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.out) as { zopa: { after: number } }).zopa.after).toBe(a.zopa.count);

    // The URL holds the view: a reload shows the same results, proposal and slider.
    const url = page.url();
    expect(url).toContain("edits=");
    await page.reload();
    await settled(page);
    expect(await shown(page)).toEqual(view);
    expect(await page.inputValue('input[data-for="res-russia"]')).toBe(String(reservation));
    expect(page.url()).toBe(url);

    // Keyboard: arrow keys move a slider (one step, one edit); Ctrl+Z undoes it.
    req = await page.$eval(".results", (el) => Number((el as HTMLElement).dataset.request));
    await page.focus("#res-russia");
    await page.keyboard.press("ArrowRight");
    req = await settled(page, req);
    expect(await page.inputValue('input[data-for="res-russia"]')).toBe(String(Number((reservation + 0.01).toFixed(2))));
    await page.keyboard.press("Control+z");
    req = await settled(page, req);
    expect(await shown(page)).toEqual(view);

    // Stability: the built-in graph model paired with ukraine-2025 is what the CLI prints for it.
    const builtinCli = await run("stability", "ukraine-2025-may", "--format", "json");
    expect(builtinCli.code).toBe(0);
    expect(await equilibria(page, "builtin")).toEqual(
      asListed((JSON.parse(builtinCli.out) as { equilibria: Record<string, string[]> }).equilibria),
    );
    expect(await page.textContent("#stability-none")).toContain("No control mapping yet");

    // A control mapping derives a graph model; Russia's interaction term turned off is one more edit.
    const control = { donbas: "russia", "army-cap": "ukraine", sanctions: "us" };
    await page.click(".control-map summary");
    for (const [issue, party] of Object.entries(control)) {
      await page.selectOption(`.control-map select[data-issue="${issue}"]`, party);
      req = await settled(page, req);
    }
    await page.click('input[data-off="interaction:russia:0"]');
    req = await settled(page, req);
    const edits2: ScenarioEdit[] = [...edits, { op: "removeInteraction", party: "russia", index: 0 }];
    expect((await shown(page)).zopa).toBe(analyze(applyEdits(base, edits2)).zopa.count.toLocaleString("en"));
    expect(await page.isDisabled("#int-russia-0")).toBe(true);
    const [download2] = await Promise.all([page.waitForEvent("download"), page.click("#export-edits")]);
    await download2.saveAs(editsPath);
    expect(JSON.parse(readFileSync(editsPath, "utf8"))).toEqual({ base: BASE, edits: edits2 });
    const controlFlags = ["--control", "russia=donbas", "--control", "ukraine=army-cap", "--control", "us=sanctions"];
    const derivedCli = await run("stability", BASE, ...controlFlags, "--edits", editsPath, "--format", "json");
    expect(derivedCli.code).toBe(0);
    const derived = await equilibria(page, "derived");
    expect(derived).toEqual(
      asListed((JSON.parse(derivedCli.out) as { equilibria: Record<string, string[]> }).equilibria),
    );
    expect(derived.nash!.count).toBeGreaterThan(0);
    expect(await page.textContent(".stability-panel .cli")).toContain(
      `treatylab stability ${BASE} ${controlFlags.join(" ")} --edits ${BASE}-edits.json`,
    );
    const compare2 = await run("compare", BASE, "--edits", editsPath, "--format", "json");
    expect((JSON.parse(compare2.out) as { zopa: { after: number } }).zopa.after).toBe(
      analyze(applyEdits(base, edits2)).zopa.count,
    );
    await page.locator(".stability-panel").screenshot({ path: path.join(OUT, "explorer-1280-stability.png") });

    // The control mapping is in the URL too.
    await page.reload();
    await settled(page);
    expect(await equilibria(page, "derived")).toEqual(derived);
    expect(await page.inputValue('.control-map select[data-issue="donbas"]')).toBe("russia");

    // A mapping past the page's limit (6 x 5 x 4 x 4 x 4 x 3 = 5,760 states): the panel names the size and the command line.
    const big = {
      guarantees: "us",
      "army-cap": "ukraine",
      nato: "eu",
      donbas: "russia",
      crimea: "russia",
      sanctions: "us",
    };
    await page.goto(`file://${file}#scenario=${BASE}&control=${encodeURIComponent(JSON.stringify(big))}`);
    await settled(page);
    expect(await page.textContent("#stability-none")).toContain(
      "the mapping gives a graph model of 5,760 states (20 binary options); the page derives at most 4,096 states",
    );
    expect(await page.textContent(".stability-panel .cli")).toContain(
      `treatylab stability ${BASE} --control us=guarantees,sanctions --control ukraine=army-cap --control eu=nato --control russia=donbas,crimea`,
    );

    expect(errors).toEqual([]);
    // Nothing but the page itself and the worker's blob: no network request left the machine.
    expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:"))).toEqual([]);
    await page.close();
  });

  it("forecasts ukraine-2025 with its forecast-inputs file as treatylab forecast <inputs.json> --edits does; a dropped inputs file too", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    let req = await settled(page);
    const INPUTS = "examples/forecast/ukraine-2025.json";
    expect(await page.textContent("#forecast-inputs")).toContain(`Forecast inputs: ${INPUTS}`);

    // Edit Russia's capability (a forecast input), Ukraine's weight on Donbas and a scale position, then compare every model with the CLI.
    await page.$eval('details.party[data-party="russia"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.fill('input[data-for="cap-russia"]', "80");
    await page.locator('input[data-for="cap-russia"]').blur();
    req = await settled(page, req);
    await page.$eval('details.party[data-party="ukraine"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.fill('input[data-for="w-ukraine-donbas"]', "1");
    await page.locator('input[data-for="w-ukraine-donbas"]').blur();
    req = await settled(page, req);
    // A position on a forecast scale (the inputs file's scale for Donbas): its first option moved to 20.
    const donbas = builtinScenario(BASE).issues.find((i) => i.id === "donbas")!;
    const first = donbas.type === "numeric" ? "" : donbas.options[0]!.id;
    await page.click("details.scales > summary");
    await page.click('details[data-scale="donbas"] > summary');
    await page.fill(`input[data-for="pos-donbas-${first}"]`, "20");
    await page.locator(`input[data-for="pos-donbas-${first}"]`).blur();
    req = await settled(page, req);
    const edits: ScenarioEdit[] = [
      { op: "setCapability", party: "russia", value: 80 },
      { op: "setWeight", party: "ukraine", issue: "donbas", value: 1 },
      { op: "setPosition", issue: "donbas", option: first, value: 20 },
    ];
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-edits")]);
    const editsPath = path.join(OUT, "explorer-ukraine-forecast-edits.json");
    await download.saveAs(editsPath);
    expect(JSON.parse(readFileSync(editsPath, "utf8"))).toEqual({ base: BASE, edits });
    expect(await page.textContent(".forecast-panel .cli")).toContain(
      `treatylab forecast ${INPUTS} --model <model> --edits ${BASE}-edits.json`,
    );
    const label = (p: string) => builtinScenario(BASE).parties.find((x) => x.id === p)!.label;
    /** Every model's cells and verdict against `treatylab forecast <input> --model m [--edits]`; whether some forecast differs from the input unedited. */
    const sameAsCli = async (input: string, withEdits: boolean): Promise<boolean> => {
      const cells = await page.$$eval("#forecast td[data-issue]", (tds) =>
        tds
          .map((td) => (td as HTMLElement).dataset)
          .map((d) => [d.model, d.issue, d.option, Number(d.position)] as const),
      );
      const verdicts = await page.$$eval(".forecast-verdict", (tds) =>
        Object.fromEntries(tds.map((td) => [(td as HTMLElement).dataset.model, td.textContent])),
      );
      let differs = false;
      for (const model of FORECAST_MODEL_NAMES) {
        const cli = await run(
          "forecast",
          input,
          "--model",
          model,
          ...(withEdits ? ["--edits", editsPath] : []),
          "--format",
          "json",
        );
        expect(cli.code).toBe(0);
        const f = JSON.parse(cli.out) as {
          bundle: Bundle;
          issues: { issue: string; forecast: number }[];
          check: { rejectedBy: string[] };
        };
        expect(f.issues).toHaveLength(builtinScenario(BASE).issues.length);
        expect(cells.filter((c) => c[0] === model)).toEqual(
          f.issues.map((i) => [model, i.issue, f.bundle[i.issue], i.forecast]),
        );
        expect(verdicts[model]).toBe(
          f.check.rejectedBy.length ? `rejected by ${f.check.rejectedBy.map(label).join(", ")}` : "every party accepts",
        );
        const plain = JSON.parse((await run("forecast", input, "--model", model, "--format", "json")).out) as {
          issues: { forecast: number }[];
        };
        differs ||= plain.issues.some((i, k) => i.forecast !== f.issues[k]!.forecast);
      }
      return differs;
    };
    expect(await sameAsCli(INPUTS, true)).toBe(true); // the edits move some forecast, so the panel must have recomputed
    await page.locator(".forecast-panel").screenshot({ path: path.join(OUT, "explorer-1280-forecast.png") });

    // Without the inputs there is no scale: the panel says so; the edits stay but the position (no scale to put it on).
    await page.click("#inputs-off");
    req = await settled(page, req);
    expect(await page.textContent("#forecast-none")).toContain("No issue has an ordered scale");
    expect(page.url()).toContain("inputs=none");
    expect(await page.$$eval("#edit-list li", (li) => li.length)).toBe(2);
    await page.click('#edit-list button[aria-label^="drop: Russia: capability"]');
    req = await settled(page, req);

    // A forecast-inputs file opened in the page (other capabilities) gives what the CLI gives for that file.
    const mine = JSON.parse(readFileSync(INPUTS, "utf8")) as { capabilities: Record<string, { value: number }> };
    mine.capabilities.us!.value = 5;
    const minePath = path.join(OUT, "explorer-my-inputs.json");
    writeFileSync(minePath, JSON.stringify({ ...mine, scenario: BASE }));
    await page.setInputFiles("#inputs-file", minePath);
    await settled(page, req);
    expect(await page.textContent("#forecast-inputs")).toContain(
      "Forecast inputs: explorer-my-inputs.json (opened here)",
    );
    expect(await page.inputValue('input[data-for="cap-us"]')).toBe("5");
    const [download2] = await Promise.all([page.waitForEvent("download"), page.click("#export-edits")]);
    await download2.saveAs(editsPath);
    expect(JSON.parse(readFileSync(editsPath, "utf8"))).toEqual({ base: BASE, edits: [edits[1]] });
    expect(await page.textContent(".forecast-panel .cli")).toContain(
      "treatylab forecast explorer-my-inputs.json --model <model> --edits",
    );
    expect(await sameAsCli(minePath, true)).toBe(true);
    // The link keeps it (for this tab's session).
    await page.reload();
    await settled(page);
    expect(await page.textContent("#forecast-inputs")).toContain("explorer-my-inputs.json");
    // An inputs file naming an unknown issue: one line naming the field; the page goes on.
    await page.setInputFiles("#inputs-file", {
      name: "bad-inputs.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ scenario: BASE, scales: { nope: { positions: {} } } })),
    });
    await expect
      .poll(() => page.textContent("#message").catch(() => ""))
      .toMatch(/^bad-inputs\.json: \$\.scales\.nope: names no issue of the scenario/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the forecast panel gives what treatylab forecast prints for the same edits; a constituency can be taken out", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    let req = await settled(page);

    // A historical case has scales: edit Israel's weight on the Palestinian issue, then compare every model with the CLI.
    const CASE = "camp-david-1978";
    await page.selectOption("#scenario", CASE);
    req = await settled(page, req);
    await page.$eval('details.party[data-party="israel"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.fill('input[data-for="w-israel-palestinian"]', "9");
    await page.locator('input[data-for="w-israel-palestinian"]').blur();
    req = await settled(page, req);
    const edits: ScenarioEdit[] = [{ op: "setWeight", party: "israel", issue: "palestinian", value: 9 }];
    const editsPath = path.join(OUT, "explorer-forecast-edits.json");
    writeFileSync(editsPath, JSON.stringify({ base: CASE, edits }));
    const cells = await page.$$eval("#forecast td[data-issue]", (tds) =>
      tds
        .map((td) => (td as HTMLElement).dataset)
        .map((d) => [d.model, d.issue, d.option, Number(d.position)] as const),
    );
    const verdicts = await page.$$eval(".forecast-verdict", (tds) =>
      Object.fromEntries(tds.map((td) => [(td as HTMLElement).dataset.model, td.textContent])),
    );
    const edited = applyEdits(builtinScenario(CASE), edits);
    let differs = false;
    for (const model of FORECAST_MODEL_NAMES) {
      const cli = await run("forecast", CASE, "--model", model, "--edits", editsPath, "--format", "json");
      expect(cli.code).toBe(0);
      const f = JSON.parse(cli.out) as {
        bundle: Bundle;
        issues: { issue: string; forecast: number }[];
        check: { rejectedBy: string[] };
      };
      expect(cells.filter((c) => c[0] === model)).toEqual(
        f.issues.map((i) => [model, i.issue, f.bundle[i.issue], i.forecast]),
      );
      const label = (p: string) => edited.parties.find((x) => x.id === p)!.label;
      expect(verdicts[model]).toBe(
        f.check.rejectedBy.length ? `rejected by ${f.check.rejectedBy.map(label).join(", ")}` : "every party accepts",
      );
      const unedited = JSON.parse((await run("forecast", CASE, "--model", model, "--format", "json")).out) as {
        issues: { forecast: number }[];
      };
      differs ||= unedited.issues.some((i, k) => i.forecast !== f.issues[k]!.forecast);
    }
    expect(differs).toBe(true); // the edit moves some forecast, so the panel must have recomputed

    // Ratification: take Ukraine's referendum out (a removeConstituency edit).
    await page.selectOption("#scenario", "ukraine-2025-ratification");
    req = await settled(page, req);
    await page.$eval('details.party[data-party="ukraine"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.click('input[data-off="constituency:ukraine:referendum"]');
    await settled(page, req);
    const rat = applyEdits(builtinScenario("ukraine-2025-ratification"), [
      { op: "removeConstituency", party: "ukraine", constituency: "referendum" },
    ]);
    expect((await shown(page)).zopa).toBe(analyze(rat).zopa.count.toLocaleString("en"));
    expect(
      await page.$$eval("#edit-list li", (li) => li.map((l) => l.textContent?.replace(/\s+/g, " ").trim())),
    ).toEqual(["Ukraine: All-Ukrainian referendum does not ratify ×"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("edits an interaction term's condition by keyboard, the discount, the ratification rule, votes and veto, a piecewise point and a constraint's condition; the CLI takes each exported edits file and finds the same ZOPA", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    let req = await settled(page);
    const base = builtinScenario(BASE);
    const listed = (): Promise<(string | undefined)[]> =>
      page.$$eval("#edit-list li", (li) => li.map((l) => l.textContent?.replace(/\s+/g, " ").trim()));
    /** Exports the edits, checks the file, and returns what `treatylab compare <scenario> --edits` finds. */
    const exported = async (scenario: string, want: ScenarioEdit[], base: string): Promise<number> => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-edits")]);
      const editsPath = path.join(OUT, "explorer-structure-edits.json");
      await download.saveAs(editsPath);
      expect(JSON.parse(readFileSync(editsPath, "utf8"))).toEqual({ base, edits: want });
      const cli = await run("compare", scenario, "--edits", editsPath, "--format", "json");
      expect(cli.code, cli.err).toBe(0);
      return (JSON.parse(cli.out) as { zopa: { after: number } }).zopa.after;
    };

    // Ukraine's security term also applies with European assurances: tick the option by keyboard (Tab to it, Space).
    await page.$eval('details.party[data-party="ukraine"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.click('details[data-condition="int-ukraine-0:when"] > summary');
    const box = 'input[data-cond="int-ukraine-0:when:guarantees:european-assurances"]';
    await page.focus('input[data-cond="int-ukraine-0:when:guarantees:with-russia"]');
    await page.keyboard.press("Tab");
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), box)).toBe(true);
    await page.keyboard.press("Space");
    req = await settled(page, req);
    const when = { guarantees: ["none", "with-russia", "european-assurances"], "army-cap": ["600", "800"] };
    const edits: ScenarioEdit[] = [{ op: "setInteractionWhen", party: "ukraine", index: 0, when }];
    const a = analyze(applyEdits(base, edits));
    expect(a.zopa.count).not.toBe(analyze(base).zopa.count); // the edit matters, so the page must have recomputed
    expect((await shown(page)).zopa).toBe(a.zopa.count.toLocaleString("en"));
    expect((await shown(page)).nash).toEqual(a.solutions.nash!.bundle);
    expect(await page.isChecked(box)).toBe(true);
    expect(await listed()).toEqual([
      "Ukraine: interaction term 1 when Security guarantees and foreign troops: None or Guarantors incl. Russia or European assurances; Cap on Ukraine's army: 600,000 or 800,000 ×",
    ]);
    expect(await exported(BASE, edits, BASE)).toBe(a.zopa.count);
    await page
      .locator('details.party[data-party="ukraine"] .interactions')
      .screenshot({ path: path.join(OUT, "explorer-1280-condition.png") });

    // The discount: an edit the simulations read (the analysis does not); the CLI takes it.
    await page.fill('input[data-for="disc-ukraine"]', "0.9");
    await page.locator('input[data-for="disc-ukraine"]').blur();
    req = await settled(page, req);
    edits.push({ op: "setDiscount", party: "ukraine", value: 0.9 });
    expect((await shown(page)).zopa).toBe(a.zopa.count.toLocaleString("en"));
    expect(await exported(BASE, edits, BASE)).toBe(a.zopa.count);

    // Ratification: the US decides by a 60% quota of votes, Congress has 3 votes and no veto.
    const RAT = "ukraine-2025-ratification";
    await page.selectOption("#scenario", RAT);
    req = await settled(page, req);
    await page.$eval('details.party[data-party="us"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.selectOption("#rule-us", "quota");
    req = await settled(page, req);
    await page.fill('input[data-for="quota-us"]', "0.6");
    await page.locator('input[data-for="quota-us"]').blur();
    req = await settled(page, req);
    await page.click('details[data-constituency="us/congress"] > summary');
    await page.fill('input[data-for="votes-us--congress"]', "3");
    await page.locator('input[data-for="votes-us--congress"]').blur();
    req = await settled(page, req);
    await page.focus("#veto-us--congress");
    await page.keyboard.press("Space");
    req = await settled(page, req);
    const ratEdits: ScenarioEdit[] = [
      { op: "setRatification", party: "us", rule: "quota", quota: 0.6 },
      { op: "setVotes", party: "us", constituency: "congress", value: 3 },
      { op: "setVeto", party: "us", constituency: "congress", value: false },
    ];
    const rat = applyEdits(builtinScenario(RAT), ratEdits);
    expect((await shown(page)).zopa).toBe(analyze(rat).zopa.count.toLocaleString("en"));
    expect(await page.textContent('details[data-constituency="us/congress"] > summary')).not.toContain("(veto)");
    expect(await listed()).toEqual([
      "United States: ratification by quota 0.6 ×",
      "United States / US Congress: votes = 3 ×",
      "United States / US Congress: no veto ×",
    ]);
    expect(await exported(RAT, ratEdits, RAT)).toBe(analyze(rat).zopa.count);

    // A scenario file with a numeric issue valued piecewise and a constraint: move a point, widen the constraint.
    const structures = plainStructures();
    const structFile = path.join(OUT, "explorer-structures.json");
    writeFileSync(structFile, JSON.stringify(structures));
    await page.setInputFiles("#file", structFile);
    req = await settled(page, req);
    await page.$eval('details.party[data-party="b"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.click('details[data-points="b-share"] > summary');
    await page.fill('input[data-for="pt-b-share-1-v"]', "8");
    await page.locator('input[data-for="pt-b-share-1-v"]').blur();
    req = await settled(page, req);
    await page.click("details.constraints > summary");
    await page.click('details[data-condition="con-0:then"] > summary');
    await page.check('input[data-cond="con-0:then:troops:none"]');
    await settled(page, req);
    const structEdits: ScenarioEdit[] = [
      { op: "setPoint", party: "b", issue: "share", index: 1, x: 10, value: 8 },
      { op: "setConstraint", index: 0, if: { nato: "open" }, then: { troops: ["none", "few", "many"] } },
    ];
    const st = validateScenario(structures);
    const after = analyze(applyEdits(st, structEdits));
    expect(after.zopa.count).not.toBe(analyze(st).zopa.count);
    expect((await shown(page)).zopa).toBe(after.zopa.count.toLocaleString("en"));
    expect(await exported(structFile, structEdits, "structures")).toBe(after.zopa.count);
    // The last option of an issue in a condition cannot be unticked (an empty list is no condition): drop the issue instead.
    await page.click('details[data-condition="con-0:if"] > summary');
    expect(await page.isDisabled('input[data-cond="con-0:if:nato:open"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a malformed file, dropped or opened, shows a clear message and the page keeps working; a scenario file and GENIUS files open", async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1000 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    let req = await settled(page);

    await page.setInputFiles("#file", {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from("{ not json"),
    });
    await expect.poll(() => page.textContent("#message").catch(() => "")).toContain("broken.json: not JSON");

    // Dropped: JSON, but not a scenario: the message names the field and what it expects.
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(
        new File([JSON.stringify({ id: "x", issues: [], parties: [] })], "wrong.json", { type: "application/json" }),
      );
      return d;
    });
    await page.dispatchEvent("body", "drop", { dataTransfer: dt });
    await expect
      .poll(() => page.textContent("#message").catch(() => ""))
      .toMatch(/^wrong\.json: \$\.issues: is \[\]; expected at least one issue/);

    // Still working: a weight edit recomputes and matches the library.
    await page.$eval('details.party[data-party="russia"]', (d) => ((d as HTMLDetailsElement).open = true));
    await page.fill('input[data-for="w-russia-nato"]', "2");
    await page.locator('input[data-for="w-russia-nato"]').blur();
    req = await settled(page, req);
    const a = analyze(
      applyEdits(builtinScenario(BASE), [{ op: "setWeight", party: "russia", issue: "nato", value: 2 }]),
    );
    expect((await shown(page)).zopa).toBe(a.zopa.count.toLocaleString("en"));

    // An edit that leaves the scenario invalid (a negative weight) shows the check's message; Undo clears it.
    await page.fill('input[data-for="w-russia-nato"]', "-1");
    await page.locator('input[data-for="w-russia-nato"]').blur();
    await page.waitForSelector(".results[data-state=error]");
    expect(await page.textContent(".summary .error")).toMatch(/weights.*nato/);
    req = await page.$eval(".results", (el) => Number((el as HTMLElement).dataset.request));
    await page.click("#undo");
    req = await settled(page, req);
    expect((await shown(page)).zopa).toBe(a.zopa.count.toLocaleString("en"));
    // Undo scrolled the page to its button: back to the top for the screenshot of the page's start.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => window.scrollY === 0);
    await page.screenshot({ path: path.join(OUT, "explorer-768.png") });
    await page.locator("#summary-h").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "explorer-768-results.png") });
    await page.locator("#stability-h").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "explorer-768-stability.png") });

    // A good scenario file opens (nash-1950 written out, with a constraint); the constraint can be turned off.
    const good = path.join(OUT, "explorer-nash.json");
    const constrained = applyEdits(builtinScenario("nash-1950"), [
      { op: "addConstraint", constraint: { if: { book: "bill" }, then: { pen: "bill" }, reason: "a set" } },
    ]);
    writeFileSync(good, JSON.stringify(constrained));
    await page.setInputFiles("#file", good);
    req = await settled(page, req);
    expect((await shown(page)).zopa).toBe(analyze(constrained).zopa.count.toLocaleString("en"));
    await page.click("details.constraints summary");
    await page.click('input[data-off="constraint:0"]');
    req = await settled(page, req);
    expect((await shown(page)).zopa).toBe(analyze(builtinScenario("nash-1950")).zopa.count.toLocaleString("en"));
    expect(analyze(constrained).zopa.count).not.toBe(analyze(builtinScenario("nash-1950")).zopa.count);

    // A GENIUS domain folder's files (nash-1950 exported to GENIUS XML) open through the import worker.
    const g = exportGenius(builtinScenario("nash-1950"));
    const dir = path.join(OUT, "explorer-genius");
    mkdirSync(dir, { recursive: true });
    const xmlFiles = [
      { name: "domain.xml", xml: g.domain.xml },
      ...g.profiles.map((p) => ({ name: `${p.name}_utility.xml`, xml: p.xml })),
    ];
    for (const f of xmlFiles) writeFileSync(path.join(dir, f.name), f.xml);
    await page.setInputFiles(
      "#file",
      xmlFiles.map((f) => path.join(dir, f.name)),
    );
    await settled(page, req);
    const imported = importGeniusFolderFiles(
      "genius",
      xmlFiles.map((f) => ({ name: f.name, path: f.name, text: f.xml })),
    );
    expect(await page.inputValue("#scenario")).toBe(imported.id);
    expect((await shown(page)).zopa).toBe(analyze(imported).zopa.count.toLocaleString("en"));
    expect(await page.$$eval("details.party", (d) => d.map((x) => (x as HTMLElement).dataset.party))).toEqual(
      imported.parties.map((p) => p.id),
    );
    expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:"))).toEqual([]);
    await page.close();
  });

  it("treatylab explore serves the page on 127.0.0.1 and stops on SIGINT", async () => {
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, ["dist/cli/main.cjs", "explore", "nash-1950", "--port", "0", "--no-open"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child!.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child!.on("exit", (code) => reject(new Error(`explore exited with ${code} before serving`)));
      });
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(url);
      await settled(page);
      expect(await page.inputValue("#scenario")).toBe("nash-1950");
      expect((await shown(page)).zopa).toBe(analyze(builtinScenario("nash-1950")).zopa.count.toLocaleString("en"));
      expect(requests.filter((u) => !u.startsWith(url) && !u.startsWith("blob:"))).toEqual([]);
      await page.close();
      const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      if (child && child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
