/**
 * The one way error messages show text a user typed (ids, keys, file names, option values): on one
 * line, with control characters, newlines and terminal escapes escaped, and shortened.
 * @module
 */

/**
 * Longest user text an error message shows, in characters (longer text is cut with an ellipsis).
 * @example
 * ```ts
 * import { quote, QUOTE_MAX_CHARS } from "./quote.js";
 * quote("x".repeat(100)); // "xxx…": 59 x and an ellipsis (QUOTE_MAX_CHARS characters), in double quotes
 * quote("x".repeat(100)).length === QUOTE_MAX_CHARS + 2; // true
 * ```
 */
export const QUOTE_MAX_CHARS = 60;

/**
 * Longest error message, in characters: a message built from many pieces of user text is cut to
 * this length with an ellipsis, so no input can print a screenful.
 * @example
 * ```ts
 * import { MESSAGE_MAX_CHARS } from "./quote.js";
 * new TreatylabError("x".repeat(1000)).message.length === MESSAGE_MAX_CHARS; // true: 400
 * ```
 */
export const MESSAGE_MAX_CHARS = 400;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidi overrides and lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(c: string): string {
  switch (c) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Do not split a surrogate pair.
  if (/[\ud800-\udbff]/.test(s[end - 1] ?? "")) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * Makes a message safe to print on one line: control characters, newlines, terminal escapes and
 * bidi overrides escaped (`\n`, `\u001b`), and cut to `max` characters with an ellipsis. Every
 * {@link TreatylabError} message goes through it.
 *
 * @example
 * ```ts
 * import { oneLineSafe } from "./quote.js";
 * oneLineSafe("bad\nid\u001b[31m"); // "bad\\nid\\u001b[31m"
 * ```
 */
export function oneLineSafe(message: string, max: number = MESSAGE_MAX_CHARS): string {
  return cut(message.replace(UNSAFE, escapeChar), max);
}

/**
 * Quotes user text for an error message: in double quotes, escaped (see {@link oneLineSafe}) and
 * shortened to `max` characters with an ellipsis; a value that is not a string is shown as JSON.
 *
 * @example
 * ```ts
 * import { quote } from "./quote.js";
 * quote("no-nato"); // '"no-nato"'
 * quote("a\nb"); // '"a\\nb"'
 * quote("x".repeat(100_000)).length; // 62
 * ```
 */
export function quote(text: unknown, max: number = QUOTE_MAX_CHARS): string {
  let s: string;
  if (typeof text === "string") s = text;
  else if (typeof text === "bigint") s = `${text}n`;
  else {
    try {
      s = JSON.stringify(text) ?? String(text);
    } catch {
      s = Object.prototype.toString.call(text);
    }
  }
  return `"${oneLineSafe(
    s.replace(/["\\]/g, (c) => `\\${c}`),
    max,
  )}"`;
}
