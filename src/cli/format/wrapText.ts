// Line wrapping of table cells and of the prose of text reports (no dependency: the CLI's start
// path imports it through context.ts).

const BREAK_AFTER = new Set([".", ",", ";", "_", "=", "/", "-", ":", ")"]);

/**
 * Wraps text to lines of at most `max` characters: at a space, else after a separator
 * (`.`, `_`, `=`, `,`, ...), else in the middle of a word; nothing is cut off, so a header such as
 * `parties.russia.reservation` reads `parties.` / `russia.` / `reservation` in a narrow column.
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
    let rest = [...line];
    while (rest.length > max) {
      let cut = -1;
      for (let j = max; j > 0; j--) {
        // after a separator only before a letter: 0.4834 and -0.06 stay whole
        if (rest[j] === " " || (j > 1 && BREAK_AFTER.has(rest[j - 1]!) && /\p{L}/u.test(rest[j]!))) {
          cut = j;
          break;
        }
      }
      if (cut <= 0) cut = max;
      out.push(rest.slice(0, cut).join("").trimEnd());
      rest = rest.slice(cut);
      while (rest[0] === " ") rest = rest.slice(1);
    }
    out.push(rest.join(""));
  }
  return out.join("\n");
}

/**
 * Wraps the prose lines of a text report to `maxWidth` columns, leaving table lines (box drawing,
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
      if ([...line].length <= maxWidth || /^\s*[│┌├└╞═|]/.test(line)) return line;
      const indent = line.match(/^ */)![0].length;
      // Continuations hang two spaces deeper, or under the text of a numbered or bulleted item.
      const hang = line.match(/^ *(?:\d+\.|[-*•]) +/)?.[0].length ?? indent + 2;
      const out: string[] = [];
      let current = "";
      const room = (): number => Math.max(20, maxWidth - (out.length > 0 ? hang : indent));
      // Greedy at spaces; a word longer than a line is broken by wrapText (after a separator).
      for (const word of line.slice(indent).split(/ +/)) {
        const candidate = current === "" ? word : `${current} ${word}`;
        if ([...candidate].length <= room()) current = candidate;
        else {
          if (current !== "") out.push(current);
          let rest = word;
          while ([...rest].length > room()) {
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
