import { describe, expect, it } from "vitest";
import { galleryEntries } from "../../scripts/gallery.js";
import { type PlotView, withView } from "../../src/render/renderSvg.js";
import { PLOT_CONFIG } from "../../src/plots/spec.js";
import { MEASURED_FONT, vegaTextWidth } from "../../src/render/textMetrics.js";

/** A Vega scenegraph mark: its type and items; a group item holds marks of its own at (x, y). */
interface SceneMark {
  readonly marktype: string;
  readonly items: readonly SceneItem[];
}
interface SceneItem {
  readonly x?: number;
  readonly y?: number;
  readonly items?: readonly SceneMark[];
  readonly bounds: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
  readonly text?: unknown;
  readonly limit?: number;
  readonly fontSize?: number;
  readonly font?: string;
  readonly fontWeight?: string | number;
  readonly opacity?: number;
}
interface PlacedText {
  readonly text: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly item: SceneItem;
}

/** Every text item of the scenegraph with its bounds in SVG coordinates (group offsets added up). */
function texts(mark: SceneMark, dx: number, dy: number, out: PlacedText[] = []): PlacedText[] {
  for (const item of mark.items) {
    if (mark.marktype === "text" && item.text != null && String(item.text) !== "" && item.opacity !== 0) {
      const b = item.bounds;
      out.push({
        text: Array.isArray(item.text) ? item.text.join(" / ") : String(item.text),
        x1: b.x1 + dx,
        y1: b.y1 + dy,
        x2: b.x2 + dx,
        y2: b.y2 + dy,
        item,
      });
    }
    if (mark.marktype === "group")
      for (const m of item.items ?? []) texts(m, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
  }
  return out;
}

/** The SVG's size and the text items, from one rendering of the plot. */
async function layout(view: PlotView): Promise<{ svg: string; width: number; height: number; texts: PlacedText[] }> {
  const svg = await view.toSVG();
  const [, width, height] = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number) as [
    number,
    number,
    number,
  ];
  const [ox, oy] = view.origin();
  return { svg, width, height, texts: texts(view.scenegraph().root as SceneMark, ox, oy) };
}

describe("gallery plots laid out with real text widths", () => {
  it("declare first the font whose widths renderSvg measures with", () => {
    expect(PLOT_CONFIG.font.startsWith(`"${MEASURED_FONT}", `)).toBe(true);
  });
  for (const e of galleryEntries()) {
    it(`${e.file}: no text leaves the SVG and no label is cut`, async () => {
      const { svg, width, height, texts: placed } = await withView(e.plot.spec, layout);
      expect(placed.length).toBeGreaterThan(3);
      // No text drawn with an ellipsis that its data does not have (Vega's cut at a label limit).
      const raw = new Set(
        placed.flatMap((t) => (Array.isArray(t.item.text) ? t.item.text : [t.item.text]).map((l) => String(l).trim())),
      );
      const drawn = [...svg.matchAll(/>([^<>]*…)<\/t(?:ext|span)>/g)].map((m) =>
        m[1]!.replace(/&amp;/g, "&").replace(/&#39;|&apos;/g, "'"),
      );
      expect(
        drawn.filter((d) => !raw.has(d)),
        `${e.file}: labels cut with an ellipsis`,
      ).toEqual([]);
      for (const t of placed) {
        expect(t.x1, `${e.file}: "${t.text}" starts left of the SVG`).toBeGreaterThanOrEqual(-0.5);
        expect(t.y1, `${e.file}: "${t.text}" starts above the SVG`).toBeGreaterThanOrEqual(-0.5);
        expect(t.x2, `${e.file}: "${t.text}" ends right of the SVG (width ${width})`).toBeLessThanOrEqual(width + 0.5);
        expect(t.y2, `${e.file}: "${t.text}" ends below the SVG (height ${height})`).toBeLessThanOrEqual(height + 0.5);
        // Vega cuts a line (with an ellipsis) when its width reaches the item's limit.
        const limit = t.item.limit ?? 0;
        if (limit > 0)
          for (const line of Array.isArray(t.item.text) ? t.item.text : [t.item.text])
            expect(
              vegaTextWidth({ ...t.item, limit: 0 }, line),
              `${e.file}: "${String(line)}" is cut at ${limit}px`,
            ).toBeLessThan(limit);
      }
    });
  }
});
