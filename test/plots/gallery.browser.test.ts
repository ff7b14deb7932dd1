import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, hasChromium, launchChromium } from "../helpers/chromium.js";
import { plotSpec } from "../../src/plots/spec.js";
import { MEASURED_FONT, textWidth } from "../../src/render/textMetrics.js";

/** Screenshots go to the gitignored test-output/gallery/; .ci/run installs chromium and fonts-liberation. */
const OUT = path.resolve("test-output", "gallery");
const GALLERY = path.resolve("docs", "gallery");
/** Whether the browser can draw the font the plots are measured in (fontconfig lists it). */
const hasFont = (() => {
  try {
    return execFileSync("fc-list", [MEASURED_FONT], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
})();
const ready = hasChromium && hasFont;
// CI (.ci/run) installs chromium and fonts-liberation and sets TREATYLAB_REQUIRE_BROWSER=1: there a missing one fails.
if (!ready && process.env.TREATYLAB_REQUIRE_BROWSER === "1")
  throw new Error(
    `TREATYLAB_REQUIRE_BROWSER=1 but ${hasChromium ? `fontconfig has no ${MEASURED_FONT}` : `there is no chromium at ${CHROMIUM}`}: the gallery's browser test cannot run`,
  );
if (!ready)
  console.warn(
    `skipping the browser test of the gallery: ${hasChromium ? `no ${MEASURED_FONT} font (apt-get install fonts-liberation)` : `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`}`,
  );

/** What Chromium draws of one SVG: its size, its content's box and each text's box, font and width. */
interface Drawn {
  readonly width: number;
  readonly height: number;
  readonly content: { readonly right: number; readonly bottom: number };
  readonly texts: readonly {
    text: string;
    left: number;
    top: number;
    right: number;
    bottom: number;
    size: number;
    weight: number;
    family: string;
    length: number;
  }[];
}

describe.skipIf(!ready)("the gallery's SVGs in a real headless browser", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const files = readdirSync(GALLERY).filter((f) => f.endsWith(".svg"));
  it("holds the plots", () => {
    expect(files.length).toBeGreaterThan(20);
  });
  for (const file of files) {
    it(`${file}: text inside the canvas, no empty band past the padding, widths as measured`, async () => {
      await page.goto(`file://${path.join(GALLERY, file)}`);
      const drawn: Drawn = await page.evaluate(() => {
        const svg = document.querySelector("svg")!;
        const root = svg.querySelector(":scope > g")!.getBoundingClientRect();
        return {
          width: Number(svg.getAttribute("width")),
          height: Number(svg.getAttribute("height")),
          content: { right: root.right, bottom: root.bottom },
          texts: Array.from(svg.querySelectorAll("text"))
            .filter((t) => (t.textContent ?? "").trim() !== "" && getComputedStyle(t).opacity !== "0")
            .map((t) => {
              const r = t.getBoundingClientRect();
              const cs = getComputedStyle(t);
              return {
                text: t.textContent ?? "",
                left: r.left,
                top: r.top,
                right: r.right,
                bottom: r.bottom,
                size: parseFloat(cs.fontSize),
                weight: Number(cs.fontWeight),
                family: cs.fontFamily,
                length: (t as SVGTextElement).getComputedTextLength(),
              };
            }),
        };
      });
      for (const t of drawn.texts) {
        expect(
          t.family.startsWith(`"${MEASURED_FONT}"`) || /mono/i.test(t.family),
          `${file}: "${t.text}" is not set in ${MEASURED_FONT}`,
        ).toBe(true);
        expect(
          t.left >= -1 && t.top >= -1 && t.right <= drawn.width + 1 && t.bottom <= drawn.height + 1,
          `${file}: "${t.text}" leaves the ${drawn.width}x${drawn.height} canvas`,
        ).toBe(true);
        if (/mono/i.test(t.family)) continue;
        // The width renderSvg laid the text out with, against the width Chromium draws: never
        // short (a cut or overflowing label), and long by kerning only (empty canvas).
        const ours = textWidth(t.text, { size: t.size, bold: t.weight >= 600, mono: false });
        expect(ours, `${file}: "${t.text}" is drawn wider than measured`).toBeGreaterThanOrEqual(
          t.length * 0.995 - 0.1,
        );
        expect(ours, `${file}: "${t.text}" is drawn much narrower than measured`).toBeLessThanOrEqual(
          t.length * 1.04 + 0.5,
        );
      }
      // The drawing reaches the right and bottom edges up to the padding (plus the 1.5 px Vega
      // rounds and the half-width of strokes): no band of empty canvas from overestimated text.
      const padding = Number(plotSpec("", undefined, {}).padding);
      expect(drawn.width - drawn.content.right, `${file}: empty band on the right`).toBeLessThanOrEqual(padding + 3);
      expect(drawn.height - drawn.content.bottom, `${file}: empty band at the bottom`).toBeLessThanOrEqual(padding + 3);
      await page.screenshot({
        path: path.join(OUT, file.replace(/\.svg$/, ".png")),
        clip: { x: 0, y: 0, width: drawn.width, height: drawn.height },
      });
    });
  }
});
