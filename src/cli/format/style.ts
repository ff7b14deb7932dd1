/**
 * Terminal text styles that are no-ops unless colour is on.
 *
 * @example
 * ```ts
 * import { type TextStyle, textStyle } from "./style.js";
 * const s: TextStyle = textStyle(true);
 * s.bold("Parties"); // "\u001b[1mParties\u001b[22m"
 * ```
 */
export interface TextStyle {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

/**
 * ANSI styles when `color` is true, identity functions otherwise.
 *
 * @example
 * ```ts
 * import { textStyle } from "./style.js";
 * textStyle(false).red("error"); // "error"
 * textStyle(true).red("error"); // "\u001b[31merror\u001b[39m"
 * ```
 */
export function textStyle(color: boolean): TextStyle {
  return color
    ? { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39) }
    : { bold: plain, dim: plain, red: plain, green: plain };
}

/**
 * Whether to colour a stream: only a terminal, never with `NO_COLOR` set (https://no-color.org) or
 * `TERM=dumb`; `FORCE_COLOR` (not "0") turns it on anyway.
 *
 * @example
 * ```ts
 * import { useColor } from "./style.js";
 * useColor(true, {}); // true: a terminal
 * useColor(true, { NO_COLOR: "1" }); // false
 * useColor(false, { FORCE_COLOR: "1" }); // true
 * ```
 */
export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY;
}
