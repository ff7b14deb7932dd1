/**
 * Errors that treatylab raises on purpose. Each carries a one-line message fit for a user; the CLI
 * prints `message` and exits with `exitCode`, never a stack trace.
 * @module
 */
import { oneLineSafe } from "./quote.js";

/**
 * Base class of every error treatylab raises deliberately.
 *
 * @example
 * ```ts
 * try {
 *   applyEdits(nash1950, [{ op: "shiftReservation", party: "joe", by: 0.1 }]);
 * } catch (e) {
 *   if (e instanceof TreatylabError) console.error(e.message, e.exitCode);
 *   // edits[0].party: unknown party "joe"; expected one of "bill", "jack" 2
 * }
 * ```
 */
export class TreatylabError extends Error {
  /** Process exit code the CLI uses for this error (2: bad input or usage). */
  readonly exitCode: number = 2;
  constructor(message: string) {
    // One line, no control characters or terminal escapes, bounded length, whatever the input.
    super(oneLineSafe(message));
    this.name = "TreatylabError";
  }
}

/**
 * A malformed scenario: names the JSON path, what is wrong and what is expected, and the file it
 * was read from when there was one (`source`, which then starts the message).
 *
 * @example
 * ```ts
 * const e = new ScenarioError("$.parties[0].reservation", "is 1.4", "a number in [0, 1]");
 * e.message; // "$.parties[0].reservation: is 1.4; expected a number in [0, 1]"
 * new ScenarioError(e.path, e.problem, e.expected, "my.json").message;
 * // "my.json: $.parties[0].reservation: is 1.4; expected a number in [0, 1]"
 * ```
 */
export class ScenarioError extends TreatylabError {
  readonly path: string;
  readonly problem: string;
  readonly expected: string;
  readonly source: string | undefined;
  constructor(path: string, problem: string, expected: string, source?: string) {
    super(`${source === undefined ? "" : `${source}: `}${path}: ${problem}; expected ${expected}`);
    this.name = "ScenarioError";
    this.path = path;
    this.problem = problem;
    this.expected = expected;
    this.source = source;
  }
}

/**
 * A computation that would exceed a size or memory limit; says how big it was getting and what to do.
 *
 * @example
 * ```ts
 * throw new LimitError("the outcome space has 1.2e12 bundles, over the enumeration limit of 2e7; use --algorithm frontier");
 * ```
 */
export class LimitError extends TreatylabError {
  constructor(message: string) {
    super(message);
    this.name = "LimitError";
  }
}
