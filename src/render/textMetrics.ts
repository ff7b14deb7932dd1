/**
 * Text metrics for rendering plots in Node: Vega measures text with a canvas when it has one and
 * otherwise guesses 0.8 em per character, which overestimates ordinary text by about half (empty
 * canvas, labels cut for nothing). `renderSvg` gives Vega the advance widths of Liberation Sans
 * (metric-compatible with Arial and Helvetica, the fonts the plots declare first) instead; see
 * docs/decisions.md, "Text metrics in Node". Pure code (no canvas, no native package, no font
 * file): the same numbers on every machine, so the gallery stays byte-stable.
 * @module
 */
import { TEXT_WIDTHS } from "./textWidths.js";

/**
 * The font family the widths are those of, which every plot declares first (`PLOT_CONFIG.font`).
 * @example
 * ```ts
 * import { MEASURED_FONT } from "./textMetrics.js";
 * PLOT_CONFIG.font.startsWith(`"${MEASURED_FONT}"`); // true: the plots declare "Liberation Sans" first
 * ```
 */
export const MEASURED_FONT = TEXT_WIDTHS.family;

/** Width in em of a monospaced font's characters (Liberation Mono, Courier New, DejaVu Sans Mono within 0.3%). */
const MONO_EM = 0.6;
/** Width in em of a character the table does not hold: wide (East Asian, emoji) or other. */
const WIDE_EM = 1;
const OTHER_EM = 0.6;

const decoded: { regular?: Map<number, number>; bold?: Map<number, number> } = {};

function decode(runs: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const run of runs.split(";")) {
    const [start, list] = run.split(":") as [string, string];
    let c = parseInt(start, 36);
    for (const part of list.split(",")) {
      const [w, n] = part.split("*");
      const em = parseInt(w!, 36) / TEXT_WIDTHS.unitsPerEm;
      for (let k = n === undefined ? 1 : Number(n); k > 0; k--) m.set(c++, em);
    }
  }
  return m;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x1f000
  );
}

/**
 * How text is set: size in pixels, bold or not, monospaced or not.
 *
 * @example
 * ```ts
 * import { textWidth, type TextFont } from "./textMetrics.js";
 * const f: TextFont = { size: 11, bold: false, mono: false };
 * textWidth("Nash", f); // 25.67919921875
 * ```
 */
export interface TextFont {
  readonly size: number;
  readonly bold: boolean;
  readonly mono: boolean;
}

/**
 * Width in pixels of one line of text set in Liberation Sans (regular or bold; italic has the
 * regular widths for Latin text) or in a monospaced font, without kerning. Characters the table
 * lacks count 1 em when East Asian wide or emoji, else 0.6 em.
 *
 * @example
 * ```ts
 * import { textWidth } from "./textMetrics.js";
 * textWidth("Nash", { size: 10, bold: false, mono: false }); // 23.3447265625
 * textWidth("Nash", { size: 10, bold: true, mono: false }); // 24.453125
 * textWidth("Nash", { size: 10, bold: false, mono: true }); // 24: 0.6 em a character
 * ```
 */
export function textWidth(text: string, font: TextFont): number {
  if (font.mono) return [...text].length * MONO_EM * font.size;
  const table = font.bold
    ? (decoded.bold ??= decode(TEXT_WIDTHS.bold))
    : (decoded.regular ??= decode(TEXT_WIDTHS.regular));
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += table.get(c) ?? (isWide(c) ? WIDE_EM : OTHER_EM);
  }
  return em * font.size;
}

/**
 * The fields of a Vega text item that measuring reads.
 *
 * @example
 * ```ts
 * const item: VegaTextItem = { font: "Liberation Sans, Arial", fontSize: 11, fontWeight: "bold", limit: 180 };
 * ```
 */
export interface VegaTextItem {
  readonly font?: string;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/**
 * A replacement for Vega's `textMetrics.width(item, text)`: the width of `text` in the item's font
 * (monospaced when its family names a mono or Courier font; bold from weight 600). Returns the
 * width of the whole text, capped at the item's `limit` when it has one: Vega's own truncation
 * (which calls this on prefixes) then cuts at the same place as with a canvas, and the bounds of a
 * cut label are at most its limit.
 *
 * @example
 * ```ts
 * import { vegaTextWidth } from "./textMetrics.js";
 * vegaTextWidth({ fontSize: 10 }, "Nash"); // 23.3447265625
 * vegaTextWidth({ fontSize: 11, fontWeight: "bold", limit: 20 }, "Kalai-Smorodinsky"); // 20: capped at the limit
 * ```
 */
export function vegaTextWidth(item: VegaTextItem, text: unknown): number {
  // Not trimmed (Vega draws lines trimmed): Vega's truncation measures prefixes, and a prefix's
  // trailing space counts before the ellipsis.
  const line = text == null ? "" : String(text);
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (size <= 0 || line === "") return 0;
  const weight = item.fontWeight;
  const bold = weight === "bold" || weight === "bolder" || (Number(weight) || 0) >= 600;
  const w = textWidth(line, { size, bold, mono: /mono|courier/i.test(item.font ?? "") });
  return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
}

/**
 * The part of Vega that holds its text measurer (`vega.textMetrics`).
 *
 * @example
 * ```ts
 * const { vega } = await loadVega();
 * const m: VegaTextMetrics = vega.textMetrics;
 * m.width({ fontSize: 10 }, "Nash"); // 32: Vega's own guess in Node, 0.8 em a character
 * ```
 */
export interface VegaTextMetrics {
  width: (item: VegaTextItem, text: unknown) => number;
}

let active = 0;
let saved: VegaTextMetrics["width"] | undefined;

/**
 * Runs `render` with {@link vegaTextWidth} as Vega's text measurer and puts Vega's own back when
 * the last overlapping call ends, so treatylab leaves the `vega` module as it found it.
 *
 * @example
 * ```ts
 * import { withTextMetrics } from "./textMetrics.js";
 * const { vega } = await loadVega();
 * const nash = () => Promise.resolve(vega.textMetrics.width({ fontSize: 10 }, "Nash"));
 * await withTextMetrics(vega.textMetrics, nash); // 23.3447265625: Liberation Sans while it runs
 * vega.textMetrics.width({ fontSize: 10 }, "Nash"); // 32: Vega's own measurer is back
 * ```
 */
export async function withTextMetrics<T>(metrics: VegaTextMetrics, render: () => Promise<T>): Promise<T> {
  if (active++ === 0) {
    saved = metrics.width;
    metrics.width = vegaTextWidth;
  }
  try {
    return await render();
  } finally {
    if (--active === 0) {
      metrics.width = saved!;
      saved = undefined;
    }
  }
}
