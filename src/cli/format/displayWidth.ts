// How many columns text takes on a terminal: what table layout and line wrapping measure (no
// dependency: the CLI's start path imports it through wrapText.ts).

/**
 * One unit of text that a wrap may not split: an ANSI SGR sequence (the CLI's own bold/dim/colour
 * codes, which take no room on a terminal) or a single code point.
 */
const UNIT = /\u001b\[[0-9;]*m|[\s\S]/gu;
/** Code points that take no column: combining marks (variation selectors among them), controls, zero-width spaces and joiners. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cc}\u200b-\u200f\u2060]/u;
/**
 * Text whose code points each take one column and holds no colour code, so its width is its
 * length: printable ASCII, Latin to U+02FF, general punctuation (dashes, quotes, bullet,
 * ellipsis), arrows and mathematical operators, box drawing and block elements, ✓ and ✗ (what
 * the CLI's own tables and reports are made of).
 */
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u205f\u2190-\u22ff\u2500-\u259f\u2713\u2717]*$/;
/** Emoji shown as pictures (two columns on a terminal). */
const EMOJI = /\p{Emoji_Presentation}/u;
/**
 * East Asian Wide and Fullwidth code points (two columns): Hangul Jamo initials, CJK radicals to
 * CJK Unified Ideographs and Yi, Hangul syllables, CJK compatibility ideographs, vertical and
 * small forms, fullwidth forms, and the supplementary ideographic planes (Unicode Standard Annex
 * #11, EastAsianWidth.txt, main blocks).
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x3fffd],
];

/**
 * Columns one code point takes on a terminal: none for combining marks, controls and zero-width
 * characters, two for East Asian wide characters and emoji, one for everything else.
 *
 * @example
 * ```ts
 * import { codePointWidth } from "./displayWidth.js";
 * [codePointWidth("a"), codePointWidth("中"), codePointWidth("\u0301")]; // [1, 2, 0]
 * ```
 */
export function codePointWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return EMOJI.test(ch) || WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
}

/**
 * Columns a line of text takes on a terminal: ANSI colour codes and combining marks take none,
 * East Asian wide characters and emoji two, everything else one.
 *
 * @example
 * ```ts
 * import { displayWidth } from "./displayWidth.js";
 * displayWidth("\u001b[1mrussia\u001b[22m"); // 6
 * displayWidth("中文字"); // 6
 * ```
 */
export function displayWidth(line: string): number {
  // Most lines are plain: one test instead of a unit list (the CLI prints every line through here).
  if (NARROW.test(line)) return line.length;
  let w = 0;
  for (const unit of displayUnits(line)) w += unitWidth(unit);
  return w;
}

/**
 * A line cut into the units a wrap may not split: ANSI colour codes (no columns) and single code
 * points.
 *
 * @example
 * ```ts
 * import { displayUnits } from "./displayWidth.js";
 * displayUnits("\u001b[1m中a"); // ["\u001b[1m", "中", "a"]
 * ```
 */
export function displayUnits(line: string): string[] {
  return line.match(UNIT) ?? [];
}

/**
 * Columns one unit of {@link displayUnits} takes: none for a colour code, else its code point's.
 *
 * @example
 * ```ts
 * import { unitWidth } from "./displayWidth.js";
 * [unitWidth("\u001b[1m"), unitWidth("中")]; // [0, 2]
 * ```
 */
export function unitWidth(unit: string): number {
  return unit.startsWith("\u001b[") ? 0 : codePointWidth(unit);
}
