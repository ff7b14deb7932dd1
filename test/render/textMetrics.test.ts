import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadVega, renderSvg } from "../../src/render/renderSvg.js";
import { textWidth, vegaTextWidth, withTextMetrics } from "../../src/render/textMetrics.js";
import { TEXT_WIDTHS } from "../../src/render/textWidths.js";

const regular = { size: 11, bold: false, mono: false };

describe("textWidth (Liberation Sans advance widths)", () => {
  it("adds up character by character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), fc.string({ unit: "grapheme-composite" }), (a, b) => {
        expect(textWidth(a + b, regular)).toBeCloseTo(textWidth(a, regular) + textWidth(b, regular), 9);
      }),
    );
  });

  it("reads Arial's widths: digits are all 0.556 em, a space 0.278 em, bold wider than regular", () => {
    // Arial (and so Liberation Sans) sets every digit in 1139/2048 em, a space in 569/2048 em.
    expect(textWidth("0123456789", regular)).toBeCloseTo((10 * 1139 * 11) / 2048, 9);
    expect(textWidth(" ", regular)).toBeCloseTo((569 * 11) / 2048, 9);
    expect(TEXT_WIDTHS.unitsPerEm).toBe(2048);
    expect(textWidth("Negotiation", { ...regular, bold: true })).toBeGreaterThan(textWidth("Negotiation", regular));
  });

  it("counts 0.6 em in a monospaced font, 1 em for East Asian wide characters", () => {
    expect(textWidth("state", { size: 10, bold: false, mono: true })).toBeCloseTo(30, 9);
    expect(textWidth("和平", { size: 10, bold: false, mono: false })).toBeCloseTo(20, 9);
  });
});

describe("vegaTextWidth (Vega's text measurer)", () => {
  it("reads Vega's item fields: size (default 11), weight, mono family, limit as a cap", () => {
    expect(vegaTextWidth({}, "Nash")).toBeCloseTo(textWidth("Nash", regular), 9);
    expect(vegaTextWidth({ fontSize: 14, fontWeight: "bold" }, "Nash")).toBeCloseTo(
      textWidth("Nash", { size: 14, bold: true, mono: false }),
      9,
    );
    expect(vegaTextWidth({ fontWeight: 700 }, "Nash")).toBe(vegaTextWidth({ fontWeight: "bold" }, "Nash"));
    expect(vegaTextWidth({ font: "monospace", fontSize: 10 }, "abcd")).toBeCloseTo(24, 9);
    expect(vegaTextWidth({ limit: 10 }, "a long label")).toBe(10);
    expect(vegaTextWidth({ fontSize: 0 }, "Nash")).toBe(0);
    expect(vegaTextWidth({}, null)).toBe(0);
  });

  it("lets Vega cut a label where the brute-force longest fitting prefix ends", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9 ,.=()'-]{1,60}$/),
        fc.integer({ min: 20, max: 200 }),
        async (raw, limit) => {
          const text = raw.trim();
          fc.pre(text !== "" && !/\s{2}/.test(text));
          const svg = await renderSvg({
            data: { values: [{ t: text }] },
            mark: { type: "text", limit, font: "Liberation Sans" },
            encoding: { text: { field: "t" } },
          });
          const drawn = /<text[^>]*>([^<]*)<\/text>/
            .exec(svg)![1]!
            .replace(/&amp;/g, "&")
            .replace(/&#39;|&apos;/g, "'");
          // Oracle: the whole text when it is narrower than the limit, else the longest prefix
          // narrower than the limit less the ellipsis, then the ellipsis.
          const w = (s: string) => textWidth(s, regular);
          let expected = text;
          if (w(text) >= limit) {
            let k = 0;
            while (k < text.length && w(text.slice(0, k + 1)) < limit - w("…")) k++;
            expected = `${text.slice(0, k)}…`;
          }
          expect(drawn).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("withTextMetrics", () => {
  it("leaves Vega's own measurer in place after renders, overlapping or failing", async () => {
    const { vega } = await loadVega();
    const own = vega.textMetrics.width;
    expect(own).not.toBe(vegaTextWidth);
    const spec = { data: { values: [{ t: "x" }] }, mark: "text", encoding: { text: { field: "t" } } } as const;
    await Promise.all([renderSvg(spec), renderSvg(spec), renderSvg(spec)]);
    expect(vega.textMetrics.width).toBe(own);
    await expect(withTextMetrics(vega.textMetrics, async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(vega.textMetrics.width).toBe(own);
    let inside: unknown;
    await withTextMetrics(vega.textMetrics, async () => {
      inside = vega.textMetrics.width;
    });
    expect(inside).toBe(vegaTextWidth);
  });
});
