import { promises as fs } from "node:fs";
import path from "node:path";
import { TreatylabError } from "../model/errors.js";
import { makeFolder, writeError } from "./writeFileAtomic.js";

/**
 * Reads a JSON Lines file written by {@link JsonLinesAppender}: every complete line parsed, and
 * the byte length they span. A last line cut short by an interruption (no newline, or not valid
 * JSON) is left out; `truncateTo` cuts it off before appending again.
 *
 * @example
 * ```ts
 * const { lines, validBytes, exists } = await readJsonLines("draws.jsonl");
 * [lines, validBytes, exists]; // [[], 0, false] before the file is written
 * ```
 */
export async function readJsonLines(file: string): Promise<{ lines: unknown[]; validBytes: number; exists: boolean }> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { lines: [], validBytes: 0, exists: false };
    throw new TreatylabError(`${file}: cannot read (${(err as Error).message})`);
  }
  const lines: unknown[] = [];
  let start = 0;
  let validBytes = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) break; // unfinished last line
    lineNo++;
    const text = buf.subarray(start, nl).toString("utf8");
    try {
      if (text.trim() !== "") lines.push(JSON.parse(text));
    } catch {
      if (buf.indexOf(10, nl + 1) >= 0)
        throw new TreatylabError(`${file}:${lineNo}: not valid JSON (the file is damaged; remove it to start again)`);
      break; // a damaged last line: dropped
    }
    start = nl + 1;
    validBytes = start;
  }
  return { lines, validBytes, exists: true };
}

/**
 * Appends JSON values to a file, one per line, each batch in one write (so an interruption loses
 * at most the batch being written, which a resumed run writes again).
 *
 * @example
 * ```ts
 * const { validBytes } = await readJsonLines("rows.jsonl"); // 0: no file yet
 * const out = await JsonLinesAppender.open("rows.jsonl", { truncateTo: validBytes });
 * await out.append([{ index: 0 }, { index: 1 }]);
 * await out.close();
 * await readJsonLines("rows.jsonl"); // { lines: [{ index: 0 }, { index: 1 }], validBytes: 24, exists: true }
 * ```
 */
export class JsonLinesAppender {
  private constructor(private readonly handle: fs.FileHandle) {}

  /** Opens `file` for appending; `truncateTo` first cuts it to that many bytes (0 starts afresh). */
  static async open(file: string, options: { readonly truncateTo?: number } = {}): Promise<JsonLinesAppender> {
    let handle: fs.FileHandle;
    try {
      // Missing folders are created, as `--out` creates them (writeFileAtomic).
      await makeFolder(path.dirname(file));
      handle = await fs.open(file, "a");
    } catch (err) {
      throw writeError(file, err);
    }
    if (options.truncateTo !== undefined) await handle.truncate(options.truncateTo);
    return new JsonLinesAppender(handle);
  }

  /** Appends the values, one JSON line each. */
  async append(values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return;
    await this.handle.write(values.map((v) => `${JSON.stringify(v)}\n`).join(""));
  }

  /** Flushes to disk and closes. */
  async close(): Promise<void> {
    await this.handle.sync().catch(() => undefined);
    await this.handle.close();
  }
}
