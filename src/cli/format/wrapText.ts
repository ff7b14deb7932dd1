// Line wrapping of table cells and of the prose of text reports (no dependency but displayWidth.ts:
// the CLI's start path imports it through context.ts).

import { displayUnits, displayWidth, unitWidth } from "./displayWidth.js";

const BREAK_AFTER = new Set([".", ",", ";", "_", "=", "/", "-", ":", ")"]);
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * Whether a line may break between `units[j - 1]` and `units[j]` (j > 1, so that a line never
 * holds a lone separator): 2 after a separator (`.`, `_`, `=`, `,`, `-`, ...) when a letter
 * follows, so 0.4834 and -0.06 stay whole; 1 (a break only where no space fits) after a hyphen
 * between a letter or digit and a digit, so an id such as `ukraine-2022-03-istanbul` or a date
 * breaks at its hyphens, but an interval `1.000 (0.943-1.000)` at its space, and an exponent
 * (`1e-7`) or a sign (`=-0.5`) never; 0 elsewhere.
 */
function breakBefore(units: readonly string[], j: number): 0 | 1 | 2 {
  if (j <= 1 || j >= units.length || !BREAK_AFTER.has(units[j - 1]!)) return 0;
  const next = units[j]!;
  if (LETTER.test(next)) return 2;
  if (units[j - 1] !== "-" || !DIGIT.test(next)) return 0;
  const before = units[j - 2]!;
  const exponent = (before === "e" || before === "E") && j > 2 && DIGIT.test(units[j - 3]!);
  return (LETTER.test(before) || DIGIT.test(before)) && !exponent ? 1 : 0;
}

/**
 * The width of the widest piece of `text` that {@link wrapText} keeps on one line when it can:
 * a word, or the part of one between two places where it may break (a piece ends with its
 * separator). A column at least this wide (plus padding) wraps its text without cutting a word.
 *
 * @example
 * ```ts
 * import { longestPiece } from "./wrapText.js";
 * longestPiece("ukraine-2022-03-istanbul calibration"); // 11: "calibration"
 * ```
 */
export function longestPiece(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) {
    // A line's leading spaces stay with its first word (wrapText drops only those after a break).
    const lead = line.length - line.trimStart().length;
    line
      .trimStart()
      .split(/ +/)
      .forEach((word, w) => {
        const units = displayUnits(word);
        let start = 0;
        for (let j = 1; j <= units.length; j++)
          if (j === units.length || breakBefore(units.slice(start), j - start) > 0) {
            const piece = displayWidth(units.slice(start, j).join(""));
            widest = Math.max(widest, piece + (w === 0 && start === 0 ? lead : 0));
            start = j;
          }
      });
  }
  return widest;
}

/**
 * Wraps text to lines of at most `max` columns as a terminal shows them (a wide character such
 * as 中 takes two, a colour code none; {@link displayWidth}): at the last space that fits (unless
 * that leaves the line less than half full), else after a separator (`.`, `_`, `=`, `,`, ...)
 * followed by a letter, else (no space fits) after a hyphen between a letter or digit and a
 * digit (`ukraine-2022-03-01`, not `1e-7`), else in the middle of a word; nothing is cut off, so a header such as
 * `parties.russia.reservation` reads `parties.` / `russia.` / `reservation` in a narrow column. A
 * single character wider than `max` is left on a line of its own.
 *
 * @example
 * ```ts
 * import { wrapText } from "./wrapText.js";
 * wrapText("parties.russia.reservation", 12); // "parties.\nrussia.\nreservation"
 * ```
 */
export function wrapText(text: string, max: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let width = displayWidth(line);
    if (width <= max) {
      out.push(line);
      continue;
    }
    let rest = displayUnits(line);
    // Whether the last line cut off was a single character wider than a line (then nothing
    // follows it when it ends the text).
    let alone = false;
    while (width > max) {
      // end: how many units fit in max columns (at least one, so that every line takes something)
      let end = 0;
      for (let w = 0; end < rest.length && w + unitWidth(rest[end]!) <= max; end++) w += unitWidth(rest[end]!);
      alone = end === 0;
      if (alone) end = 1;
      // The last space that fits, and the last places after it where a word may break
      // (breakBefore: 0.4834 and -0.06 stay whole). The space wins unless it would leave the line
      // less than half full: `box=bill, pen=bill` breaks after the comma, not after `pen=`. A
      // hyphen before a digit is taken only when no space fits.
      let cut = -1;
      let sep = -1;
      let weak = -1;
      for (let j = end; j > 0; j--) {
        if (rest[j] === " ") {
          cut = j;
          break;
        }
        const kind = sep < 0 ? breakBefore(rest, j) : 0;
        if (kind === 2) sep = j;
        else if (kind === 1 && weak < 0) weak = j;
      }
      if (cut <= 0 || (sep > 0 && cut * 2 < end)) cut = sep;
      if (cut <= 0) cut = weak;
      if (cut <= 0) cut = end;
      out.push(rest.slice(0, cut).join("").trimEnd());
      rest = rest.slice(cut);
      while (rest[0] === " ") rest = rest.slice(1);
      width = displayWidth(rest.join(""));
    }
    if (rest.length > 0 || !alone) out.push(rest.join(""));
  }
  return out.join("\n");
}

/**
 * Wraps the prose lines of a text report to `maxWidth` columns (as a terminal shows them), leaving table lines (box drawing,
 * or markdown rows starting with `|`) alone: a continuation is indented two spaces deeper than
 * its line, or under the text of a numbered or bulleted item, so a list stays readable. What the
 * CLI prints in its `table` and `text` formats goes through it (issue 17: no line wider than the
 * terminal).
 *
 * @example
 * ```ts
 * import { wrapProse } from "./wrapText.js";
 * wrapProse("  utilities: russia 0.622 (-0.040), ukraine 0.526 (+0.026)", 40);
 * // "  utilities: russia 0.622 (-0.040),\n    ukraine 0.526 (+0.026)"
 * ```
 */
export function wrapProse(text: string, maxWidth: number): string {
  return text
    .split("\n")
    .map((line) => {
      if (displayWidth(line) <= maxWidth || /^\s*[\u2502\u250c\u251c\u2514\u255e\u2550|]/.test(line)) return line;
      const indent = line.match(/^ */)![0].length;
      // Continuations hang two spaces deeper, or under the text of a numbered or bulleted item.
      const hang = line.match(/^ *(?:\d+\.|[-*\u2022]) +/)?.[0].length ?? indent + 2;
      const out: string[] = [];
      let current = "";
      const room = (): number => Math.max(20, maxWidth - (out.length > 0 ? hang : indent));
      // Greedy at spaces; a word longer than a line is broken by wrapText (after a separator).
      for (const word of line.slice(indent).split(/ +/)) {
        const candidate = current === "" ? word : `${current} ${word}`;
        if (displayWidth(candidate) <= room()) current = candidate;
        else {
          if (current !== "") out.push(current);
          let rest = word;
          while (displayWidth(rest) > room()) {
            const head = wrapText(rest, room()).split("\n")[0]!;
            out.push(head);
            rest = rest.slice(head.length);
          }
          current = rest;
        }
      }
      out.push(current);
      return out.map((l, k) => " ".repeat(k > 0 ? hang : indent) + l).join("\n");
    })
    .join("\n");
}
