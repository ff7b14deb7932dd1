import { InvalidArgumentError, Option } from "commander";

/**
 * Commander helper: collects a repeatable option into an array.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { collect } from "./options.js";
 * const cmd = new Command("check").option("-s, --set <issue=option>", "set a clause", collect, []);
 * cmd.parse(["--set", "hat=bill", "-s", "pen=jack"], { from: "user" }).opts().set; // ["hat=bill", "pen=jack"]
 * ```
 */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * A `--format` option limited to the given choices.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { formatOption } from "./options.js";
 * const cmd = new Command("analyze").addOption(formatOption(["table", "json"], "table"));
 * cmd.parse(["-f", "json"], { from: "user" }).opts().format; // "json" (default "table"; "svg" is refused)
 * ```
 */
export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option("-f, --format <format>", "output format").choices(choices).default(fallback);
}

/**
 * The `--out <file>` option: write the result to a file (atomically) instead of stdout.
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { outOption } from "./options.js";
 * const cmd = new Command("analyze").addOption(outOption());
 * cmd.parse(["-o", "nash.json"], { from: "user" }).opts().out; // "nash.json"
 * ```
 */
export function outOption(): Option {
  return new Option("-o, --out <file>", "write the result to <file> (atomically) instead of stdout").argParser(
    (file: string) => {
      // An empty name (-o "" from an unset shell variable) is refused, not taken as stdout.
      if (file.trim() === "") throw new InvalidArgumentError("the file name is empty (give a file, or - for stdout)");
      return file;
    },
  );
}

/**
 * Parses a positive integer option value with a clear message.
 *
 * @example
 * ```ts
 * import { Option } from "commander";
 * import { positiveInteger } from "./options.js";
 * new Option("--max-outcomes <n>").argParser(positiveInteger);
 * positiveInteger("1_000_000"); // 1000000
 * positiveInteger("0"); // throws InvalidArgumentError: '"0" is not a positive integer'
 * ```
 */
export function positiveInteger(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

/**
 * Parses a number option value (its range is checked where it is used), refusing what is not a
 * finite number with the text the user typed, never `NaN`.
 *
 * @example
 * ```ts
 * import { Option } from "commander";
 * import { finiteNumber } from "./options.js";
 * new Option("--spread <s>").argParser(finiteNumber);
 * finiteNumber("0.25"); // 0.25
 * finiteNumber("abc"); // throws InvalidArgumentError: '"abc" is not a number'
 * ```
 */
export function finiteNumber(value: string): number {
  const n = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a number`);
  return n;
}

/**
 * Parses a `--seed` value: any text but an empty one (an unset shell variable), which would seed
 * every generator alike while looking like no seed was given.
 *
 * @example
 * ```ts
 * import { Option } from "commander";
 * import { seedText } from "./options.js";
 * new Option("--seed <seed>").argParser(seedText).default("1");
 * seedText("42"); // "42"
 * seedText(""); // throws InvalidArgumentError: "the seed is empty (give any text, e.g. --seed 42)"
 * ```
 */
export function seedText(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("the seed is empty (give any text, e.g. --seed 42)");
  return value;
}

/**
 * Parses a non-negative integer option value with a clear message.
 *
 * @example
 * ```ts
 * import { Option } from "commander";
 * import { nonNegativeInteger } from "./options.js";
 * new Option("--alternatives <n>").argParser(nonNegativeInteger);
 * nonNegativeInteger("0"); // 0
 * nonNegativeInteger("-1"); // throws InvalidArgumentError: '"-1" is not a non-negative integer'
 * ```
 */
export function nonNegativeInteger(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a non-negative integer`);
  return n;
}
