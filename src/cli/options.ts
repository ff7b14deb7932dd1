import { InvalidArgumentError, Option } from "commander";

/**
 * Commander helper: collects a repeatable option into an array.
 *
 * @example
 * ```ts
 * cmd.option("-s, --set <issue=option>", "set a clause", collect, []);
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
 * cmd.addOption(formatOption(["table", "json"], "table"));
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
 * cmd.addOption(outOption());
 * ```
 */
export function outOption(): Option {
  return new Option("-o, --out <file>", "write the result to <file> (atomically) instead of stdout");
}

/**
 * Parses a positive integer option value with a clear message.
 *
 * @example
 * ```ts
 * new Option("--max-outcomes <n>").argParser(positiveInteger);
 * ```
 */
export function positiveInteger(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

/**
 * Parses a non-negative integer option value with a clear message.
 *
 * @example
 * ```ts
 * new Option("--alternatives <n>").argParser(nonNegativeInteger);
 * ```
 */
export function nonNegativeInteger(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a non-negative integer`);
  return n;
}
