import { writeFileAtomic } from "../io/writeFileAtomic.js";

/**
 * What a command needs from the outside world; tests pass their own to run commands in-process.
 *
 * @example
 * ```ts
 * const ctx: CliContext = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, columns: 80 };
 * ```
 */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal. */
  readonly isTTY: boolean;
  /** Width of the terminal in characters: tables are fitted to it. */
  readonly columns: number;
  /** Colour on stdout (a terminal, no NO_COLOR; see `useColor`); default false. */
  readonly color?: boolean;
  /** Colour on stderr (errors); default false. */
  readonly stderrColor?: boolean;
}

/**
 * Sends a command's result to `--out` (written atomically) or to stdout.
 *
 * @example
 * ```ts
 * await emit(ctx, text, opts.out);
 * ```
 */
export async function emit(ctx: CliContext, text: string, out?: string): Promise<void> {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  if (out && out !== "-") {
    await writeFileAtomic(out, body);
    ctx.stderr(`wrote ${out}\n`);
  } else ctx.stdout(body);
}
