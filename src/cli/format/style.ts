/**
 * Terminal text styles that are no-ops unless colour is on.
 *
 * @example
 * ```ts
 * const s = textStyle(true);
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
 * textStyle(false).red("error"); // "error"
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
 * useColor(Boolean(process.stdout.isTTY), process.env);
 * ```
 */
export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY;
}
